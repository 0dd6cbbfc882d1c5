import { useMutation, useQuery } from '@apollo/client/react';
import { DeferredRevenueDocument, PostDeferredRevenueDocument, type DeferredRevenueItemFragment } from '../../../gql/graphql';

export type DeferredRevenueItem = DeferredRevenueItemFragment;

/** A date as the date field gives it once complete (the server checks it is a real day). */
const COMPLETE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What would be deferred at the closing date, read afresh: documents are issued meanwhile. */
export function useDeferredRevenue(date: string) {
  const { data, error, refetch } = useQuery(DeferredRevenueDocument, {
    variables: { date },
    skip: !COMPLETE_DATE.test(date),
    fetchPolicy: 'network-only',
  });
  const proposal = data?.deferredRevenue.closingDate === date ? data.deferredRevenue : null;
  return { proposal, loading: COMPLETE_DATE.test(date) && !proposal && !error, error, retry: () => void refetch() };
}

/** Posts what was previewed: its total goes back as expectedTotal (STALE_PROPOSAL when the documents changed since). */
export function usePostDeferredRevenue() {
  const [post, { loading }] = useMutation(PostDeferredRevenueDocument, { refetchQueries: ['DeferredRevenue'], awaitRefetchQueries: true });
  return {
    busy: loading,
    post: async (proposal: DeferredRevenueItem) =>
      (await post({ variables: { date: proposal.closingDate, expectedTotal: proposal.total } })).data?.postDeferredRevenue ?? null,
  };
}
