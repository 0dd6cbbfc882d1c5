import { defineEntity, p } from '@mikro-orm/core';
import { INVOICE_GROUPINGS } from '../../platform/tenant-settings.service';

export const BILLING_BATCH_KINDS = ['INTERVENTIONS', 'DRAFTS'] as const;
export type BillingBatchKind = (typeof BILLING_BATCH_KINDS)[number];
export const BILLING_BATCH_STATES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type BillingBatchState = (typeof BILLING_BATCH_STATES)[number];
/**
 * PENDING (not done yet), ISSUED (invoice created if needed and issued), SENT (its mail is in the
 * outbox), FAILED (nothing was invoiced: see the error), SEND_FAILED (issued, but not sent).
 */
export const BILLING_BATCH_ITEM_STATUSES = ['PENDING', 'ISSUED', 'SENT', 'FAILED', 'SEND_FAILED'] as const;
export type BillingBatchItemStatus = (typeof BILLING_BATCH_ITEM_STATUSES)[number];

/**
 * A bulk invoicing job: the waiting work of several customers invoiced, issued and sent (kind
 * INTERVENTIONS), or existing drafts issued and sent (kind DRAFTS). Its items are fixed when it
 * starts; the PostgreSQL queue carries the work.
 */
export const BillingBatch = defineEntity({
  name: 'BillingBatch',
  tableName: 'billing_batches',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    kind: p.enum(BILLING_BATCH_KINDS),
    grouping: p.enum(INVOICE_GROUPINGS).nullable(),
    send: p.boolean(),
    state: p.enum(BILLING_BATCH_STATES),
    itemsTotal: p.integer().default(0),
    attempts: p.integer().default(0),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    heartbeatAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type BillingBatch = InstanceType<typeof BillingBatch.class>;

/** One invoice of a batch: what it bills (interventions, or an existing draft), then what became of it. */
export const BillingBatchItem = defineEntity({
  name: 'BillingBatchItem',
  tableName: 'billing_batch_items',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    batchId: p.uuid(),
    position: p.integer(),
    customerId: p.uuid(),
    /** The customer, and the site or contract when grouped so, as the preview showed it. */
    label: p.string(),
    siteId: p.uuid().nullable(),
    contractId: p.uuid().nullable(),
    interventionIds: p.json<string[]>().default([]),
    invoiceId: p.uuid().nullable(),
    status: p.enum(BILLING_BATCH_ITEM_STATUSES).default('PENDING'),
    errorCode: p.string().nullable(),
    errorMessage: p.text().nullable(),
    lineCount: p.integer().default(0),
    /** As previewed, then as invoiced. */
    totalNet: p.decimal('string').precision(14).scale(2),
    totalVat: p.decimal('string').precision(14).scale(2),
    totalGross: p.decimal('string').precision(14).scale(2),
    /** Who the mail goes to (as previewed), then who it was sent to. */
    recipients: p.json<string[]>().default([]),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type BillingBatchItem = InstanceType<typeof BillingBatchItem.class>;
