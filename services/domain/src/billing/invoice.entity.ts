import { defineEntity, p } from '@mikro-orm/core';
import { LABOUR_TYPES } from '../maintenance/intervention.rules';

export const INVOICE_STATUSES = ['DRAFT', 'ISSUED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
/** UNTDID 1001 document types: commercial invoice, credit note, prepayment (deposit) invoice. */
export const INVOICE_TYPE_CODES = ['380', '381', '386'] as const;
export type InvoiceTypeCode = (typeof INVOICE_TYPE_CODES)[number];
/** BT-23 operation category: goods, services or both (printed as the reform's "catégorie d'opération"). */
export const OPERATION_CATEGORIES = ['B', 'S', 'M'] as const;
export type OperationCategory = (typeof OPERATION_CATEGORIES)[number];
export const SETTLEMENT_STATES = ['UNPAID', 'PARTLY_PAID', 'PAID', 'CREDITED', 'WRITTEN_OFF'] as const;

/** A document-level allowance (discount) or charge, as entered on the draft (EN 16931 BG-20/BG-21). */
export interface StoredAllowanceCharge {
  charge: boolean;
  reason: string;
  amount: string;
  vatRateCode: string;
}

export const INVOICE_LINE_KINDS = ['LABOUR', 'TRAVEL', 'PART', 'FEE', 'OTHER'] as const;

/** The buyer as printed on the invoice, frozen when it is issued. */
export interface BuyerSnapshot {
  name: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  address: { line1: string; line2: string | null; postalCode: string; city: string; country: string };
}

export const Invoice = defineEntity({
  name: 'Invoice',
  tableName: 'invoices',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    number: p.string().nullable(),
    series: p.string().default('F'),
    status: p.enum(INVOICE_STATUSES),
    customerId: p.uuid(),
    issueDate: p.string().columnType('date').nullable(),
    dueDate: p.string().columnType('date').nullable(),
    currency: p.string().default('EUR'),
    buyer: p.json<BuyerSnapshot>().nullable(),
    totalNet: p.decimal('string').precision(14).scale(2),
    totalVat: p.decimal('string').precision(14).scale(2),
    totalGross: p.decimal('string').precision(14).scale(2),
    amountDue: p.decimal('string').precision(14).scale(2),
    notes: p.text().nullable(),
    typeCode: p.enum(INVOICE_TYPE_CODES).default('380'),
    creditedInvoiceId: p.uuid().nullable(),
    quoteId: p.uuid().nullable(),
    /** The contract whose fees it bills, and the whole service period billed (BT-73/BT-74). */
    contractId: p.uuid().nullable(),
    billingPeriodStart: p.string().columnType('date').nullable(),
    billingPeriodEnd: p.string().columnType('date').nullable(),
    operationCategory: p.enum(OPERATION_CATEGORIES).default('S'),
    purchaseOrderRef: p.string().nullable(),
    allowanceCharges: p.json<StoredAllowanceCharge[]>().default([]),
    prepaidAmount: p.decimal('string').precision(14).scale(2).default('0.00'),
    retentionPercent: p.decimal('string').precision(5).scale(2).default('0.00'),
    retentionAmount: p.decimal('string').precision(14).scale(2).default('0.00'),
    paidAmount: p.decimal('string').precision(14).scale(2).default('0.00'),
    creditedAmount: p.decimal('string').precision(14).scale(2).default('0.00'),
    /** What write-offs (passages en perte) still standing took off its open balance. */
    writtenOffAmount: p.decimal('string').precision(14).scale(2).default('0.00'),
    /** The latest receipt date of the payments allocated to it and not released; null when none (how late it was paid). */
    lastPaymentOn: p.string().columnType('date').nullable(),
    /** Amount due less retention, payments, credit notes and write-offs (a generated column). */
    openBalance: p
      .decimal('string')
      .precision(14)
      .scale(2)
      .generated('(amount_due - retention_amount - paid_amount - credited_amount - written_off_amount) stored')
      .nullable(),
    /** UNPAID, PARTLY_PAID, PAID, CREDITED or WRITTEN_OFF (a generated column, see the write-offs migration). */
    settlementState: p.enum(SETTLEMENT_STATES).generated('stored').nullable(),
    sentAt: p.datetime().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
    issuedAt: p.datetime().nullable(),
  },
});
export type Invoice = InstanceType<typeof Invoice.class>;

export const InvoiceLine = defineEntity({
  name: 'InvoiceLine',
  tableName: 'invoice_lines',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    invoiceId: p.uuid(),
    position: p.integer(),
    kind: p.enum(INVOICE_LINE_KINDS),
    description: p.text(),
    quantity: p.decimal('string').precision(12).scale(4),
    unit: p.string(),
    unitPrice: p.decimal('string').precision(14).scale(4),
    discountPercent: p.decimal('string').precision(5).scale(2),
    vatRateCode: p.string(),
    vatCategory: p.string(),
    vatRate: p.decimal('string').precision(5).scale(2),
    lineNet: p.decimal('string').precision(14).scale(2),
    coveredByContract: p.boolean().default(false),
    labourType: p.enum(LABOUR_TYPES).nullable(),
    reason: p.text().nullable(),
    interventionId: p.uuid().nullable(),
    /** The service period a contract fee line bills (BT-134/BT-135). */
    serviceStart: p.string().columnType('date').nullable(),
    serviceEnd: p.string().columnType('date').nullable(),
    revenueAccount: p.string().nullable(),
  },
});
export type InvoiceLine = InstanceType<typeof InvoiceLine.class>;

export const InvoiceVatBreakdown = defineEntity({
  name: 'InvoiceVatBreakdown',
  tableName: 'invoice_vat_breakdown',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    invoiceId: p.uuid(),
    category: p.string(),
    rate: p.decimal('string').precision(5).scale(2),
    basis: p.decimal('string').precision(14).scale(2),
    tax: p.decimal('string').precision(14).scale(2),
    exemptionReason: p.text().nullable(),
  },
});
export type InvoiceVatBreakdown = InstanceType<typeof InvoiceVatBreakdown.class>;

/** Which interventions an invoice bills; an intervention is on one invoice at most (unique in the database). */
export const InvoiceIntervention = defineEntity({
  name: 'InvoiceIntervention',
  tableName: 'invoice_interventions',
  properties: {
    tenantId: p.uuid(),
    invoiceId: p.uuid().primary(),
    interventionId: p.uuid().primary(),
  },
});
export type InvoiceIntervention = InstanceType<typeof InvoiceIntervention.class>;

/** A closed intervention the office decided not to bill (warranty, goodwill...), with the reason. */
export const BillingExclusion = defineEntity({
  name: 'BillingExclusion',
  tableName: 'billing_exclusions',
  properties: {
    tenantId: p.uuid(),
    interventionId: p.uuid().primary(),
    reason: p.text(),
    decidedBy: p.uuid().nullable(),
    decidedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type BillingExclusion = InstanceType<typeof BillingExclusion.class>;
