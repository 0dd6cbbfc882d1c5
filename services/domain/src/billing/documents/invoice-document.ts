import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Invoice,
  InvoiceIntervention,
  InvoiceLine,
  InvoiceVatBreakdown,
  type InvoiceTypeCode,
  type OperationCategory,
} from '../invoice.entity';
import { Money } from '../money';
import { invoiceTotals, netUnitPrice, type AllowanceCharge, type VatRateDef } from '../totals';
import { VatRate } from '../vat-rate.entity';
import { Contract } from '../../maintenance/contract.entity';
import { Customer } from '../../maintenance/customer.entity';
import { Intervention } from '../../maintenance/intervention.entity';
import { Site } from '../../maintenance/site.entity';
import { Tenant } from '../../platform/tenant.entity';
import { Errors } from '../../shared/errors';
import { localDate, frenchDate } from '../../shared/time';
import { documentNotes, legalMentions } from './legal-mentions';
import { invoicePaymentMethod } from '../invoice-payment-method';
import { mandateInForce } from '../../finance/direct-debit/mandates.service';
import { formatEuro, formatRate } from './format';

/**
 * Everything an invoice document shows, as plain data: what the Factur-X XML and the PDF are both
 * rendered from, so the two always carry the same invoice. Amounts are 2-decimal strings (unit
 * prices up to 6 decimals), dates YYYY-MM-DD.
 */

export interface PostalAddress {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** BT-34 / BT-49: a PEPPOL-style electronic address; 0225 = French directory address (starts with the SIREN). */
export interface ElectronicAddress {
  scheme: '0225' | 'EM';
  value: string;
}

export interface DocumentSeller {
  /** BT-27: registered name. */
  legalName: string;
  /** BT-28: trading name when it differs. */
  tradeName: string | null;
  siren: string;
  siret: string | null;
  vatNumber: string | null;
  legalForm: string | null;
  shareCapital: string | null;
  rcsCity: string | null;
  address: PostalAddress;
  email: string | null;
  phone: string | null;
  electronicAddress: ElectronicAddress;
  iban: string | null;
  bic: string | null;
  /** BT-90: the SEPA creditor identifier (ICS) its direct debits are collected under. */
  sepaCreditorId: string | null;
  /** Annual percent, null for the legal default. */
  latePenaltyRate: string | null;
  earlyPaymentTerms: string;
  vatOnDebits: boolean;
  logo: Uint8Array | null;
}

export interface DocumentBuyer {
  name: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  address: PostalAddress;
  electronicAddress: ElectronicAddress | null;
}

/** A service period, both days included (YYYY-MM-DD): BG-14 for the invoice, BG-26 for a line. */
export interface DocumentPeriod {
  start: string;
  end: string;
}

export interface DocumentLine {
  /** BT-126. */
  lineId: string;
  /** BT-153. */
  name: string;
  /** Why this price (contract rate, inclusion): printed under the designation. */
  note: string | null;
  /** BT-129, up to 4 decimals. */
  quantity: string;
  /** BT-130, UN/ECE Rec. 20 (HUR, C62...). */
  unitCode: string;
  /** BT-148: price before the line discount. */
  grossUnitPrice: string;
  discountPercent: string;
  /** BT-146 = gross less discount, exact. */
  netUnitPrice: string;
  /** BT-151 / BT-152. */
  vatCategory: string;
  vatRate: string;
  /** BT-131. */
  lineNet: string;
  /** BG-26 (BT-134/BT-135): the period a contract fee line bills. */
  servicePeriod: DocumentPeriod | null;
}

/** BG-20 (allowance, charge = false) or BG-21 (charge). */
export interface DocumentAllowanceCharge {
  charge: boolean;
  reason: string;
  amount: string;
  vatCategory: string;
  vatRate: string;
}

/** BG-23. */
export interface DocumentVatRow {
  categoryCode: string;
  rate: string;
  basis: string;
  tax: string;
  /** BT-120. */
  exemptionReason: string | null;
  /** BT-121 (VATEX). */
  exemptionReasonCode: string | null;
}

/** BT-106 to BT-115. */
export interface DocumentTotals {
  lineTotal: string;
  allowanceTotal: string;
  chargeTotal: string;
  taxBasisTotal: string;
  taxTotal: string;
  grandTotal: string;
  prepaidAmount: string;
  roundingAmount: string;
  duePayable: string;
}

/** The mandate a direct debit invoice is collected under. */
export interface DirectDebitMandateRef {
  /** BT-89: RUM. */
  reference: string;
  /** BT-91: the debtor's IBAN. */
  debtorIban: string;
}

/** BG-3: a preceding invoice (BT-25 number, BT-26 date). */
export interface ReferencedInvoice {
  number: string;
  issueDate: string;
}

/** BG-1: BT-22 content with its UNTDID 4451 subject code (BT-21). */
export interface DocumentNote {
  subjectCode: string | null;
  content: string;
}

export interface InvoiceDocument {
  invoiceId: string;
  /** A draft renders as a preview: no number, no XML, a watermark. */
  draft: boolean;
  typeCode: InvoiceTypeCode;
  /** BT-1; null for a draft. */
  number: string | null;
  /** BT-2; today for a draft preview. */
  issueDate: string;
  /** BT-9. */
  dueDate: string | null;
  currency: string;
  operationCategory: OperationCategory;
  /** BT-23, French "cadre de facturation": S1, B1, M1; S4... for a final invoice after deposits. */
  businessProcess: string;
  seller: DocumentSeller;
  buyer: DocumentBuyer;
  /** BT-13. */
  purchaseOrderRef: string | null;
  /** BT-12: the reference of the contract whose fees the invoice bills. */
  contractReference: string | null;
  /** BG-14 (BT-73/BT-74): the whole period the invoice bills (contract fees). */
  billingPeriod: DocumentPeriod | null;
  lines: DocumentLine[];
  allowanceCharges: DocumentAllowanceCharge[];
  vatBreakdown: DocumentVatRow[];
  totals: DocumentTotals;
  /** Retenue de garantie, withheld from what is paid at the due date. */
  retention: { percent: string; amount: string } | null;
  /** What the buyer pays at the due date: BT-115 less the retention. */
  amountToPay: string;
  /** BT-20. */
  paymentTerms: string | null;
  /** BT-81: 58 = SEPA credit transfer, 30 = credit transfer without IBAN, 59 = SEPA direct debit. */
  paymentMeansCode: '58' | '30' | '59';
  /** The seller collects it by SEPA direct debit (see `invoice-payment-method.ts`): no transfer QR code. */
  directDebit: boolean;
  /** BT-89 (mandate reference) and BT-91 (debited account): the customer's mandate in force on the issue date. */
  directDebitMandate: DirectDebitMandateRef | null;
  /** The invoice a credit note corrects (BT-25/26). */
  creditedInvoice: ReferencedInvoice | null;
  /** Deposit invoices deducted by a final invoice (BT-25/26 each). */
  depositInvoices: ReferencedInvoice[];
  /** BG-13/BG-15: the site where the work was done, when the invoice covers one site. */
  delivery: { name: string; address: PostalAddress } | null;
  /** BT-72: when the service was completed (latest billed intervention). */
  serviceDate: string | null;
  /** The invoice's own notes (intervention references, observations, pricing notes). */
  freeNotes: string[];
  /** BG-1 of the XML: the free notes plus the legal mentions the French rules require (PMT, PMD, AAB, BAR...). */
  notes: DocumentNote[];
  /** What the PDF prints in its legal footer, in order. */
  legalMentions: string[];
}

const VATEX: Record<string, string> = { AE: 'VATEX-EU-AE', K: 'VATEX-EU-IC', G: 'VATEX-EU-G', O: 'VATEX-EU-O' };

/** BT-23 from the operation category: 4 for a final invoice that deducts deposits, 1 otherwise. */
export function businessProcessCode(category: OperationCategory, typeCode: InvoiceTypeCode, deducesDeposits: boolean): string {
  return `${category}${typeCode === '380' && deducesDeposits ? '4' : '1'}`;
}

/** BT-34/BT-49: the French directory address (0225 + SIREN) for a company, else its e-mail. */
export function electronicAddressOf(siren: string | null, email: string | null): ElectronicAddress | null {
  if (siren) return { scheme: '0225', value: siren };
  if (email) return { scheme: 'EM', value: email };
  return null;
}

/** Fills the notes and legal mentions of a document whose other fields are set (also used by fixtures). */
export function withMentions(doc: Omit<InvoiceDocument, 'notes' | 'legalMentions'>): InvoiceDocument {
  const mentions = legalMentions(doc);
  return { ...doc, notes: documentNotes(doc, mentions), legalMentions: mentions.map((m) => m.text) };
}

/** A period when both ends are known (the database keeps both null or both set). */
export function periodOf(start: string | null | undefined, end: string | null | undefined): DocumentPeriod | null {
  return start && end ? { start, end } : null;
}

/** The direct debit line of a document: "Prélèvement SEPA prévu le 24/12/2026 — mandat ACME-C0042-0001". */
export function directDebitNotice(doc: { dueDate: string | null; directDebitMandate: DirectDebitMandateRef | null }): string {
  return [
    doc.dueDate ? `Prélèvement SEPA prévu le ${frenchDate(doc.dueDate)}` : 'Prélèvement SEPA à l’échéance',
    doc.directDebitMandate && `mandat ${doc.directDebitMandate.reference}`,
  ]
    .filter(Boolean)
    .join(' — ');
}

function paymentTermsText(doc: {
  typeCode: InvoiceTypeCode;
  dueDate: string | null;
  seller: { iban: string | null };
  retention: { percent: string; amount: string } | null;
  amountToPay: string;
  directDebit: boolean;
  directDebitMandate: DirectDebitMandateRef | null;
}): string | null {
  if (doc.typeCode === '381') return 'Avoir à déduire de vos prochains règlements ou remboursé par virement';
  const parts: string[] = [];
  if (doc.directDebit) parts.push(directDebitNotice(doc));
  else {
    if (doc.dueDate) parts.push(`Paiement à réception, au plus tard le ${frenchDate(doc.dueDate)}`);
    parts.push(doc.seller.iban ? 'par virement bancaire' : 'par virement ou chèque');
  }
  if (doc.retention)
    parts.push(
      `retenue de garantie de ${formatRate(doc.retention.percent)} (${formatEuro(doc.retention.amount)}) déduite : ${formatEuro(doc.amountToPay)} à payer à l’échéance`,
    );
  return parts.join(', ');
}

/** The seller block of a document, from the tenant (an invoice requires its SIREN; a quote prints what is known). */
export function documentSeller(tenant: Tenant): DocumentSeller {
  return {
    legalName: tenant.legalName,
    tradeName: tenant.name !== tenant.legalName ? tenant.name : null,
    siren: tenant.siren ?? '',
    siret: tenant.siret ?? null,
    vatNumber: tenant.vatNumber ?? null,
    legalForm: tenant.legalForm ?? null,
    shareCapital: tenant.shareCapital ?? null,
    rcsCity: tenant.rcsCity ?? null,
    address: {
      line1: tenant.addressLine1 ?? '',
      line2: null,
      postalCode: tenant.postalCode ?? '',
      city: tenant.city ?? '',
      country: tenant.country,
    },
    email: tenant.billingEmail ?? null,
    phone: tenant.phone ?? null,
    electronicAddress: { scheme: '0225', value: tenant.siren ?? '' },
    iban: tenant.iban ?? null,
    bic: tenant.bic ?? null,
    sepaCreditorId: tenant.sepaCreditorId ?? null,
    latePenaltyRate: tenant.latePenaltyRate ?? null,
    earlyPaymentTerms: tenant.earlyPaymentTerms,
    vatOnDebits: tenant.vatOnDebits,
    logo: tenant.logoImage ? new Uint8Array(tenant.logoImage) : null,
  };
}

/**
 * Builds the document of an invoice from the database, in the caller's tenant scope: the issued
 * invoice as it was issued (buyer snapshot, stored lines and totals), or a draft as a preview.
 * The totals are recomputed from the lines by the EN 16931 rules and must equal the stored ones:
 * a document that disagrees with the books is refused rather than rendered.
 */
export async function loadInvoiceDocument(em: EntityManager, invoiceId: string): Promise<InvoiceDocument> {
  const invoice = await em.findOne(Invoice, { id: invoiceId });
  if (!invoice) throw Errors.notFound('Invoice', invoiceId);
  const [tenant, lines, breakdown, customer, vatRates, links, credited, contract, paymentMethod] = await Promise.all([
    em.findOne(Tenant, { id: invoice.tenantId }, { populate: ['logoImage'] }),
    em.find(InvoiceLine, { invoiceId }, { orderBy: { position: 'asc' } }),
    em.find(InvoiceVatBreakdown, { invoiceId }),
    em.findOne(Customer, { id: invoice.customerId }),
    em.find(VatRate, {}),
    em.find(InvoiceIntervention, { invoiceId }),
    invoice.creditedInvoiceId ? em.findOne(Invoice, { id: invoice.creditedInvoiceId }) : Promise.resolve(null),
    // Read only (maintenance owns contracts): its reference is the invoice's BT-12.
    invoice.contractId ? em.findOne(Contract, { id: invoice.contractId }) : Promise.resolve(null),
    invoicePaymentMethod(em, invoice, localDate(new Date())),
  ]);
  if (!tenant) throw Errors.notFound('Tenant', invoice.tenantId);
  if (!customer) throw Errors.notFound('Customer', invoice.customerId);
  const draft = invoice.status === 'DRAFT';

  // VAT definitions as the lines were priced; exemption reasons from the stored breakdown, else the tenant's table.
  const storedReason = new Map(breakdown.map((b) => [`${b.category}|${new Money(b.rate).toFixed(2)}`, b.exemptionReason ?? null]));
  const tableRates = new Map(vatRates.map((r) => [r.code, r]));
  const defs = new Map<string, VatRateDef>();
  for (const l of lines) {
    const key = `${l.vatCategory}|${new Money(l.vatRate).toFixed(2)}`;
    defs.set(l.vatRateCode, {
      code: l.vatRateCode,
      rate: new Money(l.vatRate).toFixed(2),
      categoryCode: l.vatCategory,
      exemptionReason: storedReason.get(key) ?? tableRates.get(l.vatRateCode)?.exemptionReason ?? null,
    });
  }
  for (const ac of invoice.allowanceCharges) {
    const rate = tableRates.get(ac.vatRateCode);
    if (!defs.has(ac.vatRateCode) && rate)
      defs.set(ac.vatRateCode, {
        code: rate.code,
        rate: new Money(rate.rate).toFixed(2),
        categoryCode: rate.categoryCode,
        exemptionReason: rate.exemptionReason ?? null,
      });
  }
  const toTotalsInput = (ac: (typeof invoice.allowanceCharges)[number]): AllowanceCharge => ({
    amount: ac.amount,
    vatRateCode: ac.vatRateCode,
    reason: ac.reason,
  });
  const totals = invoiceTotals(
    lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent, vatRateCode: l.vatRateCode })),
    {
      vatRates: [...defs.values()],
      allowances: invoice.allowanceCharges.filter((ac) => !ac.charge).map(toTotalsInput),
      charges: invoice.allowanceCharges.filter((ac) => ac.charge).map(toTotalsInput),
      prepaidAmount: new Money(invoice.prepaidAmount).toFixed(2),
    },
  );
  if (
    !draft &&
    (totals.taxBasisTotal !== new Money(invoice.totalNet).toFixed(2) ||
      totals.taxTotal !== new Money(invoice.totalVat).toFixed(2) ||
      totals.grandTotal !== new Money(invoice.totalGross).toFixed(2))
  )
    throw Errors.conflict('INVOICE_TOTALS_INCONSISTENT', `Les totaux de la facture ${invoice.number} ne correspondent pas à ses lignes`, {
      invoiceId,
      stored: { net: invoice.totalNet, vat: invoice.totalVat, gross: invoice.totalGross },
      computed: { net: totals.taxBasisTotal, vat: totals.taxTotal, gross: totals.grandTotal },
    });

  const interventions = links.length
    ? await em.find(Intervention, { id: { $in: links.map((l) => l.interventionId) } }, { orderBy: { number: 'asc' } })
    : [];
  const siteIds = [...new Set(interventions.map((i) => i.siteId))];
  const site = siteIds.length === 1 ? await em.findOne(Site, { id: siteIds[0]! }) : null;
  const completed = interventions.map((i) => i.closedAt ?? i.completedAt).filter((d): d is Date => Boolean(d));
  const serviceDate = completed.length ? localDate(new Date(Math.max(...completed.map((d) => d.getTime())))) : null;

  const depositInvoices =
    invoice.typeCode === '380' && invoice.quoteId
      ? (
          await em.find(
            Invoice,
            { quoteId: invoice.quoteId, typeCode: '386', status: 'ISSUED', id: { $ne: invoice.id } },
            { orderBy: { issueDate: 'asc', number: 'asc' } },
          )
        ).map((d) => ({ number: d.number!, issueDate: d.issueDate! }))
      : [];

  const buyer = invoice.buyer ?? {
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
  };
  if (!tenant.siren) throw Errors.validation([{ field: 'tenant.siren', message: 'SIREN de l’entreprise requis pour facturer' }]);
  const seller = documentSeller(tenant);

  const retentionAmount = new Money(invoice.retentionAmount);
  const retention = retentionAmount.greaterThan(0)
    ? { percent: new Money(invoice.retentionPercent).toFixed(2), amount: retentionAmount.toFixed(2) }
    : null;
  const amountToPay = new Money(totals.duePayable).minus(retentionAmount).toFixed(2);
  const dueDate = invoice.dueDate ?? null;
  const directDebit = paymentMethod === 'DIRECT_DEBIT' && invoice.typeCode !== '381';
  // The mandate in force when the invoice was issued (an issued document never changes afterwards).
  const mandate = directDebit ? await mandateInForce(em, invoice.customerId, invoice.issueDate ?? localDate(new Date())) : null;
  const base = {
    typeCode: invoice.typeCode,
    dueDate,
    seller,
    retention,
    amountToPay,
    directDebit,
    directDebitMandate: mandate ? { reference: mandate.reference, debtorIban: mandate.iban } : null,
  };
  const rowsByKey = new Map(totals.vatBreakdown.map((r) => [`${r.categoryCode}|${r.rate}`, r]));
  const doc: Omit<InvoiceDocument, 'notes' | 'legalMentions'> = {
    ...base,
    invoiceId,
    draft,
    number: draft ? null : invoice.number!,
    issueDate: invoice.issueDate ?? localDate(new Date(), tenant.timezone),
    currency: invoice.currency,
    operationCategory: invoice.operationCategory,
    businessProcess: businessProcessCode(
      invoice.operationCategory,
      invoice.typeCode,
      new Money(invoice.prepaidAmount).greaterThan(0) || depositInvoices.length > 0,
    ),
    buyer: {
      ...buyer,
      electronicAddress: electronicAddressOf(buyer.siren, customer.email ?? null),
    },
    purchaseOrderRef: invoice.purchaseOrderRef ?? null,
    contractReference: contract?.reference ?? null,
    billingPeriod: periodOf(invoice.billingPeriodStart, invoice.billingPeriodEnd),
    lines: lines.map((l, i) => ({
      lineId: String(i + 1),
      name: l.description,
      note: l.reason ?? null,
      quantity: l.quantity,
      unitCode: l.unit,
      grossUnitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      netUnitPrice: netUnitPrice(l.unitPrice, l.discountPercent).toString(),
      vatCategory: l.vatCategory,
      vatRate: new Money(l.vatRate).toFixed(2),
      lineNet: totals.lineNets[i]!,
      servicePeriod: periodOf(l.serviceStart, l.serviceEnd),
    })),
    allowanceCharges: [
      ...totals.charges.map((c) => ({ ...c, charge: true })),
      ...totals.allowances.map((a) => ({ ...a, charge: false })),
    ].map((ac) => ({ charge: ac.charge, reason: ac.reason, amount: ac.amount, vatCategory: ac.categoryCode, vatRate: ac.rate })),
    vatBreakdown: [...rowsByKey.values()].map((r) => ({
      categoryCode: r.categoryCode,
      rate: r.rate,
      basis: r.basis,
      tax: r.tax,
      exemptionReason: r.exemptionReason,
      exemptionReasonCode: VATEX[r.categoryCode] ?? null,
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
    paymentTerms: paymentTermsText(base),
    paymentMeansCode: directDebit ? '59' : seller.iban ? '58' : '30',
    creditedInvoice: credited?.number && credited.issueDate ? { number: credited.number, issueDate: credited.issueDate } : null,
    depositInvoices,
    delivery: site
      ? {
          name: site.name,
          address: { line1: site.addressLine1, line2: null, postalCode: site.postalCode, city: site.city, country: site.country },
        }
      : null,
    serviceDate,
    freeNotes: (invoice.notes ?? '')
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean),
  };
  return withMentions(doc);
}
