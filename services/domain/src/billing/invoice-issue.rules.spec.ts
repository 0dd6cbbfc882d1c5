import { describe, expect, it } from 'vitest';
import { changedLineNets, sameVatBreakdown } from './invoice-issue.rules';

const computed = [
  { categoryCode: 'S', rate: '20.00', vatRateCodes: ['TVA20'], basis: '150.00', tax: '30.00', exemptionReason: null },
  { categoryCode: 'E', rate: '0.00', vatRateCodes: ['EXO'], basis: '10.00', tax: '0.00', exemptionReason: 'Exonération art. 261' },
];

describe('what issuing rewrites of a draft', () => {
  it('keeps a stored breakdown equal to the computed one, whatever the order and the decimals written', () => {
    const stored = [
      { category: 'E', rate: '0', basis: '10', tax: '0.00', exemptionReason: 'Exonération art. 261' },
      { category: 'S', rate: '20.00', basis: '150.00', tax: '30.00', exemptionReason: null },
    ];
    expect(sameVatBreakdown(stored, computed)).toBe(true);
  });

  it('rewrites a breakdown that differs by a cent, an exemption reason or a row', () => {
    const s = { category: 'S', rate: '20.00', basis: '150.00', tax: '30.00', exemptionReason: null };
    const e = { category: 'E', rate: '0.00', basis: '10.00', tax: '0.00', exemptionReason: 'Exonération art. 261' };
    expect(sameVatBreakdown([{ ...s, tax: '30.01' }, e], computed)).toBe(false);
    expect(sameVatBreakdown([s, { ...e, exemptionReason: 'Autre motif' }], computed)).toBe(false);
    expect(sameVatBreakdown([s], computed)).toBe(false);
    expect(sameVatBreakdown([s, s], computed)).toBe(false);
  });

  it('names only the lines whose stored net differs from the computed one', () => {
    const lines = [
      { id: 'a', lineNet: '100.00' },
      { id: 'b', lineNet: '50.5' },
      { id: 'c', lineNet: '12.34' },
    ];
    expect(changedLineNets(lines, ['100', '50.50', '12.35'])).toEqual([{ id: 'c', lineNet: '12.35' }]);
  });
});
