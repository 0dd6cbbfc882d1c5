import { describe, expect, it } from 'vitest';
import { fixedRecoveryIndemnity, formalNoticeCharges, lateInterest, type OverdueInvoice } from './late-charges';

describe('lateInterest', () => {
  it('is amount x rate x days / 365, days counted from the day after the due date to asOf included', () => {
    // 31 Jan -> 2 Mar 2026: 30 days late. 1000 x 12.15 % x 30 / 365 = 9.9863... -> 9.99
    expect(lateInterest({ amount: '1000.00', dueDate: '2026-01-31', asOf: '2026-03-02', annualRatePercent: '12.15' })).toEqual({
      days: 30,
      amount: '9.99',
    });
    expect(lateInterest({ amount: '1000.00', dueDate: '2026-01-31', asOf: '2026-02-01', annualRatePercent: '12.15' })).toEqual({
      days: 1,
      amount: '0.33',
    });
  });

  it('counts 29 February as a day late but keeps dividing by 365 in a leap year', () => {
    expect(lateInterest({ amount: '1000.00', dueDate: '2028-01-31', asOf: '2028-03-02', annualRatePercent: '12.15' })).toEqual({
      days: 31,
      amount: '10.32',
    });
    // A whole leap year late at 10 %: 366 days / 365, a little more than 10 % of the amount.
    expect(lateInterest({ amount: '1000.00', dueDate: '2028-01-01', asOf: '2029-01-01', annualRatePercent: '10' })).toEqual({
      days: 366,
      amount: '100.27',
    });
    expect(lateInterest({ amount: '1000.00', dueDate: '2026-01-01', asOf: '2027-01-01', annualRatePercent: '10' })).toEqual({
      days: 365,
      amount: '100.00',
    });
  });

  it('rounds half up to the cent', () => {
    // 18.25 x 10 % x 1 / 365 = 0.005 exactly -> 0.01; 18.24 -> 0.0049972... -> 0.00
    expect(lateInterest({ amount: '18.25', dueDate: '2026-05-01', asOf: '2026-05-02', annualRatePercent: '10' }).amount).toBe('0.01');
    expect(lateInterest({ amount: '18.24', dueDate: '2026-05-01', asOf: '2026-05-02', annualRatePercent: '10' }).amount).toBe('0.00');
    expect(lateInterest({ amount: '7300.00', dueDate: '2026-05-01', asOf: '2026-05-06', annualRatePercent: '10' }).amount).toBe('10.00');
  });

  it('is nothing on the due date, before it, on a zero or negative amount, or at a zero rate', () => {
    const base = { amount: '1000.00', dueDate: '2026-05-01', asOf: '2026-06-01', annualRatePercent: '12.15' };
    expect(lateInterest({ ...base, asOf: '2026-05-01' })).toEqual({ days: 0, amount: '0.00' });
    expect(lateInterest({ ...base, asOf: '2026-04-15' })).toEqual({ days: 0, amount: '0.00' });
    expect(lateInterest({ ...base, amount: '0.00' })).toEqual({ days: 31, amount: '0.00' });
    expect(lateInterest({ ...base, amount: '-500.00' })).toEqual({ days: 31, amount: '0.00' });
    expect(lateInterest({ ...base, annualRatePercent: '0' })).toEqual({ days: 31, amount: '0.00' });
  });

  it('refuses a negative rate and amounts that are not decimal strings', () => {
    const base = { amount: '1000.00', dueDate: '2026-05-01', asOf: '2026-06-01', annualRatePercent: '12.15' };
    expect(() => lateInterest({ ...base, annualRatePercent: '-1' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => lateInterest({ ...base, amount: '1000,00' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('fixedRecoveryIndemnity', () => {
  it('is 40 € per invoice for a professional customer, nothing for a consumer', () => {
    expect(fixedRecoveryIndemnity(false)).toBe('40.00');
    expect(fixedRecoveryIndemnity(true)).toBe('0.00');
  });
});

describe('formalNoticeCharges', () => {
  const invoices: OverdueInvoice[] = [
    { invoiceId: 'i12', invoiceNumber: 'F-2026-00012', dueDate: '2026-02-20', openBalance: '250.50' },
    { invoiceId: 'i15', invoiceNumber: 'F-2026-00015', dueDate: '2026-03-10', openBalance: '80.00' }, // not due yet
    { invoiceId: 'i10', invoiceNumber: 'F-2026-00010', dueDate: '2026-01-31', openBalance: '1000.00' },
    { invoiceId: 'i11', invoiceNumber: 'F-2026-00011', dueDate: '2026-02-01', openBalance: '0.00' }, // paid
  ];

  it('lists the overdue invoices, oldest first, with days late, interest, 40 € each and the totals', () => {
    expect(formalNoticeCharges(invoices, '2026-03-02', '12.15', false)).toEqual({
      lines: [
        {
          invoiceId: 'i10',
          invoiceNumber: 'F-2026-00010',
          dueDate: '2026-01-31',
          openBalance: '1000.00',
          daysLate: 30,
          interest: '9.99',
          indemnity: '40.00',
          total: '1049.99',
        },
        {
          invoiceId: 'i12',
          invoiceNumber: 'F-2026-00012',
          dueDate: '2026-02-20',
          openBalance: '250.50',
          daysLate: 10,
          interest: '0.83',
          indemnity: '40.00',
          total: '291.33',
        },
      ],
      totals: { openBalance: '1250.50', interest: '10.82', indemnity: '80.00', charges: '90.82', total: '1341.32' },
    });
  });

  it('sums the rounded line interests, so the letter’s lines add up to its total', () => {
    const many = Array.from({ length: 3 }, (_, i) => ({
      invoiceId: `x${i}`,
      invoiceNumber: `F-${i}`,
      dueDate: '2026-05-01',
      openBalance: '18.25',
    }));
    const charges = formalNoticeCharges(many, '2026-05-02', '10', false);
    expect(charges.lines.map((l) => l.interest)).toEqual(['0.01', '0.01', '0.01']);
    expect(charges.totals.interest).toBe('0.03');
  });

  it('claims no indemnity from a consumer', () => {
    const charges = formalNoticeCharges(invoices, '2026-03-02', '12.15', true);
    expect(charges.lines.map((l) => l.indemnity)).toEqual(['0.00', '0.00']);
    expect(charges.totals).toEqual({ openBalance: '1250.50', interest: '10.82', indemnity: '0.00', charges: '10.82', total: '1261.32' });
  });

  it('follows the dunning level: no interest, or no indemnity, when the level does not charge them', () => {
    expect(formalNoticeCharges(invoices, '2026-03-02', '12.15', false, { lateInterest: false }).totals).toEqual({
      openBalance: '1250.50',
      interest: '0.00',
      indemnity: '80.00',
      charges: '80.00',
      total: '1330.50',
    });
    expect(formalNoticeCharges(invoices, '2026-03-02', '12.15', false, { fixedIndemnity: false }).totals.charges).toBe('10.82');
  });

  it('is empty when nothing is overdue', () => {
    expect(formalNoticeCharges(invoices, '2026-01-15', '12.15', false)).toEqual({
      lines: [],
      totals: { openBalance: '0.00', interest: '0.00', indemnity: '0.00', charges: '0.00', total: '0.00' },
    });
  });
});
