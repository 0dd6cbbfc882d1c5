import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, OptimisticLockError } from '@mikro-orm/core';
import { Invoice, InvoiceLine, InvoiceVatBreakdown, type BuyerSnapshot } from './invoice.entity';
import { alreadyIssued, applyTotals, draftTotals, retentionAmount, vatRateDefs, writeBreakdown } from './invoice-drafts';
import { paymentDueDate } from './invoice.rules';
import { Money } from './money';
import { lockInvoiceSeries, nextInvoiceNumber } from './numbering';
import type { VatRateDef } from './totals';
import { Customer } from '../maintenance/customer.entity';
import { assertPeriodOpen } from '../finance/periods/period-guard';
import { recordScopeFact } from '../platform/business-facts';
import { Errors, Validator, assertExpectedVersion } from '../shared/errors';
import { localDate } from '../shared/time';

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

/** `at` is the moment of issue: now (read once the series is ours), except when the demo data replays past months. */
export async function issueInvoice(em: EntityManager, id: string, expectedVersion: number, at?: Date): Promise<Invoice> {
  const invoice = await em.findOne(Invoice, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!invoice) throw Errors.notFound('Invoice', id);
  if (invoice.status !== 'DRAFT') throw alreadyIssued(invoice);
  assertExpectedVersion(invoice, expectedVersion, staleMessage);
  const [lines, customer, vatRates] = await Promise.all([
    em.find(InvoiceLine, { invoiceId: id }, { orderBy: { position: 'asc' } }),
    em.findOne(Customer, { id: invoice.customerId }),
    vatRateDefs(em),
  ]);
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
  await lockInvoiceSeries(em, invoice.tenantId, invoice.series);
  const issuedAt = at ?? new Date();
  const issueDate = localDate(issuedAt);
  // The accountant's closing: nothing is issued on a date of a closed period.
  await assertPeriodOpen(em, issueDate);
  // A credit note is settled against the invoice it credits: nothing falls due.
  const due =
    invoice.typeCode === '381'
      ? issueDate
      : paymentDueDate(issueDate, { kind: customer.paymentTermsKind, days: customer.paymentTermsDays });

  // Writes from here: the breakdown first (the invoice is still a draft), then the issue itself.
  await em.nativeDelete(InvoiceVatBreakdown, { invoiceId: id });
  writeBreakdown(em, invoice, totals);
  lines.forEach((l, i) => {
    l.lineNet = totals.lineNets[i]!;
  });
  await em.flush();
  invoice.number = await nextInvoiceNumber(em, invoice.tenantId, invoice.series, issueDate);
  invoice.issuedAt = issuedAt;
  invoice.status = 'ISSUED';
  invoice.issueDate = issueDate;
  invoice.dueDate = due;
  invoice.buyer = buyerSnapshot(customer);
  invoice.updatedAt = new Date();
  applyTotals(invoice, totals, retentionAmount(totals.grandTotal, invoice.retentionPercent));
  recordScopeFact(em, invoice.tenantId, {
    kind: invoice.typeCode === '381' ? 'credit_note.issued' : 'invoice.issued',
    subjectType: 'Invoice',
    subjectId: invoice.id,
    occurredOn: issueDate,
    payload: {
      number: invoice.number,
      typeCode: invoice.typeCode,
      customerId: invoice.customerId,
      totalGross: invoice.totalGross,
      amountDue: invoice.amountDue,
      ...(invoice.typeCode === '381' ? { creditedInvoiceId: invoice.creditedInvoiceId } : {}),
    },
  });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw Errors.staleVersion(staleMessage, invoice.version);
    throw error;
  }
  return invoice;
}
