/**
 * Decimal numbers typed by a French user ("1 234,5") and the API's decimal strings ("1234.5000"):
 * conversions are text only, the server parses and rounds.
 */

/** What the API expects: no spaces, a dot as separator. */
export const apiDecimal = (typed: string): string => typed.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');

/** An API decimal as a French input value, without useless trailing zeros ("2.5000" → "2,5", minimum decimals kept). */
export function editableDecimal(value: string, minimumFractionDigits = 0): string {
  const [units = '0', fraction = ''] = value.split('.');
  const significant = fraction.replace(/0+$/, '').padEnd(minimumFractionDigits, '0');
  return significant ? `${units},${significant}` : units;
}

/**
 * Digits with optional thousands spaces, and a comma or a dot before the decimals ("1 234,5",
 * "12.5"); a leading minus only when `signed` (the server then says whether the sign is allowed).
 */
export const isTypedDecimal = (typed: string, { signed = false } = {}): boolean =>
  (signed ? /^-?\s*\d[\d\s\u00a0\u202f]*([.,]\d+)?$/ : /^\d[\d\s\u00a0\u202f]*([.,]\d+)?$/).test(typed.trim());
