import { describe, expect, it } from 'vitest';
import {
  isHexColour,
  isMailAddressOrEmpty,
  isPublicUrlOrEmpty,
  settingsFormPath,
  settingsInput,
  settingsValuesFrom,
} from './invoicing-settings-form';

const settings = {
  __typename: 'InvoicingSettings' as const,
  invoiceGrouping: 'CUSTOMER' as const,
  invoiceMailSubject: '{{document}} {{numero}} — {{societe}}',
  invoiceMailBody: 'Bonjour,',
  customTemplate: false,
  placeholders: ['{{numero}}'],
  publicUrl: 'http://localhost:4000',
  billingEmail: null,
  portalPrimaryColor: '#1c7ed6',
  portalUrl: 'http://localhost:4000/portail/climouest/',
};

describe('the invoicing settings form', () => {
  it('starts from what is in force, an unset reply-to as an empty field', () => {
    expect(settingsValuesFrom(settings)).toEqual({
      invoiceGrouping: 'CUSTOMER',
      billingEmail: '',
      publicUrl: 'http://localhost:4000',
      invoiceMailSubject: '{{document}} {{numero}} — {{societe}}',
      invoiceMailBody: 'Bonjour,',
      portalPrimaryColor: '#1c7ed6',
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
    expect(settingsInput({ ...initial, portalPrimaryColor: '#2B8A3E ' }, initial)).toEqual({ portalPrimaryColor: '#2B8A3E' });
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

  it('takes the portal colour as #rrggbb only, as the server keeps it', () => {
    expect(isHexColour('#2b8a3e')).toBe(true);
    expect(isHexColour('#2B8A3E')).toBe(true);
    expect(isHexColour('#2b8a3')).toBe(false);
    expect(isHexColour('2b8a3e')).toBe(false);
    expect(isHexColour('rgb(43, 138, 62)')).toBe(false);
  });

  it('puts the fields the server refuses on their inputs', () => {
    expect(settingsFormPath('invoiceMailBody')).toBe('invoiceMailBody');
    expect(settingsFormPath('billingEmail')).toBe('billingEmail');
    expect(settingsFormPath('portalPrimaryColor')).toBe('portalPrimaryColor');
    expect(settingsFormPath('somethingElse')).toBeNull();
  });
});
