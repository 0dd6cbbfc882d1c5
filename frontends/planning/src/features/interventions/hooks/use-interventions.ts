import { useQuery } from '@apollo/client/react';
import { loadMoreControls } from '@relais/session';
import {
  InterventionsDocument,
  TechnicianOptionsDocument,
  type InterventionFilter,
  type InterventionSort,
  type InterventionsQuery,
} from '../../../gql/graphql';

const pageSize = 50;

export type InterventionRow = InterventionsQuery['interventions']['edges'][number]['node'];

/** A page of interventions matching the filters, with "load more". */
export function useInterventions(filter: InterventionFilter, sort: InterventionSort) {
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(InterventionsDocument, {
    variables: { first: pageSize, filter, sort },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.interventions;
  return {
    rows: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    loading: !connection && !error,
    error,
    retry: () => void refetch(),
    loadMore: loadMoreControls(connection?.pageInfo, networkStatus, fetchMore),
  };
}

/** The technicians, for filters and pickers. */
export function useTechnicianOptions() {
  const { data } = useQuery(TechnicianOptionsDocument);
  return data?.technicians.edges.map(({ node }) => node) ?? [];
}
