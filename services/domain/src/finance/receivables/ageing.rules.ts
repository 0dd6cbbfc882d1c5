import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { MONEY_ZERO, formatFr, parseDecimal, toAmount, type Money } from '../../billing/money';
import { Errors } from '../../shared/errors';
import { isLocalDate } from '../../shared/time';

/**
 * Receivables ageing (balance âgée): what customers owe, by how late it is at a given date.
 * An invoice is late from the day after its due date; on its due date it is still "non échu".
 */

export type AgeingBucket = 'NOT_DUE' | 'D1_30' | 'D31_60' | 'D61_90' | 'D90_PLUS';

export const AGEING_BUCKETS: readonly AgeingBucket[] = ['NOT_DUE', 'D1_30', 'D31_60', 'D61_90', 'D90_PLUS'];

export const AGEING_BUCKET_LABELS: Record<AgeingBucket, string> = {
  NOT_DUE: 'Non échu',
  D1_30: '1 à 30 jours',
  D31_60: '31 à 60 jours',
  D61_90: '61 à 90 jours',
  D90_PLUS: 'Plus de 90 jours',
};

function requireDate(value: string, field: string): Date {
  if (!isLocalDate(value)) throw Errors.validation([{ field, message: 'date AAAA-MM-JJ attendue' }]);
  return parseISO(value);
}

/** Calendar days from `dueDate` to `asOf`: 0 on the due date, 1 the day after, negative before. */
export function daysPastDue(dueDate: string, asOf: string): number {
  return differenceInCalendarDays(requireDate(asOf, 'asOf'), requireDate(dueDate, 'dueDate'));
}

/** `date` moved by `days` calendar days ("2026-02-27" + 2 -> "2026-03-01"). */
export function shiftDate(date: string, days: number): string {
  return format(addDays(requireDate(date, 'date'), days), 'yyyy-MM-dd');
}

/** From this many days past due on, every amount is in the last bucket (a query may sum them together). */
export const AGEING_LATEST_DAYS = 91;

export function bucketForDaysPastDue(days: number): AgeingBucket {
  if (days <= 0) return 'NOT_DUE';
  if (days <= 30) return 'D1_30';
  if (days <= 60) return 'D31_60';
  if (days <= AGEING_LATEST_DAYS - 1) return 'D61_90';
  return 'D90_PLUS';
}

export function ageingBucket(dueDate: string, asOf: string): AgeingBucket {
  return bucketForDaysPastDue(daysPastDue(dueDate, asOf));
}

/** `daysPastDue` remembered per due date: tens of thousands of items share a few hundred due dates. */
function daysPastDueMemo(asOf: string): (dueDate: string) => number {
  requireDate(asOf, 'asOf');
  const known = new Map<string, number>();
  return (dueDate) => {
    let days = known.get(dueDate);
    if (days === undefined) known.set(dueDate, (days = daysPastDue(dueDate, asOf)));
    return days;
  };
}

/** One open item of a customer: an issued invoice's open balance (negative for an unused credit). */
export interface AgeingItem {
  invoiceId: string;
  invoiceNumber: string;
  customerId: string;
  customerName: string;
  dueDate: string;
  openBalance: string;
}

/** What the ageing reads of an item: several items of a customer falling due the same day may come summed. */
export type AgeingAmount = Pick<AgeingItem, 'customerId' | 'customerName' | 'dueDate' | 'openBalance'>;

export type BucketAmounts = Record<AgeingBucket, string>;

export interface AgeingRow {
  customerId: string;
  customerName: string;
  buckets: BucketAmounts;
  total: string;
}

export interface AgeingTotals {
  buckets: BucketAmounts;
  total: string;
}

export interface AgeingReport {
  rows: AgeingRow[];
  totals: AgeingTotals;
}

type BucketSums = Record<AgeingBucket, Money>;

const emptySums = (): BucketSums => ({
  NOT_DUE: MONEY_ZERO,
  D1_30: MONEY_ZERO,
  D31_60: MONEY_ZERO,
  D61_90: MONEY_ZERO,
  D90_PLUS: MONEY_ZERO,
});

function bucketAmounts(sums: BucketSums): BucketAmounts {
  return {
    NOT_DUE: toAmount(sums.NOT_DUE),
    D1_30: toAmount(sums.D1_30),
    D31_60: toAmount(sums.D31_60),
    D61_90: toAmount(sums.D61_90),
    D90_PLUS: toAmount(sums.D90_PLUS),
  };
}

const totalOf = (sums: BucketSums): Money => AGEING_BUCKETS.reduce((total, b) => total.plus(sums[b]), MONEY_ZERO);

/**
 * Open balances summed per customer and bucket at `asOf`, one row per customer (sorted by name,
 * French collation), with the column totals and the grand total. Items with a zero balance are
 * ignored; negative ones (credits) reduce their bucket, as in an accountant's balance âgée.
 */
export function ageRows(items: readonly AgeingAmount[], asOf: string): AgeingReport {
  const perCustomer = new Map<string, { customerName: string; sums: BucketSums }>();
  const days = daysPastDueMemo(asOf);
  items.forEach((item, i) => {
    const balance = parseDecimal(item.openBalance, `items[${i}].openBalance`);
    if (balance.isZero()) return;
    const bucket = bucketForDaysPastDue(days(item.dueDate));
    let entry = perCustomer.get(item.customerId);
    if (!entry) perCustomer.set(item.customerId, (entry = { customerName: item.customerName, sums: emptySums() }));
    entry.sums[bucket] = entry.sums[bucket].plus(balance);
  });
  const rows = [...perCustomer]
    .map(([customerId, { customerName, sums }]) => ({
      customerId,
      customerName,
      buckets: bucketAmounts(sums),
      total: toAmount(totalOf(sums)),
    }))
    .sort((a, b) => a.customerName.localeCompare(b.customerName, 'fr') || a.customerId.localeCompare(b.customerId));
  return { rows, totals: ageingTotals(items, asOf) };
}

/** The column totals and the grand total of the ageing of `items` at `asOf`, as `ageRows` gives them, without the rows. */
export function ageingTotals(items: readonly Pick<AgeingAmount, 'dueDate' | 'openBalance'>[], asOf: string): AgeingTotals {
  const grand = emptySums();
  const days = daysPastDueMemo(asOf);
  items.forEach((item, i) => {
    const bucket = bucketForDaysPastDue(days(item.dueDate));
    grand[bucket] = grand[bucket].plus(parseDecimal(item.openBalance, `items[${i}].openBalance`));
  });
  return { buckets: bucketAmounts(grand), total: toAmount(totalOf(grand)) };
}

const CSV_BOM = '\uFEFF';
const CSV_SEPARATOR = ';';
const CSV_NEWLINE = '\r\n';

/** A text cell: quoted when needed, and never read by Excel as a formula (=, +, -, @ at the start). */
function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "1234.50" -> "1234,50": decimal comma, no thousands separator, so French Excel reads a number. */
const csvAmount = (amount: string): string => formatFr(amount, 2);

/**
 * The ageing as a CSV file French Excel opens as is: UTF-8 with BOM, semicolons, decimal commas,
 * CRLF line ends; one line per customer, then a "Total" line.
 */
export function ageingCsv(rows: readonly AgeingRow[], totals: AgeingTotals): string {
  const header = ['Client', ...AGEING_BUCKETS.map((b) => AGEING_BUCKET_LABELS[b]), 'Total'];
  const line = (name: string, buckets: BucketAmounts, total: string) =>
    [csvText(name), ...AGEING_BUCKETS.map((b) => csvAmount(buckets[b])), csvAmount(total)].join(CSV_SEPARATOR);
  const lines = [
    header.join(CSV_SEPARATOR),
    ...rows.map((r) => line(r.customerName, r.buckets, r.total)),
    line('Total', totals.buckets, totals.total),
  ];
  return CSV_BOM + lines.join(CSV_NEWLINE) + CSV_NEWLINE;
}

export type ItemToCollect<T extends AgeingItem> = T & { daysPastDue: number; bucket: AgeingBucket };

/** How far ahead "this week" looks: invoices falling due today and in the next 7 days. */
export const COLLECT_HORIZON_DAYS = 7;

/**
 * What to chase this week: invoices with something left to pay that are overdue or fall due within
 * the next 7 days (due date <= today + 7), largest open balance first (then oldest due date, number).
 */
export function toCollectThisWeek<T extends AgeingItem>(items: readonly T[], today: string): ItemToCollect<T>[] {
  const daysLate = daysPastDueMemo(today);
  return items
    .map((item, i) => ({
      item,
      balance: parseDecimal(item.openBalance, `items[${i}].openBalance`),
      days: daysLate(item.dueDate),
    }))
    .filter(({ balance, days }) => balance.greaterThan(0) && days >= -COLLECT_HORIZON_DAYS)
    .sort(
      (a, b) =>
        b.balance.comparedTo(a.balance) ||
        a.item.dueDate.localeCompare(b.item.dueDate) ||
        a.item.invoiceNumber.localeCompare(b.item.invoiceNumber),
    )
    .map(({ item, days }) => ({ ...item, daysPastDue: days, bucket: bucketForDaysPastDue(days) }));
}
