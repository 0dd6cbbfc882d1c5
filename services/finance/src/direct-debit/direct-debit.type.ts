import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DomainError, RETURN_REASONS, assertCollectionDate, mandateLapsesOn } from '@relais/domain';
import type { BlockedCollection, DirectDebitBatch, DirectDebitItem, PlannedCollection, SepaCreditor, SepaMandate } from '@relais/domain';
import { ConnectionType, DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { CustomerAccounting } from '../customers/customer-accounting.resolver';
import { InvoiceRef } from '../payments/payment.type';

export enum SepaMandateKindEnum {
  RECURRENT = 'RECURRENT',
  ONE_OFF = 'ONE_OFF',
}
registerEnumType(SepaMandateKindEnum, {
  name: 'SepaMandateKind',
  description: 'RECURRENT (FRST then RCUR) or ONE_OFF (one OOFF collection).',
});

export enum SepaMandateStatusEnum {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
registerEnumType(SepaMandateStatusEnum, { name: 'SepaMandateStatus' });

export enum SepaSequenceTypeEnum {
  FRST = 'FRST',
  RCUR = 'RCUR',
  OOFF = 'OOFF',
  FNAL = 'FNAL',
}
registerEnumType(SepaSequenceTypeEnum, { name: 'SepaSequenceType', description: 'The pain.008 sequence type of a collection.' });

export enum DirectDebitBatchStateEnum {
  SUBMITTED = 'SUBMITTED',
  SETTLED = 'SETTLED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DirectDebitBatchStateEnum, {
  name: 'DirectDebitBatchState',
  description: 'SUBMITTED: file produced, waiting for the bank; SETTLED: credited, payments recorded; CANCELLED: never sent.',
});

export enum DirectDebitItemStatusEnum {
  PENDING = 'PENDING',
  COLLECTED = 'COLLECTED',
  RETURNED = 'RETURNED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DirectDebitItemStatusEnum, { name: 'DirectDebitItemStatus' });

export enum DirectDebitBlockedReasonEnum {
  NO_MANDATE = 'NO_MANDATE',
  MANDATE_NOT_YET_SIGNED = 'MANDATE_NOT_YET_SIGNED',
  MANDATE_EXPIRED = 'MANDATE_EXPIRED',
  MANDATE_ALREADY_USED = 'MANDATE_ALREADY_USED',
  MANDATE_CANCELLED = 'MANDATE_CANCELLED',
}
registerEnumType(DirectDebitBlockedReasonEnum, { name: 'DirectDebitBlockedReason' });

@ObjectType('SepaMandate', { description: 'A customer’s SEPA direct debit mandate (CORE).' })
export class SepaMandateType {
  @Field(() => ID) id!: string;
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => String, { description: 'RUM (référence unique de mandat).' }) reference!: string;
  @Field(() => SepaMandateKindEnum) kind!: SepaMandateKindEnum;
  @Field(() => LocalDateScalar) signedOn!: string;
  @Field(() => String) debtorName!: string;
  @Field(() => String) iban!: string;
  @Field(() => String, { nullable: true }) bic!: string | null;
  @Field(() => SepaMandateStatusEnum) status!: SepaMandateStatusEnum;
  @Field(() => LocalDateScalar, { nullable: true }) revokedOn!: string | null;
  @Field(() => String, { nullable: true }) revocationReason!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) firstCollectedOn!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) lastCollectedOn!: string | null;
  @Field(() => LocalDateScalar, { description: 'Lapses on this day if nothing is collected under it before (36 months).' })
  expiresOn!: string;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => Int, { description: 'Pass it back as expectedVersion.' }) version!: number;
}

export const SepaMandateConnection = ConnectionType(SepaMandateType, 'SepaMandate');

@ObjectType('DirectDebitBatch', { description: 'One collection sent to the bank as a pain.008 file.' })
export class DirectDebitBatchType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The file’s message id (MsgId), e.g. PRLV-20261215-0003.' }) messageId!: string;
  @Field(() => LocalDateScalar) collectionDate!: string;
  @Field(() => DirectDebitBatchStateEnum) state!: DirectDebitBatchStateEnum;
  @Field(() => LocalDateScalar) submittedOn!: string;
  @Field(() => Int) itemCount!: number;
  @Field(() => DecimalScalar) totalAmount!: string;
  @Field(() => LocalDateScalar, { nullable: true }) settledOn!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) cancelledOn!: string | null;
  @Field(() => String, { nullable: true }) cancellationReason!: string | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => Int, { description: 'Pass it back as expectedVersion.' }) version!: number;
}

export const DirectDebitBatchConnection = ConnectionType(DirectDebitBatchType, 'DirectDebitBatch');

@ObjectType('DirectDebitItem', { description: 'One invoice collected in a batch.' })
export class DirectDebitItemType {
  @Field(() => ID) id!: string;
  batchId!: string;
  mandateId!: string;
  paymentId!: string | null;
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => SepaSequenceTypeEnum) sequenceType!: SepaSequenceTypeEnum;
  @Field(() => String, { description: 'What the debtor’s statement shows: the invoice number.' }) endToEndId!: string;
  @Field(() => DirectDebitItemStatusEnum) status!: DirectDebitItemStatusEnum;
  @Field(() => LocalDateScalar, { nullable: true }) returnedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 20022 reason code (AC04, AM04, MD06...).' }) returnReasonCode!: string | null;
  @Field(() => String, { nullable: true }) returnReason!: string | null;
  @Field(() => Int, { description: 'Pass it back as expectedVersion.' }) version!: number;
}

@ObjectType('DirectDebitCandidate', { description: 'An invoice a batch on the date takes, exactly as it will.' })
export class DirectDebitCandidateType {
  mandateId!: string;
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => String) invoiceNumber!: string;
  @Field(() => LocalDateScalar) dueDate!: string;
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => String) customerName!: string;
  @Field(() => DecimalScalar, { description: 'The invoice’s open balance.' }) amount!: string;
  @Field(() => SepaSequenceTypeEnum) sequenceType!: SepaSequenceTypeEnum;
  @Field(() => String) mandateReference!: string;
}

@ObjectType('BlockedDirectDebit', { description: 'An invoice to collect by direct debit that a batch cannot take.' })
export class BlockedDirectDebitType {
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => String) invoiceNumber!: string;
  @Field(() => LocalDateScalar) dueDate!: string;
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => String) customerName!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => DirectDebitBlockedReasonEnum) reason!: DirectDebitBlockedReasonEnum;
  @Field(() => String) message!: string;
}

@ObjectType('CollectionDateProblem', { description: 'Why a batch could not collect on the date, and the date to choose instead.' })
export class CollectionDateProblemType {
  @Field(() => String, { description: 'COLLECTION_DATE_TOO_EARLY, COLLECTION_DATE_NOT_BUSINESS_DAY or COLLECTION_DATE_TOO_LATE.' })
  code!: string;
  @Field(() => String) message!: string;
  @Field(() => LocalDateScalar, { description: 'The earliest, next business or latest date, as the refusal says.' })
  suggestedDate!: string;
}

@ObjectType('DirectDebitCandidates')
export class DirectDebitCandidatesType {
  @Field(() => LocalDateScalar) collectionDate!: string;
  @Field(() => LocalDateScalar, { description: 'The earliest collection date of a file sent today (D-1 business day, TARGET calendar).' })
  earliestCollectionDate!: string;
  @Field(() => LocalDateScalar, { description: 'The latest collection date of a file sent today (14 months ahead).' })
  latestCollectionDate!: string;
  @Field(() => CollectionDateProblemType, {
    nullable: true,
    description: 'Set when createDirectDebitBatch would refuse the date (the calendar rules); the candidates are listed anyway.',
  })
  collectionDateProblem!: CollectionDateProblemType | null;
  @Field(() => [DirectDebitCandidateType]) candidates!: DirectDebitCandidateType[];
  @Field(() => [BlockedDirectDebitType]) blocked!: BlockedDirectDebitType[];
  @Field(() => Int) count!: number;
  @Field(() => DecimalScalar) totalAmount!: string;
}

@ObjectType('SepaCreditor', { description: 'The company as SEPA creditor.' })
export class SepaCreditorType {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) iban!: string | null;
  @Field(() => String, { nullable: true }) bic!: string | null;
  @Field(() => String, { nullable: true, description: 'ICS, identifiant créancier SEPA (e.g. FR72ZZZ123456).' }) creditorId!: string | null;
}

@ObjectType('DirectDebitReturnReason', {
  description: 'An ISO 20022 reason code of SEPA R-transactions that returnDirectDebitItem accepts.',
})
export class DirectDebitReturnReasonType {
  @Field(() => String, { description: 'AC04, AM04, MD06...' }) code!: string;
  @Field(() => String, { description: 'Its French label, kept as the reason when none is given.' }) label!: string;
}

@InputType()
export class CreateMandateInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String, { nullable: true, description: 'RUM; generated (<COMPANY>-<CUSTOMER CODE>-<n>) when omitted.' })
  reference?: string | null;
  @Field(() => SepaMandateKindEnum, { nullable: true, description: 'RECURRENT when omitted.' }) kind?: SepaMandateKindEnum | null;
  @Field(() => LocalDateScalar) signedOn!: string;
  @Field(() => String, { nullable: true, description: 'Account holder; the customer’s name when omitted.' }) debtorName?: string | null;
  @Field(() => String) iban!: string;
  @Field(() => String, { nullable: true }) bic?: string | null;
}

export const toMandateType = (m: SepaMandate): SepaMandateType => ({
  id: m.id,
  customer: { id: m.customerId } as CustomerAccounting,
  reference: m.reference,
  kind: m.kind as SepaMandateKindEnum,
  signedOn: m.signedOn,
  debtorName: m.debtorName,
  iban: m.iban,
  bic: m.bic ?? null,
  status: m.status as SepaMandateStatusEnum,
  revokedOn: m.revokedOn ?? null,
  revocationReason: m.revocationReason ?? null,
  firstCollectedOn: m.firstCollectedOn ?? null,
  lastCollectedOn: m.lastCollectedOn ?? null,
  expiresOn: mandateLapsesOn(m),
  createdAt: m.createdAt,
  version: m.version,
});

export const toBatchType = (b: DirectDebitBatch): DirectDebitBatchType => ({
  id: b.id,
  messageId: b.messageId,
  collectionDate: b.collectionDate,
  state: b.state as DirectDebitBatchStateEnum,
  submittedOn: b.submittedOn,
  itemCount: b.itemCount,
  totalAmount: b.totalAmount,
  settledOn: b.settledOn ?? null,
  cancelledOn: b.cancelledOn ?? null,
  cancellationReason: b.cancellationReason ?? null,
  createdAt: b.createdAt,
  version: b.version,
});

export const toItemType = (i: DirectDebitItem): DirectDebitItemType => ({
  id: i.id,
  batchId: i.batchId,
  mandateId: i.mandateId,
  paymentId: i.paymentId ?? null,
  invoice: { id: i.invoiceId },
  customer: { id: i.customerId } as CustomerAccounting,
  amount: i.amount,
  sequenceType: i.sequenceType as SepaSequenceTypeEnum,
  endToEndId: i.endToEndId,
  status: i.status as DirectDebitItemStatusEnum,
  returnedOn: i.returnedOn ?? null,
  returnReasonCode: i.returnReasonCode ?? null,
  returnReason: i.returnReason ?? null,
  version: i.version,
});

export const toCandidateType = (c: PlannedCollection): DirectDebitCandidateType => ({
  mandateId: c.mandate.id,
  invoice: { id: c.invoiceId },
  invoiceNumber: c.number,
  dueDate: c.dueDate,
  customer: { id: c.customerId } as CustomerAccounting,
  customerName: c.customerName,
  amount: c.amount,
  sequenceType: c.sequenceType as SepaSequenceTypeEnum,
  mandateReference: c.mandate.reference,
});

export const toBlockedType = (b: BlockedCollection): BlockedDirectDebitType => ({
  invoice: { id: b.invoiceId },
  invoiceNumber: b.number,
  dueDate: b.dueDate,
  customer: { id: b.customerId } as CustomerAccounting,
  customerName: b.customerName,
  amount: b.openBalance,
  reason: b.reason as DirectDebitBlockedReasonEnum,
  message: b.message,
});

export const toCreditorType = (c: SepaCreditor): SepaCreditorType => ({ ...c });

/** The calendar's refusal of a collection date, as data: what createDirectDebitBatch would answer, and the date it names. */
export function collectionDateProblemOf(collectionDate: string, today: string): CollectionDateProblemType | null {
  try {
    assertCollectionDate(collectionDate, today);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const { earliestCollectionDate, nextBusinessDay, latestCollectionDate } = error.details as Record<string, string | undefined>;
    const suggestedDate = earliestCollectionDate ?? nextBusinessDay ?? latestCollectionDate;
    if (!suggestedDate) throw error;
    return { code: error.code, message: error.message, suggestedDate };
  }
}

export const returnReasons = (): DirectDebitReturnReasonType[] => Object.entries(RETURN_REASONS).map(([code, label]) => ({ code, label }));
