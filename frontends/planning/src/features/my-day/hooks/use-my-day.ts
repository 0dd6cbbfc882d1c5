import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { MyDayDocument } from '../../../gql/graphql';
import { addLocalDays, todayInParis } from '../../../shared/paris-time';

const dayParam = 'jour';
const isLocalDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The address of "Ma journée" on a day: ?jour=2026-12-08, nothing for today. */
export const myDayHref = (path: string, date: string) => (date === todayInParis() ? path : `${path}?${dayParam}=${date}`);

/** The signed-in technician's jobs on the day in the address (today by default, Paris), in the order of the day. */
export function useMyDay() {
  const [params, setParams] = useSearchParams();
  const today = todayInParis();
  const requested = params.get(dayParam);
  const date = isLocalDate(requested) ? requested : today;
  const { data, error, loading, refetch } = useQuery(MyDayDocument, { variables: { date }, fetchPolicy: 'cache-and-network' });
  const jobs = (data?.myDay ?? []).toSorted((a, b) => (a.scheduledStart ?? '').localeCompare(b.scheduledStart ?? ''));
  const show = (next: string) => setParams(next === today ? {} : { [dayParam]: next });
  return {
    date,
    isToday: date === today,
    jobs,
    loading: loading && !data,
    error,
    retry: () => void refetch(),
    previous: () => show(addLocalDays(date, -1)),
    next: () => show(addLocalDays(date, 1)),
    goToday: () => show(today),
  };
}
