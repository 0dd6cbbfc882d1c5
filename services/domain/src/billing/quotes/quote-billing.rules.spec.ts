import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { retentionAmount } from '../invoice-drafts';
import { sumAmounts, toAmount } from '../money';
import type { VatRateDef } from '../totals';
import { quoteTotals } from './quote.rules';
import {
  billingProgress,
  planQuoteInvoice,
  type ConversionMode,
  type InvoicePlan,
  type QuoteForBilling,
  type QuoteInvoiceSoFar,
} from './quote-billing.rules';

const VAT_RATES: VatRateDef[] = [
  { code: 'TVA20', rate: '20.00', categoryCode: 'S', exemptionReason: null },
  { code: 'TVA10', rate: '10.00', categoryCode: 'S', exemptionReason: null },
];

const LINES = [
  { id: 'L1', description: 'Dépose de l’ancienne chaudière', quantity: '1', unit: 'C62', unitPrice: '400.00', vatRateCode: 'TVA20' },
  { id: 'L2', description: 'Pompe à chaleur air/eau 11 kW', quantity: '1', unit: 'C62', unitPrice: '8000.00', vatRateCode: 'TVA20' },
  { id: 'L3', description: 'Main-d’œuvre de pose', quantity: '12', unit: 'HUR', unitPrice: '65.00', vatRateCode: 'TVA20' },
  { id: 'L4', description: 'Raccordement des radiateurs', quantity: '1', unit: 'C62', unitPrice: '333.33', vatRateCode: 'TVA10' },
].map((l) => ({ ...l, kind: 'OTHER' as const, discountPercent: '0', optional: false, selected: true }));

function makeQuote(globalDiscountPercent = '0'): QuoteForBilling {
  const totals = quoteTotals(LINES, globalDiscountPercent, VAT_RATES);
  return {
    id: 'q1',
    number: 'D-2026-00012',
    title: 'Remplacement chaudière par PAC',
    globalDiscountPercent,
    totalGross: totals.totalGross,
    lines: LINES.map((l, i) => ({ ...l, lineNet: totals.lineNets[i]! })),
    basisByCode: totals.basisByCode,
    discountByCode: totals.discountByCode,
    vatRates: VAT_RATES,
  };
}

let seq = 0;
/** The invoice a plan becomes once created and issued. */
function issued(plan: InvoicePlan): QuoteInvoiceSoFar {
  seq += 1;
  return {
    id: `inv${seq}`,
    number: `F-2026-0000${seq}`,
    status: 'ISSUED',
    typeCode: plan.typeCode,
    issueDate: '2026-11-24',
    totalNet: plan.totals.taxBasisTotal,
    totalGross: plan.totals.grandTotal,
    amountDue: plan.totals.duePayable,
    creditedAmount: '0.00',
    allowanceCharges: plan.allowanceCharges,
    billing: plan.billing,
  };
}

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const progress = (percents: Record<string, string>, retentionPercent?: string): ConversionMode => ({
  mode: 'PROGRESS',
  lines: Object.entries(percents).map(([quoteLineId, cumulativePercent]) => ({ quoteLineId, cumulativePercent })),
  retentionPercent,
});
const all = (percent: string) => ({ L1: percent, L2: percent, L3: percent, L4: percent });

describe('a deposit, then the final invoice deducting it', () => {
  const quote = makeQuote();

  it('bills the deposit as one line per VAT rate, and the final invoice the whole quote less the deposit TTC', () => {
    expect(quote.totalGross).toBe('11382.66');
    const deposit = planQuoteInvoice(quote, [], { mode: 'DEPOSIT', percent: '30' });
    expect(deposit.typeCode).toBe('386');
    expect(deposit.lines.map((l) => [l.description, l.unitPrice, l.vatRateCode])).toEqual([
      ['Acompte de 30 % sur le devis D-2026-00012 (TVA 20 %)', '2754.00', 'TVA20'],
      ['Acompte de 30 % sur le devis D-2026-00012 (TVA 10 %)', '100.00', 'TVA10'],
    ]);
    expect(deposit.totals).toMatchObject({ taxBasisTotal: '2854.00', taxTotal: '560.80', grandTotal: '3414.80', duePayable: '3414.80' });

    const final = planQuoteInvoice(quote, [issued(deposit)], { mode: 'FINAL' });
    expect(final.typeCode).toBe('380');
    expect(final.lines.map((l) => [l.description, l.quantity, l.unitPrice])).toEqual(
      LINES.map((l) => [l.description, l.quantity, l.unitPrice]),
    );
    expect(final.prepaidAmount).toBe('3414.80');
    expect(final.totals).toMatchObject({ grandTotal: '11382.66', prepaidAmount: '3414.80', duePayable: '7967.86' });
    expect(final.notes).toContain('Acomptes déduits : F-2026-00001 du 24/11/2026 (3\u202f414,80 € TTC)');
  });

  it('refuses a final invoice while a deposit is still a draft', () => {
    const deposit = { ...issued(planQuoteInvoice(quote, [], { mode: 'DEPOSIT', percent: '30' })), status: 'DRAFT' as const, number: null };
    expect(refusal(() => planQuoteInvoice(quote, [deposit], { mode: 'FINAL' })).code).toBe('QUOTE_DEPOSIT_NOT_ISSUED');
  });

  it('refuses deposits beyond the quote, and any invoice once the quote is fully billed', () => {
    const first = issued(planQuoteInvoice(quote, [], { mode: 'DEPOSIT', percent: '80' }));
    const e = refusal(() => planQuoteInvoice(quote, [first], { mode: 'DEPOSIT', percent: '30' }));
    expect(e.code).toBe('QUOTE_OVERBILLED');
    expect(e.details).toMatchObject({ quoteTotalGross: '11382.66', alreadyAsked: '9106.13' });

    const final = issued(planQuoteInvoice(quote, [first], { mode: 'FINAL' }));
    for (const mode of [{ mode: 'FINAL' }, { mode: 'FULL' }, { mode: 'DEPOSIT', percent: '1' }, progress(all('100'))] as ConversionMode[])
      expect(refusal(() => planQuoteInvoice(quote, [first, final], mode)).code).toBe('QUOTE_OVERBILLED');
  });

  it('refuses a FULL invoice once something was invoiced, naming it', () => {
    const deposit = issued(planQuoteInvoice(quote, [], { mode: 'DEPOSIT', percent: '30' }));
    const e = refusal(() => planQuoteInvoice(quote, [deposit], { mode: 'FULL' }));
    expect(e.code).toBe('ALREADY_INVOICED');
    expect(e.message).toContain(deposit.number);
  });

  it('no longer counts an invoice fully cancelled by a credit note', () => {
    const full = issued(planQuoteInvoice(quote, [], { mode: 'FULL' }));
    const credited = { ...full, creditedAmount: full.totalGross };
    expect(planQuoteInvoice(quote, [credited], { mode: 'FULL' }).totals.grandTotal).toBe('11382.66');
  });
});

describe('progress invoices (situations de travaux)', () => {
  const quote = makeQuote('10');

  it('bill 30 %, 70 %, 100 % with 5 % retention, the global discount included, reaching the quote to the cent', () => {
    expect(quote).toMatchObject({ totalGross: '10244.40' });
    const s1 = planQuoteInvoice(quote, [], progress(all('30'), '5'));
    expect(s1.lines.map((l) => [l.description, l.unitPrice])).toEqual([
      ['Situation n°1 — Dépose de l’ancienne chaudière : 30 % cumulés', '120.00'],
      ['Situation n°1 — Pompe à chaleur air/eau 11 kW : 30 % cumulés', '2400.00'],
      ['Situation n°1 — Main-d’œuvre de pose : 30 % cumulés', '234.00'],
      ['Situation n°1 — Raccordement des radiateurs : 30 % cumulés', '100.00'],
    ]);
    expect(s1.allowanceCharges.map((a) => [a.vatRateCode, a.amount, a.reason])).toEqual([
      ['TVA20', '275.40', 'Remise globale de 10 %'],
      ['TVA10', '10.00', 'Remise globale de 10 %'],
    ]);
    expect(s1.totals).toMatchObject({ taxBasisTotal: '2568.60', taxTotal: '504.72', grandTotal: '3073.32' });
    expect(s1.retentionPercent).toBe('5.00');
    expect(retentionAmount(s1.totals.grandTotal, s1.retentionPercent)).toBe('153.67');

    const s2 = planQuoteInvoice(quote, [issued(s1)], progress(all('70'), '5'));
    expect(s2.lines[0]!.description).toBe('Situation n°2 — Dépose de l’ancienne chaudière : 70 % cumulés (30 % précédemment)');
    expect(s2.lines.map((l) => l.unitPrice)).toEqual(['160.00', '3200.00', '312.00', '133.33']);
    expect(s2.totals).toMatchObject({ taxBasisTotal: '3424.80', taxTotal: '672.96', grandTotal: '4097.76' });

    const before3 = [issued(s1), issued(s2)];
    const s3 = planQuoteInvoice(quote, before3, progress(all('100'), '5'));
    expect(s3.lines.map((l) => l.unitPrice)).toEqual(['120.00', '2400.00', '234.00', '100.00']);
    // The completing situation gets exactly what is left of the quote's discount.
    expect(s3.allowanceCharges.map((a) => a.amount)).toEqual(['275.40', '10.00']);
    expect(s3.totals).toMatchObject({ taxBasisTotal: '2568.60', grandTotal: '3073.32' });

    const invoices = [...before3, issued(s3)];
    expect(toAmount(sumAmounts(invoices.map((i) => i.totalGross)))).toBe(quote.totalGross);
    expect(billingProgress(quote, invoices)).toEqual({ complete: true, billedNet: '9513.33', remainingNet: '0.00' });
    expect(refusal(() => planQuoteInvoice(quote, invoices, progress({ L1: '100' }))).code).toBe('QUOTE_OVERBILLED');
  });

  it('refuses going beyond 100 % on a line, naming it, and going back', () => {
    const s1 = issued(planQuoteInvoice(quote, [], progress({ L2: '60' })));
    const over = refusal(() => planQuoteInvoice(quote, [s1], progress({ L2: '110', L3: '50' })));
    expect(over.code).toBe('QUOTE_OVERBILLED');
    expect(over.details.lines).toEqual([
      { quoteLineId: 'L2', description: 'Pompe à chaleur air/eau 11 kW', previousPercent: '60.00', requestedPercent: '110.00' },
    ]);
    const back = refusal(() => planQuoteInvoice(quote, [s1], progress({ L2: '50' })));
    expect(back.code).toBe('VALIDATION_FAILED');
    expect(back.message).toContain('60 %');
    expect(refusal(() => planQuoteInvoice(quote, [s1], progress({ L9: '50' }))).code).toBe('VALIDATION_FAILED');
    expect(refusal(() => planQuoteInvoice(quote, [s1], progress({ L2: '70' }, '6'))).code).toBe('VALIDATION_FAILED');
  });

  it('leaves room for the deposits: a situation cannot ask more than the quote less them', () => {
    const deposit = issued(planQuoteInvoice(quote, [], { mode: 'DEPOSIT', percent: '30' }));
    expect(planQuoteInvoice(quote, [deposit], progress(all('70'))).totals.grandTotal).toBe('7171.08');
    expect(refusal(() => planQuoteInvoice(quote, [deposit], progress(all('80')))).code).toBe('QUOTE_OVERBILLED');
  });

  it('deducts the deposits on the situation that completes the quote', () => {
    const deposit = issued(planQuoteInvoice(quote, [], { mode: 'DEPOSIT', percent: '30' }));
    const s1 = issued(planQuoteInvoice(quote, [deposit], progress(all('50'))));
    const last = planQuoteInvoice(quote, [deposit, s1], progress(all('100')));
    expect(last.prepaidAmount).toBe(deposit.totalGross);
    expect(last.notes).toContain('Situation de travaux n°2 (solde)');
    const asked = sumAmounts([deposit.amountDue, s1.amountDue, last.totals.duePayable]);
    expect(toAmount(asked)).toBe(quote.totalGross);
  });

  it('bills the rest of each line in a final invoice after situations', () => {
    const s1 = issued(planQuoteInvoice(quote, [], progress({ L1: '100', L2: '40' })));
    const final = planQuoteInvoice(quote, [s1], { mode: 'FINAL', retentionPercent: '5' });
    expect(final.lines.map((l) => [l.description, l.quantity, l.unitPrice])).toEqual([
      ['Pompe à chaleur air/eau 11 kW — solde (60 % restant)', '1', '4800.00'],
      ['Main-d’œuvre de pose', '12', '65.00'],
      ['Raccordement des radiateurs', '1', '333.33'],
    ]);
    expect(toAmount(sumAmounts([s1.totalGross, final.totals.grandTotal]))).toBe(quote.totalGross);
  });
});
