import type { EntityManager } from '@mikro-orm/postgresql';
import { Customer } from '../../maintenance/customer.entity';
import { Site } from '../../maintenance/site.entity';
import { Tenant } from '../../platform/tenant.entity';
import { Errors } from '../../shared/errors';
import { frenchDate, localDate } from '../../shared/time';
import { documentSeller, type InvoiceDocument } from '../documents/invoice-document';
import type { DocumentLook } from '../documents/invoice-pdf';
import { renderDocumentPdfInPool } from '../documents/render-pool';
import { vatRateDefs } from '../invoice-drafts';
import { Money } from '../money';
import { netUnitPrice } from '../totals';
import type { Quote, QuoteLine } from './quote.entity';
import { quoteLines } from './quote.service';
import { quoteTotals } from './quote.rules';

/**
 * The quote as a PDF, drawn with the invoice layout (same letterhead, lines table, VAT breakdown and
 * totals) but titled « Devis », with its validity instead of a due date, no payment block, and the
 * mentions of an offer (validity, how to accept). Optional lines are printed with their state; only
 * the counted ones are in the totals. A cancelled quote carries an « ANNULÉ » watermark.
 */

export const quotePdfFileName = (quote: Pick<Quote, 'id' | 'number'>) => `${quote.number ?? `devis-${quote.id.slice(-12)}`}.pdf`;

function lineNote(line: QuoteLine): string | null {
  const parts = [line.section ? `Section « ${line.section} »` : null];
  if (line.optional) parts.push(line.selected ? 'Option retenue' : 'Option, non comprise dans le total');
  return parts.filter(Boolean).join(' — ') || null;
}

/** The mentions an offer carries: its validity and how it is accepted. */
export function quoteMentions(quote: Pick<Quote, 'validUntil'>): string[] {
  return [
    `Offre valable jusqu’au ${frenchDate(quote.validUntil)}`,
    'Acceptation en ligne par le lien reçu par e-mail (signature électronique), ou retour de ce devis daté et signé avec la mention « Bon pour accord »',
    'Les options ne sont comprises dans le total que si elles sont retenues',
  ];
}

export function quoteLook(quote: Pick<Quote, 'number' | 'revision' | 'validUntil' | 'status'>, date: string): DocumentLook {
  const facts: [string, string][] = [
    ['N°', quote.number ?? 'Brouillon (non numéroté)'],
    ['Date', frenchDate(date)],
    ['Valable jusqu’au', frenchDate(quote.validUntil)],
  ];
  if (quote.revision > 1) facts.push(['Révision', String(quote.revision)]);
  return {
    title: 'Devis',
    facts,
    buyerLabel: 'CLIENT',
    reference: quote.number ? `Devis ${quote.number}` : 'Devis (brouillon)',
    payment: false,
    watermark: quote.status === 'CANCELLED' ? 'ANNULÉ — ce devis n’est plus valable' : quote.number ? null : 'BROUILLON',
    mentionsTitle: 'CONDITIONS DE L’OFFRE',
  };
}

/** The quote's document model, in the caller's tenant scope. */
export async function loadQuoteDocument(em: EntityManager, quote: Quote): Promise<InvoiceDocument> {
  const [tenant, customer, site, lines, vatRates] = await Promise.all([
    em.findOne(Tenant, { id: quote.tenantId }, { populate: ['logoImage'] }),
    em.findOne(Customer, { id: quote.customerId }),
    quote.siteId ? em.findOne(Site, { id: quote.siteId }) : Promise.resolve(null),
    quoteLines(em, quote.id),
    vatRateDefs(em),
  ]);
  if (!tenant) throw Errors.notFound('Tenant', quote.tenantId);
  if (!customer) throw Errors.notFound('Customer', quote.customerId);
  const rateOf = new Map(vatRates.map((r) => [r.code, r]));
  const totals = quoteTotals(lines, quote.globalDiscountPercent, vatRates).invoiceTotals;
  const date = localDate(quote.sentAt ?? new Date(), tenant.timezone);
  return {
    invoiceId: quote.id,
    draft: false,
    typeCode: '380',
    number: quote.number ?? null,
    issueDate: date,
    dueDate: null,
    currency: quote.currency,
    operationCategory: 'S',
    businessProcess: '',
    seller: documentSeller(tenant),
    buyer: {
      name: customer.name,
      siren: customer.siren ?? null,
      siret: customer.siret ?? null,
      vatNumber: customer.vatNumber ?? null,
      address: {
        line1: customer.billingAddressLine1,
        line2: customer.billingAddressLine2 ?? null,
        postalCode: customer.billingPostalCode,
        city: customer.billingCity,
        country: customer.billingCountry,
      },
      electronicAddress: null,
    },
    purchaseOrderRef: null,
    contractReference: null,
    billingPeriod: null,
    lines: lines.map((l, i) => ({
      lineId: String(i + 1),
      name: l.description,
      note: lineNote(l),
      quantity: l.quantity,
      unitCode: l.unit,
      grossUnitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      netUnitPrice: netUnitPrice(l.unitPrice, l.discountPercent).toString(),
      vatCategory: rateOf.get(l.vatRateCode)?.categoryCode ?? 'S',
      vatRate: new Money(rateOf.get(l.vatRateCode)?.rate ?? '0').toFixed(2),
      lineNet: l.lineNet,
      servicePeriod: null,
    })),
    allowanceCharges: totals.allowances.map((a) => ({
      charge: false,
      reason: a.reason,
      amount: a.amount,
      vatCategory: a.categoryCode,
      vatRate: a.rate,
    })),
    vatBreakdown: totals.vatBreakdown.map((r) => ({
      categoryCode: r.categoryCode,
      rate: r.rate,
      basis: r.basis,
      tax: r.tax,
      exemptionReason: r.exemptionReason ?? null,
      exemptionReasonCode: null,
    })),
    totals: {
      lineTotal: totals.lineTotal,
      allowanceTotal: totals.allowanceTotal,
      chargeTotal: totals.chargeTotal,
      taxBasisTotal: totals.taxBasisTotal,
      taxTotal: totals.taxTotal,
      grandTotal: totals.grandTotal,
      prepaidAmount: totals.prepaidAmount,
      roundingAmount: totals.roundingAmount,
      duePayable: totals.duePayable,
    },
    retention: null,
    amountToPay: totals.duePayable,
    paymentTerms: null,
    paymentMeansCode: '30',
    directDebit: false,
    directDebitMandate: null,
    creditedInvoice: null,
    depositInvoices: [],
    delivery: site
      ? {
          name: site.name,
          address: { line1: site.addressLine1, line2: null, postalCode: site.postalCode, city: site.city, country: site.country },
        }
      : null,
    serviceDate: null,
    freeNotes: (quote.notes ?? '')
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean),
    notes: [],
    legalMentions: quoteMentions(quote),
  };
}

/** The quote's PDF, as the customer receives it attached to the mail. */
export async function renderQuotePdf(em: EntityManager, quote: Quote): Promise<Uint8Array> {
  const doc = await loadQuoteDocument(em, quote);
  const look = quoteLook(quote, doc.issueDate);
  return renderDocumentPdfInPool(doc, look, { title: look.reference });
}
