import { defineEntity, p } from '@mikro-orm/core';
import { INVOICE_LINE_KINDS } from '../invoice.entity';

export const QUOTE_STATUSES = ['DRAFT', 'SENT', 'ACCEPTED', 'REFUSED', 'CANCELLED'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const QUOTE_DECIDERS = ['OFFICE', 'CUSTOMER'] as const;

export const Quote = defineEntity({
  name: 'Quote',
  tableName: 'quotes',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    /** D-YYYY-NNNNN, given when first sent. */
    number: p.string().nullable(),
    revision: p.integer().default(1),
    customerId: p.uuid(),
    siteId: p.uuid().nullable(),
    /** The (diagnosis) intervention the quote follows from. */
    interventionId: p.uuid().nullable(),
    title: p.string(),
    status: p.enum(QUOTE_STATUSES),
    validUntil: p.string().columnType('date'),
    globalDiscountPercent: p.decimal('string').precision(5).scale(2).default('0.00'),
    notes: p.text().nullable(),
    currency: p.string().default('EUR'),
    /** Sum of the counted line nets, before the global discount. */
    linesTotal: p.decimal('string').precision(14).scale(2),
    discountTotal: p.decimal('string').precision(14).scale(2),
    totalNet: p.decimal('string').precision(14).scale(2),
    totalVat: p.decimal('string').precision(14).scale(2),
    totalGross: p.decimal('string').precision(14).scale(2),
    sentAt: p.datetime().nullable(),
    acceptedAt: p.datetime().nullable(),
    refusedAt: p.datetime().nullable(),
    decidedByKind: p.enum(QUOTE_DECIDERS).nullable(),
    /** The office user or API key that recorded the decision (null when the customer decided online). */
    decidedBy: p.uuid().nullable(),
    signerName: p.string().nullable(),
    signature: p.text().nullable(),
    acceptanceIp: p.string().nullable(),
    acceptanceUserAgent: p.text().nullable(),
    refusalReason: p.text().nullable(),
    createdBy: p.uuid().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Quote = InstanceType<typeof Quote.class>;

export const QuoteLine = defineEntity({
  name: 'QuoteLine',
  tableName: 'quote_lines',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    quoteId: p.uuid(),
    position: p.integer(),
    /** Section title; consecutive lines with the same title form one section. */
    section: p.string().nullable(),
    optional: p.boolean().default(false),
    /** For an optional line: chosen by the customer or the office (always true otherwise). */
    selected: p.boolean().default(true),
    kind: p.enum(INVOICE_LINE_KINDS),
    description: p.text(),
    quantity: p.decimal('string').precision(12).scale(4),
    unit: p.string(),
    unitPrice: p.decimal('string').precision(14).scale(4),
    discountPercent: p.decimal('string').precision(5).scale(2),
    vatRateCode: p.string(),
    lineNet: p.decimal('string').precision(14).scale(2),
  },
});
export type QuoteLine = InstanceType<typeof QuoteLine.class>;

/** A sent version of a quote, kept when the office revises it. */
export const QuoteRevision = defineEntity({
  name: 'QuoteRevision',
  tableName: 'quote_revisions',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    quoteId: p.uuid(),
    revision: p.integer(),
    snapshot: p.json<QuoteSnapshot>(),
    sentAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type QuoteRevision = InstanceType<typeof QuoteRevision.class>;

export interface QuoteSnapshot {
  number: string | null;
  revision: number;
  title: string;
  validUntil: string;
  globalDiscountPercent: string;
  notes: string | null;
  totalNet: string;
  totalVat: string;
  totalGross: string;
  lines: {
    position: number;
    section: string | null;
    optional: boolean;
    kind: string;
    description: string;
    quantity: string;
    unit: string;
    unitPrice: string;
    discountPercent: string;
    vatRateCode: string;
    lineNet: string;
  }[];
}

/** The secret of a quote's public acceptance page. */
export const QuotePublicLink = defineEntity({
  name: 'QuotePublicLink',
  tableName: 'quote_public_links',
  properties: {
    tenantId: p.uuid(),
    quoteId: p.uuid().primary(),
    token: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type QuotePublicLink = InstanceType<typeof QuotePublicLink.class>;

/** What one invoice billed of one quote line: the cumulative percent reached and the net amount of this invoice. */
export const QuoteBillingLine = defineEntity({
  name: 'QuoteBillingLine',
  tableName: 'quote_billing_lines',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    quoteId: p.uuid(),
    quoteLineId: p.uuid(),
    invoiceId: p.uuid(),
    cumulativePercent: p.decimal('string').precision(5).scale(2),
    net: p.decimal('string').precision(14).scale(2),
  },
});
export type QuoteBillingLine = InstanceType<typeof QuoteBillingLine.class>;
