import { NetworkStatus } from '@apollo/client';

export interface LoadMoreControls {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** "Charger plus" for a Relay connection read with useQuery: fetches the page after the last cursor. */
export function loadMoreControls(
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined,
  networkStatus: NetworkStatus,
  fetchMore: (options: { variables: { after?: string | null } }) => Promise<unknown>,
): LoadMoreControls {
  return {
    hasMore: Boolean(pageInfo?.hasNextPage),
    loading: networkStatus === NetworkStatus.fetchMore,
    onLoadMore: () => void fetchMore({ variables: { after: pageInfo?.endCursor } }),
  };
}
