import { useFormAction } from '@relais/session';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { allocationInputs, allocationPath, type Allocation, type AllocationValues } from '../../allocation/hooks/allocation-form';
import { useOpenInvoices } from '../../allocation/hooks/use-open-invoices';
import type { PaymentDetail } from './use-payment';
import { useAllocatePayment } from './use-payment-actions';

/** The payment's remaining credit spread over the customer's open invoices; `onDone` once saved. */
export function useAllocateForm(payment: PaymentDetail, onDone: () => void) {
  const form = useForm<{ allocations: AllocationValues }>({ defaultValues: { allocations: {} } });
  const openInvoices = useOpenInvoices(payment.customer.id);
  const { allocate, busy } = useAllocatePayment(payment);
  const sent = useRef<Allocation[]>([]);
  const action = useFormAction(form, (path) => allocationPath(path, sent.current));

  const submit = form.handleSubmit(async (values) => {
    const allocations = allocationInputs(openInvoices.invoices, values.allocations);
    if (!allocations) return;
    sent.current = allocations;
    if (await action.run(() => allocate(allocations))) onDone();
  });

  return { form, openInvoices, action, submit, busy };
}
