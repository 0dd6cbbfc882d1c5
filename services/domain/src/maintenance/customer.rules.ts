import { Validator } from '../shared/errors';
import { isValidEmail, isValidPhone } from './contact.rules';

/** Luhn checksum, used by INSEE for SIREN (9 digits) and SIRET (14 digits). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value);
}

/** La Poste's establishments (SIREN 356 000 000) use a digit sum divisible by 5 instead of the Luhn key. */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (luhnValid(value)) return true;
  return value.startsWith('356000000') && [...value].reduce((s, d) => s + Number(d), 0) % 5 === 0;
}

/** French intra-community VAT number: FR + 2-digit key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatNumber(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}

export function isValidVatNumber(value: string): boolean {
  if (value.startsWith('FR')) {
    const siren = value.slice(4);
    return /^FR\d{2}\d{9}$/.test(value) && frenchVatNumber(siren) === value;
  }
  return /^[A-Z]{2}[A-Z0-9]{2,13}$/.test(value);
}

/** Normalises what people type: spaces and dots in numbers, case in VAT numbers. */
export function compactIdentifier(value: string | null | undefined): string | null {
  if (value == null) return null;
  const compact = value.replace(/[\s.-]/g, '').toUpperCase();
  return compact.length > 0 ? compact : null;
}

export interface CustomerFields {
  name?: string;
  siren?: string | null;
  siret?: string | null;
  vatNumber?: string | null;
  email?: string | null;
  phone?: string | null;
  /** A private person (particulier) rather than a business: see `validateCustomer`. */
  isConsumer?: boolean;
  billingAddressLine1?: string;
  billingPostalCode?: string;
  billingCity?: string;
  billingCountry?: string;
  paymentTermsDays?: number;
  paymentTermsKind?: 'NET' | 'END_OF_MONTH';
}

/**
 * French law (Code de commerce L441-10) caps B2B payment terms at 60 days net, or 45 days end of month.
 */
export const MAX_PAYMENT_DAYS = { NET: 60, END_OF_MONTH: 45 } as const;

export function validateCustomer(fields: CustomerFields, { partial }: { partial: boolean }): void {
  const v = new Validator();
  const present = (key: keyof CustomerFields) => !partial || fields[key] !== undefined;
  if (present('name')) v.check((fields.name ?? '').trim().length > 0, 'name', 'obligatoire', 'REQUIRED');
  if (fields.siren) v.check(isValidSiren(fields.siren), 'siren', 'SIREN invalide (9 chiffres, clé de contrôle)');
  if (fields.siret) {
    v.check(isValidSiret(fields.siret), 'siret', 'SIRET invalide (14 chiffres, clé de contrôle)');
    if (fields.siren) v.check(fields.siret.startsWith(fields.siren), 'siret', 'doit commencer par le SIREN');
  }
  if (fields.vatNumber) {
    v.check(isValidVatNumber(fields.vatNumber), 'vatNumber', 'numéro de TVA intracommunautaire invalide');
    if (fields.siren && fields.vatNumber.startsWith('FR'))
      v.check(fields.vatNumber.endsWith(fields.siren), 'vatNumber', 'ne correspond pas au SIREN');
  }
  if (fields.isConsumer) {
    // A private person has no company identifiers: an invoice to them is B2C (no SIREN, no 40 € indemnity).
    v.check(!fields.siren, 'siren', 'un particulier n’a pas de SIREN');
    v.check(!fields.siret, 'siret', 'un particulier n’a pas de SIRET');
    v.check(!fields.vatNumber, 'vatNumber', 'un particulier n’a pas de numéro de TVA intracommunautaire');
  }
  if (fields.email) v.check(isValidEmail(fields.email), 'email', 'adresse e-mail invalide');
  if (fields.phone) v.check(isValidPhone(fields.phone), 'phone', 'numéro de téléphone invalide (10 chiffres, ou + et l’indicatif du pays)');
  if (present('billingAddressLine1'))
    v.check((fields.billingAddressLine1 ?? '').trim().length > 0, 'billingAddressLine1', 'obligatoire', 'REQUIRED');
  if (present('billingCity')) v.check((fields.billingCity ?? '').trim().length > 0, 'billingCity', 'obligatoire', 'REQUIRED');
  const country = fields.billingCountry ?? 'FR';
  if (present('billingPostalCode')) {
    const postal = fields.billingPostalCode ?? '';
    v.check(
      country === 'FR' ? /^\d{5}$/.test(postal) : postal.trim().length > 0,
      'billingPostalCode',
      country === 'FR' ? 'code postal invalide (5 chiffres)' : 'obligatoire',
    );
  }
  if (fields.billingCountry !== undefined) v.check(/^[A-Z]{2}$/.test(country), 'billingCountry', 'code pays ISO à 2 lettres');
  if (fields.paymentTermsDays !== undefined) {
    const max = MAX_PAYMENT_DAYS[fields.paymentTermsKind ?? 'NET'];
    v.check(
      Number.isInteger(fields.paymentTermsDays) && fields.paymentTermsDays >= 0 && fields.paymentTermsDays <= max,
      'paymentTermsDays',
      `entre 0 et ${max} jours (délai légal maximal)`,
    );
  }
  v.throwIfInvalid();
}

export function customerCode(sequence: number): string {
  return `C${String(sequence).padStart(5, '0')}`;
}
