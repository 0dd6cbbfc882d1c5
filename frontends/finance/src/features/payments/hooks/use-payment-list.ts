import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { loadMoreControls } from '@relais/session';
import { PaymentListDocument, type PaymentListItemFragment } from '../../../gql/graphql';

const pageSize = 25;

export type PaymentListItem = PaymentListItemFragment;

/** What the accountant narrows the payments to; empty dates mean no bound. */
export interface PaymentFilters {
  customerId: string | null;
  searchText: string;
  receivedFrom: string;
  receivedTo: string;
  unallocatedOnly: boolean;
}

export const noPaymentFilters: PaymentFilters = {
  customerId: null,
  searchText: '',
  receivedFrom: '',
  receivedTo: '',
  unallocatedOnly: false,
};

/** The tenant's payments, newest received first, one page after another. */
export function usePaymentList(filters: PaymentFilters) {
  const [search] = useDebouncedValue(filters.searchText.trim(), 300);
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(PaymentListDocument, {
    variables: {
      first: pageSize,
      customerId: filters.customerId,
      receivedFrom: filters.receivedFrom || null,
      receivedTo: filters.receivedTo || null,
      unallocatedOnly: filters.unallocatedOnly || null,
      search: search || null,
    },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.payments;
  return {
    payments: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}
