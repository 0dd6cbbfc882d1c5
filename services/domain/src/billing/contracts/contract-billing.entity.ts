import { defineEntity, p } from '@mikro-orm/core';

export const BILLING_RHYTHMS = ['MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'] as const;
export type BillingRhythm = (typeof BILLING_RHYTHMS)[number];
export const BILLING_TIMINGS = ['ADVANCE', 'ARREARS'] as const;
export type BillingTiming = (typeof BILLING_TIMINGS)[number];
export const CONTRACT_PAYMENT_METHODS = ['TRANSFER', 'DIRECT_DEBIT'] as const;
export type ContractPaymentMethod = (typeof CONTRACT_PAYMENT_METHODS)[number];
export const BILLING_RUN_STATES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type BillingRunState = (typeof BILLING_RUN_STATES)[number];
export const BILLING_MODES = ['ISSUE', 'DRAFT'] as const;
export type BillingMode = (typeof BILLING_MODES)[number];

/** A price index (Syntec, ICHT-rev-TS, BT40, or the tenant's own). */
export const IndexSeries = defineEntity({
  name: 'IndexSeries',
  tableName: 'index_series',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    code: p.string(),
    name: p.string(),
    description: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IndexSeries = InstanceType<typeof IndexSeries.class>;

/** The value an index series published for a month (`period` is its first day). */
export const IndexValue = defineEntity({
  name: 'IndexValue',
  tableName: 'index_values',
  properties: {
    tenantId: p.uuid(),
    seriesId: p.uuid().primary(),
    period: p.string().columnType('date').primary(),
    value: p.decimal('string').precision(12).scale(4),
    publishedOn: p.string().columnType('date').nullable(),
    source: p.enum(['MANUAL', 'CSV'] as const).default('MANUAL'),
    recordedBy: p.uuid().nullable(),
    recordedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IndexValue = InstanceType<typeof IndexValue.class>;

/**
 * A contract's billing terms from `effectiveOn` until the next version: rhythm, timing, anchor,
 * payment, and the revision formula P = P0 × (a + b × I / I0) when the fees are indexed.
 */
export const ContractBillingTerms = defineEntity({
  name: 'ContractBillingTerms',
  tableName: 'contract_billing_terms',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    contractId: p.uuid(),
    effectiveOn: p.string().columnType('date'),
    rhythm: p.enum(BILLING_RHYTHMS),
    timing: p.enum(BILLING_TIMINGS),
    anchorDate: p.string().columnType('date'),
    paymentMethod: p.enum(CONTRACT_PAYMENT_METHODS).default('TRANSFER'),
    paymentTermsDays: p.integer().nullable(),
    indexSeriesId: p.uuid().nullable(),
    indexFixedPart: p.decimal('string').precision(5).scale(4).nullable(),
    indexVariablePart: p.decimal('string').precision(5).scale(4).nullable(),
    baseIndexValue: p.decimal('string').precision(12).scale(4).nullable(),
    baseIndexPeriod: p.string().columnType('date').nullable(),
    firstRevisionOn: p.string().columnType('date').nullable(),
    coefficientFloor: p.decimal('string').precision(7).scale(5).nullable(),
    coefficientCap: p.decimal('string').precision(7).scale(5).nullable(),
    reason: p.text().nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ContractBillingTerms = InstanceType<typeof ContractBillingTerms.class>;

/** A fee the contract bills each period (amount excluding VAT, per period). */
export const ContractFeeLine = defineEntity({
  name: 'ContractFeeLine',
  tableName: 'contract_fee_lines',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    termsId: p.uuid(),
    position: p.integer(),
    label: p.string(),
    amount: p.decimal('string').precision(14).scale(2),
    vatRateCode: p.string(),
    siteId: p.uuid().nullable(),
    revenueAccount: p.string().nullable(),
    indexed: p.boolean().default(true),
  },
});
export type ContractFeeLine = InstanceType<typeof ContractFeeLine.class>;

export interface BillingRunError {
  contractId: string;
  contractReference: string;
  code: string;
  message: string;
}

/** The visible side of a billing run (the PostgreSQL queue carries the work). */
export const ContractBillingRun = defineEntity({
  name: 'ContractBillingRun',
  tableName: 'contract_billing_runs',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    billingDate: p.string().columnType('date'),
    state: p.enum(BILLING_RUN_STATES),
    mode: p.enum(BILLING_MODES),
    send: p.boolean(),
    excludedLineIds: p.json<string[]>().default([]),
    contractsTotal: p.integer().default(0),
    contractsDone: p.integer().default(0),
    invoiceCount: p.integer().default(0),
    totalNet: p.decimal('string').precision(16).scale(2).default('0.00'),
    totalGross: p.decimal('string').precision(16).scale(2).default('0.00'),
    errors: p.json<BillingRunError[]>().default([]),
    attempts: p.integer().default(0),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    heartbeatAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type ContractBillingRun = InstanceType<typeof ContractBillingRun.class>;

/** A billed contract period: its key (contract, period start) is what makes billing exactly-once. */
export const ContractBillingPeriod = defineEntity({
  name: 'ContractBillingPeriod',
  tableName: 'contract_billing_periods',
  properties: {
    tenantId: p.uuid(),
    contractId: p.uuid().primary(),
    periodStart: p.string().columnType('date').primary(),
    periodEnd: p.string().columnType('date'),
    invoiceId: p.uuid(),
    runId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ContractBillingPeriod = InstanceType<typeof ContractBillingPeriod.class>;

/** A renewal notice sent for a contract term (at most one per term). */
export const ContractRenewalNotice = defineEntity({
  name: 'ContractRenewalNotice',
  tableName: 'contract_renewal_notices',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    contractId: p.uuid(),
    termEnd: p.string().columnType('date'),
    noticeDeadline: p.string().columnType('date'),
    sentTo: p.array(),
    currentFee: p.decimal('string').precision(14).scale(2),
    nextFee: p.decimal('string').precision(14).scale(2).nullable(),
    outboxMessageId: p.uuid().nullable(),
    sentBy: p.uuid().nullable(),
    sentAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ContractRenewalNotice = InstanceType<typeof ContractRenewalNotice.class>;
