import { useQuery } from '@apollo/client/react';
import { MyDayDocument } from '../../../gql/graphql';
import { todayInParis } from '../../../shared/paris-time';

/** The signed-in technician's jobs today (Paris), in the order of the day. */
export function useMyDay() {
  const date = todayInParis();
  const { data, error, loading, refetch } = useQuery(MyDayDocument, { variables: { date }, fetchPolicy: 'cache-and-network' });
  const jobs = (data?.myDay ?? []).toSorted((a, b) => (a.scheduledStart ?? '').localeCompare(b.scheduledStart ?? ''));
  return { date, jobs, loading: loading && !data, error, retry: () => void refetch() };
}
