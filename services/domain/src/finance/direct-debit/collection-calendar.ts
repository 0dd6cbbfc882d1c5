import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { DomainError, Errors } from '../../shared/errors';
import { frenchDate, isLocalDate } from '../../shared/time';

/**
 * When a SEPA CORE collection may fall. Interbank settlement follows the TARGET2 calendar: no
 * settlement on Saturdays, Sundays, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26
 * December. Since the 2016 rulebook a CORE file (FRST, RCUR or OOFF alike) must reach the
 * creditor's bank at least one TARGET business day before the collection date (D-1); a file
 * prepared on a closing day reaches the bank on the next business day. The rulebook also caps
 * the collection date at 14 months after the file.
 */

export const MAX_MONTHS_AHEAD = 14;

const iso = (date: Date) => format(date, 'yyyy-MM-dd');
const plusDays = (date: string, days: number) => iso(addDays(parseISO(date), days));

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The TARGET2 closing days of a year that are not weekends' by nature (some may fall on one). */
export function targetHolidays(year: number): string[] {
  const easter = easterSunday(year);
  return [`${year}-01-01`, plusDays(easter, -2), plusDays(easter, 1), `${year}-05-01`, `${year}-12-25`, `${year}-12-26`];
}

export function isTargetBusinessDay(date: string): boolean {
  const weekday = parseISO(date).getDay();
  if (weekday === 0 || weekday === 6) return false;
  return !targetHolidays(Number(date.slice(0, 4))).includes(date);
}

/** The first TARGET business day strictly after `date`. */
export function nextTargetBusinessDay(date: string): string {
  let day = plusDays(date, 1);
  while (!isTargetBusinessDay(day)) day = plusDays(day, 1);
  return day;
}

/** The earliest collection date of a file prepared on `today`: one business day after it reaches the bank. */
export function earliestCollectionDate(today: string): string {
  const reachesBank = isTargetBusinessDay(today) ? today : nextTargetBusinessDay(today);
  return nextTargetBusinessDay(reachesBank);
}

/** The latest collection date a file prepared on `today` may ask for. */
export function latestCollectionDate(today: string): string {
  return iso(addMonths(parseISO(today), MAX_MONTHS_AHEAD));
}

/**
 * Refuses a collection date a bank would reject: not a date (VALIDATION_FAILED), before the D-1
 * lead time (COLLECTION_DATE_TOO_EARLY), a TARGET closing day (COLLECTION_DATE_NOT_BUSINESS_DAY),
 * more than 14 months ahead (COLLECTION_DATE_TOO_LATE). Each names the date to use instead.
 */
export function assertCollectionDate(collectionDate: string, today: string): void {
  if (!isLocalDate(collectionDate)) throw Errors.validation([{ field: 'collectionDate', message: 'date invalide (AAAA-MM-JJ)' }]);
  const earliest = earliestCollectionDate(today);
  if (collectionDate < earliest)
    throw new DomainError(
      'COLLECTION_DATE_TOO_EARLY',
      'BAD_USER_INPUT',
      `Un prélèvement SEPA doit parvenir à la banque un jour ouvré avant son échéance : échéance au plus tôt le ${frenchDate(earliest)}`,
      { collectionDate, earliestCollectionDate: earliest },
    );
  const latest = latestCollectionDate(today);
  if (collectionDate > latest)
    throw new DomainError(
      'COLLECTION_DATE_TOO_LATE',
      'BAD_USER_INPUT',
      `Échéance trop lointaine : au plus ${MAX_MONTHS_AHEAD} mois après l’envoi (${frenchDate(latest)})`,
      { collectionDate, latestCollectionDate: latest },
    );
  if (!isTargetBusinessDay(collectionDate)) {
    const next = nextTargetBusinessDay(collectionDate);
    throw new DomainError(
      'COLLECTION_DATE_NOT_BUSINESS_DAY',
      'BAD_USER_INPUT',
      `Le ${frenchDate(collectionDate)} n’est pas un jour ouvré interbancaire (TARGET) : choisissez le ${frenchDate(next)}`,
      { collectionDate, nextBusinessDay: next },
    );
  }
}
