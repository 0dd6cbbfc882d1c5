import { describe, expect, it } from 'vitest';
import { apiDecimal, editableDecimal, isTypedDecimal } from './decimal-input';

describe('decimals typed in French', () => {
  it('accepts a comma, a dot and thousands spaces, and sends the API a plain decimal', () => {
    for (const typed of ['12,5', '12.5', '1 234,50', '1\u202f234,5', ' 3 ']) expect(isTypedDecimal(typed)).toBe(true);
    expect(apiDecimal('12,5')).toBe('12.5');
    expect(apiDecimal('1\u202f234,50')).toBe('1234.50');
    expect(apiDecimal('- 1')).toBe('-1');
  });

  it('refuses what is not a number, and a sign unless asked', () => {
    for (const typed of ['abc', '', '12,', ',5', '1,2,3', '12 €', '-1']) expect(isTypedDecimal(typed)).toBe(false);
    expect(isTypedDecimal('-1', { signed: true })).toBe(true);
    expect(isTypedDecimal('-2,5', { signed: true })).toBe(true);
    expect(isTypedDecimal('--1', { signed: true })).toBe(false);
  });

  it('shows an API decimal without useless zeros', () => {
    expect(editableDecimal('2.5000')).toBe('2,5');
    expect(editableDecimal('80.0000', 2)).toBe('80,00');
    expect(editableDecimal('3.0000')).toBe('3');
  });
});
