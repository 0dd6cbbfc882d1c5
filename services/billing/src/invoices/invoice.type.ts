import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ConnectionType, DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import type { Invoice, InvoiceLine, InvoiceVatBreakdown } from '@relais/domain';

/** The shared customer file, owned by maintenance: billing only points at it. */
@ObjectType('Customer')
@Directive('@key(fields: "id", resolvable: false)')
export class CustomerRef {
  @Field(() => ID) id!: string;
}

/** An intervention (owned by maintenance) that billing extends with its invoice. */
@ObjectType('Intervention')
@Directive('@key(fields: "id")')
export class InterventionRef {
  @Field(() => ID) id!: string;
}

@ObjectType('InvoiceLine')
export class InvoiceLineType {
  @Field(() => Int) position!: number;
  @Field(() => String) description!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => String, { description: 'UN/ECE unit code: HUR (hour), C62 (piece), KGM...' }) unit!: string;
  @Field(() => DecimalScalar, { description: 'Unit price excluding VAT, before discount.' }) unitPrice!: string;
  @Field(() => DecimalScalar) discountPercent!: string;
  @Field(() => String) vatRateCode!: string;
  @Field(() => DecimalScalar) vatRate!: string;
  @Field(() => DecimalScalar, { description: 'BT-131, rounded to the cent.' }) lineNet!: string;
  @Field(() => String, { nullable: true, description: 'Why this price (contract rate, inclusion, discount).' }) reason!: string | null;
}

@ObjectType('VatBreakdownRow')
export class VatBreakdownRowType {
  @Field(() => String) categoryCode!: string;
  @Field(() => DecimalScalar) rate!: string;
  @Field(() => DecimalScalar) basis!: string;
  @Field(() => DecimalScalar) tax!: string;
  @Field(() => String, { nullable: true }) exemptionReason!: string | null;
}

@ObjectType('Invoice', { description: 'An invoice: a draft until issued, then legal and immutable.' })
@Directive('@key(fields: "id")')
export class InvoiceType {
  @Field(() => ID) id!: string;
  customerId!: string;
  @Field(() => String, { nullable: true, description: 'Legal number, given at issue (F-2026-00042).' }) number!: string | null;
  @Field(() => String, { description: 'DRAFT or ISSUED' }) status!: string;
  @Field(() => LocalDateScalar, { nullable: true }) issueDate!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) dueDate!: string | null;
  @Field(() => String) currency!: string;
  @Field(() => DecimalScalar) totalNet!: string;
  @Field(() => DecimalScalar) totalVat!: string;
  @Field(() => DecimalScalar) totalGross!: string;
  @Field(() => DecimalScalar) amountDue!: string;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) issuedAt!: Date | null;
}

export const InvoiceConnection = ConnectionType(InvoiceType, 'Invoice');

export function toInvoiceType(i: Invoice): InvoiceType {
  return {
    id: i.id,
    customerId: i.customerId,
    number: i.number ?? null,
    status: i.status,
    issueDate: i.issueDate ?? null,
    dueDate: i.dueDate ?? null,
    currency: i.currency,
    totalNet: i.totalNet,
    totalVat: i.totalVat,
    totalGross: i.totalGross,
    amountDue: i.amountDue,
    notes: i.notes ?? null,
    version: i.version,
    createdAt: i.createdAt,
    issuedAt: i.issuedAt ?? null,
  };
}

export const toLineType = (l: InvoiceLine): InvoiceLineType => ({
  position: l.position,
  description: l.description,
  quantity: l.quantity,
  unit: l.unit,
  unitPrice: l.unitPrice,
  discountPercent: l.discountPercent,
  vatRateCode: l.vatRateCode,
  vatRate: l.vatRate,
  lineNet: l.lineNet,
  reason: l.reason ?? null,
});

export const toBreakdownType = (b: InvoiceVatBreakdown): VatBreakdownRowType => ({
  categoryCode: b.category,
  rate: b.rate,
  basis: b.basis,
  tax: b.tax,
  exemptionReason: b.exemptionReason ?? null,
});
