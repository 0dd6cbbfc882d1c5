import type { EntityManager } from '@mikro-orm/postgresql';
import { Invoice, InvoiceLine } from './invoice.entity';
import { CREDIT_NOTE_SERIES, newDraft, vatRateDefs, type DraftLineInput } from './invoice-drafts';
import { Money, parseDecimal } from './money';
import { Errors, Validator, type DomainError } from '../shared/errors';
import type { Identity } from '../shared/identity';
import { frenchDate } from '../shared/time';

/**
 * Credit notes (avoirs, UNTDID 381): drafts made from an issued invoice, in full or for some
 * lines and quantities, with positive amounts, their own number series (AV-2026-00001) and a
 * reference to the credited invoice. Issuing one reduces that invoice's open balance.
 */

export interface CreditNoteInput {
  /**
   * Lines to credit with the quantity; none: the whole invoice. A contract's termination credits
   * part of a fee line instead: quantity 1 at a lower unit price, with its own designation.
   */
  lines?: { invoiceLineId: string; quantity: string; unitPrice?: string; description?: string }[] | null;
  reason: string;
}

type CreditableFacts = Pick<Invoice, 'id' | 'number' | 'status' | 'typeCode' | 'writtenOffAmount'>;

/**
 * Why no credit note can be made from (or issued on) this invoice, or null when one can: only an
 * issued invoice, not a credit note, receives one (NOT_CREDITABLE); nor does an invoice while a
 * write-off stands on it (INVOICE_WRITTEN_OFF): the written-off part is already out of the
 * receivable and the loss booked, so crediting it would give the customer a credit for what they
 * never paid. The accountant cancels the write-off first. Crediting beyond the invoice
 * (CREDIT_EXCEEDS_INVOICE) is checked against the credit note's total.
 */
export function creditNoteRefusal(invoice: CreditableFacts): DomainError | null {
  if (invoice.status !== 'ISSUED' || invoice.typeCode === '381')
    return Errors.conflict('NOT_CREDITABLE', 'Seule une facture émise peut recevoir un avoir', {
      invoiceId: invoice.id,
      status: invoice.status,
      typeCode: invoice.typeCode,
    });
  if (new Money(invoice.writtenOffAmount).greaterThan(0))
    return Errors.conflict(
      'INVOICE_WRITTEN_OFF',
      `La facture ${invoice.number} est passée en perte (${new Money(invoice.writtenOffAmount).toFixed(2)} €) : annulez le passage en perte avant de créer un avoir`,
      { invoiceId: invoice.id, invoiceNumber: invoice.number, writtenOffAmount: new Money(invoice.writtenOffAmount).toFixed(2) },
    );
  return null;
}

export function assertCreditable(invoice: CreditableFacts): void {
  const refusal = creditNoteRefusal(invoice);
  if (refusal) throw refusal;
}

/** Whether « Créer un avoir » is offered: creditable, and not wholly credited already. */
export function canCreateCreditNote(invoice: CreditableFacts & Pick<Invoice, 'totalGross' | 'creditedAmount'>): boolean {
  return creditNoteRefusal(invoice) === null && new Money(invoice.creditedAmount).lessThan(invoice.totalGross);
}

export async function createCreditNote(em: EntityManager, identity: Identity, invoiceId: string, input: CreditNoteInput): Promise<Invoice> {
  new Validator()
    .check(input.reason.trim().length > 0, 'reason', 'motif de l’avoir obligatoire', 'REQUIRED')
    .check(input.reason.length <= 500, 'reason', 'au plus 500 caractères', 'TOO_LONG')
    .check(input.lines == null || input.lines.length > 0, 'lines', 'au moins une ligne à créditer')
    .throwIfInvalid();
  const invoice = await em.findOne(Invoice, { id: invoiceId });
  if (!invoice) throw Errors.notFound('Invoice', invoiceId);
  assertCreditable(invoice);
  const original = await em.find(InvoiceLine, { invoiceId }, { orderBy: { position: 'asc' } });
  const chosen: NonNullable<CreditNoteInput['lines']> = input.lines ?? original.map((l) => ({ invoiceLineId: l.id, quantity: l.quantity }));
  const v = new Validator();
  const lines: DraftLineInput[] = [];
  chosen.forEach((c, i) => {
    const line = original.find((l) => l.id === c.invoiceLineId);
    if (!line) return void v.check(false, `lines[${i}].invoiceLineId`, 'ligne absente de la facture');
    const quantity = parseDecimal(c.quantity, `lines[${i}].quantity`);
    v.check(quantity.greaterThan(0), `lines[${i}].quantity`, 'quantité positive').check(
      quantity.abs().lessThanOrEqualTo(new Money(line.quantity).abs()),
      `lines[${i}].quantity`,
      `au plus la quantité facturée (${line.quantity})`,
    );
    if (c.unitPrice !== undefined) {
      const price = parseDecimal(c.unitPrice, `lines[${i}].unitPrice`);
      v.check(
        !price.isNegative() && price.lessThanOrEqualTo(line.unitPrice),
        `lines[${i}].unitPrice`,
        `au plus le prix facturé (${line.unitPrice})`,
      );
    }
    // A negative invoice line (a discount) is credited as a negative line too.
    const sign = new Money(line.quantity).isNegative() ? -1 : 1;
    lines.push({
      kind: line.kind,
      description: c.description ?? line.description,
      quantity: quantity.times(sign).toString(),
      unit: line.unit,
      unitPrice: c.unitPrice ?? line.unitPrice,
      discountPercent: line.discountPercent,
      vatRateCode: line.vatRateCode,
      reason: `Avoir de la ligne ${line.position + 1} de la facture ${invoice.number}`,
      interventionId: line.interventionId ?? null,
      labourType: line.labourType ?? null,
    });
  });
  v.throwIfInvalid();
  const creditNote = await newDraft(
    em,
    identity,
    {
      series: CREDIT_NOTE_SERIES,
      typeCode: '381',
      creditedInvoiceId: invoice.id,
      customerId: invoice.customerId,
      operationCategory: invoice.operationCategory,
      purchaseOrderRef: invoice.purchaseOrderRef ?? null,
      // Document-level allowances and charges belong to the whole invoice: credited with it in full only.
      allowanceCharges: input.lines ? [] : invoice.allowanceCharges,
      notes: `Avoir sur la facture ${invoice.number} du ${frenchDate(invoice.issueDate!)} — ${input.reason.trim()}`,
    },
    lines,
    await vatRateDefs(em),
  );
  const remaining = new Money(invoice.totalGross).minus(invoice.creditedAmount);
  if (new Money(creditNote.totalGross).greaterThan(remaining))
    throw Errors.conflict(
      'CREDIT_EXCEEDS_INVOICE',
      `L’avoir (${creditNote.totalGross} €) dépasse ce qui reste à créditer sur la facture ${invoice.number} (${remaining.toFixed(2)} €)`,
      { invoiceId, invoiceNumber: invoice.number, remaining: remaining.toFixed(2), creditNoteTotal: creditNote.totalGross },
    );
  await em.flush();
  return creditNote;
}
