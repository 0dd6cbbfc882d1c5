import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { LoadMoreControls } from '@relais/session';
import { InvoiceListDocument, type InvoiceListQuery } from '../../../gql/graphql';

const pageSize = 25;

export type InvoiceListItem = InvoiceListQuery['invoices']['edges'][number]['node'];

/** The tenant's invoices, newest first, one page after another. */
export function useInvoiceList(status: string | undefined) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(InvoiceListDocument, {
    variables: { first: pageSize, status },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.invoices;
  const loadMore: LoadMoreControls = {
    hasMore: Boolean(connection?.pageInfo.hasNextPage),
    loading: networkStatus === NetworkStatus.fetchMore,
    onLoadMore: () =>
      void fetchMore({
        variables: { after: connection?.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          invoices: {
            ...fetchMoreResult.invoices,
            edges: [...(previous.invoices?.edges ?? []), ...fetchMoreResult.invoices.edges] as InvoiceListQuery['invoices']['edges'],
          },
        }),
      }),
  };

  return {
    invoices: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore,
  };
}
