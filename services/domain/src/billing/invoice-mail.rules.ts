import { isMailAddress } from '../mail/outbox.rules';

/**
 * Who an invoice mail goes to and what it says, as plain functions: the recipients (the
 * customer's billing contacts, else its general address), the reply-to (the tenant's billing
 * address) and the tenant's template with its placeholders, rendered for one invoice.
 */

export const INVOICE_MAIL_PLACEHOLDERS = ['client', 'numero', 'montant', 'echeance', 'date', 'document', 'societe', 'reglement'] as const;
export type InvoiceMailPlaceholder = (typeof INVOICE_MAIL_PLACEHOLDERS)[number];

/** A value per placeholder; null leaves the placeholder as typed (a draft has no number nor due date yet). */
export type InvoiceMailValues = Partial<Record<InvoiceMailPlaceholder, string | null>>;

export const MAX_MAIL_SUBJECT_LENGTH = 250;
export const MAX_MAIL_BODY_LENGTH = 5000;

export const DEFAULT_INVOICE_MAIL_SUBJECT = '{{document}} {{numero}} — {{societe}}';

/** The text of an invoice (or deposit invoice) mail when the tenant has not written its own. */
export const DEFAULT_INVOICE_MAIL_BODY = [
  'Bonjour,',
  '',
  'Veuillez trouver ci-joint notre facture {{numero}} du {{date}}, d’un montant de {{montant}} TTC, payable au plus tard le {{echeance}}.',
  '{{reglement}}',
  '',
  'Le PDF joint contient la facture électronique au format Factur-X (EN 16931).',
  '',
  'Cordialement,',
  '{{societe}}',
].join('\n');

/** A credit note is not payable: its text is fixed (the tenant's template is for invoices). */
export const CREDIT_NOTE_MAIL_BODY = [
  'Bonjour,',
  '',
  'Veuillez trouver ci-joint notre avoir {{numero}} du {{date}}, d’un montant de {{montant}} TTC.',
  '',
  'Le PDF joint contient la facture électronique au format Factur-X (EN 16931).',
  '',
  'Cordialement,',
  '{{societe}}',
].join('\n');

const PLACEHOLDER = /\{\{\s*([\p{L}\w]+)\s*\}\}/gu;
const ALONE_ON_ITS_LINE = /^\s*\{\{\s*([\p{L}\w]+)\s*\}\}\s*$/u;

/** The placeholders of a template that do not exist (typos the tenant's settings refuse). */
export function unknownPlaceholders(template: string, known: readonly string[] = INVOICE_MAIL_PLACEHOLDERS): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.includes(name)))];
}

/**
 * Replaces each known placeholder that has a value; a line holding only a placeholder whose value
 * is empty disappears (no payment sentence, no blank line), and unknown or unset ones stay as typed.
 * `known`: the placeholders of this kind of mail (an invoice's by default; a quote has its own).
 */
export function renderMailTemplate(
  template: string,
  values: Partial<Record<string, string | null>>,
  known: readonly string[] = INVOICE_MAIL_PLACEHOLDERS,
): string {
  const valueOf = (name: string): string | null => (known.includes(name) ? (values[name] ?? null) : null);
  return template
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => {
      const alone = ALONE_ON_ITS_LINE.exec(line);
      return !alone || valueOf(alone[1]!) !== '';
    })
    .map((line) => line.replace(PLACEHOLDER, (whole, name: string) => valueOf(name) ?? whole))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface RecipientSources {
  customerEmail: string | null;
  /** In the customer file's order. */
  contacts: readonly { email: string | null; isBillingContact: boolean }[];
  tenantBillingEmail: string | null;
}

export type RecipientSource = 'BILLING_CONTACTS' | 'CUSTOMER' | 'NONE';

export interface InvoiceRecipients {
  to: string[];
  replyTo: string | null;
  /** Where `to` came from: the contacts marked for billing, the customer's general address, or nowhere. */
  source: RecipientSource;
}

const usable = (address: string | null | undefined): string | null => {
  const trimmed = address?.trim() ?? '';
  return trimmed && isMailAddress(trimmed) ? trimmed : null;
};

/** Addresses once each (compared without case), in order. */
export function distinctAddresses(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((a) => {
    const key = a.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The invoice mail goes to the customer's contacts marked for billing that have a usable address;
 * when there are none, to the customer's own address; replies go to the tenant's billing address.
 */
export function invoiceRecipients(sources: RecipientSources): InvoiceRecipients {
  const replyTo = usable(sources.tenantBillingEmail);
  const billing = distinctAddresses(
    sources.contacts.filter((c) => c.isBillingContact).flatMap((c) => (usable(c.email) ? [usable(c.email)!] : [])),
  );
  if (billing.length > 0) return { to: billing, replyTo, source: 'BILLING_CONTACTS' };
  const general = usable(sources.customerEmail);
  if (general) return { to: [general], replyTo, source: 'CUSTOMER' };
  return { to: [], replyTo, source: 'NONE' };
}

/**
 * What is sent: the addresses typed (when any) replace the default recipients; a copy never goes
 * twice to someone already in `to`.
 */
export function sendAddresses(
  defaults: Pick<InvoiceRecipients, 'to'>,
  input: { to?: readonly string[] | null; cc?: readonly string[] | null },
): { to: string[]; cc: string[] } {
  const clean = (list: readonly string[] | null | undefined) => distinctAddresses((list ?? []).map((a) => a.trim()).filter(Boolean));
  const typed = clean(input.to);
  const to = typed.length > 0 ? typed : defaults.to;
  const inTo = new Set(to.map((a) => a.toLowerCase()));
  return { to, cc: clean(input.cc).filter((a) => !inTo.has(a.toLowerCase())) };
}

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The text's paragraphs (separated by blank lines), each with its HTML (escaped, lines broken with <br>). */
export function mailParagraphs(text: string): { text: string; html: string }[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p, html: `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>` }));
}
