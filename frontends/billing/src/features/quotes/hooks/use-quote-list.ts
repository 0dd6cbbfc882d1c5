import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { loadMoreControls } from '@relais/session';
import { QuoteListDocument, type QuoteListItemFragment, type QuoteListQuery, type QuoteStatus } from '../../../gql/graphql';
import type { ListFilters } from '../../../shared/ListFiltersBar';

const pageSize = 25;

export type QuoteListItem = QuoteListItemFragment;

export type QuoteFilters = ListFilters<QuoteStatus>;

/** The next page appended to the ones already shown. */
const appendPage = (previous: QuoteListQuery, { fetchMoreResult }: { fetchMoreResult: QuoteListQuery }): QuoteListQuery => ({
  quotes: { ...fetchMoreResult.quotes, edges: [...previous.quotes.edges, ...fetchMoreResult.quotes.edges] },
});

/** The tenant's quotes, newest first, one page after another. */
export function useQuoteList(filters: QuoteFilters) {
  const [search] = useDebouncedValue(filters.searchText.trim(), 300);
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(QuoteListDocument, {
    variables: { first: pageSize, status: filters.status, customerId: filters.customerId, search: search || null },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.quotes;
  return {
    quotes: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, ({ variables }) => fetchMore({ variables, updateQuery: appendPage })),
  };
}
