import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { BankAccount, BankMovement, BankStatement, Proposal } from '@relais/domain';
import { ConnectionType, DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { AllocationInput, InvoiceRef } from '../payments/payment.type';

export enum BankFileFormatEnum {
  CAMT053 = 'CAMT053',
  OFX = 'OFX',
  CFONB120 = 'CFONB120',
}
registerEnumType(BankFileFormatEnum, { name: 'BankFileFormat' });

export enum MovementStatusEnum {
  UNMATCHED = 'UNMATCHED',
  PROPOSED = 'PROPOSED',
  MATCHED = 'MATCHED',
  BOOKED = 'BOOKED',
}
registerEnumType(MovementStatusEnum, {
  name: 'BankMovementStatus',
  description: 'PROPOSED: matches to confirm; MATCHED: a payment was recorded from it; BOOKED: fees, transfer or other.',
});

export enum BookingKindEnum {
  BANK_FEES = 'BANK_FEES',
  INTERNAL_TRANSFER = 'INTERNAL_TRANSFER',
  SUPPLIER = 'SUPPLIER',
  OTHER = 'OTHER',
}
registerEnumType(BookingKindEnum, { name: 'BankBookingKind' });

export enum BankMatchKindEnum {
  INVOICES = 'INVOICES',
  DIRECT_DEBIT_BATCH = 'DIRECT_DEBIT_BATCH',
  DIRECT_DEBIT_RETURN = 'DIRECT_DEBIT_RETURN',
}
registerEnumType(BankMatchKindEnum, {
  name: 'BankMatchKind',
  description:
    'INVOICES: a payment from the movement, allocated to invoices; DIRECT_DEBIT_BATCH: the bank’s credit of a direct-debit batch; DIRECT_DEBIT_RETURN: the bank’s debit of a returned direct debit (impayé).',
});

export enum MovementDirectionEnum {
  CREDIT = 'CREDIT',
  DEBIT = 'DEBIT',
}
registerEnumType(MovementDirectionEnum, { name: 'BankMovementDirection' });

@ObjectType('BankAccount')
export class BankAccountType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) iban!: string | null;
  @Field(() => String) label!: string;
  @Field(() => String) currency!: string;
}

@ObjectType('BankStatement', { description: 'One import of a statement file.' })
export class BankStatementType {
  @Field(() => ID) id!: string;
  bankAccountId!: string;
  @Field(() => BankFileFormatEnum) format!: BankFileFormatEnum;
  @Field(() => String) fileName!: string;
  @Field(() => LocalDateScalar) fromDate!: string;
  @Field(() => LocalDateScalar) toDate!: string;
  @Field(() => DecimalScalar, { nullable: true }) openingBalance!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) closingBalance!: string | null;
  @Field(() => Int) movementCount!: number;
  @Field(() => Int, { description: 'Movements not imported before (the others were already there).' }) newMovementCount!: number;
  @Field(() => Int) autoMatchedCount!: number;
  @Field(() => DateTimeResolver) importedAt!: Date;
}

@ObjectType('MatchAllocation')
export class MatchAllocationType {
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => DecimalScalar) amount!: string;
}

@ObjectType('MatchProposal', { description: 'A possible match with its score (0–100) and why.' })
export class MatchProposalType {
  @Field(() => BankMatchKindEnum, { description: 'Confirm INVOICES with matchBankMovement, the others with their own mutation.' })
  kind!: BankMatchKindEnum;
  @Field(() => Int) score!: number;
  @Field(() => String) reason!: string;
  @Field(() => [MatchAllocationType], { description: 'INVOICES only.' }) allocations!: MatchAllocationType[];
  batchId!: string | null;
  itemId!: string | null;
  @Field(() => String, { nullable: true, description: 'DIRECT_DEBIT_RETURN: the ISO 20022 reason the bank gave (AM04, MD06…).' })
  returnReasonCode!: string | null;
}

@ObjectType('BankMovement')
export class BankMovementType {
  @Field(() => ID) id!: string;
  bankAccountId!: string;
  paymentId!: string | null;
  directDebitBatchId!: string | null;
  directDebitItemId!: string | null;
  @Field(() => LocalDateScalar) bookingDate!: string;
  @Field(() => LocalDateScalar, { nullable: true }) valueDate!: string | null;
  @Field(() => DecimalScalar, { description: 'Signed: credits positive.' }) amount!: string;
  @Field(() => String) currency!: string;
  @Field(() => String) label!: string;
  @Field(() => String) remittanceInfo!: string;
  @Field(() => String, { nullable: true }) counterpartyName!: string | null;
  @Field(() => String, { nullable: true }) counterpartyIban!: string | null;
  @Field(() => String, { nullable: true }) bankReference!: string | null;
  @Field(() => String, { nullable: true, description: 'On a returned direct debit: the ISO 20022 reason the bank gave (AM04, MD06…).' })
  returnReasonCode!: string | null;
  @Field(() => MovementStatusEnum) status!: MovementStatusEnum;
  @Field(() => BankMatchKindEnum, { nullable: true, description: 'What a MATCHED movement reconciles.' })
  matchKind!: BankMatchKindEnum | null;
  @Field(() => [MatchProposalType]) proposals!: MatchProposalType[];
  @Field(() => BookingKindEnum, { nullable: true }) bookedAs!: BookingKindEnum | null;
  @Field(() => String, { nullable: true }) bookedNote!: string | null;
  @Field(() => String, { nullable: true }) matchReason!: string | null;
  @Field(() => Int) version!: number;
}

export const BankMovementConnection = ConnectionType(BankMovementType, 'BankMovement');

@ObjectType('BankStatementImport')
export class StatementImportType {
  @Field(() => [BankStatementType]) statements!: BankStatementType[];
  @Field(() => Int) movementCount!: number;
  @Field(() => Int) newMovementCount!: number;
  @Field(() => Int, { description: 'Already imported (same file again, overlapping statement): skipped.' }) duplicateCount!: number;
  @Field(() => Int) autoMatchedCount!: number;
}

@ObjectType('BankMovementCounts')
export class MovementCountsType {
  @Field(() => Int) unmatched!: number;
  @Field(() => Int) proposed!: number;
  @Field(() => Int) matched!: number;
  @Field(() => Int) booked!: number;
}

@InputType()
export class ImportBankStatementInput {
  @Field(() => String) fileName!: string;
  @Field(() => String, { description: 'The file, base64-encoded (10 MB at most).' }) contentBase64!: string;
  @Field(() => BankFileFormatEnum, { nullable: true, description: 'Detected when omitted.' }) format?: BankFileFormatEnum | null;
}

@InputType()
export class MatchMovementInput {
  @Field(() => ID) customerId!: string;
  @Field(() => [AllocationInput], { description: 'May be empty: the whole amount becomes the customer’s credit.' })
  allocations!: AllocationInput[];
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
}

export const toAccountType = (a: BankAccount): BankAccountType => ({
  id: a.id,
  iban: a.iban ?? null,
  label: a.label,
  currency: a.currency,
});
export const toStatementType = (s: BankStatement): BankStatementType => ({
  ...s,
  format: s.format as BankFileFormatEnum,
  openingBalance: s.openingBalance ?? null,
  closingBalance: s.closingBalance ?? null,
});
const toProposalType = (p: Proposal): MatchProposalType => ({
  kind: p.kind as BankMatchKindEnum,
  score: p.score,
  reason: p.reason,
  allocations: p.allocations.map((a) => ({ invoice: { id: a.invoiceId }, amount: a.amount })),
  batchId: p.batchId ?? null,
  itemId: p.itemId ?? null,
  returnReasonCode: p.returnReasonCode ?? null,
});

function matchKindOf(m: BankMovement): BankMatchKindEnum | null {
  if (m.status !== 'MATCHED') return null;
  if (m.directDebitBatchId) return BankMatchKindEnum.DIRECT_DEBIT_BATCH;
  if (m.directDebitItemId) return BankMatchKindEnum.DIRECT_DEBIT_RETURN;
  return BankMatchKindEnum.INVOICES;
}
export const toMovementType = (m: BankMovement): BankMovementType => ({
  id: m.id,
  bankAccountId: m.bankAccountId,
  paymentId: m.paymentId ?? null,
  directDebitBatchId: m.directDebitBatchId ?? null,
  directDebitItemId: m.directDebitItemId ?? null,
  bookingDate: m.bookingDate,
  valueDate: m.valueDate ?? null,
  amount: m.amount,
  currency: m.currency,
  label: m.label,
  remittanceInfo: m.remittanceInfo,
  counterpartyName: m.counterpartyName ?? null,
  counterpartyIban: m.counterpartyIban ?? null,
  bankReference: m.bankReference ?? null,
  returnReasonCode: m.returnReasonCode ?? null,
  status: m.status as MovementStatusEnum,
  matchKind: matchKindOf(m),
  proposals: m.proposals.map(toProposalType),
  bookedAs: (m.bookedAs ?? null) as BookingKindEnum | null,
  bookedNote: m.bookedNote ?? null,
  matchReason: m.matchReason ?? null,
  version: m.version,
});
