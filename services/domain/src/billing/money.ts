import Decimal from 'decimal.js';
import { Errors } from '../shared/errors';

/**
 * Money arithmetic for billing. Every amount is a decimal string at the edges and a `Decimal`
 * inside; never a JS number.
 *
 * One rounding rule, decided here once: EN 16931 (BR-CO-17, CEN unit tests) rounds half up to 2
 * decimals. For negative amounts (credit lines, allowances) we round half away from zero, so a
 * negative line is always the exact mirror of the positive one: 0.005 -> 0.01, -0.005 -> -0.01.
 */
export const MONEY_ROUNDING = Decimal.ROUND_HALF_UP;

/** A private Decimal constructor: 40 significant digits, our rounding, the global one untouched. */
export const Money = Decimal.clone({ precision: 40, rounding: MONEY_ROUNDING, toExpNeg: -40, toExpPos: 40 });
export type Money = Decimal;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

export const MONEY_ZERO = new Money(0);

/**
 * Parses a plain decimal string ("12", "-3.50", "0.333"). Refuses numbers, exponents, commas,
 * blanks, NaN and Infinity, and more than `maxDecimals` decimals, with VALIDATION_FAILED on `field`.
 */
export function parseDecimal(value: unknown, field: string, maxDecimals = 4): Money {
  if (typeof value !== 'string' || !DECIMAL_TEXT.test(value))
    throw Errors.validation([{ field, message: 'nombre décimal attendu (ex. 12.50)', reason: 'DECIMAL_EXPECTED' }]);
  const d = new Money(value);
  if (d.decimalPlaces() > maxDecimals)
    throw Errors.validation([{ field, message: `au plus ${maxDecimals} décimales`, reason: 'TOO_MANY_DECIMALS' }]);
  return d;
}

/** Rounds to 2 decimals with the money rule. */
export function round2(value: Decimal.Value): Money {
  return new Money(value).toDecimalPlaces(2, MONEY_ROUNDING);
}

/** An amount as a 2-decimal string ("12.30", "-0.01", "0.00"; never "-0.00"). */
export function toAmount(value: Decimal.Value): string {
  const rounded = round2(value);
  return (rounded.isZero() ? MONEY_ZERO : rounded).toFixed(2);
}

/** Exact sum of decimal values. */
export function sumAmounts(values: Iterable<Decimal.Value>): Money {
  let total = MONEY_ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** French display: "2,5", or with fixed decimals "2,50". */
export function formatFr(value: Decimal.Value, decimals?: number): string {
  const d = new Money(value);
  const text = decimals === undefined ? d.toString() : d.toFixed(decimals, MONEY_ROUNDING);
  return text.replace('.', ',');
}
