import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { LedgerEntry, LedgerEntryLine } from '@relais/domain';
import { ConnectionType, DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';

export enum JournalEnum {
  VT = 'VT',
  BQ = 'BQ',
  OD = 'OD',
}
registerEnumType(JournalEnum, { name: 'Journal', description: 'VT sales, BQ bank, OD miscellaneous operations.' });

export enum LedgerSourceTypeEnum {
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
  PAYMENT = 'PAYMENT',
  BANK_MOVEMENT = 'BANK_MOVEMENT',
  DEFERRED_REVENUE = 'DEFERRED_REVENUE',
  WRITE_OFF = 'WRITE_OFF',
}
registerEnumType(LedgerSourceTypeEnum, {
  name: 'LedgerSourceType',
  description:
    'The kind of document an entry books (DEFERRED_REVENUE: a deferred revenue posting, whose entry and reversal share its id; WRITE_OFF: an invoice’s write-off, whose entry and cancellation share its id).',
});

export enum VatDueOnEnum {
  ISSUE = 'ISSUE',
  PAYMENT = 'PAYMENT',
}
registerEnumType(VatDueOnEnum, {
  name: 'VatDueOn',
  description: 'ISSUE: due with the invoice (goods, or the company opted for debits); PAYMENT: due when paid (services).',
});

@ObjectType('JournalEntryLine')
export class JournalEntryLineType {
  @Field(() => Int) position!: number;
  @Field(() => String, { description: 'General account (FEC CompteNum).' }) account!: string;
  @Field(() => String, { nullable: true, description: 'Customer auxiliary account on receivable lines (FEC CompAuxNum).' })
  auxiliaryAccount!: string | null;
  @Field(() => String, { nullable: true }) auxiliaryLabel!: string | null;
  @Field(() => String) label!: string;
  @Field(() => DecimalScalar) debit!: string;
  @Field(() => DecimalScalar) credit!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'On revenue and VAT lines.' }) vatRate!: string | null;
  @Field(() => VatDueOnEnum, { nullable: true, description: 'On VAT lines.' }) vatDueOn!: VatDueOnEnum | null;
}

@ObjectType('JournalEntry', { description: 'A balanced entry derived from one fact (invoice issued, payment recorded…).' })
export class JournalEntryType {
  @Field(() => ID) id!: string;
  @Field(() => JournalEnum) journal!: JournalEnum;
  @Field(() => LocalDateScalar) entryDate!: string;
  @Field(() => String, {
    nullable: true,
    description: 'FEC EcritureNum: continuous per journal in date order (VT000042), given when its month is closed; null before.',
  })
  number!: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'FEC ValidDate: the closing of its month that numbered it; null before.' })
  validatedAt!: Date | null;
  @Field(() => String, { description: 'Invoice number, payment or bank reference (FEC PieceRef).' }) pieceRef!: string;
  @Field(() => LocalDateScalar) pieceDate!: string;
  @Field(() => String) label!: string;
  @Field(() => LedgerSourceTypeEnum) sourceType!: LedgerSourceTypeEnum;
  @Field(() => ID, { description: 'The document booked: see invoice, payment or bankMovement.' }) sourceId!: string;
  customerId!: string | null;
  @Field(() => DateTimeResolver) postedAt!: Date;
}

export const JournalEntryConnection = ConnectionType(JournalEntryType, 'JournalEntry');

@ObjectType('LedgerBalanceRow')
export class LedgerBalanceRowType {
  @Field(() => String) account!: string;
  @Field(() => String, { nullable: true, description: 'From the chart of accounts; null for an account it lacks.' }) label!: string | null;
  @Field(() => DecimalScalar) debit!: string;
  @Field(() => DecimalScalar) credit!: string;
  @Field(() => DecimalScalar, { description: 'Debit − credit.' }) balance!: string;
}

@ObjectType('LedgerBalance', { description: 'Trial balance: debits and credits per account of the entries of a period.' })
export class LedgerBalanceType {
  @Field(() => [LedgerBalanceRowType]) rows!: LedgerBalanceRowType[];
  @Field(() => DecimalScalar) totalDebit!: string;
  @Field(() => DecimalScalar) totalCredit!: string;
}

@ObjectType('VatReportTotals')
export class VatReportTotalsType {
  @Field(() => DecimalScalar, {
    description: 'VAT invoiced in the period and due with the invoice, less the VAT recovered by write-offs dated in the period.',
  })
  dueOnIssue!: string;
  @Field(() => DecimalScalar, { description: 'VAT invoiced in the period, due when paid.' }) invoicedOnPayment!: string;
  @Field(() => DecimalScalar, { description: 'VAT on receipts that became due in the period, as invoices were paid.' })
  dueOnPayment!: string;
  @Field(() => DecimalScalar, { description: 'dueOnIssue + dueOnPayment.' }) due!: string;
}

@ObjectType('VatReportRow')
export class VatReportRowType extends VatReportTotalsType {
  @Field(() => DecimalScalar) rate!: string;
}

@ObjectType('VatReport', { description: 'Collected VAT of a period, VAT invoiced apart from VAT due on collection.' })
export class VatReportType {
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) to!: string;
  @Field(() => [VatReportRowType]) rows!: VatReportRowType[];
  @Field(() => VatReportTotalsType) totals!: VatReportTotalsType;
  @Field(() => DecimalScalar, { description: 'TVA nette due (CA3 line 28): totals.due when positive, else 0.' }) payable!: string;
  @Field(() => DecimalScalar, {
    description:
      'Crédit de TVA (CA3 line 25): -totals.due when the period’s deductions (VAT recovered on write-offs) exceed its VAT, positive; else 0.',
  })
  credit!: string;
}

@ObjectType('VatAccount')
export class VatAccountType {
  @Field(() => DecimalScalar) rate!: string;
  @Field(() => String) account!: string;
}

@InputType('VatAccountInput')
export class VatAccountInput {
  @Field(() => DecimalScalar) rate!: string;
  @Field(() => String) account!: string;
}

@ObjectType('LedgerMapping', { description: 'The accounts the ledger posts to; the defaults until the accountant changes them.' })
export class LedgerMappingType {
  @Field(() => String) labourAccount!: string;
  @Field(() => String) travelAccount!: string;
  @Field(() => String) partsAccount!: string;
  @Field(() => String, { description: 'Contract fee lines without an account of their own.' }) contractFeeAccount!: string;
  @Field(() => String) otherRevenueAccount!: string;
  @Field(() => String) allowanceAccount!: string;
  @Field(() => String) chargeAccount!: string;
  @Field(() => String) depositAccount!: string;
  @Field(() => String) receivableAccount!: string;
  @Field(() => String) retentionAccount!: string;
  @Field(() => String) bankAccount!: string;
  @Field(() => String) bankFeesAccount!: string;
  @Field(() => String) internalTransferAccount!: string;
  @Field(() => String) supplierAccount!: string;
  @Field(() => String) suspenseAccount!: string;
  @Field(() => String, { description: 'Produits constatés d’avance (487000).' }) deferredRevenueAccount!: string;
  @Field(() => String, { description: 'Pertes sur créances irrécouvrables (654000): irrecoverable write-offs.' }) writeOffAccount!: string;
  @Field(() => String, { description: 'Charges diverses de gestion courante (658000): small balances written off.' })
  smallBalanceAccount!: string;
  @Field(() => [VatAccountType], { description: 'Collected VAT per rate.' }) vatAccounts!: VatAccountType[];
  @Field(() => String, { description: 'Collected VAT of the rates not listed.' }) defaultVatAccount!: string;
  @Field(() => Int, { description: '0 while the defaults apply; pass it back as expectedVersion.' }) version!: number;
}

@InputType('LedgerMappingInput')
export class LedgerMappingInput {
  @Field(() => String) labourAccount!: string;
  @Field(() => String) travelAccount!: string;
  @Field(() => String) partsAccount!: string;
  @Field(() => String) contractFeeAccount!: string;
  @Field(() => String) otherRevenueAccount!: string;
  @Field(() => String) allowanceAccount!: string;
  @Field(() => String) chargeAccount!: string;
  @Field(() => String) depositAccount!: string;
  @Field(() => String) receivableAccount!: string;
  @Field(() => String) retentionAccount!: string;
  @Field(() => String) bankAccount!: string;
  @Field(() => String) bankFeesAccount!: string;
  @Field(() => String) internalTransferAccount!: string;
  @Field(() => String) supplierAccount!: string;
  @Field(() => String) suspenseAccount!: string;
  @Field(() => String, { nullable: true, description: 'Produits constatés d’avance; absent: unchanged.' })
  deferredRevenueAccount?: string | null;
  @Field(() => String, { nullable: true, description: 'Irrecoverable write-offs (654); absent: unchanged.' })
  writeOffAccount?: string | null;
  @Field(() => String, { nullable: true, description: 'Small balances written off (658); absent: unchanged.' })
  smallBalanceAccount?: string | null;
  @Field(() => [VatAccountInput]) vatAccounts!: VatAccountInput[];
  @Field(() => String) defaultVatAccount!: string;
}

export const toJournalEntryType = (e: LedgerEntry): JournalEntryType => ({
  id: e.id,
  journal: e.journal as JournalEnum,
  entryDate: e.entryDate,
  number: e.number ?? null,
  validatedAt: e.validatedAt ?? null,
  pieceRef: e.pieceRef,
  pieceDate: e.pieceDate,
  label: e.label,
  sourceType: e.sourceType as LedgerSourceTypeEnum,
  sourceId: e.sourceId,
  customerId: e.customerId ?? null,
  postedAt: e.postedAt,
});

export const toJournalEntryLineType = (l: LedgerEntryLine): JournalEntryLineType => ({
  position: l.position,
  account: l.account,
  auxiliaryAccount: l.auxiliaryAccount ?? null,
  auxiliaryLabel: l.auxiliaryLabel ?? null,
  label: l.label,
  debit: l.debit,
  credit: l.credit,
  vatRate: l.vatRate ?? null,
  vatDueOn: (l.vatDueOn ?? null) as VatDueOnEnum | null,
});
