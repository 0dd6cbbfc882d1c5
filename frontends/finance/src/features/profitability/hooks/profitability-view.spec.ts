import { describe, expect, it } from 'vitest';
import { isValidPeriod, rateColor, rowPath } from './profitability-view';

describe('profitability view', () => {
  it('accepts a period of a year at most, ending after it starts', () => {
    expect(isValidPeriod('2026-01-01', '2026-12-31')).toBe(true);
    expect(isValidPeriod('2028-01-01', '2028-12-31')).toBe(true); // 366 days of a leap year
    expect(isValidPeriod('2026-01-01', '2027-01-01')).toBe(true); // 366 days
    expect(isValidPeriod('2026-01-01', '2027-01-02')).toBe(false);
    expect(isValidPeriod('2026-06-02', '2026-06-01')).toBe(false);
    expect(isValidPeriod('', '2026-06-01')).toBe(false);
  });

  it('colours a loss red, a thin margin orange, the rest green', () => {
    expect(rateColor('-0.5')).toBe('red');
    expect(rateColor('19.9')).toBe('orange');
    expect(rateColor('20.0')).toBe('green');
    expect(rateColor(null)).toBe('gray');
  });

  it('links a row to its contract, customer or technician, a site to its customer, nothing for the rest', () => {
    expect(rowPath('CONTRACT', { key: 'k1', customerId: 'c1' })).toBe('/facturation/contrats/k1');
    expect(rowPath('CUSTOMER', { key: 'c1', customerId: 'c1' })).toBe('/facturation/clients/c1');
    expect(rowPath('SITE', { key: 's1', customerId: 'c1' })).toBe('/facturation/clients/c1');
    expect(rowPath('TECHNICIAN', { key: 't1', customerId: null })).toBe('/planning/techniciens?technicien=t1');
    expect(rowPath('CONTRACT', { key: null, customerId: null })).toBeNull();
  });
});
