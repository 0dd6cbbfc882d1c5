import { composeIBAN, electronicFormatIBAN, isSEPACountry, isValidBIC, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { Errors, type FieldProblem } from '../../shared/errors';

/**
 * Bank account identifiers as people type them ("fr76 3000 6000 ...", "bnpa fr pp") and as
 * SEPA files need them (electronic format: no spaces, upper case). Problems are returned as
 * field problems so a caller can collect them with others in one VALIDATION_FAILED error.
 */

/** "fr76 3000-6000 ..." -> "FR7630006000..." (spaces and dashes dropped, upper case). */
export function normalizeIban(value: string): string {
  return electronicFormatIBAN(value.replace(/-/g, '')) ?? '';
}

/** "bnpa fr pp" -> "BNPAFRPP". */
export function normalizeBic(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export interface IbanCheckOptions {
  /** Refuse IBANs of countries outside the SEPA scheme (a direct debit or a SEPA transfer needs one). */
  sepaOnly?: boolean;
}

/** What is wrong with an IBAN (already normalised or not), in French; empty when it is valid. */
export function ibanProblems(value: string | null | undefined, field: string, options: IbanCheckOptions = {}): FieldProblem[] {
  const iban = normalizeIban(value ?? '');
  if (!iban) return [{ field, message: 'IBAN obligatoire' }];
  const result = validateIBAN(iban, { allowQRIBAN: true });
  if (!result.valid) {
    const codes = result.errorCodes;
    const message = codes.includes(ValidationErrorsIBAN.NoIBANCountry)
      ? 'IBAN invalide : pays inconnu'
      : codes.includes(ValidationErrorsIBAN.WrongBBANLength)
        ? 'IBAN invalide : longueur incorrecte pour ce pays'
        : codes.includes(ValidationErrorsIBAN.WrongIBANChecksum) || codes.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum)
          ? 'IBAN invalide : clé de contrôle incorrecte'
          : 'IBAN invalide';
    return [{ field, message }];
  }
  if (options.sepaOnly && !isSEPACountry(iban.slice(0, 2))) return [{ field, message: 'IBAN hors zone SEPA' }];
  return [];
}

/** What is wrong with a BIC: 8 or 11 characters (bank, country, location, optional branch). */
export function bicProblems(value: string | null | undefined, field: string): FieldProblem[] {
  const bic = normalizeBic(value ?? '');
  if (!bic) return [{ field, message: 'BIC obligatoire' }];
  if (bic.length !== 8 && bic.length !== 11) return [{ field, message: 'BIC invalide : 8 ou 11 caractères' }];
  if (!isValidBIC(bic)) return [{ field, message: 'BIC invalide' }];
  return [];
}

export interface BankAccount {
  iban: string;
  bic: string | null;
}

/**
 * Normalises and checks an account; a missing BIC is fine (IBAN-only is the SEPA rule inside the
 * EEA). Throws VALIDATION_FAILED naming `${prefix}iban` / `${prefix}bic`.
 */
export function parseBankAccount(input: { iban: string; bic?: string | null }, prefix = '', options: IbanCheckOptions = {}): BankAccount {
  const bic = input.bic?.trim() ? normalizeBic(input.bic) : null;
  const problems = [...ibanProblems(input.iban, `${prefix}iban`, options), ...(bic ? bicProblems(bic, `${prefix}bic`) : [])];
  if (problems.length) throw Errors.validation(problems);
  return { iban: normalizeIban(input.iban), bic };
}

// The RIB key works on digits: letters of the account number map to 1..9
// (A,J=1; B,K,S=2; ... I,R,Z=9: S is shifted by one).
const RIB_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function ribDigits(value: string): string {
  return value.replace(/[A-Z]/g, (c) => String(((RIB_LETTERS.indexOf(c) + (c >= 'S' ? 1 : 0)) % 9) + 1));
}

/** The 2-digit key of a French RIB: 97 - ((89 × bank + 15 × branch + 3 × account) mod 97). */
export function ribKey(bankCode: string, branchCode: string, accountNumber: string): string {
  const remainder = (89n * BigInt(bankCode) + 15n * BigInt(branchCode) + 3n * BigInt(ribDigits(accountNumber))) % 97n;
  return String(97n - remainder).padStart(2, '0');
}

export interface FrenchRib {
  /** Code banque, 5 digits. */
  bankCode: string;
  /** Code guichet, 5 digits. */
  branchCode: string;
  /** Numéro de compte, 11 letters or digits. */
  accountNumber: string;
  /** Clé RIB, 2 digits. */
  key: string;
}

/** A French RIB (as printed on a "relevé d'identité bancaire") as its IBAN; refuses a wrong key. */
export function ribToIban(rib: FrenchRib, field = 'rib'): string {
  const bank = rib.bankCode.replace(/\s+/g, '');
  const branch = rib.branchCode.replace(/\s+/g, '');
  const account = rib.accountNumber.replace(/\s+/g, '').toUpperCase();
  const key = rib.key.replace(/\s+/g, '');
  const problems: FieldProblem[] = [];
  if (!/^\d{5}$/.test(bank)) problems.push({ field: `${field}.bankCode`, message: 'code banque : 5 chiffres' });
  if (!/^\d{5}$/.test(branch)) problems.push({ field: `${field}.branchCode`, message: 'code guichet : 5 chiffres' });
  if (!/^[A-Z0-9]{11}$/.test(account)) problems.push({ field: `${field}.accountNumber`, message: 'numéro de compte : 11 caractères' });
  if (!/^\d{2}$/.test(key)) problems.push({ field: `${field}.key`, message: 'clé RIB : 2 chiffres' });
  else if (!problems.length && ribKey(bank, branch, account) !== key)
    problems.push({ field: `${field}.key`, message: 'clé RIB incorrecte' });
  if (problems.length) throw Errors.validation(problems);
  const iban = composeIBAN({ countryCode: 'FR', bban: `${bank}${branch}${account}${key}` });
  if (!iban) throw Errors.validation([{ field, message: 'RIB invalide' }]);
  return iban;
}
