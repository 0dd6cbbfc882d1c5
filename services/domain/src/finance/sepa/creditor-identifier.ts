import { Errors, type FieldProblem } from '../../shared/errors';

/**
 * SEPA creditor identifier (ICS in France, "identifiant créancier SEPA"), per the EPC's
 * "Creditor Identifier Overview": country code, 2 check digits, a 3-character creditor business
 * code (ZZZ when unused) and the national identifier. The check digits are ISO 7064 mod 97-10
 * over the national identifier followed by the country code and "00", letters as numbers
 * (A = 10 ... Z = 35); the business code is left out so a creditor may change it freely.
 */

/** National identifier lengths where the EPC overview fixes one (others: 1 to 28 characters). */
const NATIONAL_ID_LENGTH: Record<string, number> = { FR: 6, DE: 11, BE: 10, ES: 9, IT: 16, NL: 11, LU: 11, AT: 11, PT: 6 };

const SHAPE = /^([A-Z]{2})(\d{2})([A-Z0-9]{3})([A-Z0-9]{1,28})$/;

/** "fr72 zzz 123456" -> "FR72ZZZ123456". */
export function normalizeCreditorId(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

function mod97(digits: string): number {
  let remainder = 0;
  for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  return remainder;
}

const lettersAsNumbers = (value: string) => value.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));

/** The two check digits of a creditor identifier with this country and national identifier. */
export function creditorIdCheckDigits(country: string, nationalId: string): string {
  const remainder = mod97(lettersAsNumbers(`${nationalId}${country}00`.toUpperCase()));
  return String(98 - remainder).padStart(2, '0');
}

/** A creditor identifier from its parts (business code ZZZ unless given). */
export function composeCreditorId(country: string, nationalId: string, businessCode = 'ZZZ'): string {
  const c = country.toUpperCase();
  const id = normalizeCreditorId(nationalId);
  return `${c}${creditorIdCheckDigits(c, id)}${businessCode.toUpperCase()}${id}`;
}

/** What is wrong with a creditor identifier; empty when it is valid. */
export function creditorIdProblems(value: string | null | undefined, field: string): FieldProblem[] {
  const id = normalizeCreditorId(value ?? '');
  if (!id) return [{ field, message: 'identifiant créancier SEPA (ICS) obligatoire' }];
  const m = SHAPE.exec(id);
  if (!m || id.length > 35)
    return [{ field, message: 'ICS invalide : format attendu pays + 2 chiffres + code activité + identifiant national' }];
  const [, country, check, , national] = m as unknown as [string, string, string, string, string];
  const length = NATIONAL_ID_LENGTH[country];
  if (length !== undefined && national.length !== length)
    return [{ field, message: `ICS invalide : ${length} caractères attendus après le code activité pour ${country}` }];
  if (creditorIdCheckDigits(country, national) !== check) return [{ field, message: 'ICS invalide : clé de contrôle incorrecte' }];
  return [];
}

export function isValidCreditorId(value: string): boolean {
  return creditorIdProblems(value, 'creditorId').length === 0;
}

/** Normalises and checks a creditor identifier; VALIDATION_FAILED on `field` otherwise. */
export function parseCreditorId(value: string, field = 'creditorId'): string {
  const problems = creditorIdProblems(value, field);
  if (problems.length) throw Errors.validation(problems);
  return normalizeCreditorId(value);
}
