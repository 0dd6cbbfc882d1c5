import { isoWeekday } from '../../../shared/paris-time';
import type { BoardSpan } from './use-board-week';

/**
 * How a day cell shows its jobs: on a single day, along the hours (7:00–19:00) so a drop picks
 * the time; over 3 or 7 days, as a list of readable cards (time and customer) in the order of
 * the day, since a 2-hour job drawn to scale in a week column is a sliver.
 */
export type BoardLayout = 'timeline' | 'agenda';

export const layoutOf = (span: BoardSpan): BoardLayout => (span === 1 ? 'timeline' : 'agenda');

export interface BoardColumn {
  date: string;
  weekend: boolean;
  /** A weekend day without any job in a week view: a narrow column, still a drop target. */
  collapsed: boolean;
}

/** The board's day columns: in a week, Saturday and Sunday fold to a narrow strip unless someone works then. */
export function boardColumns(dates: readonly string[], busyDates: ReadonlySet<string>): BoardColumn[] {
  const week = dates.length === 7;
  return dates.map((date) => {
    const weekend = isoWeekday(date) >= 6;
    return { date, weekend, collapsed: week && weekend && !busyDates.has(date) };
  });
}

/** The CSS grid track of a day column: wide enough for a card's time and customer to be read. */
export function columnTrack(column: BoardColumn, layout: BoardLayout, columns: number): string {
  if (column.collapsed) return '44px';
  if (layout === 'timeline') return 'minmax(240px, 1fr)';
  return columns === 7 ? 'minmax(124px, 1fr)' : 'minmax(220px, 1fr)';
}
