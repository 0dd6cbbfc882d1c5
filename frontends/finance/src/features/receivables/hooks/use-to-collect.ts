import { useQuery } from '@apollo/client/react';
import { InvoicesToCollectDocument, type InvoicesToCollectQuery } from '../../../gql/graphql';

/** How many invoices the page lists at most; the count and the total cover them all. */
export const TO_COLLECT_PAGE = 200;

export type InvoicesToCollect = InvoicesToCollectQuery['invoicesToCollect'];
export type InvoiceToCollect = InvoicesToCollect['items'][number];

/** Invoices overdue or falling due within 7 days, largest open balance first, with their reminders and collection state. */
export function useInvoicesToCollect(customerId: string | null) {
  const { data, previousData, error, loading, refetch } = useQuery(InvoicesToCollectDocument, {
    variables: { first: TO_COLLECT_PAGE, customerId },
    fetchPolicy: 'cache-and-network',
  });
  const toCollect = (data ?? previousData)?.invoicesToCollect ?? null;
  return { toCollect, updating: loading, loading: !toCollect && !error, error, retry: () => void refetch() };
}
