import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ConnectionType, DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import type { ConversionMode, Quote, QuoteLine, QuoteLineInput, QuotePatch, QuoteRevision, QuoteInput } from '@relais/domain';
import { quoteDisplayStatus } from '@relais/domain';
import { InvoiceLineKindEnum } from '../invoices/invoice.enums';
import { RecipientSourceEnum } from '../bulk-invoicing/bulk-invoicing.type';
import { MailAttachmentPreviewType } from '../invoices/invoice-sending.resolver';

export enum QuoteStatusEnum {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(QuoteStatusEnum, {
  name: 'QuoteStatus',
  description: 'DRAFT, SENT (EXPIRED once past its validity date), then ACCEPTED or REFUSED; or CANCELLED.',
});

export enum QuoteDeciderEnum {
  OFFICE = 'OFFICE',
  CUSTOMER = 'CUSTOMER',
}
registerEnumType(QuoteDeciderEnum, {
  name: 'QuoteDecider',
  description: 'Who recorded the decision: the office, or the customer on the public page.',
});

export enum QuoteInvoiceModeEnum {
  FULL = 'FULL',
  DEPOSIT = 'DEPOSIT',
  PROGRESS = 'PROGRESS',
  FINAL = 'FINAL',
}
registerEnumType(QuoteInvoiceModeEnum, {
  name: 'QuoteInvoiceMode',
  description:
    'FULL: the whole quote; DEPOSIT: a deposit invoice (percent); PROGRESS: a progress invoice (cumulative percent per line); FINAL: what is left, less the deposits.',
});

@ObjectType('QuoteLine')
export class QuoteLineType {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => String, { nullable: true, description: 'Section title (consecutive lines with the same title form a section).' })
  section!: string | null;
  @Field(() => Boolean, { description: 'An option the customer may take or not.' }) optional!: boolean;
  @Field(() => Boolean, { description: 'Counted in the totals: always for a regular line, once chosen for an option.' }) selected!: boolean;
  @Field(() => InvoiceLineKindEnum) kind!: InvoiceLineKindEnum;
  @Field(() => String) description!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => String, { description: 'UN/ECE unit code.' }) unit!: string;
  @Field(() => DecimalScalar) unitPrice!: string;
  @Field(() => DecimalScalar) discountPercent!: string;
  @Field(() => String) vatRateCode!: string;
  @Field(() => DecimalScalar, { description: 'Rounded to the cent, before the global discount.' }) lineNet!: string;
}

@ObjectType('QuoteSection')
export class QuoteSectionType {
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => [QuoteLineType]) lines!: QuoteLineType[];
  @Field(() => DecimalScalar, { description: 'Net of the counted lines of the section.' }) subtotal!: string;
}

@ObjectType('QuoteRevisionLine')
export class QuoteRevisionLineType {
  @Field(() => Int) position!: number;
  @Field(() => String, { nullable: true }) section!: string | null;
  @Field(() => Boolean) optional!: boolean;
  @Field(() => String) description!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => String) unit!: string;
  @Field(() => DecimalScalar) unitPrice!: string;
  @Field(() => DecimalScalar) discountPercent!: string;
  @Field(() => String) vatRateCode!: string;
  @Field(() => DecimalScalar) lineNet!: string;
}

@ObjectType('QuoteRevision', { description: 'A version of the quote as it was sent, kept when the quote was revised.' })
export class QuoteRevisionType {
  @Field(() => Int) revision!: number;
  @Field(() => DateTimeResolver, { nullable: true }) sentAt!: Date | null;
  @Field(() => DateTimeResolver, { description: 'When it was replaced by the next revision.' }) revisedAt!: Date;
  @Field(() => String) title!: string;
  @Field(() => LocalDateScalar) validUntil!: string;
  @Field(() => DecimalScalar) totalNet!: string;
  @Field(() => DecimalScalar) totalVat!: string;
  @Field(() => DecimalScalar) totalGross!: string;
  @Field(() => [QuoteRevisionLineType]) lines!: QuoteRevisionLineType[];
}

@ObjectType('Quote', { description: 'A quote (devis): drafted, sent with a public acceptance link, accepted or refused, then invoiced.' })
export class QuoteType {
  @Field(() => ID) id!: string;
  customerId!: string;
  interventionId!: string | null;
  @Field(() => String, { nullable: true, description: 'D-2026-00012, given when first sent.' }) number!: string | null;
  @Field(() => Int) revision!: number;
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => String) title!: string;
  @Field(() => QuoteStatusEnum) status!: QuoteStatusEnum;
  @Field(() => LocalDateScalar) validUntil!: string;
  @Field(() => DecimalScalar) globalDiscountPercent!: string;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => String) currency!: string;
  @Field(() => DecimalScalar, { description: 'Sum of the counted line nets, before the global discount.' }) linesTotal!: string;
  @Field(() => DecimalScalar) discountTotal!: string;
  @Field(() => DecimalScalar, { description: 'Total excluding VAT, discount deducted.' }) totalNet!: string;
  @Field(() => DecimalScalar) totalVat!: string;
  @Field(() => DecimalScalar) totalGross!: string;
  @Field(() => DateTimeResolver, { nullable: true }) sentAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) refusedAt!: Date | null;
  @Field(() => QuoteDeciderEnum, { nullable: true }) decidedBy!: QuoteDeciderEnum | null;
  @Field(() => String, { nullable: true }) signerName!: string | null;
  @Field(() => String, { nullable: true, description: 'The signature drawn on the public page (data URL).' }) signatureDataUrl!:
    string | null;
  @Field(() => String, { nullable: true }) acceptanceIp!: string | null;
  @Field(() => String, { nullable: true }) acceptanceUserAgent!: string | null;
  @Field(() => String, { nullable: true }) refusalReason!: string | null;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

export const QuoteConnection = ConnectionType(QuoteType, 'Quote');

@ObjectType('BillableQuote', { description: 'An accepted quote with something left to bill.' })
export class BillableQuoteType {
  @Field(() => QuoteType) quote!: QuoteType;
  @Field(() => DecimalScalar, { description: 'Net billed by invoices (deposits aside).' }) billedNet!: string;
  @Field(() => DecimalScalar) remainingNet!: string;
}

export function toQuoteType(q: Quote): QuoteType {
  return {
    id: q.id,
    customerId: q.customerId,
    interventionId: q.interventionId ?? null,
    number: q.number ?? null,
    revision: q.revision,
    siteId: q.siteId ?? null,
    title: q.title,
    status: quoteDisplayStatus(q) as QuoteStatusEnum,
    validUntil: q.validUntil,
    globalDiscountPercent: q.globalDiscountPercent,
    notes: q.notes ?? null,
    currency: q.currency,
    linesTotal: q.linesTotal,
    discountTotal: q.discountTotal,
    totalNet: q.totalNet,
    totalVat: q.totalVat,
    totalGross: q.totalGross,
    sentAt: q.sentAt ?? null,
    acceptedAt: q.acceptedAt ?? null,
    refusedAt: q.refusedAt ?? null,
    decidedBy: (q.decidedByKind as QuoteDeciderEnum | null | undefined) ?? null,
    signerName: q.signerName ?? null,
    signatureDataUrl: q.signature ?? null,
    acceptanceIp: q.acceptanceIp ?? null,
    acceptanceUserAgent: q.acceptanceUserAgent ?? null,
    refusalReason: q.refusalReason ?? null,
    version: q.version,
    createdAt: q.createdAt,
  };
}

export const toQuoteLineType = (l: QuoteLine): QuoteLineType => ({
  id: l.id,
  position: l.position,
  section: l.section ?? null,
  optional: l.optional,
  selected: l.selected,
  kind: l.kind as InvoiceLineKindEnum,
  description: l.description,
  quantity: l.quantity,
  unit: l.unit,
  unitPrice: l.unitPrice,
  discountPercent: l.discountPercent,
  vatRateCode: l.vatRateCode,
  lineNet: l.lineNet,
});

export const toQuoteRevisionType = (r: QuoteRevision): QuoteRevisionType => ({
  revision: r.revision,
  sentAt: r.sentAt ?? null,
  revisedAt: r.createdAt,
  title: r.snapshot.title,
  validUntil: r.snapshot.validUntil,
  totalNet: r.snapshot.totalNet,
  totalVat: r.snapshot.totalVat,
  totalGross: r.snapshot.totalGross,
  lines: r.snapshot.lines.map((l) => ({ ...l, section: l.section ?? null })),
});

@InputType()
export class QuoteLineInputType {
  @Field(() => String, { nullable: true }) section?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) optional!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'For an option: already chosen by the office.' }) selected?: boolean | null;
  @Field(() => InvoiceLineKindEnum, { nullable: true, defaultValue: InvoiceLineKindEnum.OTHER }) kind!: InvoiceLineKindEnum;
  @Field(() => String) description!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => String, { description: 'UN/ECE code: HUR (hour), C62 (piece), MTR...' }) unit!: string;
  @Field(() => DecimalScalar, { description: 'Excluding VAT, up to 4 decimals.' }) unitPrice!: string;
  @Field(() => DecimalScalar, { nullable: true }) discountPercent?: string | null;
  @Field(() => String) vatRateCode!: string;
}

@InputType()
export class CreateQuoteInput {
  @Field(() => ID, { nullable: true, description: 'Required unless the quote follows an intervention.' }) customerId?: string | null;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The intervention (e.g. a diagnosis visit) it follows: customer, site, title and notes default from it.',
  })
  interventionId?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Defaults to 30 days from today.' }) validUntil?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) globalDiscountPercent?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [QuoteLineInputType]) lines!: QuoteLineInputType[];
}

@InputType({ description: 'Only the fields given change; `lines` replaces all lines. A sent quote becomes a new revision.' })
export class UpdateQuoteInput {
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) validUntil?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) globalDiscountPercent?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [QuoteLineInputType], { nullable: true }) lines?: QuoteLineInputType[] | null;
}

@InputType()
export class AcceptQuoteInput {
  @Field(() => [ID], { nullable: true, description: 'The optional lines the customer takes.' }) chosenOptionalLineIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Who signed (e.g. on a paper copy).' }) signerName?: string | null;
}

@InputType()
export class ProgressLineInput {
  @Field(() => ID) quoteLineId!: string;
  @Field(() => DecimalScalar, { description: 'Cumulative progress of the line, in percent (e.g. "70").' }) cumulativePercent!: string;
}

@InputType()
export class ConvertQuoteInput {
  @Field(() => QuoteInvoiceModeEnum) mode!: QuoteInvoiceModeEnum;
  @Field(() => DecimalScalar, { nullable: true, description: 'DEPOSIT: percent of the quote.' }) percent?: string | null;
  @Field(() => [ProgressLineInput], { nullable: true, description: 'PROGRESS: lines whose progress moves (the others keep theirs).' })
  lines?: ProgressLineInput[] | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'PROGRESS or FINAL: retenue de garantie, 0 to 5 %.' }) retentionPercent?:
    string | null;
}

const toLineInput = (l: QuoteLineInputType): QuoteLineInput => ({
  section: l.section ?? null,
  optional: l.optional ?? false,
  selected: l.selected ?? undefined,
  kind: l.kind ?? InvoiceLineKindEnum.OTHER,
  description: l.description,
  quantity: l.quantity,
  unit: l.unit,
  unitPrice: l.unitPrice,
  discountPercent: l.discountPercent ?? undefined,
  vatRateCode: l.vatRateCode,
});

export function toQuoteInput(input: CreateQuoteInput): QuoteInput {
  return {
    customerId: input.customerId ?? undefined,
    siteId: input.siteId === undefined ? undefined : input.siteId,
    interventionId: input.interventionId ?? null,
    title: input.title ?? undefined,
    validUntil: input.validUntil ?? undefined,
    globalDiscountPercent: input.globalDiscountPercent ?? undefined,
    notes: input.notes === undefined ? undefined : input.notes,
    lines: input.lines.map(toLineInput),
  };
}

export function toQuotePatch(input: UpdateQuoteInput): QuotePatch {
  return {
    siteId: input.siteId === undefined ? undefined : input.siteId,
    title: input.title ?? undefined,
    validUntil: input.validUntil ?? undefined,
    globalDiscountPercent: input.globalDiscountPercent ?? undefined,
    notes: input.notes === undefined ? undefined : input.notes,
    lines: input.lines?.map(toLineInput),
  };
}

export function toConversionMode(input: ConvertQuoteInput): ConversionMode {
  const retentionPercent = input.retentionPercent ?? undefined;
  switch (input.mode) {
    case QuoteInvoiceModeEnum.FULL:
      return { mode: 'FULL' };
    case QuoteInvoiceModeEnum.DEPOSIT:
      return { mode: 'DEPOSIT', percent: input.percent ?? '' };
    case QuoteInvoiceModeEnum.PROGRESS:
      return { mode: 'PROGRESS', lines: input.lines ?? [], retentionPercent };
    case QuoteInvoiceModeEnum.FINAL:
      return { mode: 'FINAL', retentionPercent };
  }
}

@InputType()
export class SendQuoteInput {
  @Field(() => [String], {
    nullable: true,
    description: 'Recipients; by default the customer’s signatories, else its billing contacts, else its e-mail address.',
  })
  to?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Copies.' }) cc?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Default: the quote template; {{placeholders}} are filled in when sent.' })
  subject?: string | null;
  @Field(() => String, { nullable: true, description: 'The mail text; {{lien}} is the absolute link of the public page.' })
  body?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'A new validity date (today or later); required once the quote’s has passed.',
  })
  validUntil?: string | null;
}

@ObjectType('QuoteSendPreview', { description: 'What sending the quote would mail, and whether its validity must be extended first.' })
export class QuoteSendPreviewType {
  @Field(() => ID) quoteId!: string;
  @Field(() => String) customerName!: string;
  @Field(() => [String], { description: 'The default recipients; empty when the customer has no address.' }) to!: string[];
  @Field(() => [String]) cc!: string[];
  @Field(() => String, { nullable: true, description: 'The tenant’s billing address, which replies go to.' }) replyTo!: string | null;
  @Field(() => RecipientSourceEnum) recipientSource!: RecipientSourceEnum;
  @Field(() => String, { description: 'A quote never sent shows {{numero}} until it gets its number.' }) subject!: string;
  @Field(() => String) body!: string;
  @Field(() => [MailAttachmentPreviewType]) attachments!: MailAttachmentPreviewType[];
  @Field(() => String, { description: 'The absolute address of the customer’s page, as mailed.' }) publicUrl!: string;
  @Field(() => LocalDateScalar) validUntil!: string;
  @Field(() => Boolean, { description: 'Its validity has passed: it is sent only with a new validUntil.' }) expired!: boolean;
  @Field(() => LocalDateScalar, { description: 'The validity proposed: today + 30 days.' }) proposedValidUntil!: string;
}
