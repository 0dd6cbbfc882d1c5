import { useMutation, useQuery } from '@apollo/client/react';
import { AllocateCreditNoteDocument, CreditAllocationInvoicesDocument, type CreditAllocationInvoicesQuery } from '../../../gql/graphql';
import { creditableInvoices, type CreditAllocationInput } from './credit-allocation-form';

export type CreditableInvoiceRow = CreditAllocationInvoicesQuery['invoices']['edges'][number]['node'];

/** The customer's invoices that can receive the surplus of `surplusInvoiceId`, read afresh when the dialog opens. */
export function useCreditableInvoices(customerId: string, surplusInvoiceId: string) {
  const { data, error, refetch } = useQuery(CreditAllocationInvoicesDocument, {
    variables: { customerId },
    fetchPolicy: 'cache-and-network',
  });
  return {
    invoices: creditableInvoices(data?.invoices.edges.map((edge) => edge.node) ?? [], surplusInvoiceId),
    loading: !data && !error,
    error,
    retry: () => void refetch(),
  };
}

/** Moves the credit note's surplus to the invoices given, all or nothing; the pages showing them are read again. */
export function useAllocateCreditNote(creditNoteId: string) {
  const [allocate, { loading }] = useMutation(AllocateCreditNoteDocument, {
    refetchQueries: ['InvoiceDetail', 'InvoiceList', 'CreditNoteList', 'CreditAllocationInvoices'],
    awaitRefetchQueries: true,
  });
  return {
    busy: loading,
    allocate: (allocations: CreditAllocationInput[]) => allocate({ variables: { creditNoteId, allocations } }),
  };
}
