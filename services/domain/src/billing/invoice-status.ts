import type { FilterQuery } from '@mikro-orm/core';
import { Money } from './money';
import type { Invoice } from './invoice.entity';

/**
 * What the office sees of an invoice: its lifecycle (draft, issued, sent) combined with its
 * settlement (partly paid, paid, fully credited, closed by a write-off) and its due date (overdue). Derived from stored
 * facts, never stored itself, because "overdue" changes with the date.
 */
export const INVOICE_DISPLAY_STATUSES = ['DRAFT', 'ISSUED', 'SENT', 'PARTLY_PAID', 'PAID', 'OVERDUE', 'CREDITED', 'WRITTEN_OFF'] as const;
export type InvoiceDisplayStatus = (typeof INVOICE_DISPLAY_STATUSES)[number];

export type StatusFacts = Pick<
  Invoice,
  | 'status'
  | 'typeCode'
  | 'sentAt'
  | 'dueDate'
  | 'amountDue'
  | 'retentionAmount'
  | 'paidAmount'
  | 'creditedAmount'
  | 'writtenOffAmount'
  | 'totalGross'
>;

/** Amount due less retention, payments, credit notes and write-offs (the database computes the same column). */
export function openBalanceOf(
  i: Pick<Invoice, 'amountDue' | 'retentionAmount' | 'paidAmount' | 'creditedAmount' | 'writtenOffAmount'>,
): string {
  return new Money(i.amountDue).minus(i.retentionAmount).minus(i.paidAmount).minus(i.creditedAmount).minus(i.writtenOffAmount).toFixed(2);
}

/** `today` is the tenant's local date (YYYY-MM-DD): an invoice is overdue the day after its due date. */
export function invoiceDisplayStatus(invoice: StatusFacts, today: string): InvoiceDisplayStatus {
  if (invoice.status === 'DRAFT') return 'DRAFT';
  const sentOrIssued = invoice.sentAt ? 'SENT' : 'ISSUED';
  if (invoice.typeCode === '381') return sentOrIssued;
  const gross = new Money(invoice.totalGross);
  if (gross.greaterThan(0) && new Money(invoice.creditedAmount).greaterThanOrEqualTo(gross)) return 'CREDITED';
  if (!new Money(openBalanceOf(invoice)).greaterThan(0)) return new Money(invoice.writtenOffAmount).greaterThan(0) ? 'WRITTEN_OFF' : 'PAID';
  if (invoice.dueDate && invoice.dueDate < today) return 'OVERDUE';
  if (new Money(invoice.paidAmount).greaterThan(0)) return 'PARTLY_PAID';
  return sentOrIssued;
}

/** The same rules as a query filter (on the generated settlement_state column), so lists filter in the database. */
export function displayStatusFilter(status: InvoiceDisplayStatus, today: string): FilterQuery<Invoice> {
  const issued = { status: 'ISSUED' as const };
  const invoiceKinds = { typeCode: { $ne: '381' as const } };
  const notDue = { $or: [{ typeCode: '381' as const }, { dueDate: { $gte: today } }] };
  switch (status) {
    case 'DRAFT':
      return { status: 'DRAFT' };
    case 'CREDITED':
      return { ...issued, ...invoiceKinds, settlementState: 'CREDITED' };
    case 'PAID':
      return { ...issued, ...invoiceKinds, settlementState: 'PAID' };
    case 'WRITTEN_OFF':
      return { ...issued, ...invoiceKinds, settlementState: 'WRITTEN_OFF' };
    case 'OVERDUE':
      return { ...issued, ...invoiceKinds, settlementState: { $in: ['UNPAID', 'PARTLY_PAID'] }, dueDate: { $lt: today } };
    case 'PARTLY_PAID':
      return { ...issued, ...invoiceKinds, settlementState: 'PARTLY_PAID', dueDate: { $gte: today } };
    case 'SENT':
    case 'ISSUED':
      return {
        ...issued,
        sentAt: status === 'SENT' ? { $ne: null } : null,
        $and: [{ $or: [{ typeCode: '381' }, { settlementState: 'UNPAID' }] }, notDue],
      };
  }
}
