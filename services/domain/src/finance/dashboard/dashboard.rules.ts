import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { getISODay } from 'date-fns/getISODay';
import { parseISO } from 'date-fns/parseISO';
import { MONEY_ZERO, Money, parseDecimal, round2, toAmount } from '../../billing/money';
import { Errors } from '../../shared/errors';
import { isLocalDate, plusDays, plusMonths } from '../../shared/time';

/**
 * The rules behind the owner's and the accountant's dashboards, as plain functions: the DSO
 * (count-back method), when a customer is expected to pay an open invoice, the 13 weeks of the
 * cash forecast, and margins. Dates are tenant-local calendar dates (YYYY-MM-DD); amounts are
 * decimal strings.
 */

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

function checkDate(value: string, field: string): string {
  if (!isLocalDate(value)) throw Errors.validation([{ field, message: 'date AAAA-MM-JJ attendue' }]);
  return value;
}

const requireDate = (value: string, field: string): Date => parseISO(checkDate(value, field));

// ---------------------------------------------------------------- months

/** "2026-03" for a date, the month an amount is reported in. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The 12 months (YYYY-MM) of a calendar year. */
export const monthsOfYear = (year: number): string[] => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

export interface MonthlyAmount {
  /** YYYY-MM. */
  month: string;
  amount: string;
}

export interface MonthComparison {
  /** 1 to 12. */
  month: number;
  /** This year's amount; null for the months after `asOf`'s month (not there yet). */
  current: string | null;
  /** The same month of the previous year. */
  previous: string;
}

export interface YearComparison {
  year: number;
  months: MonthComparison[];
  /** This year up to `asOf` included, and the previous year up to the same day. */
  currentToDate: string;
  previousToDate: string;
}

/**
 * The months of `asOf`'s year beside those of the year before. `byMonth` holds the amounts of
 * whole months, `currentToDate` and `previousToDate` the year-to-date sums (the previous year to the
 * same day); a month missing from `byMonth` had nothing.
 */
export function compareYears(
  asOf: string,
  byMonth: readonly MonthlyAmount[],
  toDate: { current: string; previous: string },
): YearComparison {
  requireDate(asOf, 'asOf');
  const year = Number(asOf.slice(0, 4));
  const amounts = new Map(byMonth.map((m) => [m.month, m.amount]));
  const currentMonth = monthOf(asOf);
  return {
    year,
    months: monthsOfYear(year).map((month, i) => ({
      month: i + 1,
      current: month > currentMonth ? null : toAmount(amounts.get(month) ?? '0'),
      previous: toAmount(amounts.get(monthsOfYear(year - 1)[i]!) ?? '0'),
    })),
    currentToDate: toAmount(toDate.current),
    previousToDate: toAmount(toDate.previous),
  };
}

/** The same calendar day a year earlier (29 February → 28 February). */
export function sameDayLastYear(date: string): string {
  return iso(addMonths(requireDate(date, 'date'), -12));
}

/**
 * The date ranges a year comparison can be summed by, in order: each month of last year and of this
 * year up to `asOf` (its month up to `asOf`), with last year's month split after the same day a year
 * earlier; so each range lies in one month and wholly within or after last year's to-date part.
 */
export function comparisonRanges(asOf: string): { from: string; to: string }[] {
  requireDate(asOf, 'asOf');
  const year = Number(asOf.slice(0, 4));
  const previousTo = sameDayLastYear(asOf);
  const ranges: { from: string; to: string }[] = [];
  for (const month of [...monthsOfYear(year - 1), ...monthsOfYear(year)]) {
    if (month > monthOf(asOf)) break;
    const from = `${month}-01`;
    const end = plusDays(plusMonths(from, 1), -1);
    const to = end < asOf ? end : asOf;
    if (monthOf(previousTo) === month && previousTo < to) ranges.push({ from, to: previousTo }, { from: plusDays(previousTo, 1), to });
    else ranges.push({ from, to });
  }
  return ranges;
}

// ---------------------------------------------------------------- DSO

/** How far back the count-back looks: beyond it, receivables are older than a year of sales. */
export const DSO_MONTHS = 12;

export interface BilledPeriod {
  /** Calendar days the period counts for. */
  days: number;
  /** What was billed in it, TTC (invoices less credit notes). */
  billed: string;
}

/**
 * The periods the count-back walks through, most recent first: the month of `asOf` up to `asOf`
 * (its elapsed days), then each whole month before it, `DSO_MONTHS` periods in all, with the first
 * day of each (to find what was billed in it).
 */
export function dsoPeriods(asOf: string): { from: string; to: string; days: number }[] {
  const day = requireDate(asOf, 'asOf');
  const periods: { from: string; to: string; days: number }[] = [{ from: `${monthOf(asOf)}-01`, to: asOf, days: day.getDate() }];
  for (let back = 1; back < DSO_MONTHS; back += 1) {
    const first = addMonths(parseISO(`${monthOf(asOf)}-01`), -back);
    const last = addDays(addMonths(first, 1), -1);
    periods.push({ from: iso(first), to: iso(last), days: getDaysInMonth(first) });
  }
  return periods;
}

/**
 * Days sales outstanding by the count-back method (méthode de l'épuisement du chiffre d'affaires),
 * the one French finance directors use: starting from the receivables at the date, take away what
 * was billed TTC in the most recent period, then the one before, and so on, counting each
 * exhausted period's days; the period that exhausts the receivables counts for the share it
 * covers (its days × what is left / what it billed). Periods billing nothing (or less than
 * nothing) count their days whole. Receivables of zero or less: 0 days. Receivables larger than
 * everything billed over the periods: null (no meaningful figure; the debt is older than the sales
 * looked at). One decimal, half up.
 */
export function countBackDso(receivables: string, periods: readonly BilledPeriod[]): string | null {
  let left = parseDecimal(receivables, 'receivables', 2);
  if (!left.greaterThan(0)) return '0.0';
  let days = MONEY_ZERO;
  for (const [i, period] of periods.entries()) {
    const billed = parseDecimal(period.billed, `periods[${i}].billed`, 2);
    if (billed.greaterThan(0) && billed.greaterThanOrEqualTo(left))
      return days.plus(left.dividedBy(billed).times(period.days)).toDecimalPlaces(1, Money.ROUND_HALF_UP).toFixed(1);
    if (billed.greaterThan(0)) left = left.minus(billed);
    days = days.plus(period.days);
  }
  return null;
}

// ---------------------------------------------------------------- expected payment dates

/** Paid invoices of a customer the behaviour is read from (the most recent ones). */
export const BEHAVIOUR_INVOICES = 6;
/** Fewer paid invoices than this: no behaviour, the due date is expected. */
export const BEHAVIOUR_MINIMUM = 2;
/** Only invoices that fell due within this many days before the date are read. */
export const BEHAVIOUR_WINDOW_DAYS = 365;
/** The lateness expected is bounded: never before the due date, at most this many days after it. */
export const BEHAVIOUR_MAX_DAYS_LATE = 90;

/**
 * How many days after the due date a customer is expected to pay: the median of the days late of
 * its latest paid invoices (`BEHAVIOUR_INVOICES` at most; the lower middle value when their number
 * is even), bounded to [0, BEHAVIOUR_MAX_DAYS_LATE]: paying early is not counted on, and a few very
 * late payments do not push the forecast beyond a quarter. Fewer than `BEHAVIOUR_MINIMUM` paid
 * invoices: 0 (the due date).
 */
export function expectedDaysLate(daysLate: readonly number[]): number {
  if (daysLate.length < BEHAVIOUR_MINIMUM) return 0;
  const sorted = [...daysLate].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return Math.min(Math.max(median, 0), BEHAVIOUR_MAX_DAYS_LATE);
}

/** `date` moved by `days` calendar days. */
export function addLocalDays(date: string, days: number): string {
  return plusDays(checkDate(date, 'date'), days);
}

/**
 * When the money of an open invoice is expected: its due date plus the customer's usual lateness,
 * but never before `asOf` (what is already late, `overdue`, is expected now, in the first week).
 */
export function expectedPayment(dueDate: string, daysLate: number, asOf: string): { on: string; overdue: boolean } {
  const expected = addLocalDays(dueDate, daysLate);
  return expected < asOf ? { on: asOf, overdue: true } : { on: expected, overdue: false };
}

// ---------------------------------------------------------------- the 13-week forecast

export const FORECAST_WEEKS = 13;

export interface ForecastWeek {
  /** Monday and Sunday of the week. */
  start: string;
  end: string;
}

/** The weeks of the forecast: from the Monday of `asOf`'s week, `FORECAST_WEEKS` weeks Monday to Sunday. */
export function forecastWeeks(asOf: string): ForecastWeek[] {
  const day = requireDate(asOf, 'asOf');
  const monday = addDays(day, 1 - getISODay(day));
  return Array.from({ length: FORECAST_WEEKS }, (_, i) => ({
    start: iso(addDays(monday, 7 * i)),
    end: iso(addDays(monday, 7 * i + 6)),
  }));
}

/** The index of the week holding `date`, or -1 outside the forecast (ISO dates compare as strings). */
export function weekIndex(weeks: readonly ForecastWeek[], date: string): number {
  return weeks.findIndex((w) => w.start <= date && date <= w.end);
}

export type ForecastSource = 'INVOICE' | 'CONTRACT' | 'DIRECT_DEBIT';

export interface ForecastItem {
  source: ForecastSource;
  expectedOn: string;
  amount: string;
}

export interface ForecastWeekTotals extends ForecastWeek {
  invoices: string;
  contracts: string;
  directDebits: string;
  total: string;
}

/** The items summed per week and source; items outside the weeks are left out. */
export function bucketForecast<T extends ForecastItem>(weeks: readonly ForecastWeek[], items: readonly T[]): ForecastWeekTotals[] {
  const sums = weeks.map(() => ({ INVOICE: MONEY_ZERO, CONTRACT: MONEY_ZERO, DIRECT_DEBIT: MONEY_ZERO }));
  items.forEach((item, i) => {
    const w = weekIndex(weeks, item.expectedOn);
    if (w < 0) return;
    sums[w]![item.source] = sums[w]![item.source].plus(parseDecimal(item.amount, `items[${i}].amount`, 2));
  });
  return weeks.map((week, w) => {
    const s = sums[w]!;
    return {
      ...week,
      invoices: toAmount(s.INVOICE),
      contracts: toAmount(s.CONTRACT),
      directDebits: toAmount(s.DIRECT_DEBIT),
      total: toAmount(s.INVOICE.plus(s.CONTRACT).plus(s.DIRECT_DEBIT)),
    };
  });
}

// ---------------------------------------------------------------- unbilled work

export type UnbilledAge = 'D0_7' | 'D8_30' | 'D31_60' | 'D60_PLUS';
export const UNBILLED_AGES: readonly UnbilledAge[] = ['D0_7', 'D8_30', 'D31_60', 'D60_PLUS'];

/** How long a closed intervention has waited to be billed: up to a week, a month, two months, longer. */
export function unbilledAge(days: number): UnbilledAge {
  if (days <= 7) return 'D0_7';
  if (days <= 30) return 'D8_30';
  if (days <= 60) return 'D31_60';
  return 'D60_PLUS';
}

// ---------------------------------------------------------------- cost and margin

export interface CostParts {
  /** Σ hours × the technician's cost rate, for the hours whose rate is known. */
  labour: string;
  /** Σ quantity × the catalog purchase cost, for the parts whose cost is known. */
  parts: string;
  /** Trips made (a share of them when an intervention is split between technicians). */
  trips: string;
}

export interface Cost {
  labour: string;
  parts: string;
  /** Null when the tenant has not set the cost of a trip and trips were made. */
  travel: string | null;
  /** Labour + parts + travel (travel counted 0 when unknown: the interventions say so apart). */
  total: string;
}

/** A group's cost: labour and parts as summed, trips × the cost of a trip, each rounded to the cent. */
export function costOf(parts: CostParts, travelCostPerTrip: string | null): Cost {
  const labour = round2(parseDecimal(parts.labour, 'labour', 8));
  const partsCost = round2(parseDecimal(parts.parts, 'parts', 8));
  const trips = parseDecimal(parts.trips, 'trips', 8);
  const travel =
    travelCostPerTrip === null
      ? trips.isZero()
        ? MONEY_ZERO
        : null
      : round2(trips.times(parseDecimal(travelCostPerTrip, 'travelCost', 2)));
  return {
    labour: toAmount(labour),
    parts: toAmount(partsCost),
    travel: travel === null ? null : toAmount(travel),
    total: toAmount(labour.plus(partsCost).plus(travel ?? MONEY_ZERO)),
  };
}

export interface Margin {
  margin: string;
  /** Margin / revenue in percent, one decimal; null when there is no revenue to divide by. */
  rate: string | null;
}

/** Margin = revenue − cost; its rate is on revenue (taux de marge sur chiffre d'affaires). */
export function marginOf(revenue: string, cost: string): Margin {
  const r = parseDecimal(revenue, 'revenue', 2);
  const margin = r.minus(parseDecimal(cost, 'cost', 2));
  if (r.isZero()) return { margin: toAmount(margin), rate: null };
  const rate = margin.dividedBy(r).times(100).toDecimalPlaces(1, Money.ROUND_HALF_UP);
  return { margin: toAmount(margin), rate: (rate.isZero() ? MONEY_ZERO : rate).toFixed(1) };
}
