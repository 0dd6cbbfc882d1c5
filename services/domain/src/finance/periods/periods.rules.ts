import { DomainError, Errors, Validator } from '../../shared/errors';
import { frenchDate, isLocalDate } from '../../shared/time';
import type { PeriodState } from './period.entity';

/**
 * The rules of fiscal years and accounting periods, as plain functions on dates (YYYY-MM-DD):
 * which years may be opened, how they split into months, in which order months close and reopen.
 */

/** A French fiscal year is twelve months as a rule; a first one (or a change of closing date) may run up to 24. */
export const MAX_FISCAL_YEAR_MONTHS = 24;

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const pad = (n: number) => String(n).padStart(2, '0');

/** The period a date belongs to, named by its month: "2026-10". */
export const periodKey = (date: string) => date.slice(0, 7);

/** "octobre 2026", as the messages name a period. */
export function periodLabel(key: string): string {
  const [year, month] = key.split('-').map(Number) as [number, number];
  return `${MONTHS_FR[month - 1]} ${year}`;
}

export function lastDayOfMonth(date: string): string {
  const [y, m] = parts(date);
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** The first day of the month `months` after the month of `date` (negative: before). */
export function monthStart(date: string, months = 0): string {
  const [y, m] = parts(date);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

/** The day after `date`. */
export function nextDay(date: string): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** How many months a span of whole months covers (1 for a single month). */
export function monthsSpanned(startsOn: string, endsOn: string): number {
  const [sy, sm] = parts(startsOn);
  const [ey, em] = parts(endsOn);
  return (ey - sy) * 12 + (em - sm) + 1;
}

export interface DateSpan {
  startsOn: string;
  endsOn: string;
}

/**
 * Checks a fiscal year before it is opened: whole months (from a 1st to a month's last day), at
 * most 24 months, the day after the previous year ends (no gap, no overlap). The first year must
 * have started by today: dates before the first year are refused, so a first year starting later
 * would refuse today's invoices.
 */
export function validateFiscalYear(input: DateSpan, context: { previous: DateSpan | null; today: string }): void {
  const v = new Validator()
    .check(isLocalDate(input.startsOn), 'startsOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(isLocalDate(input.endsOn), 'endsOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED');
  v.throwIfInvalid();
  const { previous, today } = context;
  v.check(input.startsOn.endsWith('-01'), 'startsOn', 'un exercice commence le premier jour d’un mois')
    .check(input.endsOn === lastDayOfMonth(input.endsOn), 'endsOn', 'un exercice finit le dernier jour d’un mois')
    .check(input.endsOn > input.startsOn, 'endsOn', 'après le début de l’exercice')
    .check(
      input.endsOn <= input.startsOn || monthsSpanned(input.startsOn, input.endsOn) <= MAX_FISCAL_YEAR_MONTHS,
      'endsOn',
      `un exercice dure ${MAX_FISCAL_YEAR_MONTHS} mois au plus`,
    );
  if (previous)
    v.check(
      input.startsOn === nextDay(previous.endsOn),
      'startsOn',
      `l’exercice suit le précédent sans trou ni chevauchement : il commence le ${frenchDate(nextDay(previous.endsOn))}`,
    );
  else v.check(input.startsOn <= today, 'startsOn', 'le premier exercice doit avoir commencé (rien ne peut être daté avant lui)');
  v.throwIfInvalid();
}

/** The monthly periods of a fiscal year, in order. */
export function monthlyPeriods(year: DateSpan): DateSpan[] {
  return Array.from({ length: monthsSpanned(year.startsOn, year.endsOn) }, (_, i) => {
    const startsOn = monthStart(year.startsOn, i);
    return { startsOn, endsOn: lastDayOfMonth(startsOn) };
  });
}

/** The period a date falls in, or none (outside every fiscal year). */
export function periodContaining<P extends DateSpan>(date: string, periods: readonly P[]): P | null {
  return periods.find((p) => p.startsOn <= date && date <= p.endsOn) ?? null;
}

/** A fiscal year is closed (clôture d'exercice) when all its months are. */
export function fiscalYearState(periods: readonly { state: PeriodState }[]): PeriodState {
  return periods.length > 0 && periods.every((p) => p.state === 'CLOSED') ? 'CLOSED' : 'OPEN';
}

type Period = DateSpan & { id: string; state: PeriodState };

/**
 * Why a period cannot be closed today, whatever the checks say: already closed, not over yet (its
 * last day is today or later), or an earlier month still open (months close in order). Null when it can.
 */
export function closingBlocker(period: Period, all: readonly Period[], today: string): DomainError | null {
  const key = periodKey(period.startsOn);
  if (period.state === 'CLOSED')
    return Errors.conflict('PERIOD_ALREADY_CLOSED', `La période de ${periodLabel(key)} est déjà clôturée`, { period: key });
  if (period.endsOn >= today)
    return Errors.conflict(
      'PERIOD_NOT_ENDED',
      `La période de ${periodLabel(key)} n’est pas terminée (fin le ${frenchDate(period.endsOn)})`,
      {
        period: key,
        endsOn: period.endsOn,
      },
    );
  const earlier = [...all]
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1))
    .find((p) => p.startsOn < period.startsOn && p.state === 'OPEN');
  if (earlier) {
    const first = periodKey(earlier.startsOn);
    return Errors.conflict('PERIOD_NOT_IN_ORDER', `Les périodes se clôturent dans l’ordre : clôturez d’abord ${periodLabel(first)}`, {
      period: key,
      blockingPeriod: first,
    });
  }
  return null;
}

/** Why a period cannot be reopened: not closed, or a later month closed (only the last closed one reopens). */
export function reopeningBlocker(period: Period, all: readonly Period[]): DomainError | null {
  const key = periodKey(period.startsOn);
  if (period.state !== 'CLOSED')
    return Errors.conflict('PERIOD_NOT_CLOSED', `La période de ${periodLabel(key)} n’est pas clôturée`, { period: key });
  const later = [...all]
    .sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1))
    .find((p) => p.startsOn > period.startsOn && p.state === 'CLOSED');
  if (later) {
    const last = periodKey(later.startsOn);
    return Errors.conflict('PERIOD_NOT_IN_ORDER', `Seule la dernière période clôturée se rouvre : rouvrez d’abord ${periodLabel(last)}`, {
      period: key,
      blockingPeriod: last,
    });
  }
  return null;
}

export function validateReopenReason(reason: string): string {
  const trimmed = reason.trim();
  new Validator()
    .check(trimmed.length > 0, 'reason', 'motif obligatoire', 'REQUIRED')
    .check(trimmed.length <= 500, 'reason', 'au plus 500 caractères', 'TOO_LONG')
    .throwIfInvalid();
  return trimmed;
}

/** The refusal of a document dated in a closed period. */
export const periodClosedError = (key: string, date: string) =>
  Errors.conflict('PERIOD_CLOSED', `La période de ${periodLabel(key)} est clôturée : rien ne peut plus y être daté (${frenchDate(date)})`, {
    period: key,
    date,
  });

/** The refusal of a document dated before the first fiscal year. */
export const noFiscalYearError = (date: string, firstFiscalYearStart: string) =>
  Errors.conflict(
    'NO_FISCAL_YEAR',
    `Le ${frenchDate(date)} précède le premier exercice (ouvert le ${frenchDate(firstFiscalYearStart)}) : rien ne peut y être daté`,
    { date, firstFiscalYearStart },
  );
