import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { localDate, type PortalQuoteView, type QuoteLine } from '@relais/domain';

export enum PortalQuoteStatusEnum {
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
  EXPIRED = 'EXPIRED',
  INVOICED = 'INVOICED',
}
registerEnumType(PortalQuoteStatusEnum, {
  name: 'PortalQuoteStatus',
  description: 'SENT (to decide), EXPIRED past its validity, ACCEPTED or REFUSED, INVOICED once an invoice was issued from it.',
});

@ObjectType('PortalQuoteLine', { description: 'A line of a quote as the customer sees it (no cost, no margin).' })
export class PortalQuoteLineType {
  @Field(() => ID) id!: string;
  @Field(() => String) description!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => DecimalScalar, { description: 'Excluding VAT.' }) unitPrice!: string;
  @Field(() => DecimalScalar, { description: 'Excluding VAT, discount deducted, rounded to the cent.' }) netAmount!: string;
  @Field(() => DecimalScalar, { description: 'Percent, e.g. "20.00".' }) vatRate!: string;
  @Field(() => Boolean, { description: 'An option the customer may take or not.' }) optional!: boolean;
  @Field(() => Boolean, { description: 'Counted in the totals: a regular line, or an option taken (or proposed as taken).' })
  selected!: boolean;
}

@ObjectType('PortalQuote', { description: 'A quote the company sent to the caller’s customer (never a draft).' })
export class PortalQuoteType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'D-2026-00012.' }) number!: string;
  @Field(() => PortalQuoteStatusEnum) status!: PortalQuoteStatusEnum;
  @Field(() => String) subject!: string;
  @Field(() => LocalDateScalar, { description: 'When it was (last) sent.' }) issuedOn!: string;
  @Field(() => LocalDateScalar) validUntil!: string;
  @Field(() => DecimalScalar) totalExclTax!: string;
  @Field(() => DecimalScalar) totalVat!: string;
  @Field(() => DecimalScalar) totalInclTax!: string;
  @Field(() => Boolean, { description: 'It may still be accepted or refused.' }) canDecide!: boolean;
  @Field(() => String, { nullable: true, description: 'Who signed the acceptance or the refusal.' }) decidedBy!: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) decidedAt!: Date | null;
}

export const toPortalQuoteType = ({ quote, status, canDecide }: PortalQuoteView): PortalQuoteType => ({
  id: quote.id,
  number: quote.number!,
  status: status as PortalQuoteStatusEnum,
  subject: quote.title,
  issuedOn: localDate(quote.sentAt ?? quote.createdAt),
  validUntil: quote.validUntil,
  totalExclTax: quote.totalNet,
  totalVat: quote.totalVat,
  totalInclTax: quote.totalGross,
  canDecide,
  decidedBy: quote.status === 'SENT' ? null : (quote.signerName ?? null),
  decidedAt: quote.acceptedAt ?? quote.refusedAt ?? null,
});

export const toPortalQuoteLineType = (line: QuoteLine, vatRate: string): PortalQuoteLineType => ({
  id: line.id,
  description: line.description,
  quantity: line.quantity,
  unitPrice: line.unitPrice,
  netAmount: line.lineNet,
  vatRate,
  optional: line.optional,
  selected: line.selected,
});
