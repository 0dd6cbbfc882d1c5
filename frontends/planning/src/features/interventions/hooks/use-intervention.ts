import { useQuery } from '@apollo/client/react';
import { InterventionDocument, type InterventionDetailFragment } from '../../../gql/graphql';

export type InterventionDetail = InterventionDetailFragment;

/** One intervention with its report, always read fresh from the server (others may change it). */
export function useIntervention(id: string) {
  const { data, error, loading, refetch } = useQuery(InterventionDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  return {
    intervention: data?.intervention ?? null,
    loading: loading && !data,
    notFound: Boolean(data) && !data?.intervention,
    error,
    refetch: () => refetch(),
  };
}
