import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import type {
  BillLine,
  BillingRunError,
  ContractBill,
  ContractBillingChange,
  ContractBillingInput as DomainBillingInput,
  ContractBillingRun,
  ContractBillingTerms,
  ContractFeeLine,
  ContractRenewalNotice,
  IndexSeries,
  IndexValue,
  RenewalView,
  Revision,
} from '@relais/domain';
import { ContractRef, CustomerRef } from '../invoices/invoice.type';

export { ContractRef };

export enum BillingRhythmEnum {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  HALF_YEARLY = 'HALF_YEARLY',
  YEARLY = 'YEARLY',
}
registerEnumType(BillingRhythmEnum, { name: 'BillingRhythm' });

export enum BillingTimingEnum {
  ADVANCE = 'ADVANCE',
  ARREARS = 'ARREARS',
}
registerEnumType(BillingTimingEnum, {
  name: 'BillingTiming',
  description: 'ADVANCE (à échoir): billed from the first day of the period; ARREARS (échu): from its last day.',
});

export enum ContractPaymentMethodEnum {
  TRANSFER = 'TRANSFER',
  DIRECT_DEBIT = 'DIRECT_DEBIT',
}
registerEnumType(ContractPaymentMethodEnum, { name: 'ContractPaymentMethod' });

export enum BillingModeEnum {
  ISSUE = 'ISSUE',
  DRAFT = 'DRAFT',
}
registerEnumType(BillingModeEnum, { name: 'ContractBillingMode', description: 'Issue the invoices of a run, or leave drafts to review.' });

export enum RenewalNoticeModeEnum {
  AUTO = 'AUTO',
  MANUAL = 'MANUAL',
}
registerEnumType(RenewalNoticeModeEnum, {
  name: 'RenewalNoticeMode',
  description: 'AUTO: the daily job sends renewal notices; MANUAL: someone does.',
});

export enum BillingRunStateEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(BillingRunStateEnum, { name: 'ContractBillingRunState' });

export enum RenewalStateEnum {
  RUNNING = 'RUNNING',
  TO_RENEW = 'TO_RENEW',
  NOTICE_SENT = 'NOTICE_SENT',
  TERMINATED = 'TERMINATED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(RenewalStateEnum, {
  name: 'RenewalState',
  description:
    'RUNNING (en cours), TO_RENEW (à renouveler: the customer must be told now), NOTICE_SENT (préavis envoyé), TERMINATED (résilié), EXPIRED (échu, no renewal).',
});

@ObjectType('IndexValue', { description: 'The value an index published for a month.' })
export class IndexValueType {
  @Field(() => LocalDateScalar, { description: 'First day of the month the value is for.' }) period!: string;
  @Field(() => DecimalScalar) value!: string;
  @Field(() => LocalDateScalar, { nullable: true }) publishedOn!: string | null;
  @Field(() => String, { description: 'MANUAL or CSV.' }) source!: string;
  @Field(() => DateTimeResolver) recordedAt!: Date;
}

@ObjectType('IndexSeries', { description: 'A price index (Syntec, ICHT-rev-TS, BT40…) used to revise contract fees.' })
export class IndexSeriesType {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType('ContractFeeLine', { description: 'A fee the contract bills each period (amount excluding VAT, for one full period).' })
export class ContractFeeLineType {
  @Field(() => Int) position!: number;
  @Field(() => String) label!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String) vatRateCode!: string;
  @Field(() => ID, { nullable: true }) siteId!: string | null;
  @Field(() => String, { nullable: true, description: 'Revenue account (classe 7) for the accountant.' }) revenueAccount!: string | null;
  @Field(() => Boolean, { description: 'Revised with the contract’s index.' }) indexed!: boolean;
}

@ObjectType('ContractIndexation', { description: 'P = P0 × (a + b × I / I0), revised each anniversary of the first revision.' })
export class ContractIndexationType {
  seriesId!: string;
  @Field(() => DecimalScalar, { description: 'a, the fixed part.' }) fixedPart!: string;
  @Field(() => DecimalScalar, { description: 'b, the indexed part (a + b = 1).' }) variablePart!: string;
  @Field(() => DecimalScalar, { description: 'I0.' }) baseIndexValue!: string;
  @Field(() => LocalDateScalar, { description: 'Month of I0.' }) baseIndexPeriod!: string;
  @Field(() => LocalDateScalar) firstRevisionOn!: string;
  @Field(() => DecimalScalar, { nullable: true }) coefficientFloor!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) coefficientCap!: string | null;
}

@ObjectType('ContractBillingTerms', {
  description: 'A version of a contract’s billing terms, in force from `effectiveOn` to the next version.',
})
export class ContractBillingTermsType {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateScalar) effectiveOn!: string;
  @Field(() => BillingRhythmEnum) rhythm!: BillingRhythmEnum;
  @Field(() => BillingTimingEnum) timing!: BillingTimingEnum;
  @Field(() => LocalDateScalar, { description: 'Periods are aligned on this date.' }) anchorDate!: string;
  @Field(() => ContractPaymentMethodEnum) paymentMethod!: ContractPaymentMethodEnum;
  @Field(() => Int, { nullable: true, description: 'Days to pay; null: the customer’s payment terms.' }) paymentTermsDays!: number | null;
  @Field(() => ContractIndexationType, { nullable: true }) indexation!: ContractIndexationType | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

@ObjectType('BillingRevision', { description: 'How an indexed fee was revised, as printed on the invoice line.' })
export class RevisionType {
  @Field(() => String) seriesCode!: string;
  @Field(() => LocalDateScalar) revisionOn!: string;
  @Field(() => LocalDateScalar, { description: 'Month of the index value I.' }) referencePeriod!: string;
  @Field(() => DecimalScalar) indexValue!: string;
  @Field(() => DecimalScalar) baseIndexValue!: string;
  @Field(() => LocalDateScalar) basePeriod!: string;
  @Field(() => DecimalScalar, { description: 'a + b × I / I0, half up to 5 decimals, within floor and cap.' }) coefficient!: string;
  @Field(() => String) formula!: string;
}

@ObjectType('ContractBillingLine', { description: 'One fee line of one period.' })
export class BillLineType {
  @Field(() => ID, { description: 'What `excludedLineIds` names: contract:periodStart:position.' }) id!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'As printed on the invoice, with the period and the proration.' }) description!: string;
  @Field(() => DecimalScalar, { description: 'P0: the fee of a full period under the terms.' }) baseAmount!: string;
  @Field(() => DecimalScalar, { description: 'P: revised with the index when indexed.' }) revisedAmount!: string;
  @Field(() => DecimalScalar, { description: 'Billed: revised, prorated by days.' }) amount!: string;
  @Field(() => String) vatRateCode!: string;
  @Field(() => RevisionType, { nullable: true }) revision!: RevisionType | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Boolean) excluded!: boolean;
}

@ObjectType('ContractBillingPeriod')
export class BillPeriodType {
  @Field(() => LocalDateScalar) start!: string;
  @Field(() => LocalDateScalar) end!: string;
  @Field(() => LocalDateScalar) fullStart!: string;
  @Field(() => LocalDateScalar) fullEnd!: string;
  @Field(() => Int) days!: number;
  @Field(() => Int) fullDays!: number;
  @Field(() => LocalDateScalar) dueOn!: string;
  @Field(() => [BillLineType]) lines!: BillLineType[];
}

@ObjectType('ContractBillingBlock', { description: 'Why a contract cannot be billed now.' })
export class BlockReasonType {
  @Field(() => String, { description: 'INDEX_VALUE_MISSING.' }) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType('ContractBillingPreviewContract')
export class PreviewContractType {
  @Field(() => ContractRef) contract!: ContractRef;
  @Field(() => String) reference!: string;
  @Field(() => String) title!: string;
  @Field(() => ContractPaymentMethodEnum) paymentMethod!: ContractPaymentMethodEnum;
  @Field(() => [BillPeriodType]) periods!: BillPeriodType[];
  @Field(() => [BillPeriodType], { description: 'Periods whose every line is excluded: billed by a later run.' })
  postponedPeriods!: BillPeriodType[];
  @Field(() => BlockReasonType, { nullable: true }) blocked!: BlockReasonType | null;
  @Field(() => DecimalScalar) totalNet!: string;
  @Field(() => DecimalScalar) totalVat!: string;
  @Field(() => DecimalScalar) totalGross!: string;
}

@ObjectType('ContractBillingPreviewCustomer')
export class PreviewCustomerType {
  @Field(() => CustomerRef) customer!: CustomerRef;
  @Field(() => String) customerName!: string;
  @Field(() => DecimalScalar) totalNet!: string;
  @Field(() => DecimalScalar) totalGross!: string;
  @Field(() => [PreviewContractType]) contracts!: PreviewContractType[];
}

@ObjectType('ContractBillingPreview', { description: 'What a run on this date would bill: exactly what the run does.' })
export class PreviewType {
  @Field(() => LocalDateScalar) billingDate!: string;
  @Field(() => Int) contractCount!: number;
  @Field(() => Int, { description: 'Invoices the run would create (one per contract).' }) invoiceCount!: number;
  @Field(() => Int) blockedCount!: number;
  @Field(() => DecimalScalar) totalNet!: string;
  @Field(() => DecimalScalar) totalVat!: string;
  @Field(() => DecimalScalar) totalGross!: string;
  @Field(() => [PreviewCustomerType], { description: 'By customer name.' }) customers!: PreviewCustomerType[];
}

@ObjectType('ContractBillingRunError')
export class RunErrorType {
  @Field(() => ID) contractId!: string;
  @Field(() => String) contractReference!: string;
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType('ContractBillingRun', { description: 'A billing run: its progress while it runs, then what it billed.' })
export class BillingRunType {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateScalar) billingDate!: string;
  @Field(() => BillingRunStateEnum) state!: BillingRunStateEnum;
  @Field(() => BillingModeEnum) mode!: BillingModeEnum;
  @Field(() => Boolean, { description: 'Its invoices are mailed once issued.' }) send!: boolean;
  @Field(() => [String]) excludedLineIds!: string[];
  @Field(() => Int) contractsTotal!: number;
  @Field(() => Int) contractsDone!: number;
  @Field(() => Int) invoiceCount!: number;
  @Field(() => DecimalScalar) totalNet!: string;
  @Field(() => DecimalScalar) totalGross!: string;
  @Field(() => [RunErrorType], { description: 'Contracts not billed, with why.' }) errors!: RunErrorType[];
  @Field(() => Int) attempts!: number;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) startedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType('ContractSchedulePeriod', { description: 'A period of the contract’s schedule: billed, due, or to come.' })
export class SchedulePeriodType {
  @Field(() => LocalDateScalar) start!: string;
  @Field(() => LocalDateScalar) end!: string;
  @Field(() => Int) days!: number;
  @Field(() => Int) fullDays!: number;
  @Field(() => LocalDateScalar) dueOn!: string;
  @Field(() => String, { description: 'BILLED, DUE (to bill now) or UPCOMING.' }) status!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Net amount, null when blocked.' }) amount!: string | null;
  @Field(() => BlockReasonType, { nullable: true }) blocked!: BlockReasonType | null;
  /** The invoice that billed the period (BILLED only), resolved by `invoice`. */
  invoiceId!: string | null;
}

@ObjectType('ContractRenewalNotice')
export class RenewalNoticeType {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateScalar) termEnd!: string;
  @Field(() => LocalDateScalar) noticeDeadline!: string;
  @Field(() => [String]) sentTo!: string[];
  @Field(() => DecimalScalar) currentFee!: string;
  @Field(() => DecimalScalar, { nullable: true }) nextFee!: string | null;
  @Field(() => DateTimeResolver) sentAt!: Date;
}

@ObjectType('ContractRenewal', { description: 'Where a contract stands with its next renewal.' })
export class RenewalType {
  @Field(() => RenewalStateEnum) state!: RenewalStateEnum;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'End of the term whose renewal can still be refused: the running term until its notice deadline, then the next one (the last day when terminated).',
  })
  termEnd!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day to refuse the next renewal.' }) noticeDeadline!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'From when the customer should be told.' }) noticeWindowFrom!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) noticeWindowUntil!: string | null;
  @Field(() => [RenewalNoticeType]) notices!: RenewalNoticeType[];
}

@ObjectType('ContractTermination')
export class TerminationType {
  @Field(() => ContractRef) contract!: ContractRef;
  @Field(() => Boolean, { description: 'The notice came at least the contract’s notice period before the last day.' })
  noticeRespected!: boolean;
  creditNoteIds!: string[];
  draftIds!: string[];
}

@ObjectType('IndexValuesImport')
export class IndexImportType {
  @Field(() => Int) imported!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => IndexSeriesType) series!: IndexSeriesType;
}

// ------------------------------------------------------------------ inputs

@InputType()
export class ContractFeeLineInput {
  @Field(() => String) label!: string;
  @Field(() => DecimalScalar, { description: 'HT, for one full period.' }) amount!: string;
  @Field(() => String, { defaultValue: 'TVA20' }) vatRateCode!: string;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => String, { nullable: true }) revenueAccount?: string | null;
  @Field(() => Boolean, { defaultValue: true }) indexed!: boolean;
}

@InputType()
export class ContractIndexationInput {
  @Field(() => ID) seriesId!: string;
  @Field(() => DecimalScalar) fixedPart!: string;
  @Field(() => DecimalScalar) variablePart!: string;
  @Field(() => DecimalScalar) baseIndexValue!: string;
  @Field(() => LocalDateScalar) baseIndexPeriod!: string;
  @Field(() => LocalDateScalar) firstRevisionOn!: string;
  @Field(() => DecimalScalar, { nullable: true }) coefficientFloor?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) coefficientCap?: string | null;
}

@InputType({
  description:
    'Billing terms given with a contract’s own terms (createContract, amendContract): in force from the contract’s start, or from the amendment’s effective date.',
})
export class ContractBillingInput {
  @Field(() => BillingRhythmEnum) rhythm!: BillingRhythmEnum;
  @Field(() => BillingTimingEnum) timing!: BillingTimingEnum;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Default: the contract’s start.' }) anchorDate?: string | null;
  @Field(() => ContractPaymentMethodEnum, { defaultValue: ContractPaymentMethodEnum.TRANSFER }) paymentMethod!: ContractPaymentMethodEnum;
  @Field(() => Int, { nullable: true }) paymentTermsDays?: number | null;
  @Field(() => [ContractFeeLineInput]) feeLines!: ContractFeeLineInput[];
  @Field(() => ContractIndexationInput, { nullable: true }) indexation?: ContractIndexationInput | null;
  @Field(() => String, { nullable: true, description: 'Why this version; with an amendment, default: the amendment’s reason.' })
  reason?: string | null;
}

@InputType({ description: 'A version of a contract’s billing terms, in force from `effectiveOn` to the next version.' })
export class ContractBillingTermsInput extends ContractBillingInput {
  @Field(() => LocalDateScalar) effectiveOn!: string;
}

@InputType()
export class IndexSeriesInput {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

// ------------------------------------------------------------------ mappers

export const toBillingInput = (input: ContractBillingTermsInput): DomainBillingInput => ({ ...input });

export const toBillingChange = (input: ContractBillingInput): ContractBillingChange => ({ ...input });

export const toIndexSeriesType = (s: IndexSeries): IndexSeriesType => ({
  id: s.id,
  code: s.code,
  name: s.name,
  description: s.description ?? null,
});

export const toIndexValueType = (v: IndexValue): IndexValueType => ({
  period: v.period,
  value: v.value,
  publishedOn: v.publishedOn ?? null,
  source: v.source,
  recordedAt: v.recordedAt,
});

export const toFeeLineType = (l: ContractFeeLine): ContractFeeLineType => ({
  position: l.position,
  label: l.label,
  amount: l.amount,
  vatRateCode: l.vatRateCode,
  siteId: l.siteId ?? null,
  revenueAccount: l.revenueAccount ?? null,
  indexed: l.indexed,
});

export const toTermsType = (t: ContractBillingTerms): ContractBillingTermsType => ({
  id: t.id,
  effectiveOn: t.effectiveOn,
  rhythm: t.rhythm as BillingRhythmEnum,
  timing: t.timing as BillingTimingEnum,
  anchorDate: t.anchorDate,
  paymentMethod: t.paymentMethod as ContractPaymentMethodEnum,
  paymentTermsDays: t.paymentTermsDays ?? null,
  indexation: t.indexSeriesId
    ? {
        seriesId: t.indexSeriesId,
        fixedPart: t.indexFixedPart!,
        variablePart: t.indexVariablePart!,
        baseIndexValue: t.baseIndexValue!,
        baseIndexPeriod: t.baseIndexPeriod!,
        firstRevisionOn: t.firstRevisionOn!,
        coefficientFloor: t.coefficientFloor ?? null,
        coefficientCap: t.coefficientCap ?? null,
      }
    : null,
  reason: t.reason ?? null,
  createdAt: t.createdAt,
});

const toRevisionType = (r: Revision | null): RevisionType | null => (r ? { ...r } : null);

const toLineType = (l: BillLine): BillLineType => ({
  id: l.id,
  label: l.label,
  description: l.description,
  baseAmount: l.baseAmount,
  revisedAmount: l.revisedAmount,
  amount: l.amount,
  vatRateCode: l.vatRateCode,
  revision: toRevisionType(l.revision),
  reason: l.reason,
  excluded: l.excluded,
});

export function toPreviewContractType(b: ContractBill): PreviewContractType {
  return {
    contract: { id: b.contract.id },
    reference: b.contract.reference,
    title: b.contract.title,
    paymentMethod: b.paymentMethod as ContractPaymentMethodEnum,
    periods: b.periods.map((p) => ({ ...p, lines: p.lines.map(toLineType) })),
    postponedPeriods: b.postponedPeriods.map((p) => ({ ...p, lines: p.lines.map(toLineType) })),
    blocked: b.blocked,
    totalNet: b.totalNet,
    totalVat: b.totalVat,
    totalGross: b.totalGross,
  };
}

export const toRunType = (r: ContractBillingRun): BillingRunType => ({
  id: r.id,
  billingDate: r.billingDate,
  state: r.state as BillingRunStateEnum,
  mode: r.mode as BillingModeEnum,
  send: r.send,
  excludedLineIds: r.excludedLineIds,
  contractsTotal: r.contractsTotal,
  contractsDone: r.contractsDone,
  invoiceCount: r.invoiceCount,
  totalNet: r.totalNet,
  totalGross: r.totalGross,
  errors: r.errors.map((e: BillingRunError) => ({ ...e })),
  attempts: r.attempts,
  createdAt: r.createdAt,
  startedAt: r.startedAt ?? null,
  finishedAt: r.finishedAt ?? null,
});

export const toNoticeType = (n: ContractRenewalNotice): RenewalNoticeType => ({
  id: n.id,
  termEnd: n.termEnd,
  noticeDeadline: n.noticeDeadline,
  sentTo: n.sentTo as string[],
  currentFee: n.currentFee,
  nextFee: n.nextFee ?? null,
  sentAt: n.sentAt,
});

export const toRenewalType = (v: RenewalView): RenewalType => ({
  state: v.state as RenewalStateEnum,
  termEnd: v.termEnd,
  noticeDeadline: v.noticeDeadline,
  noticeWindowFrom: v.noticeWindow?.from ?? null,
  noticeWindowUntil: v.noticeWindow?.until ?? null,
  notices: v.notices.map(toNoticeType),
});

@ObjectType('ContractBillingSettings', { description: 'How the tenant’s contract billing runs and renewal notices behave.' })
export class SettingsType {
  @Field(() => BillingModeEnum, { description: 'ISSUE: runs issue their invoices; DRAFT: they leave drafts to review.' })
  contractBillingMode!: BillingModeEnum;
  @Field(() => Boolean, { description: 'Issued invoices of a run are then mailed.' }) contractBillingSend!: boolean;
  @Field(() => RenewalNoticeModeEnum) renewalNoticeMode!: RenewalNoticeModeEnum;
  @Field(() => Int, { description: 'Days before the notice deadline a business customer is told.' }) renewalNoticeLeadDays!: number;
}

@InputType()
export class SettingsInput {
  @Field(() => BillingModeEnum, { nullable: true }) contractBillingMode?: BillingModeEnum;
  @Field(() => Boolean, { nullable: true }) contractBillingSend?: boolean;
  @Field(() => RenewalNoticeModeEnum, { nullable: true }) renewalNoticeMode?: RenewalNoticeModeEnum;
  @Field(() => Int, { nullable: true }) renewalNoticeLeadDays?: number;
}
