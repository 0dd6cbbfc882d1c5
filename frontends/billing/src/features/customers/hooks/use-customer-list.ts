import { useQuery } from '@apollo/client/react';
import { loadMoreControls } from '@relais/session';
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

  return {
    customers: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}
