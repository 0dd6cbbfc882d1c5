import type { EntityManager } from '@mikro-orm/postgresql';
import {
  UNBILLED_AGES,
  compareYears,
  comparisonRanges,
  countBackDso,
  dsoPeriods,
  monthOf,
  sameDayLastYear,
  unbilledAge,
  type UnbilledAge,
  type YearComparison,
} from './dashboard.rules';
import { AGEING_BUCKETS } from '../receivables/ageing.rules';
import { receivablesTotals } from '../receivables/receivables.service';
import { MONEY_ZERO, Money, sumAmounts, toAmount } from '../../billing/money';
import { Validator } from '../../shared/errors';
import { isLocalDate, localDate } from '../../shared/time';

/**
 * The figures of the owner's and the accountant's home, each read by one or two SQL statements
 * from the operational records (invoices, credit notes, payments, interventions), never from the
 * ledger: revenue billed and cash collected by month, receivables with the DSO, unbilled work.
 * Each block is its own function, so a screen (or a partner) asking for one figure pays for one.
 */

export function validateAsOf(asOf: string | null | undefined, today = localDate(new Date())): string {
  const date = asOf ?? today;
  new Validator().check(isLocalDate(date), 'asOf', 'date AAAA-MM-JJ attendue').throwIfInvalid();
  return date;
}

/**
 * What makes revenue, as a signed amount of an issued document: an invoice (380) counts its
 * amount, a credit note (381) less it. Deposit invoices (386) are advances, not revenue: the final
 * invoice bills the whole work (and deducts them from what is due), so they and the credit notes
 * crediting them are left out.
 */
const REVENUE_DOCUMENT = `(i.type_code = '380' or (i.type_code = '381' and (
    select d.type_code from invoices d where d.tenant_id = i.tenant_id and d.id = i.credited_invoice_id) = '380'))`;

/** Signed amounts summed per day (or per range, dated by its first day): the months are summed here. */
interface DayRow {
  day: string;
  amount: string;
}

/** The year of `asOf` and the one before, month by month, with both years to date. */
function yearWindow(asOf: string) {
  const year = Number(asOf.slice(0, 4));
  return { from: `${year - 1}-01-01`, currentFrom: `${year}-01-01`, previousTo: sameDayLastYear(asOf) };
}

function toComparison(asOf: string, days: readonly DayRow[]): YearComparison {
  const w = yearWindow(asOf);
  const byMonth = new Map<string, Money>();
  let current = MONEY_ZERO;
  let previous = MONEY_ZERO;
  for (const d of days) {
    const month = monthOf(d.day);
    byMonth.set(month, (byMonth.get(month) ?? MONEY_ZERO).plus(d.amount));
    if (d.day >= w.currentFrom) current = current.plus(d.amount);
    else if (d.day <= w.previousTo) previous = previous.plus(d.amount);
  }
  return compareYears(
    asOf,
    [...byMonth].map(([month, amount]) => ({ month, amount: amount.toFixed(2) })),
    { current: current.toFixed(2), previous: previous.toFixed(2) },
  );
}

/** Revenue billed HT by issue month (invoices less credit notes), this year to `asOf` beside last year. */
export async function revenueByMonth(em: EntityManager, asOf: string): Promise<YearComparison> {
  const w = yearWindow(asOf);
  // Invoices from the issue-date index alone; credit notes (few) with the invoice they credit.
  const days = await em.execute<DayRow[]>(
    `select d.day::text as day, sum(d.amount)::text as amount
       from (select i.issue_date as day, sum(i.total_net) as amount from invoices i
              where i.status = 'ISSUED' and i.type_code = '380' and i.issue_date between ?::date and ?::date
              group by 1
             union all
             select i.issue_date, -sum(i.total_net) from invoices i
               join invoices o on o.tenant_id = i.tenant_id and o.id = i.credited_invoice_id and o.type_code = '380'
              where i.status = 'ISSUED' and i.type_code = '381' and i.issue_date between ?::date and ?::date
              group by 1) d
      group by d.day`,
    [w.from, asOf, w.from, asOf],
  );
  return toComparison(asOf, days);
}

/**
 * Cash collected by month: payments received, less payments reversed (a rejected cheque, a returned
 * direct debit) in the month of their reversal and credit refunded in the month of the refund.
 * Summed range by range (`comparisonRanges`), each an index read: under row-level security one
 * scan over the two years was planned as a scan of the whole payments table.
 */
export async function cashCollectedByMonth(em: EntityManager, asOf: string): Promise<YearComparison> {
  const ranges = comparisonRanges(asOf);
  const days = await em.execute<DayRow[]>(
    `select r.first::text as day, (coalesce(received.amount, 0) - coalesce(reversed.amount, 0) - coalesce(refunded.amount, 0))::text as amount
       from unnest(?::date[], ?::date[]) as r(first, last)
       cross join lateral (select sum(p.amount) as amount from payments p where p.received_on between r.first and r.last) received
       cross join lateral (select sum(p.amount) as amount from payments p where p.reversed_on between r.first and r.last) reversed
       cross join lateral (select sum(f.amount) as amount from payment_refunds f where f.refunded_on between r.first and r.last) refunded`,
    [`{${ranges.map((r) => r.from).join(',')}}`, `{${ranges.map((r) => r.to).join(',')}}`],
  );
  return toComparison(asOf, days);
}

export interface ReceivablesSummary {
  asOf: string;
  /** What customers owe, net of their unallocated payments: the total of the balance âgée. */
  open: string;
  /** The part of it past due (the balance âgée's columns after "non échu"). */
  overdue: string;
  /** Days sales outstanding, count-back method, one decimal; null when receivables exceed a year of sales. */
  dso: string | null;
}

/**
 * Open and overdue receivables as the balance âgée totals them at `asOf`, and the DSO counted back
 * over what was billed TTC (invoices and deposits less credit notes) month by month.
 */
export async function receivablesSummary(em: EntityManager, asOf: string, today = localDate(new Date())): Promise<ReceivablesSummary> {
  const periods = dsoPeriods(asOf);
  const [totals, billed] = await Promise.all([
    receivablesTotals(em, asOf, today),
    em.execute<DayRow[]>(
      `select i.issue_date::text as day, sum(case when i.type_code = '381' then -i.amount_due else i.amount_due end)::text as amount
         from invoices i
        where i.status = 'ISSUED' and i.issue_date between ?::date and ?::date
        group by i.issue_date`,
      [periods.at(-1)!.from, asOf],
    ),
  ]);
  const byMonth = new Map<string, string>();
  for (const d of billed) byMonth.set(monthOf(d.day), toAmount(new Money(byMonth.get(monthOf(d.day)) ?? '0').plus(d.amount)));
  const overdue = sumAmounts(AGEING_BUCKETS.filter((b) => b !== 'NOT_DUE').map((b) => totals.buckets[b]));
  return {
    asOf,
    open: totals.total,
    overdue: toAmount(overdue),
    dso: countBackDso(
      totals.total,
      periods.map((p) => ({ days: p.days, billed: byMonth.get(monthOf(p.from)) ?? '0.00' })),
    ),
  };
}

export interface UnbilledWork {
  asOf: string;
  /** Closed interventions neither on an invoice nor marked not billable ("À facturer"). */
  count: number;
  /** Days since the oldest of them was closed; null when there is none. */
  oldestDays: number | null;
  buckets: { age: UnbilledAge; count: number }[];
}

/**
 * The "nothing forgotten" counter: closed interventions waiting to be billed at `asOf`, by how long
 * they have waited since their closing (tenant-local days). No amount: pricing them is the
 * conversion's work (rate cards, price lists, included hours), shown on "À facturer".
 */
export async function unbilledWork(em: EntityManager, asOf: string): Promise<UnbilledWork> {
  const rows = await em.execute<{ days: number; count: number }[]>(
    `select (?::date - (i.closed_at at time zone t.timezone)::date) as days, count(*)::int as count
       from interventions i
       join tenants t on t.id = i.tenant_id
      where i.status = 'CLOSED' and (i.closed_at at time zone t.timezone)::date <= ?::date
        and not exists (select 1 from invoice_interventions l where l.tenant_id = i.tenant_id and l.intervention_id = i.id)
        and not exists (select 1 from billing_exclusions e where e.tenant_id = i.tenant_id and e.intervention_id = i.id)
      group by 1`,
    [asOf, asOf],
  );
  const counts = new Map<UnbilledAge, number>(UNBILLED_AGES.map((age) => [age, 0]));
  for (const r of rows) counts.set(unbilledAge(r.days), counts.get(unbilledAge(r.days))! + r.count);
  return {
    asOf,
    count: rows.reduce((n, r) => n + r.count, 0),
    oldestDays: rows.length ? Math.max(...rows.map((r) => r.days)) : null,
    buckets: UNBILLED_AGES.map((age) => ({ age, count: counts.get(age)! })),
  };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** At most this many documents or movements behind one figure are listed (the totals count them all). */
export const MAX_LISTED = 500;

function validateMonth(month: string, first: number): { from: string; to: string } {
  new Validator()
    .check(MONTH.test(month), 'month', 'mois AAAA-MM attendu')
    .check(Number.isInteger(first) && first >= 1 && first <= MAX_LISTED, 'first', `de 1 à ${MAX_LISTED}`)
    .throwIfInvalid();
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}` };
}

export interface RevenueDocument {
  invoiceId: string;
  number: string;
  kind: 'INVOICE' | 'CREDIT_NOTE';
  customerId: string;
  customerName: string;
  issueDate: string;
  /** HT, negative for a credit note. */
  net: string;
}

export interface Listed<T> {
  month: string;
  totalCount: number;
  total: string;
  items: T[];
}

/** The documents behind a month of revenue (up to `asOf`), in issue order; the total is the month's figure. */
export async function revenueDocuments(
  em: EntityManager,
  asOf: string,
  month: string,
  first = MAX_LISTED,
): Promise<Listed<RevenueDocument>> {
  const { from, to } = validateMonth(month, first);
  const rows = await em.execute<(RevenueDocument & { total_count: number; total: string })[]>(
    `select i.id as "invoiceId", i.number, case when i.type_code = '381' then 'CREDIT_NOTE' else 'INVOICE' end as kind,
            i.customer_id as "customerId", c.name as "customerName", i.issue_date::text as "issueDate", s.amount::text as net,
            count(*) over ()::int as total_count, sum(s.amount) over ()::text as total
       from invoices i
       join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
       cross join lateral (select case when i.type_code = '381' then -i.total_net else i.total_net end as amount) s
      where i.status = 'ISSUED' and i.issue_date between ?::date and least(?::date, ?::date) and ${REVENUE_DOCUMENT}
      order by i.issue_date, i.number
      limit ?`,
    [from, to, asOf, first],
  );
  return {
    month,
    totalCount: rows[0]?.total_count ?? 0,
    total: toAmount(rows[0]?.total ?? '0'),
    items: rows.map((r) => ({
      invoiceId: r.invoiceId,
      number: r.number,
      kind: r.kind,
      customerId: r.customerId,
      customerName: r.customerName,
      issueDate: r.issueDate,
      net: toAmount(r.net),
    })),
  };
}

export interface CashMovement {
  paymentId: string;
  /** RECEIVED: a payment; REVERSED: a payment taken back (at its reversal); REFUNDED: credit paid back. */
  kind: 'RECEIVED' | 'REVERSED' | 'REFUNDED';
  date: string;
  customerId: string;
  customerName: string;
  method: string;
  reference: string | null;
  /** Negative for a reversal or a refund. */
  amount: string;
}

/** The movements behind a month of cash collected (up to `asOf`), in date order; the total is the month's figure. */
export async function cashMovements(em: EntityManager, asOf: string, month: string, first = MAX_LISTED): Promise<Listed<CashMovement>> {
  const { from, to } = validateMonth(month, first);
  const rows = await em.execute<(CashMovement & { total_count: number; total: string })[]>(
    `select m.*, c.name as "customerName", count(*) over ()::int as total_count, sum(m.amount) over ()::text as total
       from (select p.id as "paymentId", 'RECEIVED' as kind, p.received_on::text as date, p.customer_id as "customerId", p.method,
                    p.reference, p.amount
               from payments p where p.received_on between ?::date and least(?::date, ?::date)
             union all
             select p.id, 'REVERSED', p.reversed_on::text, p.customer_id, p.method, p.reversal_reason, -p.amount
               from payments p where p.reversed_on between ?::date and least(?::date, ?::date)
             union all
             select p.id, 'REFUNDED', r.refunded_on::text, p.customer_id, r.method, r.reference, -r.amount
               from payment_refunds r join payments p on p.tenant_id = r.tenant_id and p.id = r.payment_id
              where r.refunded_on between ?::date and least(?::date, ?::date)) m
       join customers c on c.tenant_id = app_current_tenant() and c.id = m."customerId"
      order by m.date, m.kind, m."paymentId"
      limit ?`,
    [from, to, asOf, from, to, asOf, from, to, asOf, first],
  );
  return {
    month,
    totalCount: rows[0]?.total_count ?? 0,
    total: toAmount(rows[0]?.total ?? '0'),
    items: rows.map((r) => ({
      paymentId: r.paymentId,
      kind: r.kind,
      date: r.date,
      customerId: r.customerId,
      customerName: r.customerName,
      method: r.method,
      reference: r.reference,
      amount: toAmount(r.amount),
    })),
  };
}
