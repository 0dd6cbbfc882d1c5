import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { InvoiceDetailDocument, type InvoiceDetailFragment } from '../../../gql/graphql';

export type InvoiceDetail = InvoiceDetailFragment;

/** Mails still on their way: the page refreshes until the outbox has delivered them or given up. */
const PENDING_DELIVERY = new Set(['QUEUED', 'SENDING', 'FAILED']);
const DELIVERY_POLL_MS = 3000;

/** An invoice, deposit invoice or credit note, read afresh each time it is opened. */
export function useInvoice(id: string) {
  const { data, error, loading, refetch, startPolling, stopPolling } = useQuery(InvoiceDetailDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const pending = data?.invoice?.deliveries.some((d) => PENDING_DELIVERY.has(d.status)) ?? false;
  useEffect(() => {
    if (!pending) return undefined;
    startPolling(DELIVERY_POLL_MS);
    return () => stopPolling();
  }, [pending, startPolling, stopPolling]);
  return { invoice: data?.invoice ?? null, loading: loading && !data, error, reload: () => refetch() };
}
