import { escapeHtml, invoiceRecipients, mailParagraphs, type RecipientSources } from '../invoice-mail.rules';
import { Errors } from '../../shared/errors';
import { frenchDate } from '../../shared/time';
import { addDaysToDate, DEFAULT_QUOTE_VALIDITY_DAYS } from './quote.rules';

/**
 * Who a quote mail goes to and what it says, as plain functions:
 * - To: the customer's contacts with the role « signataire » (they sign quotes and contracts, so
 *   they are the ones who accept on the public page); when none has an address, the invoice rule
 *   (billing contacts, else the customer's general address). Replies go to the tenant's billing
 *   address.
 * - Text: a template with placeholders ({{lien}} being the absolute link of the public page).
 * - Validity: a quote is never sent already expired; the sender gives a new validity date
 *   (the dialog proposes today + 30 days).
 */

export const QUOTE_MAIL_PLACEHOLDERS = ['client', 'numero', 'objet', 'montant', 'validite', 'lien', 'societe'] as const;
export type QuoteMailPlaceholder = (typeof QUOTE_MAIL_PLACEHOLDERS)[number];
export type QuoteMailValues = Partial<Record<QuoteMailPlaceholder, string | null>>;

export const DEFAULT_QUOTE_MAIL_SUBJECT = 'Devis {{numero}} — {{objet}}';

export const DEFAULT_QUOTE_MAIL_BODY = [
  'Bonjour,',
  '',
  'Veuillez trouver ci-joint notre devis {{numero}} « {{objet}} », d’un montant de {{montant}} TTC, valable jusqu’au {{validite}}.',
  '',
  'Vous pouvez le consulter, choisir les options et l’accepter (signature en ligne) ou le refuser sur cette page :',
  '{{lien}}',
  '',
  'Cordialement,',
  '{{societe}}',
].join('\n');

export type QuoteRecipientSource = 'SIGNATORY_CONTACTS' | 'BILLING_CONTACTS' | 'CUSTOMER' | 'NONE';

export interface QuoteRecipients {
  to: string[];
  replyTo: string | null;
  source: QuoteRecipientSource;
}

export interface QuoteRecipientSources extends Omit<RecipientSources, 'contacts'> {
  /** In the customer file's order. */
  contacts: readonly { email: string | null; isBillingContact: boolean; isSignatory: boolean }[];
}

/** The signatories with an address; else the billing contacts, else the customer's address (as for invoices). */
export function quoteRecipients(sources: QuoteRecipientSources): QuoteRecipients {
  const signatories = invoiceRecipients({
    ...sources,
    customerEmail: null,
    contacts: sources.contacts.map((c) => ({ email: c.email, isBillingContact: c.isSignatory })),
  });
  if (signatories.to.length > 0) return { ...signatories, source: 'SIGNATORY_CONTACTS' };
  return invoiceRecipients(sources);
}

/** What the placeholders say; a draft never sent has no number yet ({{numero}} stays until it is sent). */
export function quoteMailValues(
  quote: { number?: string | null; title: string; validUntil: string },
  amount: string,
  context: { customerName: string; sellerName: string; link: string },
): QuoteMailValues {
  return {
    client: context.customerName,
    numero: quote.number ?? null,
    objet: quote.title,
    montant: amount,
    validite: frenchDate(quote.validUntil),
    lien: context.link,
    societe: context.sellerName,
  };
}

/** The validity proposed when a quote is sent past its date: today + 30 days. */
export const proposedValidity = (today: string) => addDaysToDate(today, DEFAULT_QUOTE_VALIDITY_DAYS);

/**
 * The validity date a quote is sent with: a new one given by the sender (today or later), else its
 * own, which must not have passed (QUOTE_EXPIRED, naming the field, with the date proposed instead).
 */
export function validityForSending(
  quote: { id: string; number?: string | null; validUntil: string },
  newValidUntil: string | null | undefined,
  today: string,
): string {
  if (newValidUntil) {
    if (newValidUntil < today)
      throw Errors.validation([
        {
          field: 'validUntil',
          message: `date de validité passée : le ${frenchDate(newValidUntil)} est avant aujourd’hui`,
          reason: 'OUT_OF_RANGE',
        },
      ]);
    return newValidUntil;
  }
  if (quote.validUntil < today)
    throw Errors.conflict(
      'QUOTE_EXPIRED',
      `${quote.number ? `Le devis ${quote.number}` : 'Ce devis'} n’est plus valable depuis le ${frenchDate(quote.validUntil)} : donnez-lui une nouvelle date de validité pour l’envoyer`,
      { quoteId: quote.id, field: 'validUntil', validUntil: quote.validUntil, proposedValidUntil: proposedValidity(today) },
    );
  return quote.validUntil;
}

/** The HTML part: the text's paragraphs, the public page's address made a link the customer clicks. */
export function quoteMailHtml(text: string, link: string): string {
  const anchor = `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`;
  const html = mailParagraphs(text).map((p) => p.html.replaceAll(escapeHtml(link), anchor));
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2933">${html.join('')}</body></html>`;
}
