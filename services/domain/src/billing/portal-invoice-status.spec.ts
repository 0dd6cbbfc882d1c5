import { describe, expect, it } from 'vitest';
import { portalSettlement, type PortalStatusFacts } from './portal-invoice-status';

const invoice: PortalStatusFacts = {
  typeCode: '380',
  dueDate: '2026-12-15',
  amountDue: '1200.00',
  retentionAmount: '0.00',
  paidAmount: '0.00',
  creditedAmount: '0.00',
  writtenOffAmount: '0.00',
  totalGross: '1200.00',
};
const creditNote: PortalStatusFacts = { ...invoice, typeCode: '381', dueDate: '2026-11-20', amountDue: '200.00', totalGross: '200.00' };
const TODAY = '2026-11-23';

describe('portal status of an invoice', () => {
  it('is to pay for the whole amount until a payment comes in, then partially paid with what is left', () => {
    expect(portalSettlement(invoice, null, TODAY)).toEqual({ status: 'TO_PAY', amountDue: '1200.00' });
    expect(portalSettlement({ ...invoice, paidAmount: '500.10' }, null, TODAY)).toEqual({ status: 'PARTIALLY_PAID', amountDue: '699.90' });
    expect(portalSettlement({ ...invoice, typeCode: '386' }, null, TODAY)).toEqual({ status: 'TO_PAY', amountDue: '1200.00' });
  });

  it('is overdue the day after its due date while something is left, paid or not', () => {
    expect(portalSettlement(invoice, null, '2026-12-15').status).toBe('TO_PAY');
    expect(portalSettlement(invoice, null, '2026-12-16')).toEqual({ status: 'OVERDUE', amountDue: '1200.00' });
    expect(portalSettlement({ ...invoice, paidAmount: '1000.00' }, null, '2026-12-16')).toEqual({ status: 'OVERDUE', amountDue: '200.00' });
  });

  it('is paid once payments and credit notes cover it, even after its due date', () => {
    expect(portalSettlement({ ...invoice, paidAmount: '1200.00' }, null, '2027-01-10')).toEqual({ status: 'PAID', amountDue: '0.00' });
    expect(portalSettlement({ ...invoice, paidAmount: '1000.00', creditedAmount: '200.00' }, null, TODAY)).toEqual({
      status: 'PAID',
      amountDue: '0.00',
    });
  });

  it('deducts a partial credit note from what is due without calling it a payment', () => {
    expect(portalSettlement({ ...invoice, creditedAmount: '200.00' }, null, TODAY)).toEqual({ status: 'TO_PAY', amountDue: '1000.00' });
  });

  it('is credited once credit notes cover it whole, paid before or not', () => {
    expect(portalSettlement({ ...invoice, creditedAmount: '1200.00' }, null, TODAY)).toEqual({ status: 'CREDITED', amountDue: '0.00' });
    expect(portalSettlement({ ...invoice, paidAmount: '1200.00', creditedAmount: '1200.00' }, null, TODAY).status).toBe('CREDITED');
  });

  it('is settled, not paid, when a write-off closed what was left', () => {
    expect(portalSettlement({ ...invoice, paidAmount: '1197.00', writtenOffAmount: '3.00' }, null, '2026-12-16')).toEqual({
      status: 'SETTLED',
      amountDue: '0.00',
    });
    expect(portalSettlement({ ...invoice, writtenOffAmount: '200.00' }, null, '2026-12-16')).toEqual({
      status: 'OVERDUE',
      amountDue: '1000.00',
    });
  });

  it('does not ask for the retention held back', () => {
    const withRetention = { ...invoice, retentionAmount: '60.00' };
    expect(portalSettlement(withRetention, null, TODAY)).toEqual({ status: 'TO_PAY', amountDue: '1140.00' });
    expect(portalSettlement({ ...withRetention, paidAmount: '1140.00' }, null, TODAY)).toEqual({ status: 'PAID', amountDue: '0.00' });
  });
});

describe('portal status of a credit note', () => {
  it('is settled when it was deducted from an invoice still unpaid, whatever its own due date', () => {
    const credited = { ...invoice, creditedAmount: '200.00' };
    expect(portalSettlement(creditNote, credited, TODAY)).toEqual({ status: 'SETTLED', amountDue: '0.00' });
  });

  it('is a refund due while the invoice it credits was paid before and holds the credit', () => {
    const paidThenCredited = { ...invoice, paidAmount: '1200.00', creditedAmount: '200.00' };
    expect(portalSettlement(creditNote, paidThenCredited, TODAY)).toEqual({ status: 'REFUND_DUE', amountDue: '0.00' });
  });

  it('is settled once that credit was moved to another invoice or refunded (the credited invoice is back to zero)', () => {
    const creditMovedOn = { ...invoice, paidAmount: '1200.00', creditedAmount: '0.00' };
    expect(portalSettlement(creditNote, creditMovedOn, TODAY).status).toBe('SETTLED');
  });
});
