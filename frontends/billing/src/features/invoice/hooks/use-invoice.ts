import { useQuery } from '@apollo/client/react';
import { InvoiceDetailDocument, type InvoiceDetailFragment } from '../../../gql/graphql';

export type InvoiceDetail = InvoiceDetailFragment;

/** An invoice, deposit invoice or credit note, read afresh each time it is opened. */
export function useInvoice(id: string) {
  const { data, error, loading, refetch } = useQuery(InvoiceDetailDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  return { invoice: data?.invoice ?? null, loading: loading && !data, error, reload: () => refetch() };
}
