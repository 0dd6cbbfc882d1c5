import { useMutation } from '@apollo/client/react';
import { useFormAction } from '@relais/session';
import { todayInParis } from '@relais/ui';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { RecordPaymentDocument, type PaymentMethod } from '../../../gql/graphql';
import {
  allocationInputs,
  allocationPath,
  typedAmount,
  type Allocation,
  type AllocationValues,
} from '../../allocation/hooks/allocation-form';
import { useOpenInvoices } from '../../allocation/hooks/use-open-invoices';

export interface RecordPaymentValues {
  customerId: string | null;
  receivedOn: string;
  amount: string;
  method: PaymentMethod;
  payerName: string;
  reference: string;
  allocations: AllocationValues;
}

const ownFields = ['customerId', 'receivedOn', 'amount', 'method', 'payerName', 'reference'] as const;

/** Received today by transfer, for a customer still to choose. */
const newPayment = (): RecordPaymentValues => ({
  customerId: null,
  receivedOn: todayInParis(),
  amount: '',
  method: 'TRANSFER',
  payerName: '',
  reference: '',
  allocations: {},
});

/**
 * "Enregistrer un règlement": the payment, the customer's open invoices it settles, and the refusal
 * of the server put on the fields it names; `onRecorded` is called once the payment is saved.
 */
export function useRecordPaymentForm(onRecorded: () => void) {
  const form = useForm<RecordPaymentValues>({ defaultValues: newPayment() });
  const [customerId, amount] = form.watch(['customerId', 'amount']);
  const openInvoices = useOpenInvoices(customerId);
  const [record, { loading }] = useMutation(RecordPaymentDocument, { refetchQueries: ['PaymentList'] });
  const sent = useRef<Allocation[]>([]);
  const action = useFormAction(form, (path) => ownFields.find((field) => field === path) ?? allocationPath(path, sent.current));

  const submit = form.handleSubmit(async (values) => {
    const allocations = allocationInputs(openInvoices.invoices, values.allocations);
    const { customerId } = values;
    if (!allocations || !customerId) return;
    sent.current = allocations;
    const done = await action.run(() =>
      record({
        variables: {
          input: {
            customerId,
            receivedOn: values.receivedOn,
            amount: typedAmount(values.amount) ?? values.amount,
            method: values.method,
            payerName: values.payerName.trim() || null,
            reference: values.reference.trim() || null,
            allocations,
          },
        },
      }),
    );
    if (done) onRecorded();
  });

  return { form, openInvoices, total: typedAmount(amount), action, submit, busy: loading };
}
