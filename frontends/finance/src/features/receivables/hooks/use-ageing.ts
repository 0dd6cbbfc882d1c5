import { skipToken, useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { AgeingOpenItemsDocument, ReceivablesAgeingDocument, type ReceivablesAgeingQuery } from '../../../gql/graphql';
import { ageingVariables, type AgeingFilters } from './ageing-view';

export type ReceivablesAgeing = ReceivablesAgeingQuery['receivablesAgeing'];
export type AgeingRow = ReceivablesAgeing['rows'][number];

/**
 * The balance âgée for the filters, with its CSV in the same answer (the file is exactly what the
 * page shows). While a new answer is on its way the previous one stays on screen.
 */
export function useReceivablesAgeing(filters: AgeingFilters) {
  const [minimumAmount] = useDebouncedValue(filters.minimumAmount, 300);
  const variables = ageingVariables({ ...filters, minimumAmount });
  const { data, previousData, error, loading, refetch } = useQuery(
    ReceivablesAgeingDocument,
    variables ? { variables, fetchPolicy: 'cache-and-network' } : skipToken,
  );
  const ageing = (data ?? previousData)?.receivablesAgeing ?? null;
  return {
    ageing,
    /** The figures shown are not yet those of the filters chosen. */
    updating: loading || (variables !== null && !data),
    loading: !ageing && !error && variables !== null,
    error,
    retry: () => void refetch(),
  };
}

/** What a customer had open at `asOf`, item by item, with its column: the invoices behind a row's amounts. */
export function useAgeingOpenItems(customerId: string, asOf: string) {
  const { data, error, refetch } = useQuery(AgeingOpenItemsDocument, { variables: { customerId, asOf }, fetchPolicy: 'cache-and-network' });
  return { items: data?.customerStatement.openItems ?? null, error, retry: () => void refetch() };
}
