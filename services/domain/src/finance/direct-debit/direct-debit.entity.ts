import { defineEntity, p } from '@mikro-orm/core';
import { MANDATE_TYPES, SEQUENCE_TYPES } from '../sepa/mandate.rules';

export const MANDATE_STATUSES = ['ACTIVE', 'REVOKED'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];
export const BATCH_STATES = ['SUBMITTED', 'SETTLED', 'CANCELLED'] as const;
export type DirectDebitBatchState = (typeof BATCH_STATES)[number];
export const ITEM_STATUSES = ['PENDING', 'COLLECTED', 'RETURNED', 'CANCELLED'] as const;
export type DirectDebitItemStatus = (typeof ITEM_STATUSES)[number];

const updatedAt = () =>
  p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date());

/** A customer's SEPA direct debit mandate (CORE): the authorisation its invoices are collected under. */
export const SepaMandate = defineEntity({
  name: 'SepaMandate',
  tableName: 'sepa_mandates',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    customerId: p.uuid(),
    /** RUM, référence unique de mandat: unique in the tenant, never reused. */
    reference: p.string(),
    kind: p.enum(MANDATE_TYPES),
    signedOn: p.string().columnType('date'),
    debtorName: p.string(),
    iban: p.string(),
    bic: p.string().nullable(),
    status: p.enum(MANDATE_STATUSES).default('ACTIVE'),
    revokedOn: p.string().columnType('date').nullable(),
    revocationReason: p.text().nullable(),
    /** Collection dates of the first and latest collections settled under it. */
    firstCollectedOn: p.string().columnType('date').nullable(),
    lastCollectedOn: p.string().columnType('date').nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: updatedAt(),
    version: p.integer().version(),
  },
});
export type SepaMandate = InstanceType<typeof SepaMandate.class>;

/** One collection sent to the bank: the pain.008 file as it was produced, and its outcome. */
export const DirectDebitBatch = defineEntity({
  name: 'DirectDebitBatch',
  tableName: 'direct_debit_batches',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    /** The file's MsgId, e.g. PRLV-20261215-0003. */
    messageId: p.string(),
    collectionDate: p.string().columnType('date'),
    state: p.enum(BATCH_STATES),
    submittedOn: p.string().columnType('date'),
    itemCount: p.integer(),
    totalAmount: p.decimal('string').precision(14).scale(2),
    pain008: p.text().lazy(),
    settledOn: p.string().columnType('date').nullable(),
    cancelledOn: p.string().columnType('date').nullable(),
    cancellationReason: p.text().nullable(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: updatedAt(),
    version: p.integer().version(),
  },
});
export type DirectDebitBatch = InstanceType<typeof DirectDebitBatch.class>;

/** One invoice collected in a batch; an invoice is in one PENDING item at most. */
export const DirectDebitItem = defineEntity({
  name: 'DirectDebitItem',
  tableName: 'direct_debit_items',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    batchId: p.uuid(),
    invoiceId: p.uuid(),
    customerId: p.uuid(),
    mandateId: p.uuid(),
    amount: p.decimal('string').precision(14).scale(2),
    sequenceType: p.enum(SEQUENCE_TYPES),
    endToEndId: p.string(),
    instructionId: p.string(),
    status: p.enum(ITEM_STATUSES).default('PENDING'),
    /** The payment the collection produced (set when the batch is settled). */
    paymentId: p.uuid().nullable(),
    returnedOn: p.string().columnType('date').nullable(),
    /** ISO 20022 reason of the R-transaction (AC04, AM04, MD06...). */
    returnReasonCode: p.string().nullable(),
    returnReason: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: updatedAt(),
    version: p.integer().version(),
  },
});
export type DirectDebitItem = InstanceType<typeof DirectDebitItem.class>;
