import { defineEntity, p } from '@mikro-orm/core';

export const PERIOD_STATES = ['OPEN', 'CLOSED'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];
export const PERIOD_ACTIONS = ['CLOSED', 'REOPENED'] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

/** A fiscal year (exercice) of the tenant: whole months, usually twelve, at most 24 (a first year). */
export const FiscalYear = defineEntity({
  name: 'FiscalYear',
  tableName: 'fiscal_years',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    startsOn: p.string().columnType('date'),
    endsOn: p.string().columnType('date'),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type FiscalYear = InstanceType<typeof FiscalYear.class>;

/** One month of a fiscal year; closed, nothing dated in it is added or changes. */
export const AccountingPeriod = defineEntity({
  name: 'AccountingPeriod',
  tableName: 'accounting_periods',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    fiscalYearId: p.uuid(),
    startsOn: p.string().columnType('date'),
    endsOn: p.string().columnType('date'),
    state: p.enum(PERIOD_STATES).default('OPEN'),
    closedAt: p.datetime().nullable(),
    closedBy: p.uuid().nullable(),
    /** Who closed it, as named then (a user's full name, an API key's name). */
    closedByName: p.string().nullable(),
    version: p.integer().version(),
  },
});
export type AccountingPeriod = InstanceType<typeof AccountingPeriod.class>;

/** What the closing showed and the user acknowledged: how many items of each kind were left. */
export interface AcknowledgedCheck {
  kind: string;
  count: number;
}

/** The history of a period: each closing (with the checks acknowledged) and reopening (with its reason). */
export const AccountingPeriodEvent = defineEntity({
  name: 'AccountingPeriodEvent',
  tableName: 'accounting_period_events',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    periodId: p.uuid(),
    action: p.enum(PERIOD_ACTIONS),
    reason: p.text().nullable(),
    acknowledged: p.json<AcknowledgedCheck[]>().default([]),
    actorId: p.uuid().nullable(),
    actorName: p.string(),
    at: p.datetime().onCreate(() => new Date()),
  },
});
export type AccountingPeriodEvent = InstanceType<typeof AccountingPeriodEvent.class>;
