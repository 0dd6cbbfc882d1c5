import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { DeferredRevenue, ProposedEntry } from '@relais/domain';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { JournalEntryLineType, JournalEnum, type VatDueOnEnum } from './journal.type';

@ObjectType('DeferredRevenueLine', { description: 'A line of a document with a service period after the closing date.' })
export class DeferredRevenueLineType {
  @Field(() => String, { description: 'The revenue account the ledger books it to.' }) account!: string;
  @Field(() => LocalDateScalar) serviceStart!: string;
  @Field(() => LocalDateScalar) serviceEnd!: string;
  @Field(() => DecimalScalar, { description: 'Net (HT), negative on a credit note.' }) lineNet!: string;
  @Field(() => Int, { description: 'Days of the service period after the closing date.' }) days!: number;
  @Field(() => Int, { description: 'Days of the whole service period.' }) periodDays!: number;
  @Field(() => DecimalScalar, { description: 'lineNet × days / periodDays, rounded to the cent.' }) deferred!: string;
}

@ObjectType('DeferredRevenueDocument', { description: 'An invoice or credit note billing revenue for days after the closing date.' })
export class DeferredRevenueDocumentType {
  @Field(() => ID, { description: 'The invoice or credit note.' }) invoiceId!: string;
  @Field(() => String) number!: string;
  @Field(() => Boolean) creditNote!: boolean;
  @Field(() => LocalDateScalar) issueDate!: string;
  @Field(() => ID) customerId!: string;
  @Field(() => String) customerName!: string;
  @Field(() => LocalDateScalar, { description: 'First day of its deferred lines’ service periods.' }) serviceStart!: string;
  @Field(() => LocalDateScalar, { description: 'Last day of its deferred lines’ service periods.' }) serviceEnd!: string;
  @Field(() => DecimalScalar, { description: 'Net (HT) of those lines, negative on a credit note.' }) lineNet!: string;
  @Field(() => DecimalScalar, { description: 'The part of it for days after the closing date.' }) deferred!: string;
  @Field(() => [DeferredRevenueLineType]) lines!: DeferredRevenueLineType[];
}

@ObjectType('DeferredRevenueAccount', { description: 'Revenue deferred on one revenue account.' })
export class DeferredRevenueAccountType {
  @Field(() => String) account!: string;
  @Field(() => DecimalScalar) amount!: string;
}

@ObjectType('ProposedJournalEntry', { description: 'An entry as it will be posted.' })
export class ProposedJournalEntryType {
  @Field(() => JournalEnum) journal!: JournalEnum;
  @Field(() => LocalDateScalar) entryDate!: string;
  @Field(() => String) pieceRef!: string;
  @Field(() => String) label!: string;
  @Field(() => [JournalEntryLineType]) lines!: JournalEntryLineType[];
}

@ObjectType('DeferredRevenuePosting', { description: 'The posting already made at a closing date.' })
export class DeferredRevenuePostingType {
  @Field(() => DateTimeResolver) postedAt!: Date;
  @Field(() => DecimalScalar) total!: string;
}

@ObjectType('DeferredRevenue', {
  description:
    'Produits constatés d’avance at a closing date: revenue billed for service days after it (issued lines with a service period; credit notes negative), and the OD entry with its reversal the day after.',
})
export class DeferredRevenueType {
  @Field(() => LocalDateScalar) closingDate!: string;
  @Field(() => LocalDateScalar, { description: 'The day after the closing date: the reversal’s date.' }) reversalDate!: string;
  @Field(() => [DeferredRevenueDocumentType], { description: 'By issue date, then number.' }) documents!: DeferredRevenueDocumentType[];
  @Field(() => [DeferredRevenueAccountType], { description: 'Per revenue account, in account order.' })
  accounts!: DeferredRevenueAccountType[];
  @Field(() => DecimalScalar, { description: 'Pass it back as postDeferredRevenue’s expectedTotal.' }) total!: string;
  @Field(() => String, { description: 'The account credited (487000 unless the mapping says otherwise).' }) deferredAccount!: string;
  @Field(() => ProposedJournalEntryType, { nullable: true, description: 'Null when nothing is deferred.' })
  entry!: ProposedJournalEntryType | null;
  @Field(() => ProposedJournalEntryType, { nullable: true }) reversal!: ProposedJournalEntryType | null;
  @Field(() => DeferredRevenuePostingType, { nullable: true, description: 'Set once posted at this date.' })
  posting!: DeferredRevenuePostingType | null;
}

export const toProposedEntryType = (entry: ProposedEntry | null): ProposedJournalEntryType | null =>
  entry && {
    journal: entry.journal as JournalEnum,
    entryDate: entry.entryDate,
    pieceRef: entry.pieceRef,
    label: entry.label,
    lines: entry.lines.map((line, position) => ({ position, ...line, vatDueOn: line.vatDueOn as VatDueOnEnum | null })),
  };

export const toDeferredRevenueType = (d: DeferredRevenue): DeferredRevenueType => ({
  closingDate: d.closingDate,
  reversalDate: d.reversalDate,
  documents: d.documents,
  accounts: d.accounts,
  total: d.total,
  deferredAccount: d.deferredAccount,
  entry: toProposedEntryType(d.entry),
  reversal: toProposedEntryType(d.reversal),
  posting: d.posting,
});
