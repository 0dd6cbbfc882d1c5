import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import {
  periodKey,
  type AccountingPeriod,
  type AccountingPeriodEvent,
  type ClosingCheck,
  type FiscalYearWithPeriods,
  type PeriodClosingChecks,
} from '@relais/domain';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';

export enum PeriodStateEnum {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(PeriodStateEnum, {
  name: 'PeriodState',
  description: 'CLOSED: nothing dated in it is added or changes (the database refuses it too).',
});

export enum PeriodActionEnum {
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
}
registerEnumType(PeriodActionEnum, { name: 'PeriodAction' });

export enum PeriodCheckKindEnum {
  UNBILLED_INTERVENTIONS = 'UNBILLED_INTERVENTIONS',
  UNMATCHED_BANK_MOVEMENTS = 'UNMATCHED_BANK_MOVEMENTS',
  DRAFT_INVOICES = 'DRAFT_INVOICES',
  DRAFT_CREDIT_NOTES = 'DRAFT_CREDIT_NOTES',
}
registerEnumType(PeriodCheckKindEnum, {
  name: 'PeriodCheckKind',
  description:
    'What a month still holds: closed interventions not invoiced, bank movements neither matched nor booked (booked by the bank in the month), invoices and credit notes still drafts (created in the month).',
});

@ObjectType('AcknowledgedPeriodCheck', { description: 'A check the user acknowledged when closing, with its count then.' })
export class AcknowledgedCheckType {
  @Field(() => PeriodCheckKindEnum) kind!: PeriodCheckKindEnum;
  @Field(() => Int) count!: number;
}

@ObjectType('AccountingPeriodEvent', { description: 'A closing or a reopening of a period.' })
export class PeriodEventType {
  @Field(() => ID) id!: string;
  @Field(() => PeriodActionEnum) action!: PeriodActionEnum;
  @Field(() => String, { nullable: true, description: 'Why it was reopened.' }) reason!: string | null;
  @Field(() => [AcknowledgedCheckType], { description: 'What was left in the month when it was closed.' })
  acknowledged!: AcknowledgedCheckType[];
  @Field(() => String, { description: 'Who did it: a user’s name, or an API key’s.' }) actorName!: string;
  @Field(() => DateTimeResolver) at!: Date;
}

@ObjectType('AccountingPeriod', { description: 'A month of a fiscal year.' })
export class AccountingPeriodType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The month, e.g. "2026-10".' }) month!: string;
  @Field(() => LocalDateScalar) startsOn!: string;
  @Field(() => LocalDateScalar) endsOn!: string;
  @Field(() => PeriodStateEnum) state!: PeriodStateEnum;
  @Field(() => DateTimeResolver, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who closed it (a user’s name, or an API key’s).' }) closedBy!: string | null;
  @Field(() => Int, { description: 'Pass it back as expectedVersion.' }) version!: number;
}

@ObjectType('FiscalYear', { description: 'A fiscal year (exercice) and its months.' })
export class FiscalYearType {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateScalar) startsOn!: string;
  @Field(() => LocalDateScalar) endsOn!: string;
  @Field(() => PeriodStateEnum, { description: 'CLOSED when all its months are (clôture d’exercice).' }) state!: PeriodStateEnum;
  @Field(() => [AccountingPeriodType], { description: 'Its months, in order.' }) periods!: AccountingPeriodType[];
}

@ObjectType('PeriodCheckItem', { description: 'One of the items a check found, for the screen to link it.' })
export class PeriodCheckItemType {
  @Field(() => ID, { description: 'The intervention, bank movement, invoice or credit note.' }) id!: string;
  @Field(() => String, { description: 'The intervention’s number and customer, the draft’s customer, the movement’s label.' })
  label!: string;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'The draft’s total (TTC) or the movement’s amount.' })
  amount!: string | null;
}

@ObjectType('PeriodClosingCheck', { description: 'How many items of one kind are left in the month, and the oldest of them.' })
export class PeriodClosingCheckType {
  @Field(() => PeriodCheckKindEnum) kind!: PeriodCheckKindEnum;
  @Field(() => Int) count!: number;
  @Field(() => [PeriodCheckItemType], { description: 'The oldest five.' }) examples!: PeriodCheckItemType[];
}

@ObjectType('PeriodClosingBlocker', { description: 'Why the month cannot be closed today, whatever the checks say.' })
export class PeriodClosingBlockerType {
  @Field(() => String, { description: 'PERIOD_NOT_IN_ORDER, PERIOD_NOT_ENDED or PERIOD_ALREADY_CLOSED.' }) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType('PeriodClosingChecks', { description: 'What is left in a month before it is closed.' })
export class PeriodClosingChecksType {
  @Field(() => AccountingPeriodType) period!: AccountingPeriodType;
  @Field(() => [PeriodClosingCheckType], {
    description: 'Every check, with a zero count when nothing is left. Items left are warnings: closing needs acknowledgeWarnings.',
  })
  checks!: PeriodClosingCheckType[];
  @Field(() => PeriodClosingBlockerType, { nullable: true }) blocker!: PeriodClosingBlockerType | null;
}

@InputType('OpenFiscalYearInput')
export class OpenFiscalYearInput {
  @Field(() => LocalDateScalar, { description: 'The first day of a month; the day after the previous year ends.' }) startsOn!: string;
  @Field(() => LocalDateScalar, { description: 'The last day of a month, at most 24 months later.' }) endsOn!: string;
}

export const toPeriodType = (p: AccountingPeriod): AccountingPeriodType => ({
  id: p.id,
  month: periodKey(p.startsOn),
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  state: p.state as PeriodStateEnum,
  closedAt: p.closedAt ?? null,
  closedBy: p.closedByName ?? null,
  version: p.version,
});

export const toFiscalYearType = ({ year, periods, state }: FiscalYearWithPeriods): FiscalYearType => ({
  id: year.id,
  startsOn: year.startsOn,
  endsOn: year.endsOn,
  state: state as PeriodStateEnum,
  periods: periods.map(toPeriodType),
});

export const toPeriodEventType = (e: AccountingPeriodEvent): PeriodEventType => ({
  id: e.id,
  action: e.action as PeriodActionEnum,
  reason: e.reason ?? null,
  acknowledged: e.acknowledged.map((a) => ({ kind: a.kind as PeriodCheckKindEnum, count: a.count })),
  actorName: e.actorName,
  at: e.at,
});

const toCheckType = (c: ClosingCheck): PeriodClosingCheckType => ({
  kind: c.kind as PeriodCheckKindEnum,
  count: c.count,
  examples: c.examples,
});

export const toClosingChecksType = ({ period, checks, blocker }: PeriodClosingChecks): PeriodClosingChecksType => ({
  period: toPeriodType(period),
  checks: checks.map(toCheckType),
  blocker: blocker ? { code: blocker.code, message: blocker.message } : null,
});
