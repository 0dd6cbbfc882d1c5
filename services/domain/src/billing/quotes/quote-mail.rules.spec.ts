import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { renderMailTemplate } from '../invoice-mail.rules';
import {
  DEFAULT_QUOTE_MAIL_BODY,
  DEFAULT_QUOTE_MAIL_SUBJECT,
  QUOTE_MAIL_PLACEHOLDERS,
  quoteMailHtml,
  quoteMailValues,
  quoteRecipients,
  validityForSending,
} from './quote-mail.rules';

const contact = (email: string | null, roles: { billing?: boolean; signatory?: boolean }) => ({
  email,
  isBillingContact: roles.billing ?? false,
  isSignatory: roles.signatory ?? false,
});

describe('quote mail recipients', () => {
  const base = { customerEmail: 'accueil@client.fr', tenantBillingEmail: 'facturation@relais.fr' };

  it('go to the signatories first, once each, replies to the tenant’s billing address', () => {
    expect(
      quoteRecipients({
        ...base,
        contacts: [
          contact('compta@client.fr', { billing: true }),
          contact('gerant@client.fr', { signatory: true }),
          contact('GERANT@client.fr', { signatory: true, billing: true }),
        ],
      }),
    ).toEqual({ to: ['gerant@client.fr'], replyTo: 'facturation@relais.fr', source: 'SIGNATORY_CONTACTS' });
  });

  it('else to the billing contacts, else the customer’s address, else nobody', () => {
    const billing = [contact(null, { signatory: true }), contact('compta@client.fr', { billing: true })];
    expect(quoteRecipients({ ...base, contacts: billing })).toMatchObject({ to: ['compta@client.fr'], source: 'BILLING_CONTACTS' });
    expect(quoteRecipients({ ...base, contacts: [] })).toMatchObject({ to: ['accueil@client.fr'], source: 'CUSTOMER' });
    expect(quoteRecipients({ ...base, customerEmail: null, contacts: [] })).toMatchObject({ to: [], source: 'NONE' });
  });
});

describe('quote mail text', () => {
  const values = quoteMailValues({ number: 'D-2026-00012', title: 'Remplacement de la vanne', validUntil: '2027-01-05' }, '1 014,00 €', {
    customerName: 'Boulangerie Martin',
    sellerName: 'Clim Ouest SAS',
    link: 'https://relais.example.fr/public/quotes/abc',
  });

  it('fills in the quote’s placeholders, the link being absolute', () => {
    expect(renderMailTemplate(DEFAULT_QUOTE_MAIL_SUBJECT, values, QUOTE_MAIL_PLACEHOLDERS)).toBe(
      'Devis D-2026-00012 — Remplacement de la vanne',
    );
    const text = renderMailTemplate(DEFAULT_QUOTE_MAIL_BODY, values, QUOTE_MAIL_PLACEHOLDERS);
    expect(text).toContain(
      'notre devis D-2026-00012 « Remplacement de la vanne », d’un montant de 1 014,00 € TTC, valable jusqu’au 05/01/2027.',
    );
    expect(text).toContain('\nhttps://relais.example.fr/public/quotes/abc\n');
    expect(text).toMatch(/Clim Ouest SAS$/);
  });

  it('keeps {{numero}} of a quote never sent, and makes the link clickable in the HTML part', () => {
    const draft = quoteMailValues({ number: null, title: 'T', validUntil: '2027-01-05' }, '1,00 €', {
      customerName: 'C',
      sellerName: 'S',
      link: 'https://x.fr/public/quotes/a&b',
    });
    expect(renderMailTemplate(DEFAULT_QUOTE_MAIL_SUBJECT, draft, QUOTE_MAIL_PLACEHOLDERS)).toBe('Devis {{numero}} — T');
    expect(quoteMailHtml('Voir :\nhttps://x.fr/public/quotes/a&b', 'https://x.fr/public/quotes/a&b')).toContain(
      '<p>Voir :<br><a href="https://x.fr/public/quotes/a&amp;b">https://x.fr/public/quotes/a&amp;b</a></p>',
    );
  });
});

describe('validity of a quote being sent', () => {
  const quote = { id: 'q1', number: 'D-2026-00003', validUntil: '2026-11-30' };

  it('keeps a validity not passed, and takes a new one from today on', () => {
    expect(validityForSending({ ...quote, validUntil: '2026-12-06' }, null, '2026-12-06')).toBe('2026-12-06');
    expect(validityForSending(quote, '2027-01-05', '2026-12-06')).toBe('2027-01-05');
  });

  it('refuses a passed validity with QUOTE_EXPIRED proposing today + 30 days, and a new date in the past', () => {
    const expired = (() => {
      try {
        validityForSending(quote, undefined, '2026-12-06');
      } catch (error) {
        return error as DomainError;
      }
    })();
    expect(expired).toBeInstanceOf(DomainError);
    expect(expired).toMatchObject({
      code: 'QUOTE_EXPIRED',
      details: { field: 'validUntil', validUntil: '2026-11-30', proposedValidUntil: '2027-01-05' },
    });
    expect(expired!.message).toBe(
      'Le devis D-2026-00003 n’est plus valable depuis le 30/11/2026 : donnez-lui une nouvelle date de validité pour l’envoyer',
    );
    expect(() => validityForSending(quote, '2026-12-05', '2026-12-06')).toThrow(/date de validité passée/);
  });
});
