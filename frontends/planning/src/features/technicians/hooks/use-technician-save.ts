import { useMutation, useQuery } from '@apollo/client/react';
import { CreateTechnicianDocument, TechnicianDetailDocument, UpdateTechnicianDocument, type TechnicianInput } from '../../../gql/graphql';

export function useTechnician(id: string) {
  const { data, loading, error, refetch } = useQuery(TechnicianDetailDocument, { variables: { id }, skip: !id });
  return { technician: data?.technician ?? null, loading: loading && !data, error, retry: () => void refetch() };
}

const refetchQueries = ['TechnicianCosts'];

export function useCreateTechnician() {
  const [create, { loading }] = useMutation(CreateTechnicianDocument, { refetchQueries });
  return { busy: loading, create: async (input: TechnicianInput) => (await create({ variables: { input } })).data?.createTechnician };
}

/** Saves a technician over the version read (STALE_VERSION if someone saved it meanwhile). */
export function useUpdateTechnician(id: string) {
  const [update, { loading }] = useMutation(UpdateTechnicianDocument, { refetchQueries });
  return {
    busy: loading,
    update: async (input: TechnicianInput, expectedVersion: number) =>
      (await update({ variables: { id, input, expectedVersion } })).data?.updateTechnician,
  };
}
