import type Decimal from 'decimal.js';
import { Money, toAmount } from '../../billing/money';

/** Maps a character offset of `text` to its 1-based line number. */
export function lineLocator(text: string): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/** 'YYYY-MM-DD' when the day exists, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The calendar date of an ISO date or date-time as written ("2026-11-30T23:10:00+01:00" -> "2026-11-30"). */
export function isoDateFromIso(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text.trim());
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** A statement amount: 2-decimal string, or null when the value has more than 2 significant decimals. */
export function statementAmount(value: Decimal): string | null {
  return value.decimalPlaces() > 2 ? null : toAmount(value);
}

export function sumStatementAmounts(amounts: readonly string[]): Decimal {
  return amounts.reduce((total: Decimal, amount) => total.plus(amount), new Money(0));
}

/** Collapses runs of whitespace and trims. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Joins the non-empty parts with a space. */
export function joinText(parts: readonly (string | null | undefined)[]): string {
  return cleanText(parts.filter((p): p is string => !!p && p.trim() !== '').join(' '));
}

export function orNull(text: string | null | undefined): string | null {
  const cleaned = text == null ? '' : cleanText(text);
  return cleaned === '' ? null : cleaned;
}
