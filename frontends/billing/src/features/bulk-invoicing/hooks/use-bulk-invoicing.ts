import { useEffect } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import {
  BillingBatchDocument,
  BillingBatchPreviewDocument,
  IssueAndSendInvoicesDocument,
  StartBillingBatchDocument,
  type BillingBatchQuery,
  type BillingBatchState,
  type BillingSelectionInput,
} from '../../../gql/graphql';

export type BillingBatch = BillingBatchQuery['billingBatch'];
export type BillingBatchResult = BillingBatch['results'][number];

const BATCH_POLL_MS = 1000;

export const isFinished = (state: BillingBatchState) => state === 'SUCCEEDED' || state === 'FAILED';

/** What invoicing the selection would do: one draft per customer (or site, or contract), every amount the server's. */
export function useBatchPreview(selection: BillingSelectionInput) {
  const { data, error, refetch } = useQuery(BillingBatchPreviewDocument, { variables: { selection }, fetchPolicy: 'network-only' });
  return { preview: data?.billingBatchPreview ?? null, loading: !data && !error, error, retry: () => void refetch() };
}

/** Starts the batch of the selection (QUEUED); resolves to its id. */
export function useStartBillingBatch() {
  const [start, { loading }] = useMutation(StartBillingBatchDocument);
  return {
    busy: loading,
    start: async (selection: BillingSelectionInput, send: boolean) =>
      (await start({ variables: { selection, send } })).data?.startBillingBatch.id,
  };
}

/** Issues (and sends) drafts picked on the invoice list, as a batch; resolves to its id. */
export function useIssueAndSendInvoices() {
  const [start, { loading }] = useMutation(IssueAndSendInvoicesDocument);
  return {
    busy: loading,
    start: async (ids: readonly string[], send: boolean) =>
      (await start({ variables: { ids: [...ids], send } })).data?.issueAndSendInvoices.id,
  };
}

/**
 * A batch, read every second while it is queued or running; once it has finished, the lists it
 * changed ("À facturer", the invoices) are read again.
 */
export function useBillingBatch(id: string | null) {
  const { data, error, loading, refetch, startPolling, stopPolling, client } = useQuery(
    BillingBatchDocument,
    id ? { variables: { id }, fetchPolicy: 'network-only' } : skipToken,
  );
  const batch = data?.billingBatch ?? null;
  const running = Boolean(id) && (!batch || !isFinished(batch.state));
  useEffect(() => {
    if (!running) return undefined;
    startPolling(BATCH_POLL_MS);
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);
  const finishedState = batch && isFinished(batch.state) ? batch.state : null;
  useEffect(() => {
    if (finishedState) void client.refetchQueries({ include: ['Billable', 'InvoiceList'] });
  }, [finishedState, client]);
  return { batch, loading: loading && !batch, error, retry: () => void refetch() };
}
