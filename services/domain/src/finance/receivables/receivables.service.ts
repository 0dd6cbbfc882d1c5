import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AGEING_BUCKETS,
  COLLECT_HORIZON_DAYS,
  ageRows,
  ageingCsv,
  ageingTotals,
  shiftDate,
  toCollectThisWeek,
  type AgeingBucket,
  type AgeingRow,
  type AgeingTotals,
  type ItemToCollect,
} from './ageing.rules';
import { currentOpenAmounts, currentOpenTotals, openInvoicesDueBy, type OpenAmount, type OpenItem } from './open-items';
import { openItemsAt } from './open-items-at';
import { MONEY_ZERO, parseDecimal, sumAmounts, toAmount, type Money } from '../../billing/money';
import { Validator } from '../../shared/errors';
import { isUuid } from '../../shared/ids';
import { isLocalDate, localDate } from '../../shared/time';

/**
 * Receivables ageing (balance âgée) of the tenant at a date. Unallocated payments count as
 * negative "non échu" amounts: the customer's total is then what they owe net of the money they
 * already sent, as on their account (customer balance, statement). Filters choose customers, never
 * parts of a row, so a row always adds up to the customer's balance and the totals to the rows.
 */

export interface AgeingFilter {
  /** The date lateness is measured at; today by default. A past date rebuilds the balances as they stood then. */
  asOf?: string | null;
  customerId?: string | null;
  /** Customers whose total is at least this amount. */
  minimumAmount?: string | null;
  /** Customers with something overdue (a positive amount past its due date). */
  overdueOnly?: boolean | null;
  /** Customers with a positive amount in this bucket. */
  bucket?: AgeingBucket | null;
}

export interface ReceivablesAgeingRow extends AgeingRow {
  /** Part of the "non échu" column that is money received and not yet allocated (shown as a negative amount). */
  unallocatedPayments: string;
}

export interface ReceivablesAgeing {
  asOf: string;
  rows: ReceivablesAgeingRow[];
  totals: AgeingTotals;
}

const OVERDUE_BUCKETS = AGEING_BUCKETS.filter((b) => b !== 'NOT_DUE');

function validateFilter(filter: AgeingFilter, today: string): { asOf: string; minimum: Money | null } {
  const asOf = filter.asOf ?? today;
  new Validator()
    .check(isLocalDate(asOf), 'asOf', 'date AAAA-MM-JJ attendue', 'DATE_EXPECTED')
    .check(!filter.customerId || isUuid(filter.customerId), 'customerId', 'identifiant de client invalide')
    .check(!filter.bucket || AGEING_BUCKETS.includes(filter.bucket), 'bucket', 'tranche inconnue')
    .throwIfInvalid();
  const minimum = filter.minimumAmount ? parseDecimal(filter.minimumAmount, 'minimumAmount', 2) : null;
  return { asOf, minimum };
}

/** Today's balances when `asOf` is today or later (the open-items index); rebuilt from history for a past date. */
async function openAmounts(em: EntityManager, asOf: string, today: string, customerId: string | null | undefined): Promise<OpenAmount[]> {
  if (asOf >= today) return currentOpenAmounts(em, asOf, customerId);
  return (await openItemsAt(em, asOf, { customerId })).map((item) => ({
    ...item,
    kind: item.kind === 'UNALLOCATED_PAYMENT' ? 'UNALLOCATED_PAYMENTS' : 'INVOICES',
  }));
}

function keepRow(row: AgeingRow, filter: AgeingFilter, minimum: Money | null): boolean {
  if (minimum && parseDecimal(row.total, 'total').lessThan(minimum)) return false;
  if (filter.overdueOnly && !sumAmounts(OVERDUE_BUCKETS.map((b) => row.buckets[b])).greaterThan(0)) return false;
  if (filter.bucket && !parseDecimal(row.buckets[filter.bucket], 'bucket').greaterThan(0)) return false;
  return true;
}

function totalsOf(rows: readonly AgeingRow[]): AgeingTotals {
  const buckets = Object.fromEntries(
    AGEING_BUCKETS.map((b) => [b, toAmount(sumAmounts(rows.map((r) => r.buckets[b])))]),
  ) as AgeingTotals['buckets'];
  return { buckets, total: toAmount(sumAmounts(rows.map((r) => r.total))) };
}

export async function receivablesAgeing(
  em: EntityManager,
  filter: AgeingFilter = {},
  today = localDate(new Date()),
): Promise<ReceivablesAgeing> {
  const { asOf, minimum } = validateFilter(filter, today);
  const amounts = await openAmounts(em, asOf, today, filter.customerId);
  const credit = new Map<string, Money>();
  for (const a of amounts)
    if (a.kind === 'UNALLOCATED_PAYMENTS') credit.set(a.customerId, (credit.get(a.customerId) ?? MONEY_ZERO).minus(a.openBalance));
  const rows = ageRows(amounts, asOf)
    .rows.filter((row) => keepRow(row, filter, minimum))
    .map((row) => ({ ...row, unallocatedPayments: toAmount(credit.get(row.customerId) ?? MONEY_ZERO) }));
  return { asOf, rows, totals: totalsOf(rows) };
}

/**
 * The ageing's totals alone, as `receivablesAgeing(em, { asOf }).totals` gives them, without a row per
 * customer (the dashboard's receivables): today's balances summed by lateness in one statement, a
 * past date rebuilt from history.
 */
export async function receivablesTotals(em: EntityManager, asOf: string, today = localDate(new Date())): Promise<AgeingTotals> {
  validateFilter({ asOf }, today);
  const amounts = asOf >= today ? await currentOpenTotals(em, asOf) : await openAmounts(em, asOf, today, null);
  return ageingTotals(amounts, asOf);
}

/** The ageing as the CSV file French Excel opens (see `ageingCsv`). */
export const receivablesAgeingCsv = (ageing: Pick<ReceivablesAgeing, 'rows' | 'totals'>): string => ageingCsv(ageing.rows, ageing.totals);

/** Invoices to chase this week: overdue or falling due within 7 days, largest open balance first. */
export async function invoicesToCollect(
  em: EntityManager,
  today = localDate(new Date()),
  customerId?: string | null,
): Promise<ItemToCollect<OpenItem>[]> {
  new Validator()
    .check(isLocalDate(today), 'today', 'date AAAA-MM-JJ attendue', 'DATE_EXPECTED')
    .check(!customerId || isUuid(customerId), 'customerId', 'identifiant de client invalide')
    .throwIfInvalid();
  return toCollectThisWeek(await openInvoicesDueBy(em, shiftDate(today, COLLECT_HORIZON_DAYS), customerId), today);
}
