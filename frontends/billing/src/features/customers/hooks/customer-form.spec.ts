import { describe, expect, it } from 'vitest';
import { contactFormPath, contactInput, customerFormPath, customerInput, isWholeDays, newCustomerValues } from './customer-form';
import { siteFormPath, siteInput, siteValuesFrom } from './site-form';

describe('the customer form', () => {
  it('sends a professional as typed, trimmed, with empty fields as null', () => {
    const input = customerInput({
      ...newCustomerValues(),
      name: ' Clinique Bellevue ',
      siren: '552 100 554',
      billingAddressLine1: '3 rue Pasteur',
      billingPostalCode: '44000',
      billingCity: 'Nantes',
      billingCountry: 'fr',
      paymentTermsDays: ' 45 ',
    });
    expect(input).toMatchObject({
      isConsumer: false,
      name: 'Clinique Bellevue',
      siren: '552 100 554',
      siret: null,
      email: null,
      billingCountry: 'FR',
      paymentTermsDays: 45,
      paymentTermsKind: 'NET',
    });
  });

  it('sends no company identifiers for a private person, even if some were typed before switching', () => {
    const input = customerInput({
      ...newCustomerValues(),
      isConsumer: true,
      name: 'Jeanne Morvan',
      siren: '552100554',
      vatNumber: 'FR96552100554',
    });
    expect([input.siren, input.siret, input.vatNumber]).toEqual([null, null, null]);
  });

  it('takes whole days only as payment terms', () => {
    expect(isWholeDays('30')).toBe(true);
    expect(isWholeDays('30,5')).toBe(false);
    expect(isWholeDays('')).toBe(false);
  });

  it('puts each field the server refuses on its input, and nothing else', () => {
    expect(customerFormPath('billingPostalCode')).toBe('billingPostalCode');
    expect(customerFormPath('contacts.0.email')).toBeNull();
    expect(contactFormPath('email')).toBe('email');
    expect(contactFormPath('position')).toBeNull();
  });

  it('sends a contact’s roles in a fixed order', () => {
    expect(
      contactInput({ fullName: ' Anne Riou ', jobTitle: '', email: 'anne@example.fr', phone: '', roles: ['SIGNATORY', 'BILLING'] }),
    ).toEqual({
      fullName: 'Anne Riou',
      jobTitle: null,
      email: 'anne@example.fr',
      phone: null,
      roles: ['BILLING', 'SIGNATORY'],
    });
  });
});

describe('the site form', () => {
  const address = { line1: '4 impasse des Lilas', postalCode: '29200', city: 'Brest', country: 'FR' };

  it('starts a new site at the customer’s billing address', () => {
    expect(siteValuesFrom(null, address)).toMatchObject({
      addressLine1: '4 impasse des Lilas',
      postalCode: '29200',
      city: 'Brest',
      name: '',
    });
  });

  it('sends the attestation only for a dwelling over two years', () => {
    const values = { ...siteValuesFrom(null, address), name: 'Maison', reducedVatAttestedOn: '2026-12-01' };
    expect(siteInput({ ...values, dwellingOverTwoYears: true }).reducedVatAttestedOn).toBe('2026-12-01');
    expect(siteInput({ ...values, dwellingOverTwoYears: false }).reducedVatAttestedOn).toBeNull();
    expect(siteInput({ ...values, dwellingOverTwoYears: true, reducedVatAttestedOn: '' }).reducedVatAttestedOn).toBeNull();
    expect(siteFormPath('reducedVatAttestedOn')).toBe('reducedVatAttestedOn');
    expect(siteFormPath('customerId')).toBeNull();
  });
});
