import { describe, expect, it } from 'vitest';
import { invoiceRecipients, renderMailTemplate, sendAddresses, unknownPlaceholders } from './invoice-mail.rules';
import { invoicingSettingsProblems } from './invoicing-settings';

const contact = (email: string | null, isBillingContact: boolean) => ({ email, isBillingContact });

describe('who an invoice mail goes to', () => {
  it('goes to the contacts marked for billing, once each, replying to the tenant’s billing address', () => {
    expect(
      invoiceRecipients({
        customerEmail: 'contact@ducs.fr',
        contacts: [
          contact('technique@ducs.fr', false),
          contact('compta@ducs.fr', true),
          contact('Compta@Ducs.fr', true),
          contact('daf@ducs.fr', true),
        ],
        tenantBillingEmail: 'facturation@climouest.fr',
      }),
    ).toEqual({ to: ['compta@ducs.fr', 'daf@ducs.fr'], replyTo: 'facturation@climouest.fr', source: 'BILLING_CONTACTS' });
  });

  it('falls back to the customer’s address when no billing contact has a usable one, and says when there is none', () => {
    const contacts = [contact(null, true), contact('pas une adresse', true), contact('technique@ducs.fr', false)];
    expect(invoiceRecipients({ customerEmail: ' contact@ducs.fr ', contacts, tenantBillingEmail: null })).toEqual({
      to: ['contact@ducs.fr'],
      replyTo: null,
      source: 'CUSTOMER',
    });
    expect(invoiceRecipients({ customerEmail: null, contacts, tenantBillingEmail: 'facturation@climouest.fr' })).toEqual({
      to: [],
      replyTo: 'facturation@climouest.fr',
      source: 'NONE',
    });
  });

  it('lets the sender replace the recipients and add copies, never copying someone already addressed', () => {
    const defaults = { to: ['compta@ducs.fr'] };
    expect(sendAddresses(defaults, {})).toEqual({ to: ['compta@ducs.fr'], cc: [] });
    expect(sendAddresses(defaults, { to: [' ', ''], cc: ['daf@ducs.fr', 'COMPTA@ducs.fr'] })).toEqual({
      to: ['compta@ducs.fr'],
      cc: ['daf@ducs.fr'],
    });
    expect(sendAddresses(defaults, { to: ['m.roy@ducs.fr', 'M.Roy@ducs.fr'], cc: ['compta@ducs.fr'] })).toEqual({
      to: ['m.roy@ducs.fr'],
      cc: ['compta@ducs.fr'],
    });
  });
});

describe('the invoice mail template', () => {
  const values = { client: 'Hôtel des Ducs', numero: 'F-2026-00042', montant: '443,88 €', echeance: '24/12/2026', reglement: '' };

  it('fills in the placeholders, drops a line left empty and keeps the unknown or unset ones as typed', () => {
    expect(
      renderMailTemplate(
        'Bonjour {{client}},\r\n\r\n{{ numero }} : {{montant}} au {{echeance}}.\n{{reglement}}\n\n\n{{date}} {{signature}}',
        values,
      ),
    ).toBe('Bonjour Hôtel des Ducs,\n\nF-2026-00042 : 443,88 € au 24/12/2026.\n\n{{date}} {{signature}}');
  });

  it('names the placeholders that do not exist, which the tenant’s settings refuse', () => {
    expect(unknownPlaceholders('{{client}} {{numéro}} {{montant}} {{numéro}} {{total}}')).toEqual(['numéro', 'total']);
    expect(() => invoicingSettingsProblems({ invoiceMailBody: 'Facture {{numéro}}' }).throwIfInvalid()).toThrow(
      /invoiceMailBody: repère inconnu : \{\{numéro\}\}/,
    );
    expect(() => invoicingSettingsProblems({ invoiceMailSubject: 'x'.repeat(251) }).throwIfInvalid()).toThrow(/au plus 250 caractères/);
    expect(() =>
      invoicingSettingsProblems({ invoiceMailSubject: 'Facture {{numero}} de {{societe}}', invoiceMailBody: '' }).throwIfInvalid(),
    ).not.toThrow();
  });
});
