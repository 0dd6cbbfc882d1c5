import { useMutation, useQuery } from '@apollo/client/react';
import { InvoiceSendPreviewDocument, IssueAndSendInvoiceDocument, SendInvoiceDocument, type SendInvoiceInput } from '../../../gql/graphql';

const listQueries = ['InvoiceList', 'CreditNoteList'];

/** What sending would mail (recipients, subject, text, attachments), read afresh each time the dialog opens. */
export function useInvoiceSendPreview(invoiceId: string) {
  const { data, error, refetch } = useQuery(InvoiceSendPreviewDocument, { variables: { id: invoiceId }, fetchPolicy: 'network-only' });
  return { preview: data?.invoiceSendPreview ?? null, error, retry: () => void refetch() };
}

/** Mails the issued document with its Factur-X PDF (queued, retried); its deliveries show the outcome. */
export function useSendInvoice(invoiceId: string) {
  const [send, { loading }] = useMutation(SendInvoiceDocument, { refetchQueries: listQueries });
  return { busy: loading, send: (input: SendInvoiceInput) => send({ variables: { id: invoiceId, input } }) };
}

/** Issues the draft at `expectedVersion` and sends it, in one step (a refused mail leaves the draft as it was). */
export function useIssueAndSendInvoice(invoiceId: string) {
  const [issueAndSend, { loading }] = useMutation(IssueAndSendInvoiceDocument, { refetchQueries: listQueries });
  return {
    busy: loading,
    issueAndSend: (expectedVersion: number, input: SendInvoiceInput) =>
      issueAndSend({ variables: { id: invoiceId, expectedVersion, input } }),
  };
}
