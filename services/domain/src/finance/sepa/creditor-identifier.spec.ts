import { describe, expect, it } from 'vitest';
import {
  composeCreditorId,
  creditorIdCheckDigits,
  creditorIdProblems,
  isValidCreditorId,
  normalizeCreditorId,
  parseCreditorId,
} from './creditor-identifier';

describe('SEPA creditor identifier (ICS)', () => {
  it('computes the check digits over the national id and the country, not the business code', () => {
    expect(creditorIdCheckDigits('FR', '123456')).toBe('72');
    expect(composeCreditorId('FR', '123456')).toBe('FR72ZZZ123456');
    // The EPC's German example.
    expect(composeCreditorId('DE', '09999999999')).toBe('DE98ZZZ09999999999');
    // Changing the business code keeps the check digits.
    expect(isValidCreditorId('FR72ABC123456')).toBe(true);
  });

  it('accepts valid identifiers however they are typed', () => {
    expect(normalizeCreditorId(' fr72 zzz 123456 ')).toBe('FR72ZZZ123456');
    expect(parseCreditorId('fr72 zzz 123456')).toBe('FR72ZZZ123456');
    expect(creditorIdProblems('DE98ZZZ09999999999', 'ics')).toEqual([]);
    // Letters in the national identifier count as numbers (A = 10).
    expect(isValidCreditorId(composeCreditorId('FR', 'AB12CD'))).toBe(true);
  });

  it('says what is wrong, on the given field', () => {
    expect(creditorIdProblems('FR73ZZZ123456', 'creditor.creditorId')).toEqual([
      { field: 'creditor.creditorId', message: 'ICS invalide : clé de contrôle incorrecte' },
    ]);
    expect(creditorIdProblems('FR72ZZZ1234567', 'ics')[0]!.message).toMatch(/6 caractères/);
    expect(creditorIdProblems('F72ZZZ123456', 'ics')[0]!.message).toMatch(/format/);
    expect(creditorIdProblems('FR72ZZ', 'ics')[0]!.message).toMatch(/format/);
    expect(creditorIdProblems('', 'ics')[0]!.message).toMatch(/obligatoire/);
    expect(() => parseCreditorId('FR00ZZZ123456')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
