import { describe, expect, it } from 'vitest';
import { fingerprintMovements, normaliseForFingerprint } from './fingerprint';
import type { MovementDraft } from './statement';

const movement = (overrides: Partial<MovementDraft> = {}): MovementDraft => ({
  bookingDate: '2026-11-27',
  valueDate: null,
  amount: '-45.00',
  currency: 'EUR',
  label: 'CB TOTAL STATION 26/11',
  remittanceInfo: '',
  counterpartyName: null,
  counterpartyIban: null,
  bankReference: null,
  endToEndId: null,
  mandateId: null,
  batchReference: null,
  returnReasonCode: null,
  bankTransactionCode: null,
  details: [],
  line: 1,
  ...overrides,
});

const IBAN = 'FR3330002005500000157841Z25';
const fingerprintsOf = (movements: MovementDraft[], account = IBAN) => fingerprintMovements(account, movements).map((m) => m.fingerprint);

describe('movement fingerprints', () => {
  it('is a stable sha256 of the movement, whatever its position in the file', () => {
    const [a] = fingerprintsOf([movement({ line: 3 })]);
    const [b] = fingerprintsOf([movement({ line: 40, valueDate: '2026-11-26', bankTransactionCode: '08' })]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });

  it('tells apart identical movements of one day by their occurrence, and keeps it across files', () => {
    const day = [movement(), movement({ amount: '12.00', label: 'AUTRE' }), movement()];
    const [first, other, second] = fingerprintsOf(day);
    expect(new Set([first, other, second]).size).toBe(3);
    // Another file holding the same day, with a movement before them.
    const again = fingerprintsOf([movement({ label: 'VIR RECU' }), ...day]);
    expect(again.slice(1)).toEqual([first, other, second]);
  });

  it('compares labels and remittance information without case, accents or extra spaces', () => {
    const [a] = fingerprintsOf([movement({ label: 'VIR SEPA RECU /DE MME HÉLÈNE MARTIN', remittanceInfo: 'F-2026-00405' })]);
    const [b] = fingerprintsOf([movement({ label: '  vir sepa recu  /de mme helene martin', remittanceInfo: 'F-2026-00405 ' })]);
    const [c] = fingerprintsOf([movement({ label: 'VIR SEPA RECU /DE MME HÉLÈNE MARTIN', remittanceInfo: 'F-2026-00406' })]);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(normaliseForFingerprint(' Dépôt  œuvre\tÉté ')).toBe('DEPOT ŒUVRE ETE');
  });

  it('uses the bank reference instead of the label when there is one', () => {
    const [a] = fingerprintsOf([movement({ bankReference: 'REF1', label: 'LIBELLE COURT' })]);
    const [b] = fingerprintsOf([movement({ bankReference: 'REF1', label: 'LIBELLE COURT /MOTIF COMPLET' })]);
    const [c] = fingerprintsOf([movement({ bankReference: 'REF2', label: 'LIBELLE COURT' })]);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('depends on the account, the booking date and the amount', () => {
    const [base] = fingerprintsOf([movement()]);
    expect(fingerprintsOf([movement()], 'FR7630004008280001074251964')[0]).not.toBe(base);
    expect(fingerprintsOf([movement({ bookingDate: '2026-11-28' })])[0]).not.toBe(base);
    expect(fingerprintsOf([movement({ amount: '45.00' })])[0]).not.toBe(base);
    expect(fingerprintsOf([movement()], 'fr33 3000 2005 5000 0015 7841 Z25')[0]).toBe(base);
  });
});
