import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { getISODay } from 'date-fns/getISODay';

export const DEFAULT_TIMEZONE = 'Europe/Paris';

/** A business date (YYYY-MM-DD) as seen in the tenant's time zone. */
export function localDate(instant: Date, timezone = DEFAULT_TIMEZONE): string {
  return format(new TZDate(instant, timezone), 'yyyy-MM-dd');
}

/** Local wall-clock time (HH:mm) and ISO weekday (1 = Monday) of an instant in the tenant's zone. */
export function localClock(instant: Date, timezone = DEFAULT_TIMEZONE): { time: string; isoWeekday: number; date: string } {
  const zoned = new TZDate(instant, timezone);
  return { time: format(zoned, 'HH:mm'), isoWeekday: getISODay(zoned), date: format(zoned, 'yyyy-MM-dd') };
}

/** The instants bounding a local day: [start of day, start of next day), daylight saving included. */
export function localDayBounds(date: string, timezone = DEFAULT_TIMEZONE): { from: Date; to: Date } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const from = new TZDate(y, m - 1, d, timezone);
  return { from: new Date(from.getTime()), to: new Date(addDays(from, 1).getTime()) };
}

export function isLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** A calendar date as French documents print it: "2026-11-24" -> "24/11/2026". */
export function frenchDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
