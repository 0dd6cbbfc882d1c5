import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { EntryDraft, InvoiceWriteOff } from '@relais/domain';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { ProposedJournalEntryType, toProposedEntryType } from '../ledger/deferred-revenue.type';

export enum WriteOffKindEnum {
  IRRECOVERABLE = 'IRRECOVERABLE',
  SMALL_BALANCE = 'SMALL_BALANCE',
}
registerEnumType(WriteOffKindEnum, {
  name: 'WriteOffKind',
  description:
    'IRRECOVERABLE: the customer will never pay (654, the VAT recovered pro rata); SMALL_BALANCE: a remainder after a short payment, up to the tenant’s limit (658).',
});

@InputType('WriteOffInvoiceInput')
export class WriteOffInvoiceInput {
  @Field(() => ID) invoiceId!: string;
  @Field(() => WriteOffKindEnum) kind!: WriteOffKindEnum;
  @Field(() => DecimalScalar, { nullable: true, description: 'Defaults to the whole open balance; never more.' }) amount?: string | null;
  @Field(() => String) reason!: string;
  @Field(() => LocalDateScalar, { description: 'In an open period, not after today.' }) writtenOffOn!: string;
}

@ObjectType('InvoiceWriteOff', { description: 'Part of an invoice’s open balance passed to losses; cancelled, never deleted.' })
export class InvoiceWriteOffType {
  @Field(() => ID) id!: string;
  @Field(() => ID) invoiceId!: string;
  @Field(() => WriteOffKindEnum) kind!: WriteOffKindEnum;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String) reason!: string;
  @Field(() => LocalDateScalar) writtenOffOn!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it was cancelled (the invoice open again).' })
  cancelledOn!: string | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => Int) version!: number;
  /** Who wrote it off and who cancelled it (actor ids), named by field resolvers. */
  writtenOffById!: string | null;
  cancelledById!: string | null;
}

@ObjectType('WriteOffPreview', { description: 'What writeOffInvoice would do with the same input, written nowhere.' })
export class WriteOffPreviewType {
  @Field(() => DecimalScalar, { description: 'The amount it takes (the whole open balance when none was given).' }) amount!: string;
  @Field(() => ProposedJournalEntryType, { nullable: true, description: 'The OD entry the ledger will post.' })
  entry!: ProposedJournalEntryType | null;
}

export const toWriteOffPreviewType = (preview: { amount: string; entry: EntryDraft | null }): WriteOffPreviewType => ({
  amount: preview.amount,
  entry: toProposedEntryType(preview.entry),
});

export const toWriteOffType = (w: InvoiceWriteOff): InvoiceWriteOffType => ({
  id: w.id,
  invoiceId: w.invoiceId,
  kind: w.kind as WriteOffKindEnum,
  amount: w.amount,
  reason: w.reason,
  writtenOffOn: w.writtenOffOn,
  cancelledOn: w.cancelledOn ?? null,
  createdAt: w.createdAt,
  version: w.version,
  writtenOffById: w.writtenOffBy ?? null,
  cancelledById: w.cancelledBy ?? null,
});
