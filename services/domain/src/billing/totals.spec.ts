import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { invoiceTotals, lineNetAmount, type InvoiceTotals, type TotalsLine, type VatRateDef } from './totals';

/** The demo tenant's rates (seed/demo.ts FRENCH_VAT_RATES). */
const VAT_RATES: VatRateDef[] = [
  { code: 'TVA20', rate: '20.00', categoryCode: 'S', exemptionReason: null },
  { code: 'TVA10', rate: '10.00', categoryCode: 'S', exemptionReason: null },
  { code: 'TVA5_5', rate: '5.50', categoryCode: 'S', exemptionReason: null },
  { code: 'TVA2_1', rate: '2.10', categoryCode: 'S', exemptionReason: null },
  { code: 'EXO', rate: '0.00', categoryCode: 'E', exemptionReason: 'Exonération de TVA, article 261 du CGI' },
  { code: 'AUTOLIQ', rate: '0.00', categoryCode: 'AE', exemptionReason: 'Autoliquidation, article 283-2 nonies du CGI' },
];

const l = (quantity: string, unitPrice: string, vatRateCode = 'TVA20', discountPercent?: string): TotalsLine => ({
  quantity,
  unitPrice,
  vatRateCode,
  discountPercent,
});

const D = (v: string) => new Decimal(v);
const total = (values: string[]) => values.reduce((a, v) => a.plus(v), new Decimal(0));

/** The EN 16931 calculation rules, checked independently of the implementation. */
function expectBrCo(t: InvoiceTotals): void {
  const amounts = [t.lineTotal, t.allowanceTotal, t.chargeTotal, t.taxBasisTotal, t.taxTotal, t.grandTotal, t.prepaidAmount, t.duePayable];
  for (const a of [...amounts, ...t.lineNets, ...t.vatBreakdown.flatMap((r) => [r.basis, r.tax])]) expect(a).toMatch(/^-?\d+\.\d{2}$/);
  expect(D(t.lineTotal).eq(total(t.lineNets))).toBe(true); // BR-CO-10
  expect(D(t.allowanceTotal).eq(total(t.allowances.map((a) => a.amount)))).toBe(true); // BR-CO-11
  expect(D(t.chargeTotal).eq(total(t.charges.map((c) => c.amount)))).toBe(true); // BR-CO-12
  expect(D(t.taxBasisTotal).eq(D(t.lineTotal).minus(t.allowanceTotal).plus(t.chargeTotal))).toBe(true); // BR-CO-13
  expect(D(t.taxTotal).eq(total(t.vatBreakdown.map((r) => r.tax)))).toBe(true); // BR-CO-14
  expect(D(t.grandTotal).eq(D(t.taxBasisTotal).plus(t.taxTotal))).toBe(true); // BR-CO-15
  expect(D(t.duePayable).eq(D(t.grandTotal).minus(t.prepaidAmount).plus(t.roundingAmount))).toBe(true); // BR-CO-16
  for (const row of t.vatBreakdown) {
    // BR-CO-17: within half a cent of the exact product
    expect(D(row.tax).minus(D(row.basis).times(row.rate).div(100)).abs().lte('0.005')).toBe(true);
    if (row.categoryCode !== 'S') expect(row.tax).toBe('0.00');
    if (row.categoryCode === 'E' || row.categoryCode === 'AE') expect(row.exemptionReason).toBeTruthy();
  }
  expect(D(t.taxBasisTotal).eq(total(t.vatBreakdown.map((r) => r.basis)))).toBe(true); // BR-S-08 & co, summed
  const keys = t.vatBreakdown.map((r) => `${r.categoryCode}|${r.rate}`);
  expect(new Set(keys).size).toBe(keys.length); // one row per category and rate
}

function validationFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    return (error.details.fields as { field: string }[]).map((f) => f.field);
  }
  return [];
}

describe('lineNetAmount (BT-131)', () => {
  it('rounds quantity × net price to the cent, half up', () => {
    expect(lineNetAmount('3', '0.333')).toBe('1.00');
    expect(lineNetAmount('1', '0.125')).toBe('0.13');
    expect(lineNetAmount('1', '1.005')).toBe('1.01');
    expect(lineNetAmount('-1', '0.125')).toBe('-0.13');
    expect(lineNetAmount('3', '18.95', '10')).toBe('51.17'); // 51.165
    expect(lineNetAmount('1', '0.05', '10')).toBe('0.05'); // 0.045
    expect(lineNetAmount('2.5', '68.00', '100')).toBe('0.00');
    expect(lineNetAmount('0.0001', '0.01')).toBe('0.00');
  });
});

describe('invoiceTotals', () => {
  it('mixes every French VAT rate, exempt and reverse charge, with one breakdown row per rate', () => {
    const t = invoiceTotals(
      [
        l('3', '123.45'), // 370.35
        l('2.5', '68.00'), // 170.00
        l('1', '99.99', 'TVA10'),
        l('7', '14.29', 'TVA5_5'), // 100.03
        l('1', '50.00', 'TVA2_1'),
        l('1', '200.00', 'EXO'),
        l('4', '312.50', 'AUTOLIQ'), // 1250.00
      ],
      { vatRates: VAT_RATES },
    );
    expect(t.lineNets).toEqual(['370.35', '170.00', '99.99', '100.03', '50.00', '200.00', '1250.00']);
    expect(t.vatBreakdown).toEqual([
      { categoryCode: 'S', rate: '20.00', vatRateCodes: ['TVA20'], basis: '540.35', tax: '108.07', exemptionReason: null },
      { categoryCode: 'S', rate: '10.00', vatRateCodes: ['TVA10'], basis: '99.99', tax: '10.00', exemptionReason: null }, // 9.999
      { categoryCode: 'S', rate: '5.50', vatRateCodes: ['TVA5_5'], basis: '100.03', tax: '5.50', exemptionReason: null }, // 5.50165
      { categoryCode: 'S', rate: '2.10', vatRateCodes: ['TVA2_1'], basis: '50.00', tax: '1.05', exemptionReason: null },
      {
        categoryCode: 'E',
        rate: '0.00',
        vatRateCodes: ['EXO'],
        basis: '200.00',
        tax: '0.00',
        exemptionReason: 'Exonération de TVA, article 261 du CGI',
      },
      {
        categoryCode: 'AE',
        rate: '0.00',
        vatRateCodes: ['AUTOLIQ'],
        basis: '1250.00',
        tax: '0.00',
        exemptionReason: 'Autoliquidation, article 283-2 nonies du CGI',
      },
    ]);
    expect(t.lineTotal).toBe('2240.37');
    expect(t.taxBasisTotal).toBe('2240.37');
    expect(t.taxTotal).toBe('124.62');
    expect(t.grandTotal).toBe('2364.99');
    expect(t.duePayable).toBe('2364.99');
    expectBrCo(t);
  });

  it('computes VAT on the sum of line nets, never per line', () => {
    // per line: 0.005 -> 0.01 three times = 0.03; on the sum: 0.015 -> 0.02
    const t = invoiceTotals([l('1', '0.05', 'TVA10'), l('1', '0.05', 'TVA10'), l('1', '0.05', 'TVA10')], { vatRates: VAT_RATES });
    expect(t.taxTotal).toBe('0.02');
    expect(t.grandTotal).toBe('0.17');
    expectBrCo(t);
  });

  it('rounds each of 1,000 lines before summing (3 × 0.333 = 1.00, not 0.999)', () => {
    const lines = Array.from({ length: 1000 }, () => l('3', '0.333'));
    const t = invoiceTotals(lines, { vatRates: VAT_RATES });
    expect(t.lineTotal).toBe('1000.00');
    expect(t.taxTotal).toBe('200.00');
    expect(t.grandTotal).toBe('1200.00');
    expectBrCo(t);
  });

  it('handles 1,000 lines over five rates', () => {
    const codes = ['TVA20', 'TVA10', 'TVA5_5', 'TVA2_1', 'EXO'];
    // each line 1 × 0.015 -> 0.02; 200 lines per rate -> 4.00 per rate
    const t = invoiceTotals(
      Array.from({ length: 1000 }, (_, i) => l('1', '0.015', codes[i % 5])),
      { vatRates: VAT_RATES },
    );
    expect(t.lineTotal).toBe('20.00');
    expect(t.vatBreakdown.map((r) => [r.rate, r.basis, r.tax])).toEqual([
      ['20.00', '4.00', '0.80'],
      ['10.00', '4.00', '0.40'],
      ['5.50', '4.00', '0.22'],
      ['2.10', '4.00', '0.08'], // 0.084
      ['0.00', '4.00', '0.00'],
    ]);
    expect(t.taxTotal).toBe('1.50');
    expect(t.grandTotal).toBe('21.50');
    expectBrCo(t);
  });

  it('rounds VAT at the half cent and at the smallest amounts', () => {
    const vat = (basis: string, code: string) => invoiceTotals([l('1', basis, code)], { vatRates: VAT_RATES }).taxTotal;
    expect(vat('0.25', 'TVA10')).toBe('0.03'); // 0.025
    expect(vat('1.10', 'TVA5_5')).toBe('0.06'); // 0.0605
    expect(vat('0.10', 'TVA5_5')).toBe('0.01'); // 0.0055
    expect(vat('0.09', 'TVA5_5')).toBe('0.00'); // 0.00495
    expect(vat('0.50', 'TVA2_1')).toBe('0.01'); // 0.0105
    expect(vat('2.50', 'TVA2_1')).toBe('0.05'); // 0.0525
    expect(vat('0.03', 'TVA20')).toBe('0.01'); // 0.006
    expect(vat('0.02', 'TVA20')).toBe('0.00'); // 0.004
    expect(vat('0.01', 'TVA20')).toBe('0.00');
    expect(vat('0.01', 'EXO')).toBe('0.00');
  });

  it('takes negative lines (credit) and rounds them as mirrors', () => {
    const t = invoiceTotals([l('1', '100.00'), l('-1', '33.335')], { vatRates: VAT_RATES });
    expect(t.lineNets).toEqual(['100.00', '-33.34']);
    expect(t.lineTotal).toBe('66.66');
    expect(t.taxTotal).toBe('13.33'); // 13.332
    expect(t.grandTotal).toBe('79.99');
    expectBrCo(t);

    const credit = invoiceTotals([l('-1', '0.25', 'TVA10'), l('-2', '0.001', 'TVA10')], { vatRates: VAT_RATES });
    expect(credit.lineNets).toEqual(['-0.25', '0.00']); // -0.002 -> 0.00, not -0.00
    expect(credit.taxTotal).toBe('-0.03'); // -0.025
    expect(credit.grandTotal).toBe('-0.28');
    expectBrCo(credit);
  });

  it('applies document-level allowances and charges to the basis of their own rate', () => {
    const t = invoiceTotals([l('10', '45.00'), l('1', '200.00', 'TVA10'), l('1', '80.00', 'EXO')], {
      vatRates: VAT_RATES,
      allowances: [
        { percent: '5', baseAmount: '450.00', vatRateCode: 'TVA20', reason: 'Remise fidélité' }, // 22.50
        { amount: '10.00', vatRateCode: 'TVA10', reason: 'Geste commercial' },
      ],
      charges: [
        { amount: '15.00', vatRateCode: 'TVA20', reason: 'Frais de dossier' },
        { amount: '12.00', vatRateCode: 'TVA5_5', reason: 'Éco-contribution' },
      ],
      prepaidAmount: '300.00',
    });
    expect(t.allowances.map((a) => a.amount)).toEqual(['22.50', '10.00']);
    expect(t.lineTotal).toBe('730.00');
    expect(t.allowanceTotal).toBe('32.50');
    expect(t.chargeTotal).toBe('27.00');
    expect(t.taxBasisTotal).toBe('724.50');
    expect(t.vatBreakdown.map((r) => [r.categoryCode, r.rate, r.basis, r.tax])).toEqual([
      ['S', '20.00', '442.50', '88.50'],
      ['S', '10.00', '190.00', '19.00'],
      ['S', '5.50', '12.00', '0.66'],
      ['E', '0.00', '80.00', '0.00'],
    ]);
    expect(t.taxTotal).toBe('108.16');
    expect(t.grandTotal).toBe('832.66');
    expect(t.prepaidAmount).toBe('300.00');
    expect(t.duePayable).toBe('532.66');
    expectBrCo(t);
  });

  it('rounds a percent allowance to the cent before using it', () => {
    const t = invoiceTotals([l('1', '100.05')], {
      vatRates: VAT_RATES,
      allowances: [{ percent: '3.33', baseAmount: '100.05', vatRateCode: 'TVA20', reason: 'Remise' }], // 3.331665
    });
    expect(t.allowanceTotal).toBe('3.33');
    expect(t.taxBasisTotal).toBe('96.72');
    expect(t.taxTotal).toBe('19.34'); // 19.344
    expect(t.grandTotal).toBe('116.06');
    expectBrCo(t);
  });

  it('groups rate codes sharing a category and rate into one row', () => {
    const rates = [...VAT_RATES, { code: 'TVA20_BIS', rate: '20', categoryCode: 'S', exemptionReason: null }];
    const t = invoiceTotals([l('1', '0.05'), l('1', '0.05', 'TVA20_BIS')], { vatRates: rates });
    expect(t.vatBreakdown).toEqual([
      { categoryCode: 'S', rate: '20.00', vatRateCodes: ['TVA20', 'TVA20_BIS'], basis: '0.10', tax: '0.02', exemptionReason: null },
    ]);
  });

  it('applies the rounding amount (BT-114) to the amount due', () => {
    const t = invoiceTotals([l('1', '10.01')], { vatRates: VAT_RATES, roundingAmount: '-0.01' });
    expect(t.grandTotal).toBe('12.01');
    expect(t.duePayable).toBe('12.00');
    expectBrCo(t);
  });

  it('gives zeros for an empty document', () => {
    const t = invoiceTotals([], { vatRates: VAT_RATES });
    expect([t.lineTotal, t.taxTotal, t.grandTotal, t.duePayable]).toEqual(['0.00', '0.00', '0.00', '0.00']);
    expect(t.vatBreakdown).toEqual([]);
  });

  it('refuses bad input with the field named', () => {
    expect(validationFields(() => invoiceTotals([l('1', '1'), l('1', '1', 'TVA19')], { vatRates: VAT_RATES }))).toEqual([
      'lines[1].vatRateCode',
    ]);
    expect(validationFields(() => invoiceTotals([l('1,5', '1')], { vatRates: VAT_RATES }))).toEqual(['lines[0].quantity']);
    expect(validationFields(() => invoiceTotals([l('1', '1e2')], { vatRates: VAT_RATES }))).toEqual(['lines[0].unitPrice']);
    expect(validationFields(() => invoiceTotals([l('1', '1', 'TVA20', '101')], { vatRates: VAT_RATES }))).toEqual([
      'lines[0].discountPercent',
    ]);
    expect(
      validationFields(() =>
        invoiceTotals([l('1', '1', 'EXO')], { vatRates: [{ code: 'EXO', rate: '0', categoryCode: 'E', exemptionReason: null }] }),
      ),
    ).toEqual(['vatRates.EXO.exemptionReason']);
    expect(
      validationFields(() =>
        invoiceTotals([l('1', '1', 'BAD')], { vatRates: [{ code: 'BAD', rate: '20', categoryCode: 'AE', exemptionReason: 'x' }] }),
      ),
    ).toEqual(['vatRates.BAD.rate']);
    expect(
      validationFields(() =>
        invoiceTotals([l('1', '1')], { vatRates: VAT_RATES, allowances: [{ amount: '-1.00', vatRateCode: 'TVA20', reason: 'x' }] }),
      ),
    ).toEqual(['allowances[0].amount']);
    expect(
      validationFields(() =>
        invoiceTotals([l('1', '1')], { vatRates: VAT_RATES, charges: [{ amount: '1.00', vatRateCode: 'TVA20', reason: '' }] }),
      ),
    ).toEqual(['charges[0].reason']);
    expect(validationFields(() => invoiceTotals([l('1', '1')], { vatRates: VAT_RATES, prepaidAmount: '1.001' }))).toEqual([
      'prepaidAmount',
    ]);
  });
});
