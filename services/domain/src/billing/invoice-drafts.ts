import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import {
  Invoice,
  InvoiceIntervention,
  InvoiceLine,
  InvoiceVatBreakdown,
  INVOICE_LINE_KINDS,
  OPERATION_CATEGORIES,
  type OperationCategory,
  type StoredAllowanceCharge,
} from './invoice.entity';
import { Money, parseDecimal, toAmount } from './money';
import { invoiceTotals, type InvoiceTotals, type VatRateDef } from './totals';
import { VatRate } from './vat-rate.entity';
import { Customer } from '../maintenance/customer.entity';
import { Intervention } from '../maintenance/intervention.entity';
import type { LabourType } from '../maintenance/intervention.rules';
import { reopenInvoicedInterventions } from '../maintenance/intervention.service';
import { DomainError, Errors, Validator, assertExpectedVersion } from '../shared/errors';
import type { Identity } from '../shared/identity';
import { newId } from '../shared/ids';

/**
 * Invoice drafts: created by hand, from interventions or from a quote, edited freely (lines,
 * document-level allowances and charges, notes) until they are issued. Every write recomputes
 * the totals and the VAT breakdown from the lines, so what is stored is always consistent.
 */

export const INVOICE_SERIES = 'F';
export const CREDIT_NOTE_SERIES = 'AV';
export const MAX_INVOICE_LINES = 500;
export const RETENTION_MAX_PERCENT = '5';

export interface DraftLineInput {
  kind?: InvoiceLine['kind'];
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent?: string;
  vatRateCode: string;
  reason?: string | null;
  interventionId?: string | null;
  coveredByContract?: boolean;
  labourType?: LabourType | null;
}

export interface DraftInvoiceInput {
  customerId: string;
  typeCode?: '380' | '386';
  lines: DraftLineInput[];
  allowanceCharges?: StoredAllowanceCharge[];
  notes?: string | null;
  purchaseOrderRef?: string | null;
  operationCategory?: OperationCategory;
  quoteId?: string | null;
  /** BT-113: deposits already invoiced (TTC), deducted from the amount due. */
  prepaidAmount?: string;
  /** Retenue de garantie, 0 to 5 % of the total TTC, held back from the amount due. */
  retentionPercent?: string;
}

export type DraftInvoicePatch = Partial<Omit<DraftInvoiceInput, 'customerId' | 'typeCode' | 'quoteId'>> & { customerId?: string };

export async function vatRateDefs(em: EntityManager): Promise<VatRateDef[]> {
  return (await em.find(VatRate, {})).map((r) => ({
    code: r.code,
    rate: r.rate,
    categoryCode: r.categoryCode,
    exemptionReason: r.exemptionReason ?? null,
  }));
}

const UNIT_PATTERN = /^[A-Z0-9]{1,3}$/;

/** Field-level checks on the lines a user typed (the totals check amounts and VAT codes). */
export function validateDraftLines(lines: readonly DraftLineInput[], vatRates: readonly VatRateDef[]): void {
  const codes = new Set(vatRates.map((r) => r.code));
  const v = new Validator()
    .check(lines.length > 0, 'lines', 'au moins une ligne')
    .check(lines.length <= MAX_INVOICE_LINES, 'lines', `au plus ${MAX_INVOICE_LINES} lignes`);
  lines.forEach((l, i) => {
    v.check(l.description.trim().length > 0, `lines[${i}].description`, 'désignation obligatoire', 'REQUIRED')
      .check(l.description.length <= 2000, `lines[${i}].description`, 'au plus 2 000 caractères', 'TOO_LONG')
      .check(UNIT_PATTERN.test(l.unit), `lines[${i}].unit`, 'unité UN/ECE (ex. HUR, C62, KGM)', 'UNKNOWN_VALUE')
      .check(codes.has(l.vatRateCode), `lines[${i}].vatRateCode`, `taux de TVA inconnu : ${l.vatRateCode}`, 'UNKNOWN_VALUE')
      .check(!l.kind || INVOICE_LINE_KINDS.includes(l.kind), `lines[${i}].kind`, 'type de ligne inconnu', 'UNKNOWN_VALUE');
    if (/^-?\d+(\.\d+)?$/.test(l.unitPrice))
      v.check(
        !new Money(l.unitPrice).isNegative(),
        `lines[${i}].unitPrice`,
        'prix unitaire positif (une remise se saisit en remise)',
        'MUST_BE_POSITIVE',
      );
    if (/^-?\d+(\.\d+)?$/.test(l.quantity))
      v.check(!new Money(l.quantity).isZero(), `lines[${i}].quantity`, 'quantité non nulle', 'MUST_NOT_BE_ZERO');
  });
  v.throwIfInvalid();
}

function validateHeader(input: DraftInvoicePatch): void {
  const v = new Validator();
  if (input.operationCategory !== undefined)
    v.check(OPERATION_CATEGORIES.includes(input.operationCategory), 'operationCategory', 'B (biens), S (services) ou M (mixte)');
  if (input.purchaseOrderRef) v.check(input.purchaseOrderRef.length <= 100, 'purchaseOrderRef', 'au plus 100 caractères', 'TOO_LONG');
  if (input.notes) v.check(input.notes.length <= 10_000, 'notes', 'au plus 10 000 caractères', 'TOO_LONG');
  (input.allowanceCharges ?? []).forEach((a, i) => {
    v.check(a.reason.trim().length > 0, `allowanceCharges[${i}].reason`, 'motif obligatoire', 'REQUIRED');
    if (/^\d+(\.\d+)?$/.test(a.amount))
      v.check(new Money(a.amount).greaterThan(0), `allowanceCharges[${i}].amount`, 'montant positif', 'MUST_BE_POSITIVE');
    else v.check(false, `allowanceCharges[${i}].amount`, 'montant positif (ex. 25.00)', 'DECIMAL_EXPECTED');
  });
  v.throwIfInvalid();
  if (input.prepaidAmount !== undefined) parseDecimal(input.prepaidAmount, 'prepaidAmount', 2);
  if (input.retentionPercent !== undefined) {
    const retention = parseDecimal(input.retentionPercent, 'retentionPercent', 2);
    new Validator()
      .check(
        !retention.isNegative() && retention.lessThanOrEqualTo(RETENTION_MAX_PERCENT),
        'retentionPercent',
        'de 0 à 5 %',
        'OUT_OF_RANGE',
      )
      .throwIfInvalid();
  }
}

/** Totals of a draft: lines, allowances and charges, deposits deducted (BT-113). */
export function draftTotals(
  lines: readonly Pick<DraftLineInput, 'quantity' | 'unitPrice' | 'discountPercent' | 'vatRateCode'>[],
  options: { vatRates: readonly VatRateDef[]; allowanceCharges?: readonly StoredAllowanceCharge[]; prepaidAmount?: string },
): InvoiceTotals {
  const ac = options.allowanceCharges ?? [];
  return invoiceTotals(
    lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent ?? '0',
      vatRateCode: l.vatRateCode,
    })),
    {
      vatRates: options.vatRates,
      allowances: ac.filter((a) => !a.charge).map((a) => ({ amount: a.amount, vatRateCode: a.vatRateCode, reason: a.reason })),
      charges: ac.filter((a) => a.charge).map((a) => ({ amount: a.amount, vatRateCode: a.vatRateCode, reason: a.reason })),
      prepaidAmount: options.prepaidAmount ?? '0',
    },
  );
}

/** Retenue de garantie on the total TTC, rounded with the money rule. */
export function retentionAmount(grandTotal: string, retentionPercent: string): string {
  return toAmount(new Money(grandTotal).times(retentionPercent).dividedBy(100));
}

function assertPayable(totals: InvoiceTotals, retention: string): void {
  if (new Money(totals.duePayable).minus(retention).isNegative())
    throw Errors.validation([{ field: 'prepaidAmount', message: 'les acomptes et la retenue dépassent le total TTC' }]);
}

/** Replaces a draft's lines and VAT breakdown and sets its totals (the invoice must be a draft). */
export async function writeDraftContent(
  em: EntityManager,
  invoice: Invoice,
  lines: readonly DraftLineInput[],
  vatRates: readonly VatRateDef[],
): Promise<void> {
  const totals = draftTotals(lines, { vatRates, allowanceCharges: invoice.allowanceCharges, prepaidAmount: invoice.prepaidAmount });
  const retention = retentionAmount(totals.grandTotal, invoice.retentionPercent);
  assertPayable(totals, retention);
  await em.nativeDelete(InvoiceLine, { invoiceId: invoice.id });
  await em.nativeDelete(InvoiceVatBreakdown, { invoiceId: invoice.id });
  createDraftContent(em, invoice, lines, vatRates, totals, retention);
}

/** Creates (not flushed) the lines and VAT breakdown of a draft that has none yet, and sets its totals. */
function createDraftContent(
  em: EntityManager,
  invoice: Invoice,
  lines: readonly DraftLineInput[],
  vatRates: readonly VatRateDef[],
  totals: InvoiceTotals,
  retention: string,
): void {
  const rateByCode = new Map(vatRates.map((r) => [r.code, r]));
  lines.forEach((l, position) => {
    const rate = rateByCode.get(l.vatRateCode)!;
    em.create(InvoiceLine, {
      id: newId(),
      tenantId: invoice.tenantId,
      invoiceId: invoice.id,
      position,
      kind: l.kind ?? 'OTHER',
      description: l.description.trim(),
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent ?? '0',
      vatRateCode: l.vatRateCode,
      vatCategory: rate.categoryCode,
      vatRate: rate.rate,
      lineNet: totals.lineNets[position]!,
      coveredByContract: l.coveredByContract ?? false,
      labourType: l.labourType ?? null,
      reason: l.reason ?? null,
      interventionId: l.interventionId ?? null,
    });
  });
  writeBreakdown(em, invoice, totals);
  Object.assign(invoice, invoiceTotalFields(totals, retention));
}

export function writeBreakdown(em: EntityManager, invoice: Invoice, totals: InvoiceTotals): void {
  for (const row of totals.vatBreakdown)
    em.create(InvoiceVatBreakdown, {
      id: newId(),
      tenantId: invoice.tenantId,
      invoiceId: invoice.id,
      category: row.categoryCode,
      rate: row.rate,
      basis: row.basis,
      tax: row.tax,
      exemptionReason: row.exemptionReason,
    });
}

/** The invoice's total columns for computed totals and a retention amount. */
export function invoiceTotalFields(
  totals: InvoiceTotals,
  retentionAmount: string,
): Pick<Invoice, 'totalNet' | 'totalVat' | 'totalGross' | 'amountDue' | 'retentionAmount'> {
  return {
    totalNet: totals.taxBasisTotal,
    totalVat: totals.taxTotal,
    totalGross: totals.grandTotal,
    amountDue: totals.duePayable,
    retentionAmount,
  };
}

async function assertCustomer(em: EntityManager, customerId: string): Promise<void> {
  const customer = await em.findOne(Customer, { id: customerId });
  if (!customer) throw Errors.notFound('Customer', customerId);
}

/** What a new draft says beyond its lines; the rest (no number, series F, EUR, totals) is the same for all. */
export type DraftFields = Pick<Invoice, 'customerId' | 'notes'> &
  Partial<
    Pick<
      Invoice,
      | 'series'
      | 'typeCode'
      | 'creditedInvoiceId'
      | 'purchaseOrderRef'
      | 'operationCategory'
      | 'quoteId'
      | 'allowanceCharges'
      | 'prepaidAmount'
      | 'retentionPercent'
    >
  >;

/** A new draft invoice, deposit invoice or credit note with its lines, totals and VAT breakdown (not flushed). */
export async function newDraft(
  em: EntityManager,
  identity: Identity,
  fields: DraftFields,
  lines: readonly DraftLineInput[],
  vatRates: readonly VatRateDef[],
): Promise<Invoice> {
  const invoice = em.create(Invoice, {
    id: newId(),
    tenantId: identity.tenantId,
    number: null,
    series: INVOICE_SERIES,
    status: 'DRAFT',
    currency: 'EUR',
    buyer: null,
    totalNet: '0.00',
    totalVat: '0.00',
    totalGross: '0.00',
    amountDue: '0.00',
    ...fields,
  });
  // A new draft has no lines or breakdown to replace: they are created with it, in the same flush.
  const totals = draftTotals(lines, { vatRates, allowanceCharges: invoice.allowanceCharges, prepaidAmount: invoice.prepaidAmount });
  const retention = retentionAmount(totals.grandTotal, invoice.retentionPercent);
  assertPayable(totals, retention);
  createDraftContent(em, invoice, lines, vatRates, totals, retention);
  return invoice;
}

/** A new draft (typed by hand, or built by quote conversions). Refusals write nothing. */
export async function createDraftInvoice(em: EntityManager, identity: Identity, input: DraftInvoiceInput): Promise<Invoice> {
  const vatRates = await vatRateDefs(em);
  validateHeader(input);
  validateDraftLines(input.lines, vatRates);
  await assertCustomer(em, input.customerId);
  const invoice = await newDraft(
    em,
    identity,
    {
      typeCode: input.typeCode ?? '380',
      customerId: input.customerId,
      notes: input.notes?.trim() || null,
      purchaseOrderRef: input.purchaseOrderRef?.trim() || null,
      operationCategory: input.operationCategory ?? 'S',
      quoteId: input.quoteId ?? null,
      allowanceCharges: input.allowanceCharges ?? [],
      prepaidAmount: toAmount(input.prepaidAmount ?? '0'),
      retentionPercent: input.retentionPercent ?? '0',
    },
    input.lines,
    vatRates,
  );
  await em.flush();
  return invoice;
}

/** Locks a draft for a change, checking it is still a draft at the version the user edited. */
export async function lockDraft(em: EntityManager, id: string, expectedVersion: number): Promise<Invoice> {
  const invoice = await em.findOne(Invoice, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!invoice) throw Errors.notFound('Invoice', id);
  if (invoice.status !== 'DRAFT') throw alreadyIssued(invoice);
  assertExpectedVersion(invoice, expectedVersion, 'La facture a été modifiée entre-temps ; rechargez-la');
  return invoice;
}

export function alreadyIssued(invoice: Invoice): DomainError {
  return Errors.conflict('INVOICE_ALREADY_ISSUED', `La facture ${invoice.number} est émise : elle ne change plus (faites un avoir)`, {
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
  });
}

/**
 * Edits a draft: header fields given, and the lines when given (they replace the old ones).
 * Lines that came from interventions keep their link; a credit note keeps its credited invoice.
 */
export async function updateInvoiceDraft(
  em: EntityManager,
  id: string,
  expectedVersion: number,
  patch: DraftInvoicePatch,
): Promise<Invoice> {
  const invoice = await lockDraft(em, id, expectedVersion);
  const vatRates = await vatRateDefs(em);
  validateHeader(patch);
  if (patch.lines) validateDraftLines(patch.lines, vatRates);
  if (patch.customerId && patch.customerId !== invoice.customerId) {
    const linked = await em.count(InvoiceIntervention, { invoiceId: id });
    if (linked > 0 || invoice.typeCode === '381' || invoice.quoteId)
      throw Errors.validation([
        { field: 'customerId', message: 'le client d’une facture issue d’interventions, d’un devis ou d’un avoir ne change pas' },
      ]);
    await assertCustomer(em, patch.customerId);
    invoice.customerId = patch.customerId;
  }
  if (patch.notes !== undefined) invoice.notes = patch.notes?.trim() || null;
  if (patch.purchaseOrderRef !== undefined) invoice.purchaseOrderRef = patch.purchaseOrderRef?.trim() || null;
  if (patch.operationCategory !== undefined) invoice.operationCategory = patch.operationCategory;
  if (patch.allowanceCharges !== undefined) invoice.allowanceCharges = patch.allowanceCharges;
  if (patch.prepaidAmount !== undefined) invoice.prepaidAmount = toAmount(patch.prepaidAmount);
  if (patch.retentionPercent !== undefined) invoice.retentionPercent = patch.retentionPercent;
  const lines: DraftLineInput[] =
    patch.lines ??
    (await em.find(InvoiceLine, { invoiceId: id }, { orderBy: { position: 'asc' } })).map((l) => ({
      kind: l.kind,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      vatRateCode: l.vatRateCode,
      reason: l.reason ?? null,
      interventionId: l.interventionId ?? null,
      coveredByContract: l.coveredByContract,
      labourType: l.labourType ?? null,
    }));
  await writeDraftContent(em, invoice, lines, vatRates);
  invoice.updatedAt = new Date();
  await em.flush();
  return invoice;
}

/**
 * Deletes a draft (it never had a number, so no gap): the interventions it billed are billable
 * again.
 */
export async function deleteInvoiceDraft(em: EntityManager, id: string, expectedVersion: number): Promise<string[]> {
  const invoice = await lockDraft(em, id, expectedVersion);
  const links = await em.find(InvoiceIntervention, { invoiceId: id });
  const interventions = links.length
    ? await em.find(Intervention, { id: { $in: links.map((l) => l.interventionId) } }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : [];
  reopenInvoicedInterventions(interventions);
  await em.nativeDelete(InvoiceIntervention, { invoiceId: id });
  await em.nativeDelete(InvoiceLine, { invoiceId: id });
  await em.nativeDelete(InvoiceVatBreakdown, { invoiceId: id });
  em.remove(invoice);
  await em.flush();
  return interventions.map((i) => i.id);
}
