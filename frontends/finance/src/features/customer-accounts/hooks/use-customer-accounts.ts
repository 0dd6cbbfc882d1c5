import { useQuery } from '@apollo/client/react';
import { loadMoreControls } from '@relais/session';
import { CustomerAccountsDocument, type CustomerAccountsQuery } from '../../../gql/graphql';

const pageSize = 50;

export type CustomerAccount = CustomerAccountsQuery['customers']['edges'][number]['node'];

/** Customers with the auxiliary account their receivables are booked to. */
export function useCustomerAccounts() {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(CustomerAccountsDocument, {
    variables: { first: pageSize },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.customers;
  return {
    customers: connection?.edges.map((edge) => edge.node) ?? [],
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}
