import type { EntityManager } from '@mikro-orm/postgresql';
import { Customer } from '../../maintenance/customer.entity';
import { contactsByCustomerIds } from '../../maintenance/customer.service';
import { enqueueMail } from '../../mail/outbox.service';
import { isMailAddress } from '../../mail/outbox.rules';
import { nextCounterValue } from '../../platform/counters';
import { publicBaseUrl } from '../../platform/public-url';
import { Tenant } from '../../platform/tenant.entity';
import { Errors, Validator } from '../../shared/errors';
import type { Identity } from '../../shared/identity';
import { localDate } from '../../shared/time';
import { formatEuro } from '../documents/format';
import { MAX_MAIL_BODY_LENGTH, MAX_MAIL_SUBJECT_LENGTH, renderMailTemplate, sendAddresses } from '../invoice-mail.rules';
import type { MailAttachmentPreview } from '../invoice-sending';
import { Quote, QuotePublicLink } from './quote.entity';
import { assertQuoteTransition, formatQuoteNumber, quoteCounterName } from './quote.rules';
import { flushQuote, lockQuote, publicQuoteUrl } from './quote.service';
import { quotePdfFileName, renderQuotePdf } from './quote-document';
import {
  DEFAULT_QUOTE_MAIL_BODY,
  DEFAULT_QUOTE_MAIL_SUBJECT,
  QUOTE_MAIL_PLACEHOLDERS,
  proposedValidity,
  quoteMailHtml,
  quoteMailValues,
  quoteRecipients,
  validityForSending,
  type QuoteRecipients,
} from './quote-mail.rules';

/**
 * Sending a quote: its number at the first sending, SENT, and a mail to the customer's signatory
 * (see quote-mail.rules.ts) with the quote's PDF attached and the absolute link of its public page,
 * through the outbox in the same transaction. A quote whose validity has passed is refused
 * (QUOTE_EXPIRED) unless the sender gives a new validity date. Without any address (none typed,
 * none in the customer file) the quote is still sent, for the office to hand the link over.
 */

export interface SendQuoteInput {
  /** Recipients; by default the customer's signatories, else its billing contacts, else its address. */
  to?: string[] | null;
  cc?: string[] | null;
  subject?: string | null;
  body?: string | null;
  /** A new validity date (today or later), required when the quote's own has passed. */
  validUntil?: string | null;
}

export const QUOTE_MAIL_RELATION = 'Quote';

interface QuoteSendContext {
  customerName: string;
  sellerName: string;
  recipients: QuoteRecipients;
  link: string;
  today: string;
}

async function sendContext(em: EntityManager, quote: Quote): Promise<QuoteSendContext> {
  const [customer, contacts, tenant, link] = await Promise.all([
    em.findOne(Customer, { id: quote.customerId }),
    contactsByCustomerIds(em, [quote.customerId]),
    em.findOneOrFail(Tenant, { id: quote.tenantId }),
    em.findOneOrFail(QuotePublicLink, { quoteId: quote.id }),
  ]);
  if (!customer) throw Errors.notFound('Customer', quote.customerId);
  return {
    customerName: customer.name,
    sellerName: tenant.legalName,
    recipients: quoteRecipients({
      customerEmail: customer.email ?? null,
      contacts: contacts.map((c) => ({ email: c.email ?? null, isBillingContact: c.isBillingContact, isSignatory: c.isSignatory })),
      tenantBillingEmail: tenant.billingEmail ?? null,
    }),
    link: publicQuoteUrl(publicBaseUrl(tenant.publicUrl), link.token),
    today: localDate(new Date(), tenant.timezone),
  };
}

const render = (template: string, values: ReturnType<typeof quoteMailValues>) =>
  renderMailTemplate(template, values, QUOTE_MAIL_PLACEHOLDERS);

export interface QuoteSendPreview {
  quoteId: string;
  customerName: string;
  to: string[];
  cc: string[];
  replyTo: string | null;
  recipientSource: QuoteRecipients['source'];
  /** Rendered; a quote never sent shows {{numero}} until it gets its number. */
  subject: string;
  body: string;
  attachments: MailAttachmentPreview[];
  /** The absolute address of the customer's page, as the mail carries it. */
  publicUrl: string;
  validUntil: string;
  /** Its validity has passed: it is sent only with a new date. */
  expired: boolean;
  /** The new validity the dialog proposes (today + 30 days). */
  proposedValidUntil: string;
}

/** What « Envoyer » would send: recipients, subject, text, the PDF, and whether the validity must be extended. */
export async function quoteSendPreview(em: EntityManager, quoteId: string): Promise<QuoteSendPreview> {
  const quote = await em.findOne(Quote, { id: quoteId });
  if (!quote) throw Errors.notFound('Quote', quoteId);
  const context = await sendContext(em, quote);
  const expired = quote.validUntil < context.today;
  const values = quoteMailValues(
    { ...quote, validUntil: expired ? proposedValidity(context.today) : quote.validUntil },
    formatEuro(quote.totalGross),
    context,
  );
  return {
    quoteId,
    customerName: context.customerName,
    to: context.recipients.to,
    cc: [],
    replyTo: context.recipients.replyTo,
    recipientSource: context.recipients.source,
    subject: render(DEFAULT_QUOTE_MAIL_SUBJECT, values).replace(/\s+/g, ' '),
    body: render(DEFAULT_QUOTE_MAIL_BODY, values),
    attachments: [
      {
        filename: quote.number ? quotePdfFileName(quote) : '{{numero}}.pdf',
        contentType: 'application/pdf',
        description: 'Le devis en PDF (lignes, options, totaux, validité)',
      },
    ],
    publicUrl: context.link,
    validUntil: quote.validUntil,
    expired,
    proposedValidUntil: proposedValidity(context.today),
  };
}

/** The addresses, subject and text templates to send with, refused at once (nothing written) when they cannot be sent. */
function resolveMail(context: QuoteSendContext, input: SendQuoteInput) {
  const { to, cc } = sendAddresses(context.recipients, input);
  const subject = input.subject?.trim() || DEFAULT_QUOTE_MAIL_SUBJECT;
  const body = input.body?.trim() || DEFAULT_QUOTE_MAIL_BODY;
  new Validator()
    .check(
      to.every((a) => isMailAddress(a)),
      'to',
      'adresse e-mail invalide',
    )
    .check(
      cc.every((a) => isMailAddress(a)),
      'cc',
      'adresse e-mail invalide',
    )
    .check(to.length > 0 || cc.length === 0, 'to', 'destinataire obligatoire pour envoyer une copie', 'REQUIRED')
    .check(subject.length <= MAX_MAIL_SUBJECT_LENGTH, 'subject', `au plus ${MAX_MAIL_SUBJECT_LENGTH} caractères`, 'TOO_LONG')
    .check(body.length <= MAX_MAIL_BODY_LENGTH, 'body', `au plus ${MAX_MAIL_BODY_LENGTH} caractères`, 'TOO_LONG')
    .throwIfInvalid();
  return { to, cc, subject, body };
}

/**
 * Sends a draft quote: checks the mail and the validity first (QUOTE_EXPIRED, VALIDATION_FAILED:
 * nothing changes), then the number D-YYYY-NNNNN at the first sending, SENT, sent_at, and the
 * mail with the PDF and the public link, in the caller's transaction.
 */
export async function sendQuote(
  em: EntityManager,
  identity: Identity,
  id: string,
  expectedVersion: number,
  input: SendQuoteInput = {},
): Promise<Quote> {
  const quote = await lockQuote(em, id, expectedVersion);
  assertQuoteTransition(quote, 'SENT');
  const context = await sendContext(em, quote);
  const validUntil = validityForSending(quote, input.validUntil, context.today);
  const mail = resolveMail(context, input);
  const now = new Date();
  if (!quote.number) {
    const year = context.today.slice(0, 4);
    quote.number = formatQuoteNumber(year, await nextCounterValue(em, quote.tenantId, quoteCounterName(year)));
  }
  quote.validUntil = validUntil;
  quote.status = 'SENT';
  quote.sentAt = now;
  await flushQuote(em, quote);
  if (mail.to.length === 0) return quote;
  const values = quoteMailValues(quote, formatEuro(quote.totalGross), context);
  const text = render(mail.body, values);
  await enqueueMail(em, identity, {
    to: mail.to,
    cc: mail.cc,
    ...(context.recipients.replyTo ? { replyTo: context.recipients.replyTo } : {}),
    subject: render(mail.subject, values).replace(/\s+/g, ' '),
    text,
    html: quoteMailHtml(text, context.link),
    attachments: [{ filename: quotePdfFileName(quote), contentType: 'application/pdf', content: await renderQuotePdf(em, quote) }],
    related: { type: QUOTE_MAIL_RELATION, id: quote.id },
  });
  return quote;
}
