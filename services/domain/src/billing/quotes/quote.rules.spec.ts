import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import type { VatRateDef } from '../totals';
import {
  assertDecidable,
  assertQuoteTransition,
  chooseOptions,
  displayStatus,
  editMode,
  formatQuoteNumber,
  quoteTotals,
  validateQuoteLines,
  type PricedQuoteLine,
} from './quote.rules';

const VAT_RATES: VatRateDef[] = [
  { code: 'TVA20', rate: '20.00', categoryCode: 'S', exemptionReason: null },
  { code: 'TVA10', rate: '10.00', categoryCode: 'S', exemptionReason: null },
];

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const line = (quantity: string, unitPrice: string, vatRateCode = 'TVA20', extra: Partial<PricedQuoteLine> = {}): PricedQuoteLine => ({
  quantity,
  unitPrice,
  vatRateCode,
  optional: false,
  selected: true,
  ...extra,
});

const quote = (status: 'DRAFT' | 'SENT' | 'ACCEPTED' | 'REFUSED' | 'CANCELLED', validUntil = '2026-12-31') => ({
  id: 'q1',
  number: 'D-2026-00012',
  status,
  validUntil,
});

describe('quote numbers', () => {
  it('are D-YYYY-NNNNN', () => {
    expect(formatQuoteNumber('2026', 12)).toBe('D-2026-00012');
  });
});

describe('quote totals', () => {
  it('count optional lines only once chosen', () => {
    const lines = [line('1', '1000.00'), line('2', '150.00', 'TVA20', { optional: true, selected: false }), line('3', '33.3333', 'TVA10')];
    const without = quoteTotals(lines, '0', VAT_RATES);
    expect(without.lineNets).toEqual(['1000.00', '300.00', '100.00']);
    expect(without).toMatchObject({ linesTotal: '1100.00', totalNet: '1100.00', totalVat: '210.00', totalGross: '1310.00' });

    const chosen = quoteTotals(
      lines.map((l, i) => (i === 1 ? { ...l, selected: true } : l)),
      '0',
      VAT_RATES,
    );
    expect(chosen).toMatchObject({ linesTotal: '1400.00', totalNet: '1400.00', totalVat: '270.00', totalGross: '1670.00' });
  });

  it('apply a global discount per VAT rate code, rounded to the cent, VAT on the discounted basis', () => {
    const t = quoteTotals([line('1', '9180.00'), line('1', '333.33', 'TVA10')], '10', VAT_RATES);
    expect(Object.fromEntries(t.discountByCode)).toEqual({ TVA20: '918.00', TVA10: '33.33' });
    expect(t).toMatchObject({
      linesTotal: '9513.33',
      discountTotal: '951.33',
      totalNet: '8562.00',
      totalVat: '1682.40',
      totalGross: '10244.40',
    });
  });

  it('refuse lines without a non-optional one, negative prices and unknown units', () => {
    const e = refusal(() =>
      validateQuoteLines(
        [{ description: 'Option', quantity: '1', unit: 'piece', unitPrice: '-1', vatRateCode: 'TVA7', optional: true }],
        VAT_RATES,
      ),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
    expect((e.details.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'lines',
      'lines[0].unit',
      'lines[0].vatRateCode',
      'lines[0].unitPrice',
    ]);
  });
});

describe('optional lines chosen at acceptance', () => {
  const lines = [
    { id: 'a', optional: false },
    { id: 'b', optional: true },
    { id: 'c', optional: true },
  ];
  it('select the chosen options and keep the others out', () => {
    expect(Object.fromEntries(chooseOptions(lines, ['c']))).toEqual({ a: true, b: false, c: true });
  });
  it('refuse an id that is not an optional line of the quote', () => {
    const e = refusal(() => chooseOptions(lines, ['a', 'zzz']));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect((e.details.fields as { field: string }[]).map((f) => f.field)).toEqual(['chosenOptionalLineIds[0]', 'chosenOptionalLineIds[1]']);
  });
});

describe('quote lifecycle', () => {
  it('follows DRAFT → SENT → ACCEPTED | REFUSED', () => {
    expect(() => assertQuoteTransition(quote('DRAFT'), 'SENT')).not.toThrow();
    expect(refusal(() => assertQuoteTransition(quote('DRAFT'), 'ACCEPTED')).code).toBe('QUOTE_INVALID_TRANSITION');
    expect(refusal(() => assertQuoteTransition(quote('CANCELLED'), 'SENT')).code).toBe('QUOTE_INVALID_TRANSITION');
  });

  it('expires the day after its validity date, at query time', () => {
    expect(displayStatus(quote('SENT', '2026-11-30'), '2026-11-30')).toBe('SENT');
    expect(displayStatus(quote('SENT', '2026-11-30'), '2026-12-01')).toBe('EXPIRED');
    expect(displayStatus(quote('ACCEPTED', '2026-11-30'), '2026-12-01')).toBe('ACCEPTED');
  });

  it('refuses to accept an expired quote, and says so', () => {
    const e = refusal(() => assertDecidable(quote('SENT', '2026-11-30'), 'ACCEPTED', '2026-12-01'));
    expect(e.code).toBe('QUOTE_EXPIRED');
    expect(e.message).toContain('30/11/2026');
    expect(() => assertDecidable(quote('SENT', '2026-11-30'), 'ACCEPTED', '2026-11-30')).not.toThrow();
    expect(refusal(() => assertDecidable(quote('ACCEPTED'), 'ACCEPTED', '2026-11-30')).code).toBe('QUOTE_ALREADY_ACCEPTED');
    expect(refusal(() => assertDecidable(quote('DRAFT'), 'REFUSED', '2026-11-30')).code).toBe('QUOTE_INVALID_TRANSITION');
  });

  it('edits drafts in place, revises sent and refused quotes, never accepted ones', () => {
    expect(editMode(quote('DRAFT'))).toBe('IN_PLACE');
    expect(editMode(quote('SENT'))).toBe('NEW_REVISION');
    expect(editMode(quote('REFUSED'))).toBe('NEW_REVISION');
    expect(refusal(() => editMode(quote('ACCEPTED'))).code).toBe('QUOTE_NOT_EDITABLE');
    expect(refusal(() => editMode(quote('CANCELLED'))).code).toBe('QUOTE_NOT_EDITABLE');
  });
});
