import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { CSV_LAYOUTS, type AccountingExport, type AccountingExportPreview } from '@relais/domain';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { JournalEnum } from '../ledger/journal.type';

export enum AccountingExportLayoutEnum {
  SAGE_100 = 'SAGE_100',
  EBP = 'EBP',
  CEGID = 'CEGID',
  SPREADSHEET = 'SPREADSHEET',
}
registerEnumType(AccountingExportLayoutEnum, {
  name: 'AccountingExportLayout',
  description: `The CSV layout of a journal or customer-accounts export: ${Object.values(CSV_LAYOUTS)
    .map((l) => `${l.code} = ${l.label} (separator "${l.separator === '\t' ? 'tab' : l.separator}", ${l.encoding}, dates ${l.dateFormat})`)
    .join('; ')}.`,
});

export enum AccountingExportKindEnum {
  FEC = 'FEC',
  JOURNAL = 'JOURNAL',
  CUSTOMER_ACCOUNTS = 'CUSTOMER_ACCOUNTS',
}
registerEnumType(AccountingExportKindEnum, { name: 'AccountingExportKind' });

@InputType('AccountingExportInput', {
  description:
    'What to export: the FEC of a fiscal year (fiscalYearId), the journal of a date range in a layout (layout, from, to, optionally one journal), or the customer accounts in a layout (layout).',
})
export class AccountingExportInput {
  @Field(() => AccountingExportKindEnum) kind!: AccountingExportKindEnum;
  @Field(() => ID, { nullable: true }) fiscalYearId?: string | null;
  @Field(() => AccountingExportLayoutEnum, { nullable: true }) layout?: AccountingExportLayoutEnum | null;
  @Field(() => LocalDateScalar, { nullable: true }) from?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) to?: string | null;
  @Field(() => JournalEnum, { nullable: true }) journal?: JournalEnum | null;
}

@ObjectType('AccountingExportLink', {
  description: 'A download link of an export, valid 15 minutes (GET, no Authorization header needed).',
})
export class AccountingExportLinkType {
  @Field(() => String) url!: string;
  @Field(() => String) fileName!: string;
  @Field(() => DateTimeResolver) expiresAt!: Date;
}

@ObjectType('AccountingExportPreview', { description: 'What an export will hold, before it is downloaded.' })
export class AccountingExportPreviewType {
  @Field(() => String) fileName!: string;
  @Field(() => String, { description: 'iso-8859-15 (FEC), windows-1252 or utf-8.' }) encoding!: string;
  @Field(() => [String], { description: 'The header (if the layout has one) and the first 20 records, as they read in the file.' })
  lines!: string[];
  @Field(() => Int) lineCount!: number;
  @Field(() => Int) entryCount!: number;
  @Field(() => Int, { description: 'Entries of months still open: numbered provisionally (the closing gives the final numbers).' })
  provisionalEntries!: number;
  @Field(() => Int, { description: 'Business facts of the range the ledger has not posted yet (it catches up within seconds).' })
  unpostedFacts!: number;
  @Field(() => DecimalScalar) totalDebit!: string;
  @Field(() => DecimalScalar) totalCredit!: string;
}

export const toPreviewType = (preview: AccountingExportPreview): AccountingExportPreviewType => ({ ...preview });

@ObjectType('AccountingExportRecord', { description: 'An export downloaded in full: who took which range, and what it held.' })
export class AccountingExportRecordType {
  @Field(() => ID) id!: string;
  @Field(() => AccountingExportKindEnum) kind!: AccountingExportKindEnum;
  @Field(() => String, { description: 'FEC or the CSV layout.' }) layout!: string;
  @Field(() => String) fileName!: string;
  @Field(() => LocalDateScalar, { nullable: true }) from!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) to!: string | null;
  @Field(() => Int) lineCount!: number;
  @Field(() => DecimalScalar) totalDebit!: string;
  @Field(() => DecimalScalar) totalCredit!: string;
  @Field(() => Boolean, { description: 'Some entries were in months still open: their numbers were provisional.' }) provisional!: boolean;
  @Field(() => String) exportedByName!: string;
  @Field(() => DateTimeResolver) exportedAt!: Date;
}

export const toRecordType = (record: AccountingExport): AccountingExportRecordType => ({
  id: record.id,
  kind: record.kind as AccountingExportKindEnum,
  layout: record.layout,
  fileName: record.fileName,
  from: record.fromDate ?? null,
  to: record.toDate ?? null,
  lineCount: record.lineCount,
  totalDebit: record.totalDebit,
  totalCredit: record.totalCredit,
  provisional: record.provisional,
  exportedByName: record.exportedByName,
  exportedAt: record.exportedAt,
});
