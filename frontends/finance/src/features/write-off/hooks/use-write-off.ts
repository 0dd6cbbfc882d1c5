import { useMutation, useQuery } from '@apollo/client/react';
import { useFormAction } from '@relais/session';
import { apiDecimal, editableDecimal, isTypedDecimal, todayInParis } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { WriteOffInvoiceDocument, WriteOffPreviewDocument, type WriteOffKind } from '../../../gql/graphql';

/** The invoice to pass to losses, as the lists that offer the action show it. */
export interface WriteOffTarget {
  invoiceId: string;
  invoiceNumber: string;
  customerName: string;
  openBalance: string;
}

export interface WriteOffValues {
  kind: WriteOffKind;
  amount: string;
  writtenOffOn: string;
  reason: string;
}

export const writeOffKinds: readonly WriteOffKind[] = ['IRRECOVERABLE', 'SMALL_BALANCE'];

const ownFields = ['kind', 'amount', 'writtenOffOn', 'reason'] as const;

/** Lists that show what is still owed: read again once an invoice left them. */
const refetchQueries = ['InvoicesToCollect', 'CustomerStatement', 'AgeingOpenItems', 'ReceivablesAgeing', 'OpenInvoices'];

/**
 * "Passer en perte": the whole open balance today by default; the entry the ledger will post is
 * asked of the server for the values typed (the VAT recovered is its rule, not the browser's).
 */
export function useWriteOffForm(target: WriteOffTarget, onDone: () => void) {
  const form = useForm<WriteOffValues>({
    defaultValues: { kind: 'IRRECOVERABLE', amount: editableDecimal(target.openBalance, 2), writtenOffOn: todayInParis(), reason: '' },
  });
  const [kind, amount, writtenOffOn] = form.watch(['kind', 'amount', 'writtenOffOn']);
  const previewable = isTypedDecimal(amount) && writtenOffOn !== '';
  const preview = useQuery(WriteOffPreviewDocument, {
    // The reason does not change the entry: any text lets the server check the rest.
    variables: { input: { invoiceId: target.invoiceId, kind, amount: apiDecimal(amount), writtenOffOn, reason: '—' } },
    skip: !previewable,
    fetchPolicy: 'network-only',
  });
  const [writeOff, { loading }] = useMutation(WriteOffInvoiceDocument, { refetchQueries });
  const action = useFormAction(form, (path) => ownFields.find((field) => field === path) ?? null);
  const submit = form.handleSubmit(async (values) => {
    const done = await action.run(() =>
      writeOff({
        variables: {
          input: {
            invoiceId: target.invoiceId,
            kind: values.kind,
            amount: apiDecimal(values.amount),
            writtenOffOn: values.writtenOffOn,
            reason: values.reason.trim(),
          },
        },
      }),
    );
    if (done) onDone();
  });
  const current = previewable ? (preview.data ?? preview.previousData)?.writeOffPreview : undefined;
  return {
    form,
    action,
    submit,
    busy: loading,
    preview: { result: current ?? null, loading: preview.loading, error: previewable ? preview.error : undefined },
  };
}
