import { useMutation, useQuery } from '@apollo/client/react';
import { TechnicianCostsDocument, UpdateTechnicianCostRateDocument, type TechnicianCostFragment } from '../../../gql/graphql';

export type TechnicianCost = TechnicianCostFragment;

/** Every technician of the company (inactive ones too), by name. */
export function useTechnicians() {
  const { data, error, loading, refetch } = useQuery(TechnicianCostsDocument, { fetchPolicy: 'cache-and-network' });
  return {
    technicians: data?.technicians.edges.map((edge) => edge.node) ?? [],
    loading: loading && !data,
    error,
    retry: () => void refetch(),
  };
}

/** Saves a technician's hourly cost over the version read (null: unknown). */
export function useSaveCostRate() {
  const [update, { loading }] = useMutation(UpdateTechnicianCostRateDocument);
  return {
    busy: loading,
    save: async (technician: TechnicianCost, costRate: string | null) => {
      const { data } = await update({ variables: { id: technician.id, costRate, expectedVersion: technician.version } });
      return data?.updateTechnician;
    },
  };
}
