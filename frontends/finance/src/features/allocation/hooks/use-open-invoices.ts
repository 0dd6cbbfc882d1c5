import { useQuery } from '@apollo/client/react';
import { isPositiveAmount } from '@relais/ui';
import { OpenInvoicesDocument, type OpenInvoicesQuery } from '../../../gql/graphql';

export type OpenInvoice = OpenInvoicesQuery['invoices']['edges'][number]['node'];

/** Issued invoices the customer still owes something on, the oldest due first (then the oldest issued). */
export function openInvoicesOf(invoices: readonly OpenInvoice[]): OpenInvoice[] {
  const dueKey = (invoice: OpenInvoice) => invoice.dueDate ?? invoice.issueDate ?? '';
  return invoices
    .filter((invoice) => invoice.status !== 'DRAFT' && isPositiveAmount(invoice.openBalance))
    .sort((a, b) => dueKey(a).localeCompare(dueKey(b)) || (a.number ?? '').localeCompare(b.number ?? ''));
}

/** The customer's open invoices, read afresh each time a picker opens; none until a customer is chosen. */
export function useOpenInvoices(customerId: string | null) {
  const { data, error, refetch } = useQuery(OpenInvoicesDocument, {
    variables: { customerId: customerId ?? '' },
    skip: !customerId,
    fetchPolicy: 'cache-and-network',
  });
  return {
    invoices: openInvoicesOf(data?.invoices.edges.map((edge) => edge.node) ?? []),
    loading: Boolean(customerId) && !data && !error,
    error,
    retry: () => void refetch(),
  };
}
