import { useMutation, useQuery } from '@apollo/client/react';
import {
  AddTechnicianAbsenceDocument,
  RemoveTechnicianAbsenceDocument,
  TechnicianAbsencesDocument,
  type AbsenceInput,
} from '../../../gql/graphql';

/** The technician's absences over the window (local dates), first first; the board's query is refreshed on change. */
export function useTechnicianAbsences(technicianId: string, window: { from: string; to: string }) {
  const variables = { id: technicianId, ...window };
  const { data, loading, error, refetch } = useQuery(TechnicianAbsencesDocument, { variables, fetchPolicy: 'cache-and-network' });
  const refetchQueries = [{ query: TechnicianAbsencesDocument, variables }, 'DispatchBoard'];
  const [add, adding] = useMutation(AddTechnicianAbsenceDocument, { refetchQueries, awaitRefetchQueries: true });
  const [remove, removing] = useMutation(RemoveTechnicianAbsenceDocument, { refetchQueries, awaitRefetchQueries: true });
  return {
    absences: data?.technician?.absences ?? [],
    loading: loading && !data,
    error,
    retry: () => void refetch(),
    adding: adding.loading,
    removing: removing.loading,
    add: async (input: AbsenceInput) => (await add({ variables: { input } })).data?.addTechnicianAbsence,
    remove: async (id: string) => (await remove({ variables: { id } })).data?.removeTechnicianAbsence,
  };
}
