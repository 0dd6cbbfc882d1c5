import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { formatFr, parseDecimal, round2, sumAmounts, toAmount } from './money';

function validationField(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    return (error.details.fields as { field: string }[])[0]?.field;
  }
  return undefined;
}

describe('money', () => {
  it('rounds half up to 2 decimals, half away from zero for negatives', () => {
    expect(toAmount('0.125')).toBe('0.13'); // half-even would give 0.12
    expect(toAmount('0.135')).toBe('0.14');
    expect(toAmount('1.005')).toBe('1.01'); // a float gives 1.00
    expect(toAmount('2.675')).toBe('2.68'); // a float gives 2.67
    expect(toAmount('-0.125')).toBe('-0.13');
    expect(toAmount('-1.005')).toBe('-1.01');
    expect(toAmount('0.0049999')).toBe('0.00');
    expect(toAmount('0.005')).toBe('0.01');
    expect(toAmount('-0.004')).toBe('0.00'); // never "-0.00"
    expect(toAmount('12')).toBe('12.00');
    expect(toAmount('123456789012.345')).toBe('123456789012.35');
  });

  it('does not depend on the global Decimal configuration', () => {
    const saved = Decimal.rounding;
    Decimal.set({ rounding: Decimal.ROUND_HALF_EVEN });
    try {
      expect(toAmount('0.125')).toBe('0.13');
      expect(round2('2.345').toFixed(2)).toBe('2.35');
    } finally {
      Decimal.set({ rounding: saved });
    }
  });

  it('sums exactly where floats drift', () => {
    expect(toAmount(sumAmounts(['0.1', '0.2']))).toBe('0.30');
    expect(sumAmounts(Array.from({ length: 10 }, () => '0.1')).toString()).toBe('1');
  });

  it('parses plain decimal strings only', () => {
    expect(parseDecimal('12.50', 'x').toString()).toBe('12.5');
    expect(parseDecimal('-3', 'x').toString()).toBe('-3');
    expect(parseDecimal('0.3333', 'x').toString()).toBe('0.3333');
    for (const bad of ['1,5', '1e3', '0x10', ' 1', '1 ', '', '.5', '5.', 'NaN', 'Infinity', '+1', '1.2.3'])
      expect(
        validationField(() => parseDecimal(bad, 'price')),
        bad,
      ).toBe('price');
    expect(validationField(() => parseDecimal(12.5 as unknown as string, 'price'))).toBe('price');
    expect(validationField(() => parseDecimal(null, 'price'))).toBe('price');
    expect(validationField(() => parseDecimal('1.234', 'price', 2))).toBe('price');
  });

  it('formats French numbers', () => {
    expect(formatFr('2.50')).toBe('2,5');
    expect(formatFr('2.5', 2)).toBe('2,50');
    expect(formatFr('10')).toBe('10');
  });
});
