import { defineEntity, p } from '@mikro-orm/core';
import { LABOUR_TYPES } from '../maintenance/intervention.rules';

export const INVOICE_STATUSES = ['DRAFT', 'ISSUED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const INVOICE_LINE_KINDS = ['LABOUR', 'TRAVEL', 'PART', 'OTHER'] as const;

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
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
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
