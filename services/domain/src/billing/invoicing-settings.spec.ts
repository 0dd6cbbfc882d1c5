import { describe, expect, it } from 'vitest';
import { DEFAULT_INVOICE_MAIL_SUBJECT } from './invoice-mail.rules';
import { SAMPLE_INVOICE_CUSTOMER, invoicingSettingsProblems, sampleInvoiceMail } from './invoicing-settings';

const tenant = { legalName: 'Clim’Ouest Maintenance', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' };

describe('the tenant’s invoicing settings', () => {
  it('takes a reply-to address only when it is one, and an empty one (no reply-to)', () => {
    expect(() => invoicingSettingsProblems({ billingEmail: 'facturation@climouest' }).throwIfInvalid()).toThrow(
      /billingEmail: adresse e-mail invalide : « facturation@climouest »/,
    );
    expect(() => invoicingSettingsProblems({ billingEmail: 'pas une adresse' }).throwIfInvalid()).toThrow(/billingEmail/);
    expect(() => invoicingSettingsProblems({ billingEmail: ' facturation@climouest.fr ' }).throwIfInvalid()).not.toThrow();
    expect(() => invoicingSettingsProblems({ billingEmail: '' }).throwIfInvalid()).not.toThrow();
  });

  it('takes an absolute http(s) public address only', () => {
    expect(() => invoicingSettingsProblems({ publicUrl: 'relais.climouest.fr' }).throwIfInvalid()).toThrow(/publicUrl/);
    expect(() => invoicingSettingsProblems({ publicUrl: 'https://relais.climouest.fr/portail' }).throwIfInvalid()).not.toThrow();
  });
});

describe('the template preview on a sample invoice', () => {
  it('renders the tenant’s template with the sample invoice’s values, as the real mail does', () => {
    const mail = sampleInvoiceMail(
      {
        subject: 'Votre {{document}}   {{numero}}',
        body: 'Bonjour {{client}},\n\n{{montant}} TTC au plus tard le {{echeance}}.\n{{reglement}}',
      },
      tenant,
      '2026-12-06',
    );
    // Amounts as French documents print them, with no-break spaces (read here as plain ones).
    expect({ ...mail, body: mail.body.replace(/[\u00a0\u202f]/g, ' ') }).toEqual({
      subject: 'Votre Facture F-2026-00042',
      body: `Bonjour ${SAMPLE_INVOICE_CUSTOMER},\n\n1 234,56 € TTC au plus tard le 05/01/2027.\nRèglement par virement : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP.`,
      unknown: [],
    });
  });

  it('uses the defaults for empty templates, drops the payment line without bank details, and names unknown placeholders', () => {
    const mail = sampleInvoiceMail(
      { subject: '', body: 'Facture {{numéro}} du {{date}}\n{{reglement}}\nMerci' },
      { ...tenant, iban: null },
      '2026-12-06',
    );
    expect(mail.subject).toBe(
      DEFAULT_INVOICE_MAIL_SUBJECT.replace('{{document}}', 'Facture')
        .replace('{{numero}}', 'F-2026-00042')
        .replace('{{societe}}', tenant.legalName),
    );
    expect(mail.body).toBe('Facture {{numéro}} du 06/12/2026\nMerci');
    expect(mail.unknown).toEqual(['{{numéro}}']);
  });
});
