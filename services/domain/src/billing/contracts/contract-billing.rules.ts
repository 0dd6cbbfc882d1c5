import { addMonths } from 'date-fns/addMonths';
import { addYears } from 'date-fns/addYears';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { Money, round2, toAmount } from '../money';
import type { BillingRhythm, BillingTiming } from './contract-billing.entity';
import { daysFrom, plusDays, plusMonths } from '../../shared/time';

/**
 * The calendar of a contract's fees, as plain functions: billing periods aligned on an anchor
 * date, proration by days, the revision formula P = P0 × (a + b × I / I0), and the renewal
 * deadlines. Dates are local calendar dates (YYYY-MM-DD); every period end is inclusive.
 */

export const RHYTHM_MONTHS: Record<BillingRhythm, number> = { MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12 };

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
export const dayAfter = (date: string, days = 1) => plusDays(date, days);
export const daysBetween = (from: string, to: string) => daysFrom(from, to) + 1;
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * The k-th period boundary from the anchor, always computed from the anchor itself so a start on
 * the 31st gives 31 Jan, 28 (29) Feb, 31 Mar, 30 Apr... and never drifts to the 28th.
 */
export function periodBoundary(anchor: string, months: number, k: number): string {
  return plusMonths(anchor, k * months);
}

export interface PeriodSpan {
  /** First and last day billed (inclusive), inside the full period. */
  start: string;
  end: string;
  /** The full period of the rhythm that contains it. */
  fullStart: string;
  fullEnd: string;
  /** Days billed and days of the full period: the proration is days / fullDays. */
  days: number;
  fullDays: number;
}

/** The billing periods of [from, to] (to inclusive) aligned on the anchor, the first and last clipped. */
export function periodsBetween(anchor: string, rhythm: BillingRhythm, from: string, to: string): PeriodSpan[] {
  if (to < from) return [];
  const months = RHYTHM_MONTHS[rhythm];
  let k = Math.floor(differenceInCalendarMonths(parseISO(from), parseISO(anchor)) / months) - 1;
  while (periodBoundary(anchor, months, k + 1) <= from) k += 1;
  while (periodBoundary(anchor, months, k) > from) k -= 1;
  const periods: PeriodSpan[] = [];
  for (;;) {
    const fullStart = periodBoundary(anchor, months, k);
    if (fullStart > to) break;
    const fullEnd = dayAfter(periodBoundary(anchor, months, k + 1), -1);
    const start = maxDate(fullStart, from);
    const end = minDate(fullEnd, to);
    periods.push({ start, end, fullStart, fullEnd, days: daysBetween(start, end), fullDays: daysBetween(fullStart, fullEnd) });
    k += 1;
  }
  return periods;
}

/** A fee for part of a period: amount × days billed / days of the period, half up to the cent. */
export function prorate(amount: string, days: number, fullDays: number): string {
  if (days === fullDays) return toAmount(amount);
  return toAmount(new Money(amount).times(days).dividedBy(fullDays));
}

/** When a period falls due: billed in advance on its first day, in arrears on its last. */
export function periodDueOn(period: Pick<PeriodSpan, 'start' | 'end'>, timing: BillingTiming): string {
  return timing === 'ADVANCE' ? period.start : period.end;
}

// ---------------------------------------------------------------- the contract's span

export interface ContractSpan {
  startsOn: string;
  endsOn: string;
  tacitRenewal: boolean;
  /** Last day covered after a termination. */
  terminatedOn: string | null;
}

/** The last day the contract runs, or null while it renews itself. */
export function contractLastDay(span: ContractSpan): string | null {
  if (span.terminatedOn) return span.terminatedOn;
  return span.tacitRenewal ? null : span.endsOn;
}

export interface TermsWindow {
  effectiveOn: string;
  rhythm: BillingRhythm;
  timing: BillingTiming;
  anchorDate: string;
}

export interface ScheduledPeriod extends PeriodSpan {
  /** Index of the terms version (sorted by effectiveOn) the period is billed under. */
  termsIndex: number;
  dueOn: string;
}

/**
 * Every period of the contract up to `horizon` (periods starting after it are left out): each
 * terms version bills from its effectiveOn to the day before the next one, inside the contract's
 * span; periods are clipped (and prorated) at the start, the end and where the terms change.
 */
export function contractSchedule(span: ContractSpan, versions: readonly TermsWindow[], horizon: string): ScheduledPeriod[] {
  const sorted = [...versions].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : 1));
  const last = contractLastDay(span);
  const out: ScheduledPeriod[] = [];
  sorted.forEach((v, termsIndex) => {
    const next = sorted[termsIndex + 1];
    const from = maxDate(span.startsOn, v.effectiveOn);
    let to = next ? dayAfter(next.effectiveOn, -1) : (last ?? horizon);
    if (last) to = minDate(to, last);
    const periods = periodsBetween(v.anchorDate, v.rhythm, from, to).filter((p) => p.start <= horizon);
    // An open-ended contract's last period listed is the one running at the horizon, unclipped.
    for (const p of periods) {
      const unclipped = !next && !last && p.end === horizon ? { ...p, end: p.fullEnd, days: p.fullDays } : p;
      out.push({ ...unclipped, termsIndex, dueOn: periodDueOn(unclipped, v.timing) });
    }
  });
  return out;
}

// ---------------------------------------------------------------- indexation

export interface Indexation {
  seriesCode: string;
  /** a: the fixed part, b: the indexed part (a + b = 1). */
  fixedPart: string;
  variablePart: string;
  /** I0 and the month it was published for (YYYY-MM-01). */
  baseValue: string;
  basePeriod: string;
  /** First revision; then every anniversary of it. */
  firstRevisionOn: string;
  floor: string | null;
  cap: string | null;
}

export interface RevisionDue {
  /** The anniversary the revision applies from. */
  revisionOn: string;
  /** The month whose index value I it uses: I0's month in the latest year before the revision. */
  referencePeriod: string;
}

/**
 * The revision in force for a period starting on `periodStart`, or null before the first one.
 * I is the index of the same month as I0, in the latest year that month ends before the
 * revision date (I0 October 2024, revision 1 July 2026: I = October 2025).
 */
export function revisionInForce(ix: Pick<Indexation, 'firstRevisionOn' | 'basePeriod'>, periodStart: string): RevisionDue | null {
  if (periodStart < ix.firstRevisionOn) return null;
  let k = 0;
  while (iso(addYears(parseISO(ix.firstRevisionOn), k + 1)) <= periodStart) k += 1;
  const revisionOn = iso(addYears(parseISO(ix.firstRevisionOn), k));
  let n = 0;
  while (iso(addMonths(parseISO(ix.basePeriod), 12 * (n + 1) + 1)) <= revisionOn) n += 1;
  return { revisionOn, referencePeriod: iso(addYears(parseISO(ix.basePeriod), n)) };
}

export const COEFFICIENT_DECIMALS = 5;

/**
 * The coefficient a + b × I / I0, rounded half up to 5 decimals (the figure printed on the invoice,
 * so anyone can redo the sum), then held between the floor and the cap when they are set.
 */
export function revisionCoefficient(
  ix: Pick<Indexation, 'fixedPart' | 'variablePart' | 'baseValue' | 'floor' | 'cap'>,
  value: string,
): string {
  let c = new Money(ix.fixedPart)
    .plus(new Money(ix.variablePart).times(value).dividedBy(ix.baseValue))
    .toDecimalPlaces(COEFFICIENT_DECIMALS);
  if (ix.floor && c.lessThan(ix.floor)) c = new Money(ix.floor);
  if (ix.cap && c.greaterThan(ix.cap)) c = new Money(ix.cap);
  return c.toFixed(COEFFICIENT_DECIMALS);
}

/** P = P0 × coefficient, half up to the cent. */
export function revisedAmount(baseAmount: string, coefficient: string): string {
  return round2(new Money(baseAmount).times(coefficient)).toFixed(2);
}

/** Month names for what the invoice says about an index ("octobre 2026"). */
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export function frenchMonth(period: string): string {
  const [y, m] = period.split('-');
  return `${MONTHS_FR[Number(m) - 1]} ${y}`;
}

// ---------------------------------------------------------------- renewals

export interface RenewalTerms extends ContractSpan {
  noticeDays: number;
  renewalTermMonths: number;
}

/** The end of the term running on `today` (the initial term, then each tacit renewal), or null once past a final end. */
export function currentTermEnd(c: RenewalTerms, today: string): string | null {
  if (today <= c.endsOn) return c.endsOn;
  if (!c.tacitRenewal) return null;
  const firstRenewal = dayAfter(c.endsOn);
  let k = 1;
  for (;;) {
    const end = dayAfter(iso(addMonths(parseISO(firstRenewal), k * c.renewalTermMonths)), -1);
    if (end >= today) return end;
    k += 1;
  }
}

/** The last day the customer (or the company) can refuse the next renewal. */
export function noticeDeadline(termEnd: string, noticeDays: number): string {
  return dayAfter(termEnd, -noticeDays);
}

/** The end of the term following the one ending on `termEnd`. */
export function nextTermEnd(termEnd: string, renewalTermMonths: number): string {
  return dayAfter(iso(addMonths(parseISO(dayAfter(termEnd)), renewalTermMonths)), -1);
}

/**
 * The renewal still open to refusal on `today`: the running term's end if its notice deadline is
 * today or later, else the next term's (once a deadline has passed, that term renews and the next
 * decision is a term later). Null for a contract that does not renew or is past its final end.
 */
export function renewalDecision(c: RenewalTerms, today: string): { termEnd: string; deadline: string } | null {
  if (!c.tacitRenewal) return null;
  let termEnd = currentTermEnd(c, today);
  if (!termEnd) return null;
  while (noticeDeadline(termEnd, c.noticeDays) < today) termEnd = nextTermEnd(termEnd, c.renewalTermMonths);
  return { termEnd, deadline: noticeDeadline(termEnd, c.noticeDays) };
}

/**
 * When the customer should be told of the coming renewal: a consumer between three months and one
 * month before the notice deadline (Code de la consommation, L215-1); a business `leadDays` before it.
 */
export function renewalNoticeWindow(deadline: string, isConsumer: boolean, leadDays: number): { from: string; until: string } {
  if (isConsumer) return { from: iso(addMonths(parseISO(deadline), -3)), until: iso(addMonths(parseISO(deadline), -1)) };
  return { from: dayAfter(deadline, -leadDays), until: deadline };
}

export type RenewalState = 'RUNNING' | 'TO_RENEW' | 'NOTICE_SENT' | 'TERMINATED' | 'EXPIRED';

/**
 * Where a contract stands with its renewal on `today`: terminated, past its final end, notice sent
 * for the running term, inside the window where the customer must be told, or simply running.
 */
export function renewalState(
  c: RenewalTerms & { isConsumer: boolean },
  noticeSentForTermEnds: readonly string[],
  today: string,
  leadDays: number,
): { state: RenewalState; termEnd: string | null; deadline: string | null } {
  if (c.terminatedOn) return { state: 'TERMINATED', termEnd: c.terminatedOn, deadline: null };
  const termEnd = currentTermEnd(c, today);
  if (!termEnd) return { state: 'EXPIRED', termEnd: c.endsOn, deadline: null };
  const decision = renewalDecision(c, today);
  if (!decision) return { state: 'RUNNING', termEnd, deadline: null };
  if (noticeSentForTermEnds.includes(decision.termEnd)) return { state: 'NOTICE_SENT', ...decision };
  const window = renewalNoticeWindow(decision.deadline, c.isConsumer, leadDays);
  return { state: today >= window.from ? 'TO_RENEW' : 'RUNNING', ...decision };
}
