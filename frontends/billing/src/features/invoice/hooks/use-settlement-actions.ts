import { useMutation } from '@apollo/client/react';
import {
  CreateCreditNoteDocument,
  RecordPaymentDocument,
  SendInvoiceDocument,
  type CreditNoteInput,
  type PaymentInput,
  type SendInvoiceInput,
} from '../../../gql/graphql';

const listQueries = ['InvoiceList', 'CreditNoteList'];

/** A payment received on an issued invoice; the invoice comes back with its new balance. */
export function useRecordPayment(invoiceId: string) {
  const [record, { loading }] = useMutation(RecordPaymentDocument, { refetchQueries: listQueries });
  return { busy: loading, record: (input: PaymentInput) => record({ variables: { invoiceId, input } }) };
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

/** Mails the issued document with its Factur-X PDF (queued, retried); its deliveries show the outcome. */
export function useSendInvoice(invoiceId: string) {
  const [send, { loading }] = useMutation(SendInvoiceDocument, { refetchQueries: listQueries });
  return { busy: loading, send: (input: SendInvoiceInput) => send({ variables: { id: invoiceId, input } }) };
}
