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
import { frenchDate } from '../shared/time';

/**
 * Sending an issued invoice or credit note: a mail with its Factur-X PDF, through the outbox (so
 * it is retried and its delivery is visible beside the invoice). The first send marks it sent.
 */

export interface SendInvoiceInput {
  /** Recipients; by default the customer's e-mail address. */
  to?: string[] | null;
  /** A personal message put before the standard text. */
  message?: string | null;
}

export const INVOICE_MAIL_RELATION = 'invoice';

const TITLES: Record<InvoiceTypeCode, string> = { '380': 'Facture', '381': 'Avoir', '386': 'Facture d’acompte' };

export function invoiceMailText(invoice: Invoice, tenant: Tenant, message: string | null): string {
  const title = TITLES[invoice.typeCode as InvoiceTypeCode];
  const lines = [
    message?.trim() || 'Bonjour,',
    '',
    invoice.typeCode === '381'
      ? `Veuillez trouver ci-joint notre avoir ${invoice.number} du ${frenchDate(invoice.issueDate!)}, d’un montant de ${formatEuro(invoice.totalGross)} TTC.`
      : `Veuillez trouver ci-joint notre ${title.toLowerCase()} ${invoice.number} du ${frenchDate(invoice.issueDate!)}, d’un montant de ${formatEuro(invoice.amountDue)} TTC, payable au plus tard le ${frenchDate(invoice.dueDate!)}.`,
  ];
  if (invoice.typeCode !== '381' && tenant.iban)
    lines.push(`Règlement par virement : IBAN ${formatIban(tenant.iban)}${tenant.bic ? `, BIC ${tenant.bic}` : ''}.`);
  lines.push('', 'Le PDF joint contient la facture électronique au format Factur-X (EN 16931).', '', 'Cordialement,', tenant.legalName);
  return lines.join('\n');
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
  await enqueueMail(em, identity, {
    to,
    ...(tenant.billingEmail ? { replyTo: tenant.billingEmail } : {}),
    subject: `${TITLES[invoice.typeCode as InvoiceTypeCode]} ${invoice.number} — ${tenant.name}`,
    text: invoiceMailText(invoice, tenant, input.message ?? null),
    attachments: [{ filename: documentFileName(invoice, 'PDF'), contentType: 'application/pdf', content: artefacts.pdf }],
    related: { type: INVOICE_MAIL_RELATION, id: invoiceId },
  });
  if (!invoice.sentAt) {
    invoice.sentAt = new Date();
    invoice.updatedAt = new Date();
  }
  await em.flush();
  return invoice;
}
