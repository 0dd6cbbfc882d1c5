import { describe, expect, it } from 'vitest';
import {
  generateMandateReference,
  isMandateExpired,
  mandateExpiresOn,
  mandateInputProblems,
  mandateReferenceProblems,
  nextSequenceType,
  parseMandateReference,
  type MandateUsage,
} from './mandate.rules';

const recurrent = (over: Partial<MandateUsage> = {}): MandateUsage => ({
  type: 'RECURRENT',
  signedOn: '2026-01-10',
  lastCollectionOn: null,
  ...over,
});

describe('mandate reference (RUM)', () => {
  it('accepts 1 to 35 characters of the SEPA set', () => {
    for (const rum of ['A', 'ACME-C0042-0001', "RUM/2026/001 (site:Nantes) +1,'x'.?", 'x'.repeat(35)])
      expect(mandateReferenceProblems(rum)).toEqual([]);
    expect(parseMandateReference('  ACME-1  ')).toBe('ACME-1');
  });

  it('refuses what banks reject', () => {
    const message = (rum: string) => mandateReferenceProblems(rum, 'mandateId')[0]?.message;
    expect(message('')).toMatch(/obligatoire/);
    expect(message('x'.repeat(36))).toMatch(/35 caractères/);
    expect(message('RUM_2026')).toMatch(/caractères autorisés/);
    expect(message('RUMÉ')).toMatch(/caractères autorisés/);
    expect(message('/RUM1')).toMatch(/commencer/);
    expect(message('RUM1/')).toMatch(/finir/);
    expect(message('RUM//1')).toMatch(/«/);
    expect(mandateReferenceProblems('RUM//1', 'mandateId')[0]!.field).toBe('mandateId');
    expect(() => parseMandateReference('RUM//1')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('generates references from the tenant prefix, the customer code and a sequence', () => {
    expect(generateMandateReference({ tenantPrefix: 'acme', customerCode: 'C0042', sequence: 1 })).toBe('ACME-C0042-0001');
    expect(generateMandateReference({ tenantPrefix: 'Clim’Ouest', customerCode: 'Hôtel du Parc', sequence: 12345 })).toBe(
      'CLIM-OUEST-HOTEL-DU-PARC-12345',
    );
    const long = generateMandateReference({ tenantPrefix: 'RELAISMAINTENANCE', customerCode: 'C'.repeat(40), sequence: 7 });
    expect(long).toHaveLength(35);
    expect(long).toMatch(/^RELAISMAIN-C+-0007$/);
    expect(mandateReferenceProblems(long)).toEqual([]);
    expect(() => generateMandateReference({ tenantPrefix: '—', customerCode: '', sequence: 0 })).toThrow(
      expect.objectContaining({
        details: {
          fields: [
            expect.objectContaining({ field: 'tenantPrefix' }),
            expect.objectContaining({ field: 'customerCode' }),
            expect.objectContaining({ field: 'sequence' }),
          ],
        },
      }),
    );
  });
});

describe('sequence type and expiry', () => {
  it('is FRST on first use, RCUR after, OOFF once for a one-off mandate', () => {
    expect(nextSequenceType(recurrent(), '2026-02-05')).toBe('FRST');
    expect(nextSequenceType(recurrent({ lastCollectionOn: '2026-02-05' }), '2026-03-05')).toBe('RCUR');
    expect(nextSequenceType({ type: 'ONE_OFF', signedOn: '2026-01-10', lastCollectionOn: null }, '2026-01-20')).toBe('OOFF');
    expect(() => nextSequenceType({ type: 'ONE_OFF', signedOn: '2026-01-10', lastCollectionOn: '2026-01-20' }, '2026-02-20')).toThrow(
      expect.objectContaining({ code: 'MANDATE_ALREADY_USED' }),
    );
  });

  it('lapses 36 months after the latest collection, or the signature when never used', () => {
    expect(mandateExpiresOn(recurrent())).toBe('2029-01-10');
    expect(mandateExpiresOn(recurrent({ lastCollectionOn: '2026-06-05' }))).toBe('2029-06-05');
    expect(mandateExpiresOn(recurrent({ signedOn: '2028-02-29' }))).toBe('2031-02-28');
    expect(isMandateExpired(recurrent({ lastCollectionOn: '2026-06-05' }), '2029-06-04')).toBe(false);
    expect(isMandateExpired(recurrent({ lastCollectionOn: '2026-06-05' }), '2029-06-05')).toBe(true);
    expect(nextSequenceType(recurrent({ lastCollectionOn: '2026-06-05' }), '2029-06-04')).toBe('RCUR');
    expect(() => nextSequenceType(recurrent({ lastCollectionOn: '2026-06-05' }), '2029-06-05')).toThrow(
      expect.objectContaining({ code: 'MANDATE_EXPIRED', details: { expiresOn: '2029-06-05' } }),
    );
    expect(() => nextSequenceType(recurrent(), '2029-01-10')).toThrow(expect.objectContaining({ code: 'MANDATE_EXPIRED' }));
  });

  it('refuses a collection before the signature, after a revocation, or on a malformed date', () => {
    expect(() => nextSequenceType(recurrent(), '2026-01-09')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => nextSequenceType(recurrent({ cancelledOn: '2026-05-01' }), '2026-05-01')).toThrow(
      expect.objectContaining({ code: 'MANDATE_CANCELLED' }),
    );
    expect(nextSequenceType(recurrent({ cancelledOn: '2026-05-01' }), '2026-04-30')).toBe('FRST');
    expect(() => nextSequenceType(recurrent(), '2026-02-30')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('mandate input', () => {
  const input = {
    reference: 'ACME-C0042-0001',
    type: 'RECURRENT' as const,
    signedOn: '2026-01-10',
    debtorName: 'Hôtel du Parc',
    debtorIban: 'FR76 3000 6000 0112 3456 7890 189',
    debtorBic: null,
  };

  it('accepts a valid mandate and names every problem of a wrong one', () => {
    expect(mandateInputProblems(input, '2026-01-10')).toEqual([]);
    expect(
      mandateInputProblems(
        {
          ...input,
          reference: 'A//B',
          signedOn: '2026-01-11',
          debtorName: '  ',
          debtorIban: 'FR7630006000011234567890180',
          debtorBic: 'X',
        },
        '2026-01-10',
      ).map((p) => p.field),
    ).toEqual(['reference', 'signedOn', 'debtorName', 'debtorIban', 'debtorBic']);
  });
});
