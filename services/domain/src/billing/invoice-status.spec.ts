import { describe, expect, it } from 'vitest';
import { invoiceDisplayStatus, openBalanceOf, type StatusFacts } from './invoice-status';

const issued: StatusFacts = {
  status: 'ISSUED',
  typeCode: '380',
  sentAt: null,
  dueDate: '2026-12-15',
  amountDue: '1200.00',
  retentionAmount: '0.00',
  paidAmount: '0.00',
  creditedAmount: '0.00',
  writtenOffAmount: '0.00',
  totalGross: '1200.00',
};
const TODAY = '2026-11-23';

describe('invoice display status', () => {
  it('follows the lifecycle: draft, issued, sent', () => {
    expect(invoiceDisplayStatus({ ...issued, status: 'DRAFT' }, TODAY)).toBe('DRAFT');
    expect(invoiceDisplayStatus(issued, TODAY)).toBe('ISSUED');
    expect(invoiceDisplayStatus({ ...issued, sentAt: new Date() }, TODAY)).toBe('SENT');
  });

  it('is overdue the day after the due date only while something is owed', () => {
    expect(invoiceDisplayStatus(issued, '2026-12-15')).toBe('ISSUED');
    expect(invoiceDisplayStatus(issued, '2026-12-16')).toBe('OVERDUE');
    expect(invoiceDisplayStatus({ ...issued, paidAmount: '1200.00' }, '2026-12-16')).toBe('PAID');
    expect(invoiceDisplayStatus({ ...issued, paidAmount: '0.01' }, '2026-12-16')).toBe('OVERDUE');
  });

  it('is partly paid, then paid; credit notes count as settlement, a full one makes it credited', () => {
    expect(invoiceDisplayStatus({ ...issued, paidAmount: '1199.99' }, TODAY)).toBe('PARTLY_PAID');
    expect(invoiceDisplayStatus({ ...issued, paidAmount: '700.00', creditedAmount: '500.00' }, TODAY)).toBe('PAID');
    expect(invoiceDisplayStatus({ ...issued, creditedAmount: '1200.00' }, TODAY)).toBe('CREDITED');
  });

  it('is written off once a write-off closes it, whatever was paid before; open again when released', () => {
    expect(openBalanceOf({ ...issued, paidAmount: '1197.00', writtenOffAmount: '3.00' })).toBe('0.00');
    expect(invoiceDisplayStatus({ ...issued, paidAmount: '1197.00', writtenOffAmount: '3.00' }, '2026-12-16')).toBe('WRITTEN_OFF');
    expect(invoiceDisplayStatus({ ...issued, writtenOffAmount: '1200.00' }, TODAY)).toBe('WRITTEN_OFF');
    expect(invoiceDisplayStatus({ ...issued, writtenOffAmount: '200.00' }, '2026-12-16')).toBe('OVERDUE');
  });

  it('counts the retention as held back: paid once everything but the retention is received', () => {
    const withRetention = { ...issued, retentionAmount: '60.00' };
    expect(openBalanceOf({ ...withRetention, paidAmount: '1000.00' })).toBe('140.00');
    expect(invoiceDisplayStatus({ ...withRetention, paidAmount: '1140.00' }, TODAY)).toBe('PAID');
  });

  it('shows a credit note as issued or sent, never overdue', () => {
    expect(invoiceDisplayStatus({ ...issued, typeCode: '381', dueDate: '2026-01-01' }, TODAY)).toBe('ISSUED');
  });
});
