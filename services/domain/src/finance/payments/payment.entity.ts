import { defineEntity, p } from '@mikro-orm/core';

export const PAYMENT_METHODS = ['TRANSFER', 'CHECK', 'CARD', 'CASH', 'DIRECT_DEBIT'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Money received from a customer; what is not allocated to invoices (nor refunded) is the customer's credit. */
export const Payment = defineEntity({
  name: 'Payment',
  tableName: 'payments',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    customerId: p.uuid(),
    receivedOn: p.string().columnType('date'),
    amount: p.decimal('string').precision(14).scale(2),
    method: p.enum(PAYMENT_METHODS),
    payerName: p.string().nullable(),
    payerIban: p.string().nullable(),
    reference: p.string().nullable(),
    allocatedAmount: p.decimal('string').precision(14).scale(2).default('0.00'),
    refundedAmount: p.decimal('string').precision(14).scale(2).default('0.00'),
    /** Amount less allocations and refunds; 0 once reversed (a generated column). */
    unallocatedAmount: p.decimal('string').precision(14).scale(2).generated('stored').nullable(),
    reversedOn: p.string().columnType('date').nullable(),
    reversalReason: p.text().nullable(),
    recordedBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    version: p.integer().version(),
  },
});
export type Payment = InstanceType<typeof Payment.class>;

/** Part of a payment settling an invoice; a released allocation (payment reversed, allocation undone) keeps its reason. */
export const PaymentAllocation = defineEntity({
  name: 'PaymentAllocation',
  tableName: 'payment_allocations',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    paymentId: p.uuid(),
    invoiceId: p.uuid(),
    amount: p.decimal('string').precision(14).scale(2),
    allocatedOn: p.string().columnType('date'),
    allocatedBy: p.uuid().nullable(),
    releasedAt: p.datetime().nullable(),
    releaseReason: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PaymentAllocation = InstanceType<typeof PaymentAllocation.class>;

/** Customer credit paid back out of a payment. */
export const PaymentRefund = defineEntity({
  name: 'PaymentRefund',
  tableName: 'payment_refunds',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    paymentId: p.uuid(),
    refundedOn: p.string().columnType('date'),
    amount: p.decimal('string').precision(14).scale(2),
    method: p.enum(PAYMENT_METHODS),
    reference: p.string().nullable(),
    refundedBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PaymentRefund = InstanceType<typeof PaymentRefund.class>;

/** A credit note's surplus on the invoice it credited, moved to another invoice of the same customer. */
export const CreditAllocation = defineEntity({
  name: 'CreditAllocation',
  tableName: 'credit_allocations',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    creditNoteId: p.uuid(),
    fromInvoiceId: p.uuid(),
    invoiceId: p.uuid(),
    amount: p.decimal('string').precision(14).scale(2),
    allocatedOn: p.string().columnType('date'),
    allocatedBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type CreditAllocation = InstanceType<typeof CreditAllocation.class>;
