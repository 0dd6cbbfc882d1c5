import { useMutation, useQuery } from '@apollo/client/react';
import { InvoiceDetailDocument, IssueInvoiceDocument, type InvoiceDetailFragment } from '../../../gql/graphql';

export type InvoiceDetail = InvoiceDetailFragment;

export function useInvoice(id: string) {
  const { data, error, loading, refetch } = useQuery(InvoiceDetailDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  return { invoice: data?.invoice ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

/** Issues a draft with the version read: the server gives the legal number and the dates. */
export function useIssueInvoice() {
  const [issue, { loading }] = useMutation(IssueInvoiceDocument, { refetchQueries: ['InvoiceList'] });
  return {
    busy: loading,
    issue: (invoice: InvoiceDetail) => issue({ variables: { id: invoice.id, expectedVersion: invoice.version } }),
  };
}
