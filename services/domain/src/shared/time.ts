import { ChronoUnit, LocalDate } from '@js-joda/core';
import { TZDate, tzOffset } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { LRUCache } from 'lru-cache';

export const DEFAULT_TIMEZONE = 'Europe/Paris';

const QUARTER_HOUR = 15 * 60_000;
const offsets = new LRUCache<string, number>({ max: 10_000 });

/**
 * The zone's offset from UTC at an instant, in minutes. `tzOffset` asks Intl each time (about 4 µs,
 * three times per job on the board); offsets change only at transitions, which since standard time
 * zones fall on a quarter hour of UTC, so the offset of a quarter hour that starts and ends on the
 * same offset is kept. One with a transition inside (local mean times of before 1912) is asked each time.
 */
function zoneOffset(timezone: string, instant: Date): number {
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR);
  const key = `${timezone}|${quarter}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const start = tzOffset(timezone, new Date(quarter * QUARTER_HOUR));
  if (start !== tzOffset(timezone, new Date((quarter + 1) * QUARTER_HOUR - 1))) return tzOffset(timezone, instant);
  offsets.set(key, start);
  return start;
}

/** A business date (YYYY-MM-DD) as seen in the tenant's time zone. */
export function localDate(instant: Date, timezone = DEFAULT_TIMEZONE): string {
  return localClock(instant, timezone).date;
}

/** Local wall-clock time (HH:mm) and ISO weekday (1 = Monday) of an instant in the tenant's zone. */
export function localClock(instant: Date, timezone = DEFAULT_TIMEZONE): { time: string; isoWeekday: number; date: string } {
  // The instant moved by the zone's offset at that instant, read in UTC: one offset lookup, where a
  // zoned date formatted twice cost ten times as much.
  const wall = new Date(instant.getTime() + zoneOffset(timezone, instant) * 60_000);
  const year = wall.getUTCFullYear();
  // toISOString writes years outside 0000–9999 with a sign and six digits: format says them as they are.
  if (year < 0 || year > 9999) {
    const zoned = new TZDate(instant, timezone);
    return { time: format(zoned, 'HH:mm'), isoWeekday: Number(format(zoned, 'i')), date: format(zoned, 'yyyy-MM-dd') };
  }
  const iso = wall.toISOString();
  return { time: iso.slice(11, 16), isoWeekday: wall.getUTCDay() || 7, date: iso.slice(0, 10) };
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

/** A business date (YYYY-MM-DD) as js-joda's LocalDate: calendar arithmetic without building a time. */
const localDateOf = (date: string) => LocalDate.of(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));

/**
 * Calendar dates (YYYY-MM-DD) moved without building a time: as date-fns' addDays/addMonths on the
 * local midnight give them, tens of times faster (schedules and forecasts move thousands of dates).
 */
export const plusDays = (date: string, days: number): string => localDateOf(date).plusDays(days).toString();

/** Whole calendar days from `from` to `to` (negative when `to` comes first). */
export const daysFrom = (from: string, to: string): number => ChronoUnit.DAYS.between(localDateOf(from), localDateOf(to));

/** `date` moved by `months` months, on the same day or the month's last when it has fewer (31 Jan + 1 month = 28/29 Feb). */
export const plusMonths = (date: string, months: number): string => localDateOf(date).plusMonths(months).toString();
