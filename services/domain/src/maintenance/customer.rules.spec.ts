import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import {
  compactIdentifier,
  customerCode,
  frenchVatNumber,
  isValidSiren,
  isValidSiret,
  isValidVatNumber,
  validateCustomer,
} from './customer.rules';

const valid = {
  name: 'Clinique Bellevue SAS',
  siren: '552100554',
  siret: '55210055400013',
  vatNumber: 'FR96552100554',
  billingAddressLine1: '3 rue Pasteur',
  billingPostalCode: '44000',
  billingCity: 'Nantes',
  paymentTermsDays: 30,
};

function problems(run: () => void): { field: string }[] {
  try {
    run();
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

describe('French company identifiers', () => {
  it('accepts a SIREN with a correct Luhn key and refuses a mistyped one', () => {
    expect(isValidSiren('552100554')).toBe(true);
    expect(isValidSiren('552100555')).toBe(false);
    expect(isValidSiren('55210055')).toBe(false);
  });

  it('checks SIRET keys, with La Poste as the documented exception', () => {
    expect(isValidSiret('55210055400013')).toBe(true);
    expect(isValidSiret('55210055400014')).toBe(false);
    expect(isValidSiret('35600000000048')).toBe(true);
    expect(isValidSiret('35600000000001')).toBe(true);
    expect(isValidSiret('35600000000002')).toBe(false);
  });

  it('computes the French VAT key from the SIREN', () => {
    // Danone's published VAT number
    expect(frenchVatNumber('552032534')).toBe('FR27552032534');
    expect(isValidVatNumber('FR27552032534')).toBe(true);
    expect(isValidVatNumber('FR28552032534')).toBe(false);
    expect(isValidVatNumber('DE123456789')).toBe(true);
  });

  it('normalises what people type', () => {
    expect(compactIdentifier(' 552 100 554 ')).toBe('552100554');
    expect(compactIdentifier('fr 27 552.032.534')).toBe('FR27552032534');
    expect(compactIdentifier('   ')).toBeNull();
  });

  it('numbers customers with a fixed-width code', () => {
    expect(customerCode(42)).toBe('C00042');
  });
});

describe('validateCustomer', () => {
  it('accepts a complete customer', () => {
    expect(() => validateCustomer(valid, { partial: false })).not.toThrow();
  });

  it('names every wrong field at once', () => {
    const fields = problems(() =>
      validateCustomer({ ...valid, name: ' ', siren: '123456789', billingPostalCode: '4400', email: 'nope' }, { partial: false }),
    );
    expect(fields.map((f) => f.field).sort()).toEqual(['billingPostalCode', 'email', 'name', 'siren', 'siret', 'vatNumber']);
  });

  it('refuses a SIRET that does not belong to the SIREN', () => {
    const fields = problems(() => validateCustomer({ ...valid, siret: '73282932000074' }, { partial: false }));
    expect(fields).toEqual([{ field: 'siret', message: 'doit commencer par le SIREN' }]);
  });

  it('caps payment terms at the legal maximum: 60 days net, 45 days end of month', () => {
    expect(() => validateCustomer({ ...valid, paymentTermsDays: 60, paymentTermsKind: 'NET' }, { partial: false })).not.toThrow();
    expect(problems(() => validateCustomer({ ...valid, paymentTermsDays: 61 }, { partial: false }))[0]!.field).toBe('paymentTermsDays');
    expect(
      problems(() => validateCustomer({ ...valid, paymentTermsDays: 50, paymentTermsKind: 'END_OF_MONTH' }, { partial: false }))[0]!.field,
    ).toBe('paymentTermsDays');
  });

  it('accepts a foreign postal code outside France', () => {
    expect(() => validateCustomer({ ...valid, billingCountry: 'BE', billingPostalCode: 'B-1000' }, { partial: false })).not.toThrow();
  });
});

describe('consumers and phone numbers', () => {
  const consumer = {
    name: 'Mme Jeanne Morvan',
    billingAddressLine1: '4 impasse des Lilas',
    billingPostalCode: '29200',
    billingCity: 'Brest',
  };

  it('accepts a private person without company identifiers, and refuses one with them', () => {
    expect(() => validateCustomer({ ...consumer, isConsumer: true }, { partial: false })).not.toThrow();
    const fields = problems(() => validateCustomer({ ...valid, isConsumer: true }, { partial: false }));
    expect(fields).toEqual([
      { field: 'siren', message: 'un particulier n’a pas de SIREN' },
      { field: 'siret', message: 'un particulier n’a pas de SIRET' },
      { field: 'vatNumber', message: 'un particulier n’a pas de numéro de TVA intracommunautaire' },
    ]);
  });

  it('accepts French and international phone numbers as people type them, and refuses the rest', () => {
    expect(() => validateCustomer({ ...valid, phone: '02 98 44 12 30' }, { partial: false })).not.toThrow();
    expect(() => validateCustomer({ ...valid, phone: '+32 2 123 45 67' }, { partial: false })).not.toThrow();
    expect(problems(() => validateCustomer({ ...valid, phone: '02 98 44' }, { partial: false }))[0]!.field).toBe('phone');
  });
});
