import { format } from 'date-fns';
import { useSearchParams } from 'react-router';
import { addLocalDays, instantAt, todayInParis, weekStartOf } from '../../../shared/paris-time';

export type BoardSpan = 1 | 3 | 7;
const spans: readonly BoardSpan[] = [1, 3, 7];

const mondayOf = (date: string) => format(weekStartOf(date), 'yyyy-MM-dd');

/**
 * The days the board shows, kept in the address: ?du=2026-11-23&jours=7 (a week from Monday),
 * 3 days or 1 day from any date. The query window is exactly the days shown.
 */
export function useBoardWeek() {
  const [params, setParams] = useSearchParams();
  const requestedSpan = Number(params.get('jours'));
  const span: BoardSpan = spans.find((value) => value === requestedSpan) ?? 7;
  const requestedStart = params.get('du');
  const validStart = requestedStart && /^\d{4}-\d{2}-\d{2}$/.test(requestedStart) ? requestedStart : todayInParis();
  const first = span === 7 ? mondayOf(validStart) : validStart;
  const days = Array.from({ length: span }, (_, index) => ({ date: addLocalDays(first, index) }));
  const last = days[days.length - 1]!.date;

  const show = (start: string, nextSpan: BoardSpan = span) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('du', nextSpan === 7 ? mondayOf(start) : start);
      next.set('jours', String(nextSpan));
      return next;
    });

  return {
    span,
    days,
    from: instantAt(first, 0),
    to: instantAt(addLocalDays(last, 1), 0),
    fromDate: first,
    toDate: last,
    today: todayInParis(),
    previous: () => show(addLocalDays(first, -span)),
    next: () => show(addLocalDays(first, span)),
    goToday: () => show(todayInParis()),
    setSpan: (nextSpan: BoardSpan) =>
      show(nextSpan === 7 ? first : days.some((day) => day.date === todayInParis()) ? todayInParis() : first, nextSpan),
    focusDay: (date: string) => show(date, 1),
  };
}
