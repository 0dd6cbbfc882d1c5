import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { Invoice, type InvoiceTypeCode } from './invoice.entity';
import { alreadyIssued } from './invoice-drafts';
import { issueInvoice } from './invoice-issue';
import {
  CREDIT_NOTE_MAIL_BODY,
  DEFAULT_INVOICE_MAIL_BODY,
  DEFAULT_INVOICE_MAIL_SUBJECT,
  MAX_MAIL_BODY_LENGTH,
  MAX_MAIL_SUBJECT_LENGTH,
  escapeHtml,
  invoiceRecipients,
  mailParagraphs,
  renderMailTemplate,
  sendAddresses,
  type InvoiceMailValues,
  type InvoiceRecipients,
} from './invoice-mail.rules';
import { ensureInvoiceArtefacts } from './documents/invoice-artefacts';
import { documentFileName } from './documents/document-link';
import { formatEuro, formatIban } from './documents/format';
import { Customer } from '../maintenance/customer.entity';
import { contactsByCustomerIds } from '../maintenance/customer.service';
import { enqueueMail } from '../mail/outbox.service';
import { isMailAddress } from '../mail/outbox.rules';
import { Tenant } from '../platform/tenant.entity';
import { recordFact } from '../platform/business-facts';
import { DomainError, Errors, Validator } from '../shared/errors';
import type { Identity } from '../shared/identity';
import { frenchDate, localDate } from '../shared/time';
import { epcQrPng } from '../finance/epc-qr';
import { TRANSFER_QR_CAPTION, transferQrPayload } from './documents/payment-qr';
import { invoicePaymentMethod } from './invoice-payment-method';
import { Money } from './money';

/**
 * Sending an issued invoice or credit note: a mail with its Factur-X PDF, through the outbox (so
 * it is retried and its delivery is visible beside the invoice). It goes to the customer's
 * billing contacts (else its general address), replies to the tenant's billing address, and says
 * what the tenant's template says (see invoice-mail.rules.ts); the sender may change the
 * recipients, add copies, and edit the subject and text. The first send marks the invoice sent.
 * An invoice paid by transfer shows the EPC QR code of its open balance in the HTML part.
 */

export interface SendInvoiceInput {
  /** Recipients; by default the customer's billing contacts, else its e-mail address. */
  to?: string[] | null;
  cc?: string[] | null;
  /** Default: the tenant's subject template. Placeholders are filled in at send time. */
  subject?: string | null;
  /** Default: the tenant's text template. Placeholders are filled in at send time. */
  body?: string | null;
  /** Deprecated (use `body`): a personal message put before the text. */
  message?: string | null;
}

export const INVOICE_MAIL_RELATION = 'invoice';

const TITLES: Record<InvoiceTypeCode, string> = { '380': 'Facture', '381': 'Avoir', '386': 'Facture d’acompte' };

/** The inline image of the transfer QR code, referenced from the HTML part as `cid:<filename>`. */
export const TRANSFER_QR_FILENAME = 'virement-qr.png';

type MailInvoice = Pick<Invoice, 'typeCode' | 'number' | 'issueDate' | 'dueDate' | 'totalGross' | 'amountDue'>;
type MailTenant = Pick<Tenant, 'iban' | 'bic' | 'legalName'>;

/** The payment sentence of an invoice mail: direct debit, the transfer details, or nothing. */
export function paymentSentence(invoice: Pick<Invoice, 'typeCode'>, tenant: Pick<Tenant, 'iban' | 'bic'>, directDebit: boolean): string {
  if (invoice.typeCode === '381') return '';
  if (directDebit) return 'Règlement par prélèvement SEPA à l’échéance.';
  if (tenant.iban) return `Règlement par virement : IBAN ${formatIban(tenant.iban)}${tenant.bic ? `, BIC ${tenant.bic}` : ''}.`;
  return '';
}

/** What the placeholders say for this invoice; a draft has no number, date or due date yet (they stay as typed). */
export function invoiceMailValues(
  invoice: MailInvoice,
  tenant: MailTenant,
  customerName: string,
  options: { directDebit?: boolean } = {},
): InvoiceMailValues {
  return {
    client: customerName,
    numero: invoice.number ?? null,
    montant: formatEuro(invoice.typeCode === '381' ? invoice.totalGross : invoice.amountDue),
    echeance: invoice.dueDate ? frenchDate(invoice.dueDate) : null,
    date: invoice.issueDate ? frenchDate(invoice.issueDate) : null,
    document: TITLES[invoice.typeCode as InvoiceTypeCode],
    societe: tenant.legalName,
    reglement: paymentSentence(invoice, tenant, options.directDebit ?? false),
  };
}

/** The templates a document is sent with: the tenant's for invoices, a fixed text for credit notes. */
export function mailTemplates(
  invoice: Pick<Invoice, 'typeCode'>,
  tenant: Pick<Tenant, 'invoiceMailSubject' | 'invoiceMailBody'>,
): { subject: string; body: string } {
  if (invoice.typeCode === '381') return { subject: DEFAULT_INVOICE_MAIL_SUBJECT, body: CREDIT_NOTE_MAIL_BODY };
  return { subject: tenant.invoiceMailSubject ?? DEFAULT_INVOICE_MAIL_SUBJECT, body: tenant.invoiceMailBody ?? DEFAULT_INVOICE_MAIL_BODY };
}

/**
 * The HTML part: the text's paragraphs, and the transfer QR code under the paragraph with the
 * payment details (`qrAfter`), or before the signature when the text no longer has them.
 */
export function invoiceMailHtml(text: string, qrAfter: string | null): string {
  const paragraphs = mailParagraphs(text);
  const html = paragraphs.map((p) => p.html);
  if (qrAfter !== null) {
    const found = qrAfter ? paragraphs.findIndex((p) => p.text.includes(qrAfter)) : -1;
    const at = found >= 0 ? found + 1 : Math.max(paragraphs.length - 1, 0);
    html.splice(
      at,
      0,
      `<p style="text-align:center"><img src="cid:${TRANSFER_QR_FILENAME}" alt="QR code de paiement par virement" width="180" height="180"><br>` +
        `<small>${escapeHtml(TRANSFER_QR_CAPTION)}</small></p>`,
    );
  }
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2933">${html.join('')}</body></html>`;
}

/** What the transfer QR code of the mail asks to pay: the invoice's open balance when it is sent. */
export function invoiceOpenBalance(
  invoice: Pick<Invoice, 'openBalance' | 'amountDue' | 'retentionAmount' | 'paidAmount' | 'creditedAmount'>,
): string {
  if (invoice.openBalance != null) return new Money(invoice.openBalance).toFixed(2);
  return new Money(invoice.amountDue).minus(invoice.retentionAmount).minus(invoice.paidAmount).minus(invoice.creditedAmount).toFixed(2);
}

/** Everything a mail of this invoice is made from, read once. */
interface SendContext {
  invoice: Invoice;
  tenant: Tenant;
  customerName: string;
  recipients: InvoiceRecipients;
  directDebit: boolean;
  values: InvoiceMailValues;
  templates: { subject: string; body: string };
}

async function sendContext(em: EntityManager, invoice: Invoice): Promise<SendContext> {
  const [customer, contacts, tenant] = await Promise.all([
    em.findOne(Customer, { id: invoice.customerId }),
    contactsByCustomerIds(em, [invoice.customerId]),
    em.findOneOrFail(Tenant, { id: invoice.tenantId }),
  ]);
  const customerName = invoice.buyer?.name ?? customer?.name ?? '';
  const recipients = invoiceRecipients({
    customerEmail: customer?.email ?? null,
    contacts: contacts.map((c) => ({ email: c.email ?? null, isBillingContact: c.isBillingContact })),
    tenantBillingEmail: tenant.billingEmail ?? null,
  });
  const directDebit = (await invoicePaymentMethod(em, invoice, localDate(new Date(), tenant.timezone))) === 'DIRECT_DEBIT';
  return {
    invoice,
    tenant,
    customerName,
    recipients,
    directDebit,
    values: invoiceMailValues(invoice, tenant, customerName, { directDebit }),
    templates: mailTemplates(invoice, tenant),
  };
}

/** NO_RECIPIENT: nobody to send to, neither typed nor in the customer file. */
export function noRecipient(customerName: string, customerId: string): DomainError {
  return new DomainError(
    'NO_RECIPIENT',
    'BAD_USER_INPUT',
    `Aucun destinataire : le client ${customerName} n’a ni contact de facturation ni adresse e-mail ; indiquez un destinataire`,
    { field: 'to', customerId, customerName },
  );
}

/** The addresses, subject and text to send with, refused at once (nothing written) when they cannot be sent. */
function resolveMail(context: SendContext, input: SendInvoiceInput): { to: string[]; cc: string[]; subject: string; text: string } {
  const { to, cc } = sendAddresses(context.recipients, input);
  if (to.length === 0) throw noRecipient(context.customerName, context.invoice.customerId);
  const subjectTemplate = input.subject?.trim() || context.templates.subject;
  const bodyTemplate = input.body?.trim() || context.templates.body;
  const message = input.body?.trim() ? '' : (input.message?.trim() ?? '');
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
    .check(subjectTemplate.length <= MAX_MAIL_SUBJECT_LENGTH, 'subject', `au plus ${MAX_MAIL_SUBJECT_LENGTH} caractères`)
    .check(bodyTemplate.length <= MAX_MAIL_BODY_LENGTH, 'body', 'au plus 5 000 caractères', 'TOO_LONG')
    .check(message.length <= MAX_MAIL_BODY_LENGTH, 'message', 'au plus 5 000 caractères', 'TOO_LONG')
    .throwIfInvalid();
  const text = renderMailTemplate(bodyTemplate, context.values);
  return {
    to,
    cc,
    subject: renderMailTemplate(subjectTemplate, context.values).replace(/\s+/g, ' '),
    text: message ? `${message}\n\n${text}` : text,
  };
}

export interface MailAttachmentPreview {
  filename: string;
  contentType: string;
  description: string;
}

export interface InvoiceSendPreview {
  invoiceId: string;
  customerName: string;
  to: string[];
  cc: string[];
  replyTo: string | null;
  recipientSource: InvoiceRecipients['source'];
  /** Rendered; a draft's number, date and due date stay as placeholders, filled in when it is issued. */
  subject: string;
  body: string;
  attachments: MailAttachmentPreview[];
}

function willShowQr(context: SendContext): boolean {
  const { invoice, tenant } = context;
  return (
    transferQrPayload({
      typeCode: invoice.typeCode,
      // A draft gets its number at issue: whether it will show the code does not depend on which.
      number: invoice.number ?? 'F',
      currency: invoice.currency,
      amount: invoiceOpenBalance(invoice),
      directDebit: context.directDebit,
      seller: { legalName: tenant.legalName, iban: tenant.iban ?? null, bic: tenant.bic ?? null },
    }) !== null
  );
}

/** What "Envoyer" (or "Émettre et envoyer" for a draft) would send: recipients, copies, reply-to, subject, text, attachments. */
export async function invoiceSendPreview(em: EntityManager, invoiceId: string): Promise<InvoiceSendPreview> {
  const invoice = await em.findOne(Invoice, { id: invoiceId });
  if (!invoice) throw Errors.notFound('Invoice', invoiceId);
  const context = await sendContext(em, invoice);
  const pdfName = invoice.number ? documentFileName(invoice, 'PDF') : '{{numero}}.pdf';
  return {
    invoiceId,
    customerName: context.customerName,
    to: context.recipients.to,
    cc: [],
    replyTo: context.recipients.replyTo,
    recipientSource: context.recipients.source,
    subject: renderMailTemplate(context.templates.subject, context.values).replace(/\s+/g, ' '),
    body: renderMailTemplate(context.templates.body, context.values),
    attachments: [
      {
        filename: pdfName,
        contentType: 'application/pdf',
        description: 'PDF Factur-X : la facture électronique (XML EN 16931) est intégrée au PDF',
      },
      ...(willShowQr(context)
        ? [{ filename: TRANSFER_QR_FILENAME, contentType: 'image/png', description: 'QR code de paiement par virement, dans le texte' }]
        : []),
    ],
  };
}

export async function sendInvoice(
  em: EntityManager,
  identity: Identity,
  invoiceId: string,
  input: SendInvoiceInput = {},
): Promise<Invoice> {
  return (await mailInvoice(em, identity, invoiceId, input)).invoice;
}

/** sendInvoice, telling who the mail went to. */
export async function mailInvoice(
  em: EntityManager,
  identity: Identity,
  invoiceId: string,
  input: SendInvoiceInput = {},
): Promise<{ invoice: Invoice; to: string[]; cc: string[] }> {
  const invoice = await em.findOne(Invoice, { id: invoiceId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!invoice) throw Errors.notFound('Invoice', invoiceId);
  if (invoice.status !== 'ISSUED') throw Errors.conflict('INVOICE_NOT_ISSUED', 'Émettez la facture avant de l’envoyer', { invoiceId });
  const context = await sendContext(em, invoice);
  const mail = resolveMail(context, input);
  const { tenant } = context;
  const artefacts = await ensureInvoiceArtefacts(em, invoiceId);
  const qrPayload = transferQrPayload({
    typeCode: invoice.typeCode,
    number: invoice.number ?? null,
    currency: invoice.currency,
    amount: invoiceOpenBalance(invoice),
    directDebit: context.directDebit,
    seller: { legalName: tenant.legalName, iban: tenant.iban ?? null, bic: tenant.bic ?? null },
  });
  await enqueueMail(em, identity, {
    to: mail.to,
    cc: mail.cc,
    ...(context.recipients.replyTo ? { replyTo: context.recipients.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    html: invoiceMailHtml(mail.text, qrPayload === null ? null : (context.values.reglement ?? '')),
    attachments: [
      { filename: documentFileName(invoice, 'PDF'), contentType: 'application/pdf', content: artefacts.pdf },
      ...(qrPayload ? [{ filename: TRANSFER_QR_FILENAME, contentType: 'image/png', content: await epcQrPng(qrPayload) }] : []),
    ],
    related: { type: INVOICE_MAIL_RELATION, id: invoiceId },
  });
  const resent = Boolean(invoice.sentAt);
  if (!invoice.sentAt) {
    invoice.sentAt = new Date();
    invoice.updatedAt = new Date();
  }
  recordFact(em, identity, {
    kind: 'invoice.sent',
    subjectType: 'Invoice',
    subjectId: invoice.id,
    occurredOn: localDate(new Date()),
    payload: { number: invoice.number, typeCode: invoice.typeCode, customerId: invoice.customerId, resent },
  });
  await em.flush();
  return { invoice, to: mail.to, cc: mail.cc };
}

/**
 * "Émettre et envoyer": issues the draft (at the version the sender saw) and mails it, in the
 * caller's one transaction. The mail is checked before the draft is issued, and any refusal
 * (NO_RECIPIENT, VALIDATION_FAILED, STALE_VERSION, PERIOD_CLOSED...) leaves the draft as it was.
 */
export async function issueAndSendInvoice(
  em: EntityManager,
  identity: Identity,
  invoiceId: string,
  expectedVersion: number,
  input: SendInvoiceInput = {},
): Promise<Invoice> {
  const draft = await em.findOne(Invoice, { id: invoiceId });
  if (!draft) throw Errors.notFound('Invoice', invoiceId);
  if (draft.status !== 'DRAFT') throw alreadyIssued(draft);
  resolveMail(await sendContext(em, draft), input);
  await issueInvoice(em, invoiceId, expectedVersion);
  return sendInvoice(em, identity, invoiceId, input);
}
