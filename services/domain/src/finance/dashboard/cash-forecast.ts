import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BEHAVIOUR_INVOICES,
  BEHAVIOUR_WINDOW_DAYS,
  addLocalDays,
  bucketForecast,
  expectedDaysLate,
  expectedPayment,
  forecastWeeks,
  weekIndex,
  type ForecastItem,
  type ForecastWeek,
  type ForecastWeekTotals,
} from './dashboard.rules';
import { contractSchedule } from '../../billing/contracts/contract-billing.rules';
import { loadBillingBasis, pricePeriod, type BillingBasis, type BillingContract } from '../../billing/contracts/contract-bills';
import { draftTotals } from '../../billing/invoice-drafts';
import { invoicePaymentMethods } from '../../billing/invoice-payment-method';
import { paymentDueDate } from '../../billing/invoice.rules';
import { Money, sumAmounts, toAmount } from '../../billing/money';
import { Errors } from '../../shared/errors';

/**
 * The cash expected over the next 13 weeks, from three sources:
 * - open invoices (issued, something left to pay, not disputed), each expected on its due date plus
 *   its customer's usual lateness (`expectedDaysLate`), on the promised date when a payment promise
 *   runs, and never before the date (what is late is expected in the first week);
 * - direct debits: invoices in a batch sent to the bank, on its collection date; invoices paid by
 *   direct debit (contract terms or mandate) not yet in a batch, on their due date;
 * - contract billing to come: each period of the contracts' schedules not billed yet, priced as the
 *   run will bill it (TTC), issued on the day it falls due (today when already due), paid at the
 *   payment terms (the contract's, else the customer's).
 * Disputed invoices are not counted on; their total is given apart.
 */

/** Why an item is expected when it is. */
export type ExpectedBasis =
  'DUE_DATE' | 'CUSTOMER_BEHAVIOUR' | 'OVERDUE' | 'PAYMENT_PROMISE' | 'DIRECT_DEBIT_BATCH' | 'DIRECT_DEBIT_DUE' | 'CONTRACT_TERMS';

export interface ForecastEntry extends ForecastItem {
  basis: ExpectedBasis;
  customerId: string;
  customerName: string;
  /** The invoice, for invoices and direct debits. */
  invoiceId: string | null;
  invoiceNumber: string | null;
  dueDate: string | null;
  /** Days after the due date the customer usually pays (invoices only). */
  daysLate: number | null;
  /** The contract and the period to bill, for contract billing to come. */
  contractId: string | null;
  contractReference: string | null;
  periodStart: string | null;
  periodEnd: string | null;
}

export interface CashForecast {
  asOf: string;
  weeks: ForecastWeekTotals[];
  /** The weeks added up. */
  total: string;
  /** Open balances of disputed invoices, not counted on. */
  disputed: { count: number; amount: string };
}

interface OpenInvoiceRow {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  issueDate: string;
  dueDate: string;
  openBalance: string;
  contractId: string | null;
  disputed: boolean;
  promiseUntil: string | null;
  collectionDate: string | null;
}

function openInvoices(em: EntityManager): Promise<OpenInvoiceRow[]> {
  return em.execute<OpenInvoiceRow[]>(
    `select i.id, i.number, i.customer_id as "customerId", c.name as "customerName", i.issue_date::text as "issueDate",
            i.due_date::text as "dueDate", i.open_balance::text as "openBalance", i.contract_id as "contractId",
            coalesce(s.disputed, false) as disputed, s.promise_until::text as "promiseUntil", dd.collection_date::text as "collectionDate"
       from invoices i
       join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
       left join invoice_collection_states s on s.tenant_id = i.tenant_id and s.invoice_id = i.id
       left join (select d.invoice_id, min(b.collection_date) as collection_date
                    from direct_debit_items d join direct_debit_batches b on b.tenant_id = d.tenant_id and b.id = d.batch_id
                   where d.status = 'PENDING' and b.state = 'SUBMITTED'
                   group by d.invoice_id) dd on dd.invoice_id = i.id
      where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance <> 0 -- the open-items index
        and i.open_balance > 0`,
  );
}

/**
 * Days late of the latest paid invoices (most recent first) of each customer with something open:
 * an invoice is paid on the latest receipt of the payments allocated to it (or its issue, when the
 * money came first); invoices that fell due within `BEHAVIOUR_WINDOW_DAYS` before `asOf`, those
 * settled without any payment (by credit alone) telling nothing. The latest receipt is kept on the
 * invoice (`last_payment_on`), so each customer costs a few entries of the paid-behaviour index, and
 * the statement needs nothing from the open invoices' one (both are sent together).
 */
async function customersDaysLate(em: EntityManager, asOf: string): Promise<Map<string, number[]>> {
  const rows = await em.execute<{ customerId: string; late: number[] }[]>(
    `select c.customer_id as "customerId", l.late
       from (select distinct o.customer_id from invoices o
              where o.status = 'ISSUED' and o.type_code <> '381' and o.open_balance <> 0 and o.open_balance > 0) c
       cross join lateral (
         select array_agg(greatest(p.last_payment_on, p.issue_date) - p.due_date order by p.issue_date desc, p.id desc)
                  filter (where p.last_payment_on is not null) as late
           from (select i.id, i.issue_date, i.due_date, i.last_payment_on
                   from invoices i
                  where i.status = 'ISSUED' and i.type_code <> '381' and i.settlement_state = 'PAID'
                    and i.customer_id = c.customer_id and i.due_date between ?::date and ?::date
                  order by i.issue_date desc, i.id desc
                  limit ?) p) l
      where l.late is not null`,
    [addLocalDays(asOf, -BEHAVIOUR_WINDOW_DAYS), asOf, BEHAVIOUR_INVOICES],
  );
  return new Map(rows.map((r) => [r.customerId, r.late.map(Number)]));
}

const EMPTY = { contractId: null, contractReference: null, periodStart: null, periodEnd: null };

/** Each open invoice, expected when its customer (or its direct debit) is likely to pay it. */
async function invoiceEntries(em: EntityManager, asOf: string): Promise<{ entries: ForecastEntry[]; disputed: OpenInvoiceRow[] }> {
  const [rows, mandates, late] = await Promise.all([
    openInvoices(em),
    em.execute<{ customer_id: string }[]>('select distinct customer_id from sepa_mandates'),
    customersDaysLate(em, asOf),
  ]);
  const disputed = rows.filter((r) => r.disputed);
  const counted = rows.filter((r) => !r.disputed);
  // Only a contract's invoice, or a customer who signed a mandate, can be paid by direct debit.
  const withMandate = new Set(mandates.map((m) => m.customer_id));
  const methods = await invoicePaymentMethods(
    em,
    counted.filter((r) => !r.collectionDate && (r.contractId || withMandate.has(r.customerId))),
    asOf,
  );
  // Thousands of open invoices share a few hundred customers and due dates: each computed once.
  const habits = new Map<string, number>();
  const habitOf = (customerId: string) => {
    let days = habits.get(customerId);
    if (days === undefined) habits.set(customerId, (days = expectedDaysLate(late.get(customerId) ?? [])));
    return days;
  };
  const expectations = new Map<string, { on: string; overdue: boolean }>();
  const expectationOf = (dueDate: string, daysLate: number) => {
    const key = `${dueDate}|${daysLate}`;
    let expectation = expectations.get(key);
    if (expectation === undefined) expectations.set(key, (expectation = expectedPayment(dueDate, daysLate, asOf)));
    return expectation;
  };
  const atLeastToday = (date: string) => (date < asOf ? asOf : date);
  const entries = counted.map((r): ForecastEntry => {
    const base = {
      amount: r.openBalance,
      customerId: r.customerId,
      customerName: r.customerName,
      invoiceId: r.id,
      invoiceNumber: r.number,
      dueDate: r.dueDate,
      ...EMPTY,
    };
    if (r.collectionDate)
      return { ...base, source: 'DIRECT_DEBIT', basis: 'DIRECT_DEBIT_BATCH', expectedOn: atLeastToday(r.collectionDate), daysLate: null };
    if (methods.get(r.id) === 'DIRECT_DEBIT')
      return { ...base, source: 'DIRECT_DEBIT', basis: 'DIRECT_DEBIT_DUE', expectedOn: atLeastToday(r.dueDate), daysLate: null };
    if (r.promiseUntil && r.promiseUntil >= asOf)
      return { ...base, source: 'INVOICE', basis: 'PAYMENT_PROMISE', expectedOn: r.promiseUntil, daysLate: null };
    const daysLate = habitOf(r.customerId);
    const expectation = expectationOf(r.dueDate, daysLate);
    const basis: ExpectedBasis = expectation.overdue ? 'OVERDUE' : daysLate > 0 ? 'CUSTOMER_BEHAVIOUR' : 'DUE_DATE';
    return { ...base, source: 'INVOICE', basis, expectedOn: expectation.on, daysLate };
  });
  return { entries, disputed };
}

const spanOf = (c: BillingContract) => ({
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  tacitRenewal: c.tacitRenewal,
  terminatedOn: c.terminatedOn ?? null,
});

/**
 * The contracts' periods not billed yet that fall due by the end of the forecast, priced as the
 * run bills them (periods blocked by a missing index value are left out: nothing can be billed
 * before it is entered), expected at the payment terms from their issue.
 */
function contractEntries(basis: BillingBasis, asOf: string, horizon: string): ForecastEntry[] {
  const entries: ForecastEntry[] = [];
  // Most periods bill the same lines as others (a contract's fee, month after month): priced once.
  const grossOf = new Map<string, string>();
  for (const contract of basis.contracts) {
    const versions = basis.termsByContract.get(contract.id) ?? [];
    const customer = basis.customers.get(contract.customerId);
    if (!customer) continue;
    for (const period of contractSchedule(spanOf(contract), versions, horizon)) {
      if (period.dueOn > horizon || basis.billed.has(`${contract.id}:${period.start}`)) continue;
      const terms = versions[period.termsIndex]!;
      const priced = pricePeriod(basis, contract.id, terms, period);
      if (priced.blocked || !priced.lines.length) continue;
      const issueOn = period.dueOn < asOf ? asOf : period.dueOn;
      const expectedOn = paymentDueDate(
        issueOn,
        terms.paymentTermsDays == null
          ? { kind: customer.paymentTermsKind, days: customer.paymentTermsDays }
          : { kind: 'NET', days: terms.paymentTermsDays },
      );
      if (expectedOn > horizon) continue;
      const lines = priced.lines.map((l) => ({ quantity: '1', unitPrice: l.amount, vatRateCode: l.vatRateCode }));
      const key = lines.map((l) => `${l.unitPrice}|${l.vatRateCode}`).join(';');
      let gross = grossOf.get(key);
      if (gross === undefined) grossOf.set(key, (gross = draftTotals(lines, { vatRates: basis.vatRates }).grandTotal));
      entries.push({
        source: 'CONTRACT',
        basis: 'CONTRACT_TERMS',
        expectedOn,
        amount: gross,
        customerId: customer.id,
        customerName: customer.name,
        invoiceId: null,
        invoiceNumber: null,
        dueDate: expectedOn,
        daysLate: null,
        contractId: contract.id,
        contractReference: contract.reference,
        periodStart: period.start,
        periodEnd: period.end,
      });
    }
  }
  return entries;
}

async function forecastEntries(
  em: EntityManager,
  asOf: string,
): Promise<{ weeks: ForecastWeek[]; entries: ForecastEntry[]; disputed: OpenInvoiceRow[] }> {
  const weeks = forecastWeeks(asOf);
  const horizon = weeks.at(-1)!.end;
  const [invoices, basis] = await Promise.all([invoiceEntries(em, asOf), loadBillingBasis(em)]);
  return { weeks, entries: [...invoices.entries, ...contractEntries(basis, asOf, horizon)], disputed: invoices.disputed };
}

/** The 13 weeks from `asOf`'s week, each with what invoices, contracts and direct debits should bring. */
export async function cashForecast(em: EntityManager, asOf: string): Promise<CashForecast> {
  const { weeks, entries, disputed } = await forecastEntries(em, asOf);
  const totals = bucketForecast(weeks, entries);
  return {
    asOf,
    weeks: totals,
    total: toAmount(sumAmounts(totals.map((w) => w.total))),
    disputed: { count: disputed.length, amount: toAmount(sumAmounts(disputed.map((d) => d.openBalance))) },
  };
}

/**
 * What makes one week of the forecast (the week starting on `weekStart`), soonest first, then
 * largest. VALIDATION_FAILED when `weekStart` is not the Monday of one of the 13 weeks.
 */
export async function cashForecastWeek(em: EntityManager, asOf: string, weekStart: string): Promise<ForecastEntry[]> {
  const index = forecastWeeks(asOf).findIndex((w) => w.start === weekStart);
  if (index < 0) throw Errors.validation([{ field: 'weekStart', message: 'lundi de l’une des 13 semaines de la prévision' }]);
  const { weeks, entries } = await forecastEntries(em, asOf);
  return entries
    .filter((e) => weekIndex(weeks, e.expectedOn) === index)
    .sort(
      (a, b) =>
        a.expectedOn.localeCompare(b.expectedOn) ||
        new Money(b.amount).comparedTo(a.amount) ||
        (a.invoiceNumber ?? a.contractReference ?? '').localeCompare(b.invoiceNumber ?? b.contractReference ?? ''),
    );
}
