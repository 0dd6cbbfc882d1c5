import { useMutation, useQuery } from '@apollo/client/react';
import {
  BillableDocument,
  ConvertInterventionToInvoiceDocument,
  ConvertInterventionsToInvoiceDocument,
  type BillableQuery,
} from '../../../gql/graphql';

export type BillableIntervention = BillableQuery['billable'][number];

/** Closed interventions not yet invoiced, always read afresh. */
export function useBillable() {
  const { data, error, refetch } = useQuery(BillableDocument, { fetchPolicy: 'cache-and-network' });
  return {
    interventions: data?.billable ?? [],
    loading: !data && !error,
    error,
    retry: () => void refetch(),
  };
}

/** One draft invoice for the selected interventions (all of one customer); resolves to its id. */
export function useConvertToInvoice() {
  const options = { refetchQueries: ['Billable'] };
  const [convertOne, oneState] = useMutation(ConvertInterventionToInvoiceDocument, options);
  const [convertMany, manyState] = useMutation(ConvertInterventionsToInvoiceDocument, options);
  const convert = async (interventionIds: readonly string[]): Promise<string | undefined> => {
    if (interventionIds.length === 1) {
      const { data } = await convertOne({ variables: { interventionId: interventionIds[0]! } });
      return data?.convertInterventionToInvoice.id;
    }
    const { data } = await convertMany({ variables: { interventionIds: [...interventionIds] } });
    return data?.convertInterventionsToInvoice.id;
  };
  return { convert, busy: oneState.loading || manyState.loading };
}
