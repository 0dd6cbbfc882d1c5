import { describe, expect, it } from 'vitest';
import { unearnedPart } from './contract-termination';
import { renewalLetterText, type RenewalLetter } from './renewal-letter';

describe('the part of a billed fee after the last day', () => {
  const q4 = { serviceStart: '2026-10-01', serviceEnd: '2026-12-31', unitPrice: '307.63', quantity: '1' };

  it('credits the days after the end, prorated as billed', () => {
    expect(unearnedPart(q4, '2026-11-15')).toEqual({ days: 46, lineDays: 92, amount: '153.82' });
    expect(unearnedPart(q4, '2026-09-30')).toEqual({ days: 92, lineDays: 92, amount: '307.63' });
  });

  it('credits nothing for a line ending on or before the last day', () => {
    expect(unearnedPart(q4, '2026-12-31')).toBeNull();
  });

  it('keeps the proration of a line that was itself prorated', () => {
    // 30/11 to 31/12 billed 100.00 for 32 days; ended on 15/12: 16 days of 32.
    expect(
      unearnedPart({ serviceStart: '2026-11-30', serviceEnd: '2026-12-31', unitPrice: '100.00', quantity: '1' }, '2026-12-15'),
    ).toEqual({
      days: 16,
      lineDays: 32,
      amount: '50.00',
    });
  });
});

describe('the renewal letter', () => {
  const letter: RenewalLetter = {
    seller: { name: 'Clim’Ouest Maintenance', address: ['12 rue des Halles', '44000 Nantes'], email: null, phone: null },
    buyer: { name: 'Hôtel de la Plage', address: ['1 quai', '44000 Nantes'] },
    contract: { reference: 'CT-2026-0001', title: 'Maintenance CVC', startsOn: '2026-03-01' },
    sentOn: '2026-11-02',
    termEnd: '2027-02-28',
    nextTermEnd: '2028-02-29',
    noticeDeadline: '2026-11-30',
    noticeDays: 90,
    rhythmLabel: 'par mois',
    currentFee: '150.00',
    nextFee: '153.81',
    nextFeeNote: 'révision SYNTEC, coefficient 1,02543',
    isConsumer: false,
  };

  it('gives the dates, the fees and how to refuse', () => {
    const text = renewalLetterText(letter).join('\n');
    expect(text).toContain('arrive au terme de sa période en cours le 28/02/2027');
    expect(text).toContain('reconduit tacitement jusqu’au 29/02/2028');
    expect(text).toContain('jusqu’au 30/11/2026 inclus (préavis de 90 jours)');
    expect(text).toMatch(/Redevance actuelle : 150,00\s€ HT par mois/);
    expect(text).toMatch(/Redevance après reconduction : 153,81\s€ HT par mois \(révision SYNTEC, coefficient 1,02543\)/);
    expect(text).not.toContain('L215-1');
  });

  it('quotes L215-1 to a consumer', () => {
    expect(renewalLetterText({ ...letter, isConsumer: true }).join('\n')).toContain('article L215-1 du Code de la consommation');
  });
});
