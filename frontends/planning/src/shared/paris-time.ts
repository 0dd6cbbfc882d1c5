import { TZDate } from '@date-fns/tz';
import { addDays, addMinutes, differenceInMinutes, format, startOfISOWeek } from 'date-fns';

/** The tenant's business time zone: every day, hour and week of the app is read in Paris. */
export const businessTimeZone = 'Europe/Paris';

/** The instant as a Paris wall clock (TZDate), so date-fns reads days and hours in Paris. */
export const inParis = (instant: string | number | Date) => new TZDate(new Date(instant).getTime(), businessTimeZone);

/** Today's calendar date in Paris, YYYY-MM-DD (a LocalDate). */
export const todayInParis = (): string => format(inParis(Date.now()), 'yyyy-MM-dd');

/** Monday 00:00 (Paris) of the week containing the local date. */
export function weekStartOf(localDate: string): TZDate {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  return startOfISOWeek(new TZDate(y, m - 1, d, businessTimeZone));
}

/** The seven days of the week starting at `monday`, each as its local date and its midnight. */
export function weekDays(monday: TZDate): { date: string; midnight: TZDate }[] {
  return Array.from({ length: 7 }, (_, index) => {
    const midnight = addDays(monday, index);
    return { date: format(midnight, 'yyyy-MM-dd'), midnight };
  });
}

export const localDateOf = (instant: string | Date): string => format(inParis(instant), 'yyyy-MM-dd');

/** Minutes after local midnight of the instant, in Paris. */
export function minutesOfDay(instant: string | Date): number {
  const local = inParis(instant);
  return local.getHours() * 60 + local.getMinutes();
}

/** The instant at `minutes` after midnight (Paris) of the local date, as ISO for the API. */
export function instantAt(localDate: string, minutes: number): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  return addMinutes(new TZDate(y, m - 1, d, 0, 0, businessTimeZone), minutes).toISOString();
}

export const minutesBetween = (start: string, end: string): number => differenceInMinutes(new Date(end), new Date(start));

/** "08:30" → 510. */
export const clockToMinutes = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** ISO weekday (1 = Monday) of a local date. */
export function isoWeekday(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export const addLocalDays = (localDate: string, days: number): string => {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  return format(addDays(new Date(Date.UTC(y, m - 1, d, 12)), days), 'yyyy-MM-dd');
};
