import type { EntityManager } from '@mikro-orm/postgresql';
import type { VatDueOn } from './ledger.entity';
import { Money, MONEY_ZERO, round2, sumAmounts, toAmount } from '../../billing/money';
import { Validator } from '../../shared/errors';
import { DEFAULT_TIMEZONE, isLocalDate } from '../../shared/time';

/**
 * The VAT of a period, from the sales journal. VAT due on issue (goods, everything for a tenant
 * that opted for debits) is due in the period of the invoice. VAT on receipts (services) is
 * booked to the same collected-VAT accounts when invoiced, marked due on payment, and becomes
 * due as the invoice is paid: for each invoice and rate, due(d) = its VAT on receipts (less its
 * credit notes') × the share of what it asks that was settled at the end of day d (payments
 * allocated and credit moved to it, less credit moved from it; reversed or released allocations
 * no longer count from their date), capped at 1, rounded to the cent; the period owes
 * due(to) − due(from − 1). Rounding cumulated amounts rather than each payment's share makes an
 * invoice's VAT due over all periods exactly its VAT once it is paid.
 * An irrecoverable write-off (OD, source WRITE_OFF) recovers the VAT it debits: VAT due on issue
 * was declared with the invoice, so the write-off's lines reduce the VAT due on issue of the
 * period of its date (its cancellation adds it back on the cancellation's date); VAT on receipts
 * only becomes due with payments, and a write-off is not one, so its part of it never becomes due.
 */

export interface VatReportRow {
  /** Percent, 2 decimals. */
  rate: string;
  /** VAT invoiced in the period that is due on issue, less the VAT recovered by write-offs dated in it. */
  dueOnIssue: string;
  /** VAT invoiced in the period that is due when paid (not due yet for what is unpaid). */
  invoicedOnPayment: string;
  /** VAT on receipts that became due in the period (payments received, whenever invoiced). */
  dueOnPayment: string;
  /** dueOnIssue + dueOnPayment: what the period's return declares. */
  due: string;
}

export interface VatReport {
  from: string;
  to: string;
  rows: VatReportRow[];
  totals: Omit<VatReportRow, 'rate'>;
  /** TVA nette due (CA3 line 28): totals.due when positive, else 0.00. */
  payable: string;
  /** Crédit de TVA (CA3 line 25): what the period's deductions exceed its VAT by, positive; else 0.00. */
  credit: string;
}

/**
 * What the period's return declares: a positive total is VAT to pay; a negative one (a month whose
 * VAT recovered on write-offs exceeds the VAT due, say) is a VAT credit, shown as a positive
 * amount, never as a negative VAT due.
 */
export function vatPosition(due: string): { payable: string; credit: string } {
  const total = new Money(due);
  return total.isNegative() ? { payable: '0.00', credit: toAmount(total.negated()) } : { payable: toAmount(total), credit: '0.00' };
}

interface InvoicedRow {
  vat_rate: string;
  vat_due_on: VatDueOn;
  vat: string;
}

interface ReceiptRow {
  vat_rate: string;
  vat_before: string;
  vat_until: string;
  asked_before: string;
  asked_until: string;
  settled_before: string;
  settled_until: string;
}

const SQL = `
  with tenant_zone as (select coalesce((select timezone from tenants where id = app_current_tenant()), :tz) as tz),
  vat_lines as (
    select e.entry_date, e.source_type, e.source_id, l.vat_rate, l.vat_due_on, l.credit - l.debit as vat
      from ledger_entry_lines l join ledger_entries e on e.tenant_id = l.tenant_id and e.id = l.entry_id
     where e.journal = 'VT' and l.vat_due_on is not null and e.entry_date <= :to
  ),
  receipts as (
    select coalesce(n.credited_invoice_id, v.source_id) as invoice_id, v.vat_rate,
           coalesce(sum(v.vat) filter (where v.entry_date < :from), 0) as vat_before, sum(v.vat) as vat_until
      from vat_lines v
      left join invoices n on v.source_type = 'CREDIT_NOTE' and n.id = v.source_id
     where v.vat_due_on = 'PAYMENT'
     group by 1, 2
  ),
  settlements as (
    select a.invoice_id, a.allocated_on as settled_on,
           least(p.reversed_on, (a.released_at at time zone z.tz)::date) as undone_on, a.amount
      from payment_allocations a
      join payments p on p.tenant_id = a.tenant_id and p.id = a.payment_id
      cross join tenant_zone z
     where a.invoice_id in (select invoice_id from receipts)
    union all
    select x.invoice_id, x.allocated_on, null, x.amount from credit_allocations x where x.invoice_id in (select invoice_id from receipts)
    union all
    select x.from_invoice_id, x.allocated_on, null, -x.amount from credit_allocations x where x.from_invoice_id in (select invoice_id from receipts)
  )
  select r.vat_rate::text, r.vat_before::text, r.vat_until::text,
         (i.amount_due - coalesce(c.before, 0))::text as asked_before, (i.amount_due - coalesce(c.until, 0))::text as asked_until,
         coalesce(s.before, 0)::text as settled_before, coalesce(s.until, 0)::text as settled_until
    from receipts r
    join invoices i on i.id = r.invoice_id
    left join lateral (
      select sum(n.total_gross) filter (where n.issue_date < :from) as before, sum(n.total_gross) as until
        from invoices n where n.credited_invoice_id = r.invoice_id and n.status = 'ISSUED' and n.issue_date <= :to
    ) c on true
    left join lateral (
      select sum(x.amount) filter (where x.settled_on < :from and (x.undone_on is null or x.undone_on >= :from)) as before,
             sum(x.amount) filter (where x.settled_on <= :to and (x.undone_on is null or x.undone_on > :to)) as until
        from settlements x where x.invoice_id = r.invoice_id
    ) s on true`;

/** VAT on receipts due at the end of a day: the settled share of what the invoice asks, capped at all of it. */
function dueAt(vat: string, asked: string, settled: string): Money {
  const base = new Money(asked);
  const share = base.isPositive() ? Money.min(1, Money.max(0, new Money(settled).dividedBy(base))) : new Money(1);
  return round2(new Money(vat).times(share));
}

export async function vatReport(em: EntityManager, range: { from: string; to: string }): Promise<VatReport> {
  new Validator()
    .check(isLocalDate(range.from), 'from', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(isLocalDate(range.to), 'to', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(!isLocalDate(range.from) || !isLocalDate(range.to) || range.from <= range.to, 'to', 'après le début')
    .throwIfInvalid();
  const params: unknown[] = [];
  const values: Record<string, unknown> = { from: range.from, to: range.to, tz: DEFAULT_TIMEZONE };
  const casts: Record<string, string> = { from: '::date', to: '::date', tz: '::text' };
  const bind = (sql: string) =>
    sql.replace(/(?<!:):(from|to|tz)\b/g, (_, name: string) => {
      params.push(values[name]);
      return `?${casts[name]}`;
    });
  const receiptsSql = bind(SQL);
  const receiptParams = [...params];
  params.length = 0;
  const invoicedSql = bind(`
    select l.vat_rate::text, l.vat_due_on, sum(l.credit - l.debit)::text as vat
      from ledger_entry_lines l join ledger_entries e on e.tenant_id = l.tenant_id and e.id = l.entry_id
     where l.vat_due_on is not null and e.entry_date between :from and :to
       and (e.journal = 'VT' or (e.source_type = 'WRITE_OFF' and l.vat_due_on = 'ISSUE'))
     group by 1, 2`);
  const [invoiced, receipts] = await Promise.all([
    em.execute<InvoicedRow[]>(invoicedSql, [...params]),
    em.execute<ReceiptRow[]>(receiptsSql, receiptParams),
  ]);

  const byRate = new Map<string, { dueOnIssue: Money; invoicedOnPayment: Money; dueOnPayment: Money }>();
  const row = (rate: string) => {
    const key = new Money(rate).toFixed(2);
    if (!byRate.has(key)) byRate.set(key, { dueOnIssue: MONEY_ZERO, invoicedOnPayment: MONEY_ZERO, dueOnPayment: MONEY_ZERO });
    return byRate.get(key)!;
  };
  for (const r of invoiced) {
    const target = row(r.vat_rate);
    if (r.vat_due_on === 'ISSUE') target.dueOnIssue = target.dueOnIssue.plus(r.vat);
    else target.invoicedOnPayment = target.invoicedOnPayment.plus(r.vat);
  }
  for (const r of receipts) {
    const due = dueAt(r.vat_until, r.asked_until, r.settled_until).minus(dueAt(r.vat_before, r.asked_before, r.settled_before));
    if (!due.isZero()) row(r.vat_rate).dueOnPayment = row(r.vat_rate).dueOnPayment.plus(due);
  }
  const rows = [...byRate.entries()]
    .sort(([a], [b]) => new Money(b).comparedTo(a))
    .map(([rate, r]) => ({
      rate,
      dueOnIssue: toAmount(r.dueOnIssue),
      invoicedOnPayment: toAmount(r.invoicedOnPayment),
      dueOnPayment: toAmount(r.dueOnPayment),
      due: toAmount(r.dueOnIssue.plus(r.dueOnPayment)),
    }));
  const total = (pick: (r: VatReportRow) => string) => toAmount(sumAmounts(rows.map(pick)));
  const due = total((r) => r.due);
  return {
    from: range.from,
    to: range.to,
    rows,
    totals: {
      dueOnIssue: total((r) => r.dueOnIssue),
      invoicedOnPayment: total((r) => r.invoicedOnPayment),
      dueOnPayment: total((r) => r.dueOnPayment),
      due,
    },
    ...vatPosition(due),
  };
}
