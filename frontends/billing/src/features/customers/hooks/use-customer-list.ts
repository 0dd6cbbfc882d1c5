import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { CustomerListDocument, type CustomerListQuery } from '../../../gql/graphql';

const pageSize = 25;
const searchDebounceMs = 300;

export type CustomerListItem = CustomerListQuery['customers']['edges'][number]['node'];

/** One page after another of the tenant's customers, filtered by a debounced search text. */
export function useCustomerList(searchText: string) {
  const [search] = useDebouncedValue(searchText.trim(), searchDebounceMs);
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(CustomerListDocument, {
    variables: { first: pageSize, search: search || undefined },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.customers;
  const endCursor = connection?.pageInfo.endCursor;

  return {
    customers: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: {
      hasMore: Boolean(connection?.pageInfo.hasNextPage),
      loading: networkStatus === NetworkStatus.fetchMore,
      onLoadMore: () => void fetchMore({ variables: { after: endCursor } }),
    },
  };
}
