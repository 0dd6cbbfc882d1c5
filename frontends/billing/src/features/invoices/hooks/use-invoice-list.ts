import { useQuery } from '@apollo/client/react';
import { loadMoreControls } from '@relais/session';
import { useDebouncedValue } from '@mantine/hooks';
import { CreditNoteListDocument, InvoiceListDocument, type InvoiceListItemFragment, type InvoiceStatus } from '../../../gql/graphql';
import type { ListFilters } from '../../../shared/ListFiltersBar';

const pageSize = 25;

export type InvoiceListItem = InvoiceListItemFragment;

export type DocumentFilters = ListFilters<InvoiceStatus>;

function useVariables(filters: DocumentFilters) {
  const [search] = useDebouncedValue(filters.searchText.trim(), 300);
  return { first: pageSize, status: filters.status, customerId: filters.customerId, search: search || null };
}

/** The tenant's invoices and deposit invoices, newest first, one page after another. */
export function useInvoiceList(filters: DocumentFilters) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(InvoiceListDocument, {
    variables: useVariables(filters),
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.invoices;
  return {
    documents: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}

/** The tenant's credit notes (avoirs), newest first, one page after another. */
export function useCreditNoteList(filters: DocumentFilters) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(CreditNoteListDocument, {
    variables: useVariables(filters),
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.creditNotes;
  return {
    documents: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}
