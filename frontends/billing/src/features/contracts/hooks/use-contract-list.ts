import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { loadMoreControls } from '@relais/session';
import { BillingContractListDocument, type BillingContractListQuery } from '../../../gql/graphql';

const pageSize = 25;
const searchDebounceMs = 300;

export type ContractListItem = BillingContractListQuery['contracts']['edges'][number]['node'];

export interface ContractFilters {
  searchText: string;
  customerId: string | null;
}

/** The tenant's contracts with what billing knows of them (terms in force, renewal), page after page. */
export function useContractList(filters: ContractFilters) {
  const [search] = useDebouncedValue(filters.searchText.trim(), searchDebounceMs);
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(BillingContractListDocument, {
    variables: { first: pageSize, search: search || null, customerId: filters.customerId },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.contracts;
  return {
    contracts: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}
