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

/**
 * Days from 1970-01-01 to a calendar date (proleptic Gregorian), and back: integer arithmetic on
 * 400-year eras (Howard Hinnant's days_from_civil and civil_from_days), no time zone.
 */
function epochDay(date: string): number {
  const month = Number(date.slice(5, 7));
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dateOfEpochDay(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m = Math.floor((5 * dayOfYear + 2) / 153);
  const month = m + (m < 10 ? 3 : -9);
  return `${pad(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), 4)}-${pad(month)}-${pad(dayOfYear - Math.floor((153 * m + 2) / 5) + 1)}`;
}

/**
 * Calendar dates (YYYY-MM-DD) moved without building a time: as date-fns' addDays/addMonths on the
 * local midnight give them, tens of times faster (schedules and forecasts move thousands of dates).
 */
export function plusDays(date: string, days: number): string {
  return dateOfEpochDay(epochDay(date) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` comes first). */
export function daysFrom(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const daysInMonth = (year: number, month: number) =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/** `date` moved by `months` months, on the same day or the month's last when it has fewer (31 Jan + 1 month = 28/29 Feb). */
export function plusMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)))}`;
}
