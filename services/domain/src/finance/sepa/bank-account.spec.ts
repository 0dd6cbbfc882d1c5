import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { bicProblems, ibanProblems, normalizeBic, normalizeIban, parseBankAccount, ribKey, ribToIban } from './bank-account';

function fieldsOf(fn: () => unknown): { field: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return ((error as DomainError).details.fields as { field: string; message: string }[]).map(({ field, message }) => ({
      field,
      message,
    }));
  }
  throw new Error('expected VALIDATION_FAILED');
}

describe('IBAN and BIC', () => {
  it('normalises what people type', () => {
    expect(normalizeIban(' fr76 3000 6000 0112 3456 7890 189 ')).toBe('FR7630006000011234567890189');
    expect(normalizeIban('FR76-3000-6000-0112-3456-7890-189')).toBe('FR7630006000011234567890189');
    expect(normalizeBic(' bnpa fr pp ')).toBe('BNPAFRPP');
  });

  it('accepts valid IBANs of SEPA countries, letters in the account number included', () => {
    expect(ibanProblems('FR76 3000 6000 0112 3456 7890 189', 'iban')).toEqual([]);
    expect(ibanProblems('FR1420041010050500013M02606', 'iban', { sepaOnly: true })).toEqual([]);
    expect(ibanProblems('DE89370400440532013000', 'iban', { sepaOnly: true })).toEqual([]);
  });

  it('says what is wrong with an IBAN, in French, on the given field', () => {
    expect(ibanProblems('FR7630006000011234567890188', 'debtorIban')).toEqual([
      { field: 'debtorIban', message: 'IBAN invalide : clé de contrôle incorrecte' },
    ]);
    expect(ibanProblems('FR76300060000112345678901', 'iban')[0]!.message).toMatch(/longueur/);
    expect(ibanProblems('', 'iban')).toEqual([{ field: 'iban', message: 'IBAN obligatoire' }]);
    expect(ibanProblems('XX7630006000011234567890189', 'iban')[0]!.message).toMatch(/pays/);
    // Brazil has IBANs but is not in SEPA.
    expect(ibanProblems('BR1800360305000010009795493C1', 'iban')).toEqual([]);
    expect(ibanProblems('BR1800360305000010009795493C1', 'iban', { sepaOnly: true })).toEqual([
      { field: 'iban', message: 'IBAN hors zone SEPA' },
    ]);
  });

  it('accepts BICs of 8 or 11 characters only', () => {
    expect(bicProblems('BNPAFRPP', 'bic')).toEqual([]);
    expect(bicProblems('cobadeffxxx', 'bic')).toEqual([]);
    expect(bicProblems('BNPAFRP', 'bic')[0]!.message).toMatch(/8 ou 11/);
    expect(bicProblems('BNPAFRPPXX', 'bic')[0]!.message).toMatch(/8 ou 11/);
    expect(bicProblems('BNP1FRPP', 'bic')).toEqual([{ field: 'bic', message: 'BIC invalide' }]);
  });

  it('parses an account, BIC optional, naming the prefixed fields', () => {
    expect(parseBankAccount({ iban: 'fr76 3000 6000 0112 3456 7890 189', bic: ' bnpafrpp' })).toEqual({
      iban: 'FR7630006000011234567890189',
      bic: 'BNPAFRPP',
    });
    expect(parseBankAccount({ iban: 'FR7630006000011234567890189', bic: '  ' })).toEqual({
      iban: 'FR7630006000011234567890189',
      bic: null,
    });
    expect(fieldsOf(() => parseBankAccount({ iban: 'FR7630006000011234567890180', bic: 'BNPA' }, 'creditor.')).map((p) => p.field)).toEqual(
      ['creditor.iban', 'creditor.bic'],
    );
  });
});

describe('French RIB', () => {
  it('computes the RIB key, letters of the account number included', () => {
    expect(ribKey('30006', '00001', '12345678901')).toBe('89');
    expect(ribKey('20041', '01005', '0500013M026')).toBe('06');
  });

  it('converts a RIB to its IBAN', () => {
    expect(ribToIban({ bankCode: '30006', branchCode: '00001', accountNumber: '12345678901', key: '89' })).toBe(
      'FR7630006000011234567890189',
    );
    expect(ribToIban({ bankCode: '20041', branchCode: '01005', accountNumber: '0500013m026', key: '06' })).toBe(
      'FR1420041010050500013M02606',
    );
  });

  it('refuses a wrong key or malformed parts', () => {
    expect(fieldsOf(() => ribToIban({ bankCode: '30006', branchCode: '00001', accountNumber: '12345678901', key: '88' }))).toEqual([
      { field: 'rib.key', message: 'clé RIB incorrecte' },
    ]);
    expect(
      fieldsOf(() => ribToIban({ bankCode: '3000', branchCode: '0000A', accountNumber: '123', key: '8' })).map((p) => p.field),
    ).toEqual(['rib.bankCode', 'rib.branchCode', 'rib.accountNumber', 'rib.key']);
  });
});
