import { useMutation, useQuery } from '@apollo/client/react';
import { loadMoreControls } from '@relais/session';
import {
  CancelDirectDebitBatchDocument,
  DirectDebitBatchDocument,
  DirectDebitBatchesDocument,
  DirectDebitReturnReasonsDocument,
  ReturnDirectDebitItemDocument,
  SettleDirectDebitBatchDocument,
  type DirectDebitBatchDetailFragment,
  type DirectDebitBatchState,
  type DirectDebitBatchSummaryFragment,
  type DirectDebitItemFieldsFragment,
} from '../../../gql/graphql';

export type DirectDebitBatchSummary = DirectDebitBatchSummaryFragment;
export type DirectDebitBatchDetail = DirectDebitBatchDetailFragment;
export type DirectDebitItem = DirectDebitItemFieldsFragment;

const pageSize = 25;

/** Settling, cancelling or a return changes the batch, its invoices, the next candidates, the payments and the mandates' sequence. */
const refetchQueries = ['DirectDebitBatch', 'DirectDebitBatches', 'DirectDebitCandidates', 'Mandates', 'PaymentList'];

/** The batches, most recent first, one page after another; `state` null for all. */
export function useDirectDebitBatches(state: DirectDebitBatchState | null) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(DirectDebitBatchesDocument, {
    variables: { first: pageSize, state },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.directDebitBatches;
  return {
    batches: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}

/** A batch with its items, read afresh each time it is opened (its pain.008 link lasts 15 minutes). */
export function useDirectDebitBatch(id: string) {
  const { data, error, loading, refetch } = useQuery(DirectDebitBatchDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  return { batch: data?.directDebitBatch ?? null, loading: loading && !data, error, reload: () => void refetch() };
}

/** The bank credited the batch: one payment per pending item, allocated to its invoice. */
export function useSettleBatch(batch: DirectDebitBatchSummary) {
  const [settle, { loading }] = useMutation(SettleDirectDebitBatchDocument, { refetchQueries });
  return {
    busy: loading,
    settle: async (settledOn: string) =>
      (await settle({ variables: { id: batch.id, settledOn, expectedVersion: batch.version } })).data?.settleDirectDebitBatch,
  };
}

/** The file was never sent: its pending invoices can be collected again. */
export function useCancelBatch(batch: DirectDebitBatchSummary) {
  const [cancel, { loading }] = useMutation(CancelDirectDebitBatchDocument, { refetchQueries });
  return {
    busy: loading,
    cancel: async (reason: string) =>
      (await cancel({ variables: { id: batch.id, reason, expectedVersion: batch.version } })).data?.cancelDirectDebitBatch,
  };
}

/** A reject or a return of one collection: its payment reversed (if settled), its invoice open again. */
export function useReturnItem(item: DirectDebitItem) {
  const [returnItem, { loading }] = useMutation(ReturnDirectDebitItemDocument, { refetchQueries, awaitRefetchQueries: true });
  return {
    busy: loading,
    returnItem: async (values: { returnedOn: string; reasonCode: string; reason: string | null }) =>
      (await returnItem({ variables: { id: item.id, ...values, expectedVersion: item.version } })).data?.returnDirectDebitItem,
  };
}

/** The bank's reason codes the API accepts, with their French label. */
export function useReturnReasons() {
  const { data } = useQuery(DirectDebitReturnReasonsDocument);
  return data?.directDebitReturnReasons ?? [];
}

/** What can still be done with a batch: settled when the bank credits it, or cancelled, as long as it is only submitted. */
export function batchActions(batch: DirectDebitBatchSummary) {
  const submitted = batch.state === 'SUBMITTED';
  return { settle: submitted, cancel: submitted };
}

/** A collection the bank rejected (still pending) or returned (collected) can be recorded as unpaid. */
export const canReturn = (item: DirectDebitItem): boolean => item.status === 'PENDING' || item.status === 'COLLECTED';
