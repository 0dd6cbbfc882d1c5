import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type {
  DunningConfig,
  DunningLevel,
  DunningRun,
  HeldReminder,
  InvoiceCollectionState,
  PlannedReminder,
  Reminder,
} from '@relais/domain';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { CustomerAccounting } from '../customers/customer-accounting.resolver';
import { InvoiceRef } from '../payments/payment.type';

export enum DunningChannelEnum {
  EMAIL = 'EMAIL',
  LETTER = 'LETTER',
}
registerEnumType(DunningChannelEnum, {
  name: 'DunningChannel',
  description: 'LETTER: a PDF letter, also mailed when the customer has an address.',
});

export enum DunningModeEnum {
  AUTO = 'AUTO',
  PREVIEW = 'PREVIEW',
}
registerEnumType(DunningModeEnum, {
  name: 'DunningMode',
  description: 'AUTO: the daily job sends; PREVIEW: reminders wait for the clerk’s run.',
});

export enum ReminderHoldReasonEnum {
  DISPUTED = 'DISPUTED',
  PROMISE = 'PROMISE',
  DIRECT_DEBIT = 'DIRECT_DEBIT',
  TOO_SOON = 'TOO_SOON',
}
registerEnumType(ReminderHoldReasonEnum, { name: 'ReminderHoldReason' });

export enum DunningRunStateEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(DunningRunStateEnum, { name: 'DunningRunState' });

@ObjectType('DunningLevel')
export class DunningLevelType {
  @Field(() => Int) rank!: number;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'Sent from the due date plus this many days.' }) daysAfterDue!: number;
  @Field(() => DunningChannelEnum) channel!: DunningChannelEnum;
  @Field(() => Boolean) attachInvoicePdf!: boolean;
  @Field(() => Boolean, { description: 'Mise en demeure (a PDF letter).' }) formalNotice!: boolean;
  @Field(() => Boolean) chargeLateInterest!: boolean;
  @Field(() => Boolean, { description: 'The 40 € indemnity, professional customers only.' }) chargeFixedIndemnity!: boolean;
}

@InputType()
export class DunningLevelInput {
  @Field(() => Int) rank!: number;
  @Field(() => String) name!: string;
  @Field(() => Int) daysAfterDue!: number;
  @Field(() => DunningChannelEnum) channel!: DunningChannelEnum;
  @Field(() => Boolean) attachInvoicePdf!: boolean;
  @Field(() => Boolean) formalNotice!: boolean;
  @Field(() => Boolean) chargeLateInterest!: boolean;
  @Field(() => Boolean) chargeFixedIndemnity!: boolean;
}

@ObjectType('DunningSettings')
export class DunningSettingsType {
  @Field(() => [DunningLevelType]) levels!: DunningLevelType[];
  @Field(() => DecimalScalar, { description: 'Yearly late-interest rate in percent.' }) lateInterestRate!: string;
  @Field(() => Int) minimumDaysBetween!: number;
  @Field(() => DunningModeEnum) mode!: DunningModeEnum;
  @Field(() => Int, { description: '0 until saved once.' }) version!: number;
}

@InputType()
export class DunningSettingsInput {
  @Field(() => [DunningLevelInput]) levels!: DunningLevelInput[];
  @Field(() => DecimalScalar) lateInterestRate!: string;
  @Field(() => Int) minimumDaysBetween!: number;
  @Field(() => DunningModeEnum) mode!: DunningModeEnum;
}

@ObjectType('PlannedReminder', { description: 'One reminder a run would send today.' })
export class PlannedReminderType {
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => String) invoiceNumber!: string;
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => String) customerName!: string;
  @Field(() => String, { nullable: true }) customerEmail!: string | null;
  @Field(() => LocalDateScalar) dueDate!: string;
  @Field(() => DecimalScalar) openBalance!: string;
  @Field(() => DunningLevelType) level!: DunningLevelType;
  @Field(() => Int) daysLate!: number;
  @Field(() => [Int], { description: 'Levels due but never sent (no run for days): this reminder replaces them.' }) skippedRanks!: number[];
  @Field(() => DecimalScalar) lateInterest!: string;
  @Field(() => DecimalScalar) indemnity!: string;
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true, description: 'Why it cannot go out as it is (no e-mail address).' }) problem!: string | null;
}

@ObjectType('HeldReminder', { description: 'An overdue invoice held back on purpose.' })
export class HeldReminderType {
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => String) invoiceNumber!: string;
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => String) customerName!: string;
  @Field(() => LocalDateScalar) dueDate!: string;
  @Field(() => DecimalScalar) openBalance!: string;
  @Field(() => ReminderHoldReasonEnum) reason!: ReminderHoldReasonEnum;
  @Field(() => String) message!: string;
}

@ObjectType('DunningPreviewTotals')
export class DunningTotalsType {
  @Field(() => Int) count!: number;
  @Field(() => DecimalScalar) openBalance!: string;
  @Field(() => DecimalScalar) lateInterest!: string;
  @Field(() => DecimalScalar) indemnity!: string;
}

@ObjectType('DunningPreview')
export class DunningPreviewType {
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => [PlannedReminderType]) reminders!: PlannedReminderType[];
  @Field(() => [HeldReminderType]) held!: HeldReminderType[];
  @Field(() => DunningTotalsType) totals!: DunningTotalsType;
}

@ObjectType('DunningRunError')
export class DunningRunErrorType {
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => String) message!: string;
}

@ObjectType('DunningRun')
export class DunningRunType {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateScalar) runOn!: string;
  @Field(() => String, { description: 'DAILY or MANUAL.' }) trigger!: string;
  @Field(() => DunningRunStateEnum) state!: DunningRunStateEnum;
  @Field(() => Int) planned!: number;
  @Field(() => Int) sent!: number;
  @Field(() => Int) failed!: number;
  @Field(() => [DunningRunErrorType]) errors!: DunningRunErrorType[];
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType('Reminder', { description: 'A reminder sent for an invoice (one per level).' })
export class ReminderType {
  @Field(() => ID) id!: string;
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => Int) levelRank!: number;
  @Field(() => String) levelName!: string;
  @Field(() => DunningChannelEnum) channel!: DunningChannelEnum;
  @Field(() => Boolean) formalNotice!: boolean;
  @Field(() => LocalDateScalar) sentOn!: string;
  @Field(() => Int) daysLate!: number;
  @Field(() => DecimalScalar) openBalance!: string;
  @Field(() => DecimalScalar) lateInterest!: string;
  @Field(() => DecimalScalar) indemnity!: string;
  @Field(() => [String]) sentTo!: string[];
}

@ObjectType('InvoiceCollectionState')
export class CollectionStateType {
  @Field(() => Boolean) disputed!: boolean;
  @Field(() => String, { nullable: true }) disputeReason!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) promiseUntil!: string | null;
  @Field(() => String, { nullable: true }) promiseNote!: string | null;
}

const ref = (id: string) => ({ id });
const customerRef = (id: string) => ({ id }) as CustomerAccounting;

export const toLevelType = (l: DunningLevel): DunningLevelType => ({ ...l, channel: l.channel as DunningChannelEnum });
export const toSettingsType = (s: DunningConfig): DunningSettingsType => ({
  ...s,
  levels: s.levels.map(toLevelType),
  mode: s.mode as DunningModeEnum,
});
export const toPlannedType = (r: PlannedReminder): PlannedReminderType => ({
  ...r,
  invoice: ref(r.invoiceId),
  invoiceNumber: r.number,
  customer: customerRef(r.customerId),
  level: toLevelType(r.level),
});
export const toHeldType = (r: HeldReminder): HeldReminderType => ({
  ...r,
  invoice: ref(r.invoiceId),
  invoiceNumber: r.number,
  customer: customerRef(r.customerId),
  reason: r.reason as ReminderHoldReasonEnum,
});
export const toRunType = (r: DunningRun): DunningRunType => ({
  ...r,
  state: r.state as DunningRunStateEnum,
  errors: r.errors.map((e) => ({ invoice: ref(e.invoiceId), message: e.message })),
  finishedAt: r.finishedAt ?? null,
});
export const toReminderType = (r: Reminder): ReminderType => ({
  ...r,
  invoice: ref(r.invoiceId),
  channel: r.channel as DunningChannelEnum,
});
export const toCollectionStateType = (s: InvoiceCollectionState | null): CollectionStateType => ({
  disputed: s?.disputed ?? false,
  disputeReason: s?.disputeReason ?? null,
  promiseUntil: s?.promiseUntil ?? null,
  promiseNote: s?.promiseNote ?? null,
});
