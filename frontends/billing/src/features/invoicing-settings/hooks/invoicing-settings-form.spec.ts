import { describe, expect, it } from 'vitest';
import { isMailAddressOrEmpty, isPublicUrlOrEmpty, settingsFormPath, settingsInput, settingsValuesFrom } from './invoicing-settings-form';

const settings = {
  __typename: 'InvoicingSettings' as const,
  invoiceGrouping: 'CUSTOMER' as const,
  invoiceMailSubject: '{{document}} {{numero}} — {{societe}}',
  invoiceMailBody: 'Bonjour,',
  customTemplate: false,
  placeholders: ['{{numero}}'],
  publicUrl: 'http://localhost:4000',
  billingEmail: null,
};

describe('the invoicing settings form', () => {
  it('starts from what is in force, an unset reply-to as an empty field', () => {
    expect(settingsValuesFrom(settings)).toEqual({
      invoiceGrouping: 'CUSTOMER',
      billingEmail: '',
      publicUrl: 'http://localhost:4000',
      invoiceMailSubject: '{{document}} {{numero}} — {{societe}}',
      invoiceMailBody: 'Bonjour,',
    });
  });

  it('sends only what was changed, so the defaults shown never become the tenant’s own', () => {
    const initial = settingsValuesFrom(settings);
    const values = { ...initial, invoiceGrouping: 'SITE' as const, billingEmail: ' factures@climouest.fr ' };
    expect(settingsInput(initial, initial)).toEqual({});
    expect(settingsInput(values, initial)).toEqual({
      invoiceGrouping: 'SITE',
      billingEmail: 'factures@climouest.fr',
    });
    // Emptied templates go back to the defaults on the server.
    expect(settingsInput({ ...initial, invoiceMailSubject: '', invoiceMailBody: '' }, initial)).toEqual({
      invoiceMailSubject: '',
      invoiceMailBody: '',
    });
  });

  it('checks the addresses before asking the server', () => {
    expect(isMailAddressOrEmpty('factures@climouest.fr')).toBe(true);
    expect(isMailAddressOrEmpty('')).toBe(true);
    expect(isMailAddressOrEmpty('factures@climouest')).toBe(false);
    expect(isMailAddressOrEmpty('factures climouest.fr')).toBe(false);
    expect(isPublicUrlOrEmpty('https://relais.climouest.fr/portail')).toBe(true);
    expect(isPublicUrlOrEmpty('')).toBe(true);
    expect(isPublicUrlOrEmpty('relais.climouest.fr')).toBe(false);
    expect(isPublicUrlOrEmpty('https://relais.climouest.fr/?a=1')).toBe(false);
  });

  it('puts the fields the server refuses on their inputs', () => {
    expect(settingsFormPath('invoiceMailBody')).toBe('invoiceMailBody');
    expect(settingsFormPath('billingEmail')).toBe('billingEmail');
    expect(settingsFormPath('somethingElse')).toBeNull();
  });
});
