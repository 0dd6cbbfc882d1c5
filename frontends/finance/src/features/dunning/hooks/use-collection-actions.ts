import { useMutation } from '@apollo/client/react';
import { SetInvoiceDisputeDocument, SetPaymentPromiseDocument } from '../../../gql/graphql';
import { dunningPreviewQueries } from './use-dunning';

/** The invoice moves between "À envoyer" and "Suspendues": the preview is read again after each change. */
const refetchQueries = dunningPreviewQueries;

/** Puts an invoice in dispute (with the reason) or lifts the dispute: no reminder while it lasts. */
export function useSetDispute() {
  const [setDispute, { loading }] = useMutation(SetInvoiceDisputeDocument, { refetchQueries, awaitRefetchQueries: true });
  return {
    busy: loading,
    dispute: async (invoiceId: string, reason: string) =>
      (await setDispute({ variables: { invoiceId, disputed: true, reason } })).data?.setInvoiceDispute,
    lift: async (invoiceId: string) =>
      (await setDispute({ variables: { invoiceId, disputed: false, reason: null } })).data?.setInvoiceDispute,
  };
}

/** Records the customer's promise to pay by a date (no reminder until the day after), or withdraws it. */
export function useSetPromise() {
  const [setPromise, { loading }] = useMutation(SetPaymentPromiseDocument, { refetchQueries, awaitRefetchQueries: true });
  return {
    busy: loading,
    promise: async (invoiceId: string, until: string, note: string | null) =>
      (await setPromise({ variables: { invoiceId, until, note } })).data?.setPaymentPromise,
    withdraw: async (invoiceId: string) =>
      (await setPromise({ variables: { invoiceId, until: null, note: null } })).data?.setPaymentPromise,
  };
}
