import { defineEntity, p } from '@mikro-orm/core';

/** IRRECOVERABLE: the customer will never pay (liquidation); SMALL_BALANCE: a remainder after a short payment. */
export const WRITE_OFF_KINDS = ['IRRECOVERABLE', 'SMALL_BALANCE'] as const;
export type WriteOffKind = (typeof WRITE_OFF_KINDS)[number];

/** Part of an invoice's open balance passed to losses (passage en perte); cancelled, never deleted. */
export const InvoiceWriteOff = defineEntity({
  name: 'InvoiceWriteOff',
  tableName: 'invoice_write_offs',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    invoiceId: p.uuid(),
    customerId: p.uuid(),
    kind: p.enum(WRITE_OFF_KINDS),
    amount: p.decimal('string').precision(14).scale(2),
    reason: p.text(),
    writtenOffOn: p.string().columnType('date'),
    writtenOffBy: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** The day it was cancelled (the invoice open again); null while it stands. */
    cancelledOn: p.string().columnType('date').nullable(),
    cancelledBy: p.uuid().nullable(),
    version: p.integer().version(),
  },
});
export type InvoiceWriteOff = InstanceType<typeof InvoiceWriteOff.class>;
