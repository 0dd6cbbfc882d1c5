import { BlobType, defineEntity, p } from '@mikro-orm/core';
import type { DunningLevel } from './dunning.rules';

export const DUNNING_MODES = ['AUTO', 'PREVIEW'] as const;
export type DunningMode = (typeof DUNNING_MODES)[number];
export const DUNNING_RUN_STATES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type DunningRunState = (typeof DUNNING_RUN_STATES)[number];

/** The tenant's dunning levels and late-interest rate; AUTO sends each morning, PREVIEW waits for the clerk. */
export const DunningSettings = defineEntity({
  name: 'DunningSettings',
  tableName: 'dunning_settings',
  properties: {
    tenantId: p.uuid().primary(),
    levels: p.json<DunningLevel[]>(),
    lateInterestRate: p.decimal('string').precision(7).scale(4),
    minimumDaysBetween: p.integer(),
    mode: p.enum(DUNNING_MODES),
    updatedBy: p.uuid().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type DunningSettings = InstanceType<typeof DunningSettings.class>;

/** What the office knows of an invoice's collection: disputed, or a payment promised until a date. */
export const InvoiceCollectionState = defineEntity({
  name: 'InvoiceCollectionState',
  tableName: 'invoice_collection_states',
  properties: {
    tenantId: p.uuid(),
    invoiceId: p.uuid().primary(),
    disputed: p.boolean().default(false),
    disputeReason: p.text().nullable(),
    promiseUntil: p.string().columnType('date').nullable(),
    promiseNote: p.text().nullable(),
    updatedBy: p.uuid().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type InvoiceCollectionState = InstanceType<typeof InvoiceCollectionState.class>;

export const DunningRun = defineEntity({
  name: 'DunningRun',
  tableName: 'dunning_runs',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    runOn: p.string().columnType('date'),
    trigger: p.enum(['DAILY', 'MANUAL'] as const),
    state: p.enum(DUNNING_RUN_STATES),
    excludedInvoiceIds: p.json<string[]>().default([]),
    planned: p.integer().default(0),
    sent: p.integer().default(0),
    failed: p.integer().default(0),
    errors: p.json<{ invoiceId: string; message: string }[]>().default([]),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    heartbeatAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type DunningRun = InstanceType<typeof DunningRun.class>;

/** One reminder sent for an invoice at one level (unique per invoice and level). */
export const Reminder = defineEntity({
  name: 'Reminder',
  tableName: 'reminders',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    invoiceId: p.uuid(),
    customerId: p.uuid(),
    runId: p.uuid().nullable(),
    levelRank: p.integer(),
    levelName: p.string(),
    channel: p.enum(['EMAIL', 'LETTER'] as const),
    formalNotice: p.boolean(),
    sentOn: p.string().columnType('date'),
    daysLate: p.integer(),
    openBalance: p.decimal('string').precision(14).scale(2),
    lateInterest: p.decimal('string').precision(14).scale(2).default('0.00'),
    indemnity: p.decimal('string').precision(14).scale(2).default('0.00'),
    sentTo: p.array().default([]),
    mailMessageId: p.uuid().nullable(),
    letterPdf: p.type(BlobType).columnType('bytea').nullable().lazy(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Reminder = InstanceType<typeof Reminder.class>;
