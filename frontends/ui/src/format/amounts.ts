/**
 * Exact arithmetic on the API's decimal amounts (strings with at most 2 decimals), in integer
 * cents: the browser adds amounts for a selection total, or what is left of a payment, without
 * ever going through floats.
 */
const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

function toCents(amount: string): bigint {
  const match = AMOUNT.exec(amount);
  if (!match) throw new RangeError(`Not an amount: ${amount}`);
  const [, sign, units = '0', fraction = ''] = match;
  const cents = BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign ? -cents : cents;
}

function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const absolute = cents < 0n ? -cents : cents;
  return `${sign}${absolute / 100n}.${(absolute % 100n).toString().padStart(2, '0')}`;
}

/** An amount these functions can read: "12", "-3.5", "1234.56" (what `apiDecimal` makes of a typed amount). */
export const isAmount = (value: string): boolean => AMOUNT.test(value);

export const sumAmounts = (amounts: readonly string[]): string => fromCents(amounts.reduce((total, amount) => total + toCents(amount), 0n));

export const subtractAmounts = (from: string, amount: string): string => fromCents(toCents(from) - toCents(amount));

export const minAmount = (a: string, b: string): string => fromCents(toCents(a) < toCents(b) ? toCents(a) : toCents(b));

export const isPositiveAmount = (amount: string): boolean => toCents(amount) > 0n;

export const isNegativeAmount = (amount: string): boolean => toCents(amount) < 0n;
