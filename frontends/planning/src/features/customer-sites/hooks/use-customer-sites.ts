import { useQuery } from '@apollo/client/react';
import { loadMoreControls } from '@relais/session';
import { CustomerSitesDocument, type CustomerSitesQuery } from '../../../gql/graphql';

const pageSize = 25;

type CustomerNode = CustomerSitesQuery['customers']['edges'][number]['node'];

/** One row per site, with the customer it belongs to. */
export interface CustomerSiteRow {
  customer: Pick<CustomerNode, 'id' | 'code' | 'name'>;
  site: CustomerNode['sites'][number];
}

/** The sites of the tenant's customers, a page of customers at a time. */
export function useCustomerSites() {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(CustomerSitesDocument, {
    variables: { first: pageSize },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.customers;

  return {
    rows: connection?.edges.flatMap(({ node: { sites, ...customer } }) => sites.map((site): CustomerSiteRow => ({ customer, site }))) ?? [],
    customerCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}
