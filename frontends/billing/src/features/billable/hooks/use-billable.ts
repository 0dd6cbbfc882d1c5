import { useMutation, useQuery } from '@apollo/client/react';
import { BillableDocument, ConvertInterventionsToInvoiceDocument, MarkNotBillableDocument, type BillableQuery } from '../../../gql/graphql';

export type BillableIntervention = BillableQuery['billable'][number];

export interface BillableCustomer {
  customer: BillableIntervention['customer'];
  interventions: BillableIntervention[];
}

/** Closed interventions waiting to be invoiced (closed until the day given, if any), oldest first, grouped by customer; always read afresh. */
export function useBillable(filters: { closedUntil: string | null }) {
  const { data, previousData, error, refetch } = useQuery(BillableDocument, {
    variables: { closedUntil: filters.closedUntil },
    fetchPolicy: 'cache-and-network',
  });
  const interventions = (data ?? previousData)?.billable ?? [];
  const groups = Map.groupBy(interventions, (row) => row.customer.id);
  return {
    interventions,
    customers: [...groups.values()].map((rows): BillableCustomer => ({ customer: rows[0]!.customer, interventions: rows })),
    loading: !data && !previousData && !error,
    error,
    retry: () => void refetch(),
  };
}

/** One draft invoice for interventions of one customer; resolves to its id. */
export function useConvertToInvoice() {
  const [convert, { loading }] = useMutation(ConvertInterventionsToInvoiceDocument, { refetchQueries: ['Billable', 'InvoiceList'] });
  return {
    busy: loading,
    convert: async (interventionIds: readonly string[]) => {
      const { data } = await convert({ variables: { interventionIds: [...interventionIds] } });
      return data?.convertInterventionsToInvoice.id;
    },
  };
}

/** The office decides not to bill an intervention; it leaves "À facturer". */
export function useMarkNotBillable() {
  const [mark, { loading }] = useMutation(MarkNotBillableDocument, { refetchQueries: ['Billable'] });
  return {
    busy: loading,
    markNotBillable: (interventionId: string, reason: string) => mark({ variables: { interventionId, reason } }),
  };
}
