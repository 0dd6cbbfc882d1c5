import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { Invoice, type InvoiceTypeCode } from './invoice.entity';
import { ensureInvoiceArtefacts } from './documents/invoice-artefacts';
import { documentFileName } from './documents/document-link';
import { formatEuro, formatIban } from './documents/format';
import { Customer } from '../maintenance/customer.entity';
import { enqueueMail } from '../mail/outbox.service';
import { Tenant } from '../platform/tenant.entity';
import { Errors, Validator } from '../shared/errors';
import type { Identity } from '../shared/identity';
import { frenchDate, localDate } from '../shared/time';
import { epcQrPng } from '../finance/epc-qr';
import { TRANSFER_QR_CAPTION, transferQrPayload } from './documents/payment-qr';
import { invoicePaymentMethod } from './invoice-payment-method';
import { Money } from './money';

/**
 * Sending an issued invoice or credit note: a mail with its Factur-X PDF, through the outbox (so
 * it is retried and its delivery is visible beside the invoice). The first send marks it sent.
 * An invoice paid by transfer shows the EPC QR code of its open balance in the HTML part.
 */

export interface SendInvoiceInput {
  /** Recipients; by default the customer's e-mail address. */
  to?: string[] | null;
  /** A personal message put before the standard text. */
  message?: string | null;
}

export const INVOICE_MAIL_RELATION = 'invoice';

const TITLES: Record<InvoiceTypeCode, string> = { '380': 'Facture', '381': 'Avoir', '386': 'Facture d’acompte' };

/** The mail's paragraphs, each a list of lines: the text part joins them, the HTML part wraps them. */
type MailInvoice = Pick<Invoice, 'typeCode' | 'number' | 'issueDate' | 'dueDate' | 'totalGross' | 'amountDue'>;
type MailTenant = Pick<Tenant, 'iban' | 'bic' | 'legalName'>;

function invoiceMailParagraphs(invoice: MailInvoice, tenant: MailTenant, message: string | null, directDebit: boolean): string[][] {
  const title = TITLES[invoice.typeCode as InvoiceTypeCode];
  const body = [
    invoice.typeCode === '381'
      ? `Veuillez trouver ci-joint notre avoir ${invoice.number} du ${frenchDate(invoice.issueDate!)}, d’un montant de ${formatEuro(invoice.totalGross)} TTC.`
      : `Veuillez trouver ci-joint notre ${title.toLowerCase()} ${invoice.number} du ${frenchDate(invoice.issueDate!)}, d’un montant de ${formatEuro(invoice.amountDue)} TTC, payable au plus tard le ${frenchDate(invoice.dueDate!)}.`,
  ];
  if (invoice.typeCode !== '381' && directDebit) body.push('Règlement par prélèvement SEPA à l’échéance.');
  else if (invoice.typeCode !== '381' && tenant.iban)
    body.push(`Règlement par virement : IBAN ${formatIban(tenant.iban)}${tenant.bic ? `, BIC ${tenant.bic}` : ''}.`);
  return [
    [message?.trim() || 'Bonjour,'],
    body,
    ['Le PDF joint contient la facture électronique au format Factur-X (EN 16931).'],
    ['Cordialement,', tenant.legalName],
  ];
}

export function invoiceMailText(
  invoice: MailInvoice,
  tenant: MailTenant,
  message: string | null,
  options: { directDebit?: boolean } = {},
): string {
  return invoiceMailParagraphs(invoice, tenant, message, options.directDebit ?? false)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}

/** The inline image of the transfer QR code, referenced from the HTML part as `cid:<filename>`. */
export const TRANSFER_QR_FILENAME = 'virement-qr.png';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The HTML part: the same paragraphs, and the transfer QR code under the payment details when `withQr`. */
export function invoiceMailHtml(
  invoice: MailInvoice,
  tenant: MailTenant,
  message: string | null,
  options: { directDebit?: boolean; withQr?: boolean } = {},
): string {
  const paragraphs = invoiceMailParagraphs(invoice, tenant, message, options.directDebit ?? false).map(
    (lines) => `<p>${lines.map((l) => escapeHtml(l).replace(/\n/g, '<br>')).join('<br>')}</p>`,
  );
  if (options.withQr)
    paragraphs.splice(
      2,
      0,
      `<p style="text-align:center"><img src="cid:${TRANSFER_QR_FILENAME}" alt="QR code de paiement par virement" width="180" height="180"><br>` +
        `<small>${escapeHtml(TRANSFER_QR_CAPTION)}</small></p>`,
    );
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2933">${paragraphs.join('')}</body></html>`;
}

/** What the transfer QR code of the mail asks to pay: the invoice's open balance when it is sent. */
export function invoiceOpenBalance(
  invoice: Pick<Invoice, 'openBalance' | 'amountDue' | 'retentionAmount' | 'paidAmount' | 'creditedAmount'>,
): string {
  if (invoice.openBalance != null) return new Money(invoice.openBalance).toFixed(2);
  return new Money(invoice.amountDue).minus(invoice.retentionAmount).minus(invoice.paidAmount).minus(invoice.creditedAmount).toFixed(2);
}

export async function sendInvoice(
  em: EntityManager,
  identity: Identity,
  invoiceId: string,
  input: SendInvoiceInput = {},
): Promise<Invoice> {
  const invoice = await em.findOne(Invoice, { id: invoiceId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!invoice) throw Errors.notFound('Invoice', invoiceId);
  if (invoice.status !== 'ISSUED') throw Errors.conflict('INVOICE_NOT_ISSUED', 'Émettez la facture avant de l’envoyer', { invoiceId });
  const [customer, tenant] = await Promise.all([
    em.findOne(Customer, { id: invoice.customerId }),
    em.findOneOrFail(Tenant, { id: invoice.tenantId }),
  ]);
  const to = input.to?.length ? input.to : customer?.email ? [customer.email] : [];
  new Validator()
    .check(to.length > 0, 'to', 'le client n’a pas d’adresse e-mail : indiquez un destinataire')
    .check((input.message ?? '').length <= 5000, 'message', 'au plus 5 000 caractères')
    .throwIfInvalid();
  const artefacts = await ensureInvoiceArtefacts(em, invoiceId);
  const directDebit = (await invoicePaymentMethod(em, invoice, localDate(new Date(), tenant.timezone))) === 'DIRECT_DEBIT';
  const qrPayload = transferQrPayload({
    typeCode: invoice.typeCode,
    number: invoice.number ?? null,
    currency: invoice.currency,
    amount: invoiceOpenBalance(invoice),
    directDebit,
    seller: { legalName: tenant.legalName, iban: tenant.iban ?? null, bic: tenant.bic ?? null },
  });
  const message = input.message ?? null;
  await enqueueMail(em, identity, {
    to,
    ...(tenant.billingEmail ? { replyTo: tenant.billingEmail } : {}),
    subject: `${TITLES[invoice.typeCode as InvoiceTypeCode]} ${invoice.number} — ${tenant.name}`,
    text: invoiceMailText(invoice, tenant, message, { directDebit }),
    html: invoiceMailHtml(invoice, tenant, message, { directDebit, withQr: qrPayload !== null }),
    attachments: [
      { filename: documentFileName(invoice, 'PDF'), contentType: 'application/pdf', content: artefacts.pdf },
      ...(qrPayload ? [{ filename: TRANSFER_QR_FILENAME, contentType: 'image/png', content: await epcQrPng(qrPayload) }] : []),
    ],
    related: { type: INVOICE_MAIL_RELATION, id: invoiceId },
  });
  if (!invoice.sentAt) {
    invoice.sentAt = new Date();
    invoice.updatedAt = new Date();
  }
  await em.flush();
  return invoice;
}
