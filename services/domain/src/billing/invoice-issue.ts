import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { Invoice, InvoiceLine, InvoiceVatBreakdown, type BuyerSnapshot } from './invoice.entity';
import { assertCreditable } from './credit-notes';
import { alreadyIssued, draftTotals, invoiceTotalFields, retentionAmount, writeBreakdown } from './invoice-drafts';
import { issueStatement, type IssuedRow } from './invoice-issue-statement';
import { changedLineNets, sameVatBreakdown, type StoredBreakdownRow } from './invoice-issue.rules';
import { paymentDueDate } from './invoice.rules';
import { Money } from './money';
import type { VatRateDef } from './totals';
import { Customer } from '../maintenance/customer.entity';
import { assertPeriodOpen } from '../finance/periods/period-guard';
import { executePrepared, prepared } from '../db/prepared-statements';
import { inOneStatementAndCommit } from '../db/session-begin.driver';
import { Errors, Validator, assertExpectedVersion } from '../shared/errors';
import { prefixedColumns, prefixedRaw, scopeTenantId } from '../shared/joined-rows';
import { localDate, plusDays } from '../shared/time';

/**
 * Issuing: the legal number (per tenant, series and year, gapless, chronological), the issue and
 * due dates, the buyer as printed, totals recomputed from the lines. From then on the document and
 * its lines never change (the database refuses too). Issuing a credit note also records it on
 * the invoice it credits, which can never be credited beyond its total.
 */

export function buyerSnapshot(
  customer: Pick<
    Customer,
    | 'name'
    | 'siren'
    | 'siret'
    | 'vatNumber'
    | 'billingAddressLine1'
    | 'billingAddressLine2'
    | 'billingPostalCode'
    | 'billingCity'
    | 'billingCountry'
  >,
): BuyerSnapshot {
  return {
    name: customer.name,
    siren: customer.siren ?? null,
    siret: customer.siret ?? null,
    vatNumber: customer.vatNumber ?? null,
    address: {
      line1: customer.billingAddressLine1,
      line2: customer.billingAddressLine2 ?? null,
      postalCode: customer.billingPostalCode,
      city: customer.billingCity,
      country: customer.billingCountry,
    },
  };
}

const staleMessage = 'La facture a été modifiée entre-temps ; rechargez-la';

/** Adds a credit note's total to the invoice it credits, refusing to credit more than was invoiced. */
async function recordCredit(em: EntityManager, creditNote: Invoice, gross: string): Promise<void> {
  const credited = await em.findOne(
    Invoice,
    { id: creditNote.creditedInvoiceId! },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!credited) throw Errors.notFound('Invoice', creditNote.creditedInvoiceId!);
  // A draft made before the invoice was written off is not issued while the write-off stands.
  assertCreditable(credited);
  const remaining = new Money(credited.totalGross).minus(credited.creditedAmount);
  if (new Money(gross).greaterThan(remaining))
    throw Errors.conflict(
      'CREDIT_EXCEEDS_INVOICE',
      `L’avoir (${gross} €) dépasse ce qui reste à créditer sur la facture ${credited.number} (${remaining.toFixed(2)} €)`,
      { invoiceId: credited.id, invoiceNumber: credited.number, remaining: remaining.toFixed(2), creditNoteTotal: gross },
    );
  credited.creditedAmount = new Money(credited.creditedAmount).plus(gross).toFixed(2);
  credited.updatedAt = new Date();
}

interface IssueLine {
  id: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  vatRateCode: string;
  vatRate: string;
  vatCategory: string;
  lineNet: string;
}

type IssueCustomer = Parameters<typeof buyerSnapshot>[0] & Pick<Customer, 'paymentTermsKind' | 'paymentTermsDays'>;

/** What issuing reads besides the invoice, as the one statement that locks it returns them. */
interface IssueInputs {
  lines: IssueLine[];
  customer: IssueCustomer | null;
  vatRates: VatRateDef[];
  breakdown: StoredBreakdownRow[];
  /** The last day of the closed periods (see `closedThrough`), null when nothing is closed. */
  closedThrough: string | null;
}

const ISSUE_INPUTS: Record<keyof IssueInputs, string> = {
  lines: `(select coalesce(jsonb_agg(jsonb_build_object('id', l.id, 'quantity', l.quantity::text, 'unitPrice', l.unit_price::text,
            'discountPercent', l.discount_percent::text, 'vatRateCode', l.vat_rate_code, 'vatRate', l.vat_rate::text,
            'vatCategory', l.vat_category, 'lineNet', l.line_net::text) order by l.position), '[]'::jsonb)
          from invoice_lines l where l.tenant_id = i.tenant_id and l.invoice_id = i.id)`,
  customer: `(select jsonb_build_object('name', c.name, 'siren', c.siren, 'siret', c.siret, 'vatNumber', c.vat_number,
            'billingAddressLine1', c.billing_address_line1, 'billingAddressLine2', c.billing_address_line2,
            'billingPostalCode', c.billing_postal_code, 'billingCity', c.billing_city, 'billingCountry', c.billing_country,
            'paymentTermsKind', c.payment_terms_kind, 'paymentTermsDays', c.payment_terms_days)
          from customers c where c.tenant_id = i.tenant_id and c.id = i.customer_id)`,
  vatRates: `(select coalesce(jsonb_agg(jsonb_build_object('code', r.code, 'rate', r.rate::text, 'categoryCode', r.category_code,
            'exemptionReason', r.exemption_reason)), '[]'::jsonb)
          from vat_rates r where r.tenant_id = i.tenant_id)`,
  breakdown: `(select coalesce(jsonb_agg(jsonb_build_object('category', b.category, 'rate', b.rate::text, 'basis', b.basis::text,
            'tax', b.tax::text, 'exemptionReason', b.exemption_reason)), '[]'::jsonb)
          from invoice_vat_breakdown b where b.tenant_id = i.tenant_id and b.invoice_id = i.id)`,
  closedThrough: '(select closed_through::text from accounting_locks)',
};

/**
 * Locks the invoice and reads, in the same statement, its lines, stored VAT breakdown, customer,
 * the tenant's VAT rates and the closed-through date. The lines may be read from before the lock
 * was granted: a draft's content only changes with its version, which the caller then finds
 * stale (`expectedVersion`).
 */
async function lockForIssue(em: EntityManager, id: string): Promise<{ invoice: Invoice; inputs: IssueInputs } | null> {
  const columns = Object.entries(ISSUE_INPUTS).map(([key, sql]) => `${sql} as "__${key}"`);
  const lock = prepared(
    `with i as (select * from invoices where tenant_id = ? and id = ? for update)
     select ${prefixedColumns(em, Invoice, 'i')}, ${columns.join(', ')} from i`,
  );
  const [row] = await executePrepared<Record<string, unknown>>(em, lock, [scopeTenantId(em), id]);
  if (!row) return null;
  const inputs = Object.fromEntries(Object.keys(ISSUE_INPUTS).map((key) => [key, row[`__${key}`]]));
  return { invoice: em.map(Invoice, prefixedRaw(em, Invoice, row, 'i')!), inputs: inputs as unknown as IssueInputs };
}

export interface IssueOptions {
  /** The moment of issue: now (read once the series is ours), except when the demo data replays past months. */
  at?: Date;
  /**
   * Commit the caller's transaction with the issue's write, so the series lock is let go at once
   * (`inOneStatementAndCommit`): for a caller whose work ends with the issue, as the
   * `issueInvoice` mutation's does. Without it the lock is held until the caller's transaction ends.
   */
  commit?: boolean;
}

/**
 * Totals, VAT breakdown and buyer are computed and written before the series lock, which is then
 * taken by the one statement that numbers, dates and writes the issue with its fact
 * (`issueStatement`), and held to the transaction's end (with `commit`, that statement's message).
 */
export async function issueInvoice(em: EntityManager, id: string, expectedVersion: number, options: IssueOptions = {}): Promise<Invoice> {
  const locked = await lockForIssue(em, id);
  if (!locked) throw Errors.notFound('Invoice', id);
  const { invoice, inputs } = locked;
  if (invoice.status !== 'DRAFT') throw alreadyIssued(invoice);
  assertExpectedVersion(invoice, expectedVersion, staleMessage);
  const { lines, customer, vatRates } = inputs;
  if (!customer) throw Errors.notFound('Customer', invoice.customerId);
  new Validator().check(lines.length > 0, 'lines', 'une facture sans ligne ne peut pas être émise').throwIfInvalid();
  // The lines keep the rate they were priced with; the exemption reason comes from the tenant's table.
  const reasons = new Map(vatRates.map((r) => [r.code, r.exemptionReason]));
  const defs = new Map<string, VatRateDef>(vatRates.map((r) => [r.code, r]));
  for (const l of lines)
    defs.set(l.vatRateCode, {
      code: l.vatRateCode,
      rate: l.vatRate,
      categoryCode: l.vatCategory,
      exemptionReason: reasons.get(l.vatRateCode) ?? null,
    });
  const totals = draftTotals(lines, {
    vatRates: [...defs.values()],
    allowanceCharges: invoice.allowanceCharges,
    prepaidAmount: invoice.prepaidAmount,
  });
  if (invoice.typeCode === '381') await recordCredit(em, invoice, totals.grandTotal);
  const retention = retentionAmount(totals.grandTotal, invoice.retentionPercent);

  // Writes before the series lock, only where the draft differs from what is issued (the invoice is still a draft).
  const lineNets = changedLineNets(lines, totals.lineNets);
  const breakdownChanged = !sameVatBreakdown(inputs.breakdown, totals.vatBreakdown);
  for (const line of lineNets) await em.nativeUpdate(InvoiceLine, { id: line.id }, { lineNet: line.lineNet });
  if (breakdownChanged) {
    await em.nativeDelete(InvoiceVatBreakdown, { invoiceId: id });
    writeBreakdown(em, invoice, totals);
  }
  // The breakdown and the credited invoice: under the series lock, the issue writes the invoice alone.
  if (breakdownChanged || invoice.typeCode === '381') await em.flush();

  // The issue's date is the one of the moment the series is granted; expected today (or `at`'s day),
  // its neighbours are there for the clocks of the service and the database, and for midnight.
  const expected = localDate(options.at ?? new Date());
  // The accountant's closing: nothing is issued on a date of a closed period (read with the invoice;
  // the database refuses it too, for another date or a period closed meanwhile).
  if (inputs.closedThrough !== null && expected <= inputs.closedThrough) await assertPeriodOpen(em, expected);
  // A credit note is settled against the invoice it credits: nothing falls due.
  const dueDates = Object.fromEntries(
    [plusDays(expected, -1), expected, plusDays(expected, 1)].map((date) => [
      date,
      invoice.typeCode === '381' ? date : paymentDueDate(date, { kind: customer.paymentTermsKind, days: customer.paymentTermsDays }),
    ]),
  );
  const values = {
    at: options.at ?? null,
    dueDates,
    buyer: buyerSnapshot(customer),
    totals: invoiceTotalFields(totals, retention),
    updatedAt: new Date(),
  };
  const write = issueStatement(em, invoice, values);
  const run = () => em.execute<IssuedRow[]>(write.sql, write.params);
  const [issued] = await (options.commit ? inOneStatementAndCommit(em, run) : run());
  // Nothing written: the draft changed since it was locked above, which its row lock rules out.
  if (!issued) throw Errors.staleVersion(staleMessage, invoice.version);
  return em.merge(
    Invoice,
    {
      id: invoice.id,
      status: 'ISSUED',
      number: issued.number,
      issuedAt: new Date(issued.issued_at),
      issueDate: issued.issue_date,
      dueDate: issued.due_date,
      buyer: values.buyer,
      ...values.totals,
      updatedAt: values.updatedAt,
      openBalance: issued.open_balance,
      settlementState: issued.settlement_state,
      version: issued.version,
    },
    { refresh: true },
  );
}
