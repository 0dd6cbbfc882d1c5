import { useQuery } from '@apollo/client/react';
import { DispatchBoardDocument, type BoardJobFragment, type BoardTechnicianFragment } from '../../../gql/graphql';
import { localDateOf } from '../../../shared/paris-time';

export type BoardJob = BoardJobFragment;
export type BoardTechnician = BoardTechnicianFragment;

/** Technicians, their scheduled jobs in the window and the jobs waiting to be scheduled. */
export function useDispatchBoard(window: { from: string; to: string; fromDate: string; toDate: string }) {
  const { data, previousData, error, loading, refetch } = useQuery(DispatchBoardDocument, {
    variables: window,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const board = (data ?? previousData)?.dispatchBoard;
  const jobsByTechnician = new Map<string, BoardJob[]>();
  for (const job of board?.scheduled ?? []) {
    for (const technician of job.technicians) {
      jobsByTechnician.set(technician.id, [...(jobsByTechnician.get(technician.id) ?? []), job]);
    }
  }
  return {
    /** The days (Paris) with at least one scheduled job, whoever does it. */
    busyDates: new Set((board?.scheduled ?? []).filter((job) => job.scheduledStart).map((job) => localDateOf(job.scheduledStart!))),
    technicians: board?.technicians ?? [],
    jobsOf: (technicianId: string) => jobsByTechnician.get(technicianId) ?? [],
    unscheduled: board?.unscheduled ?? [],
    loading: !board && loading,
    refreshing: Boolean(board) && loading,
    error,
    refetch: () => refetch(),
  };
}
