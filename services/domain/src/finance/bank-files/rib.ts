import { composeIBAN, isValidIBAN } from 'ibantools';
import { normalizeIban, ribKey } from '../sepa/bank-account';

/**
 * The IBAN of a French account from its RIB parts (code banque, code guichet, numéro de compte),
 * the key computed when the file does not give it. Null when the parts are not a French RIB or a
 * given key is wrong: better no IBAN than a plausible wrong one.
 */
export function frenchIbanFromRib(bankCode: string, branchCode: string, accountNumber: string, key?: string | null): string | null {
  const account = accountNumber.toUpperCase();
  if (!/^\d{5}$/.test(bankCode) || !/^\d{5}$/.test(branchCode) || !/^[A-Z0-9]{11}$/.test(account)) return null;
  const expected = ribKey(bankCode, branchCode, account);
  if (key != null && key !== expected) return null;
  const iban = composeIBAN({ countryCode: 'FR', bban: `${bankCode}${branchCode}${account}${expected}` });
  return iban && isValidIBAN(iban) ? iban : null;
}

/** An IBAN in electronic format when `text` is a valid one, else null. */
export function validIban(text: string | null | undefined): string | null {
  if (!text) return null;
  const iban = normalizeIban(text);
  return iban && isValidIBAN(iban) ? iban : null;
}
