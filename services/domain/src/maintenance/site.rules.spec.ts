import { describe, expect, it } from 'vitest';
import { reducedVatApplies, reducedVatNote, siteProblems, worksVatRateCode } from './site.rules';

const site = { name: 'Maison', addressLine1: '4 impasse des Lilas', postalCode: '29200', city: 'Brest' };
const today = '2026-12-15';

describe('siteProblems', () => {
  it('accepts a complete site, and names every wrong field', () => {
    expect(siteProblems(site, today)).toEqual([]);
    expect(siteProblems({ name: '', addressLine1: ' ', postalCode: ' ', city: '', country: 'France' }, today).map((p) => p.field)).toEqual([
      'name',
      'addressLine1',
      'postalCode',
      'city',
      'country',
    ]);
    expect(siteProblems({ ...site, postalCode: '2920' }, today)).toEqual([
      { field: 'postalCode', message: 'code postal invalide (5 chiffres)' },
    ]);
  });

  it('takes an attestation only for a dwelling over two years, signed today at the latest', () => {
    expect(siteProblems({ ...site, dwellingOverTwoYears: true, reducedVatAttestedOn: today }, today)).toEqual([]);
    expect(siteProblems({ ...site, dwellingOverTwoYears: false, reducedVatAttestedOn: '2026-12-01' }, today)).toEqual([
      { field: 'reducedVatAttestedOn', message: 'l’attestation ne vaut que pour un logement achevé depuis plus de deux ans' },
    ]);
    expect(siteProblems({ ...site, dwellingOverTwoYears: true, reducedVatAttestedOn: '2026-12-16' }, today)).toEqual([
      { field: 'reducedVatAttestedOn', message: 'ne peut pas être dans le futur' },
    ]);
    expect(siteProblems({ ...site, dwellingOverTwoYears: true, reducedVatAttestedOn: '2026-02-30' }, today)[0]!.message).toBe(
      'date AAAA-MM-JJ',
    );
  });
});

describe('reduced VAT on works in a dwelling', () => {
  const attested = { dwellingOverTwoYears: true, reducedVatAttestedOn: '2026-11-30' };

  it('applies only to a dwelling over two years whose attestation was signed', () => {
    expect(reducedVatApplies(attested)).toBe(true);
    expect(reducedVatApplies({ dwellingOverTwoYears: true, reducedVatAttestedOn: null })).toBe(false);
    expect(reducedVatApplies({ dwellingOverTwoYears: false, reducedVatAttestedOn: null })).toBe(false);
  });

  it('turns the standard rate into 10 %, and leaves lower rates and other sites alone', () => {
    expect(worksVatRateCode('TVA20', attested)).toBe('TVA10');
    expect(worksVatRateCode('TVA5_5', attested)).toBe('TVA5_5');
    expect(worksVatRateCode('TVA20', { dwellingOverTwoYears: true, reducedVatAttestedOn: null })).toBe('TVA20');
    expect(worksVatRateCode('TVA20', null)).toBe('TVA20');
  });

  it('says on the invoice why the rate is reduced', () => {
    expect(reducedVatNote(attested)).toBe(
      'TVA à 10 % (art. 279-0 bis du CGI) : travaux dans un logement achevé depuis plus de deux ans, attestation du client du 30/11/2026',
    );
    expect(reducedVatNote({ dwellingOverTwoYears: false })).toBeNull();
  });
});
