import type { EntityManager } from '@mikro-orm/postgresql';
import { Invoice } from './invoice.entity';
import { invoicePaymentMethods } from './invoice-payment-method';
import { portalSettlement, type PortalInvoiceStatus } from './portal-invoice-status';
import { transferQrPayload } from './documents/payment-qr';
import { epcQrSvg } from '../finance/epc-qr';
import { bicProblems, normalizeBic, normalizeIban } from '../finance/sepa/bank-account';
import { Tenant } from '../platform/tenant.entity';
import { localDate } from '../shared/time';

/**
 * The customer portal's invoices (docs/portal.md): the issued invoices and credit notes of ONE
 * customer, never drafts, with the customer's status, what is left to pay and, when it is to be
 * paid by transfer, the transfer to make with its EPC QR code. Every read names the customer: the
 * caller passes the portal identity's customer, whatever the database's own customer policy does.
 */

export interface PortalTransfer {
  iban: string;
  bic: string | null;
  beneficiary: string;
  /** What to quote in the transfer: the invoice number. */
  reference: string;
  amount: string;
  qrCodeSvg: string;
}

export interface PortalInvoiceView {
  invoice: Invoice;
  kind: 'INVOICE' | 'CREDIT_NOTE';
  status: PortalInvoiceStatus;
  amountDue: string;
  transfer: PortalTransfer | null;
}

/** The customer's issued invoices and credit notes, newest issued first. */
export async function listPortalInvoices(em: EntityManager, customerId: string): Promise<PortalInvoiceView[]> {
  const invoices = await em.find(Invoice, { customerId, status: 'ISSUED' }, { orderBy: { issuedAt: 'desc', number: 'desc' } });
  return portalViews(em, customerId, invoices);
}

/** Those of `ids` that are the customer's issued invoices or credit notes (the others are left out). */
export async function portalInvoicesByIds(em: EntityManager, customerId: string, ids: readonly string[]): Promise<PortalInvoiceView[]> {
  const invoices = await em.find(Invoice, { id: { $in: [...ids] }, customerId, status: 'ISSUED' });
  return portalViews(em, customerId, invoices);
}

async function portalViews(em: EntityManager, customerId: string, invoices: Invoice[]): Promise<PortalInvoiceView[]> {
  if (invoices.length === 0) return [];
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const missing = [...new Set(invoices.map((i) => i.creditedInvoiceId).filter((id): id is string => Boolean(id) && !byId.has(id!)))];
  const [credited, tenant] = await Promise.all([
    missing.length ? em.find(Invoice, { id: { $in: missing }, customerId }) : Promise.resolve([]),
    em.findOneOrFail(Tenant, { id: invoices[0]!.tenantId }),
  ]);
  for (const i of credited) byId.set(i.id, i);
  const today = localDate(new Date(), tenant.timezone);
  const settled = invoices.map((invoice) => {
    const creditedInvoice = invoice.creditedInvoiceId ? (byId.get(invoice.creditedInvoiceId) ?? null) : null;
    return { invoice, ...portalSettlement(invoice, creditedInvoice, today) };
  });
  const due = settled.filter((s) => s.amountDue !== '0.00').map((s) => s.invoice);
  const methods = due.length ? await invoicePaymentMethods(em, due, today) : new Map<string, string>();
  return Promise.all(
    settled.map(async ({ invoice, status, amountDue }) => ({
      invoice,
      kind: invoice.typeCode === '381' ? ('CREDIT_NOTE' as const) : ('INVOICE' as const),
      status,
      amountDue,
      transfer: await transferOf(invoice, amountDue, methods.get(invoice.id) === 'DIRECT_DEBIT', tenant),
    })),
  );
}

/** The transfer to make, as the invoice's PDF shows it (same rules: payment-qr.ts); null when nothing is to be paid by transfer. */
async function transferOf(invoice: Invoice, amount: string, directDebit: boolean, tenant: Tenant): Promise<PortalTransfer | null> {
  const payload = transferQrPayload({
    typeCode: invoice.typeCode,
    number: invoice.number ?? null,
    currency: invoice.currency,
    amount,
    directDebit,
    seller: { legalName: tenant.legalName, iban: tenant.iban ?? null, bic: tenant.bic ?? null },
  });
  if (!payload) return null;
  return {
    iban: normalizeIban(tenant.iban!),
    // The QR code leaves out a BIC that does not check; so does the transfer shown beside it.
    bic: tenant.bic && !bicProblems(tenant.bic, 'bic').length ? normalizeBic(tenant.bic) : null,
    beneficiary: tenant.legalName,
    reference: invoice.number!,
    amount,
    qrCodeSvg: await epcQrSvg(payload),
  };
}
