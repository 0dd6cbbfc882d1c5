import { describe, expect, it } from 'vitest';
import { contractYearStart, paymentDueDate, listRateCard, DEFAULT_LIST_RATES, unitCode } from './invoice.rules';
import { formatInvoiceNumber } from './numbering';

describe('paymentDueDate', () => {
  it('adds n days net', () => {
    expect(paymentDueDate('2026-11-23', { kind: 'NET', days: 30 })).toBe('2026-12-23');
    expect(paymentDueDate('2026-12-15', { kind: 'NET', days: 30 })).toBe('2027-01-14');
    expect(paymentDueDate('2026-01-31', { kind: 'NET', days: 30 })).toBe('2026-03-02');
    expect(paymentDueDate('2026-11-23', { kind: 'NET', days: 0 })).toBe('2026-11-23');
  });

  it('adds n days then goes to the end of that month', () => {
    expect(paymentDueDate('2026-11-23', { kind: 'END_OF_MONTH', days: 45 })).toBe('2027-01-31');
    expect(paymentDueDate('2026-01-10', { kind: 'END_OF_MONTH', days: 45 })).toBe('2026-02-28');
    expect(paymentDueDate('2026-03-01', { kind: 'END_OF_MONTH', days: 30 })).toBe('2026-03-31');
    expect(paymentDueDate('2026-03-02', { kind: 'END_OF_MONTH', days: 30 })).toBe('2026-04-30');
    expect(paymentDueDate('2026-05-15', { kind: 'END_OF_MONTH', days: 0 })).toBe('2026-05-31');
  });

  it('knows month lengths and leap years', () => {
    expect(paymentDueDate('2028-01-30', { kind: 'NET', days: 30 })).toBe('2028-02-29');
    expect(paymentDueDate('2027-01-30', { kind: 'NET', days: 30 })).toBe('2027-03-01');
    expect(paymentDueDate('2028-01-10', { kind: 'END_OF_MONTH', days: 45 })).toBe('2028-02-29');
    expect(paymentDueDate('2100-01-10', { kind: 'END_OF_MONTH', days: 45 })).toBe('2100-02-28');
    expect(paymentDueDate('2000-01-10', { kind: 'END_OF_MONTH', days: 45 })).toBe('2000-02-29');
    expect(paymentDueDate('2026-04-30', { kind: 'NET', days: 1 })).toBe('2026-05-01');
  });

  it('refuses impossible terms and dates', () => {
    expect(() => paymentDueDate('2026-11-23', { kind: 'NET', days: 61 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => paymentDueDate('2026-02-30', { kind: 'NET', days: 30 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('invoice numbers and list rates', () => {
  it('formats F-YYYY-NNNNN', () => {
    expect(formatInvoiceNumber('F', '2026', 42)).toBe('F-2026-00042');
    expect(formatInvoiceNumber('F', '2026', 123456)).toBe('F-2026-123456');
  });

  it('takes the catalog prices over the defaults', () => {
    const card = listRateCard(
      new Map([
        ['MO-NORMAL', '70.00'],
        ['DEP-FORFAIT', '39.00'],
      ]),
    );
    expect(card.labourRates).toEqual({ ...DEFAULT_LIST_RATES.labourRates, NORMAL: '70.00' });
    expect(card.travelFlatFee).toBe('39.00');
    expect(listRateCard(new Map())).toEqual(DEFAULT_LIST_RATES);
  });

  it('finds the contract year and unit codes', () => {
    expect(contractYearStart('2025-03-01', '2026-11-23')).toBe('2026-03-01');
    expect(contractYearStart('2025-03-01', '2026-02-28')).toBe('2025-03-01');
    expect(contractYearStart('2025-03-01', '2025-03-01')).toBe('2025-03-01');
    expect(contractYearStart('2024-02-29', '2025-03-01')).toBe('2025-02-28');
    expect(unitCode('kg')).toBe('KGM');
    expect(unitCode('u')).toBe('C62');
  });
});
