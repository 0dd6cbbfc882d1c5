import { useMutation } from '@apollo/client/react';
import {
  CancelWriteOffDocument,
  CreateCreditNoteDocument,
  RecordPaymentDocument,
  type CreditNoteInput,
  type RecordPaymentInput,
} from '../../../gql/graphql';

const listQueries = ['InvoiceList', 'CreditNoteList'];

/** A payment received and allocated to the invoice (the rest, if any, stays as the customer's credit). */
export function useRecordPayment() {
  const [record, { loading }] = useMutation(RecordPaymentDocument, { refetchQueries: ['InvoiceDetail', ...listQueries] });
  return { busy: loading, record: (input: RecordPaymentInput) => record({ variables: { input } }) };
}

/** A draft credit note on an issued invoice (whole or chosen lines); resolves to its id. */
export function useCreateCreditNote(invoiceId: string) {
  const [create, { loading }] = useMutation(CreateCreditNoteDocument, { refetchQueries: ['InvoiceDetail', ...listQueries] });
  return {
    busy: loading,
    create: async (input: CreditNoteInput) => {
      const { data } = await create({ variables: { invoiceId, input } });
      return data?.createCreditNote.id;
    },
  };
}

/** Cancels a write-off (finance:write): the amount is owed again on the invoice. */
export function useCancelWriteOff() {
  const [cancel, { loading }] = useMutation(CancelWriteOffDocument, { refetchQueries: ['InvoiceDetail', ...listQueries] });
  return { busy: loading, cancel: (id: string, expectedVersion: number) => cancel({ variables: { id, expectedVersion } }) };
}
