import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { Money } from '../money';
import { Errors } from '../../shared/errors';
import type { DocumentBuyer, DocumentPeriod, DocumentSeller, InvoiceDocument, PostalAddress, ReferencedInvoice } from './invoice-document';

/**
 * The invoice as UN/CEFACT Cross Industry Invoice D16B, Factur-X profile EN 16931 (BT-24
 * `urn:cen.eu:en16931:2017`), with the French CTC data (BT-23, SIREN 0002, electronic addresses
 * 0225, notes PMT/PMD/AAB/BAR), the contract (BT-12) and the billed periods of the invoice (BG-14)
 * and of its lines (BG-26), and for a direct debit the payment means 59 with the mandate (BT-89), the
 * creditor identifier (BT-90) and the debited account (BT-91). The XSD is a sequence: elements are
 * written in schema order.
 */

export const CII_NAMESPACES = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
} as const;

/** BT-24 and the matching XMP fx:ConformanceLevel. */
export const FACTURX_GUIDELINE = 'urn:cen.eu:en16931:2017';
export const FACTURX_CONFORMANCE_LEVEL = 'EN 16931';

const date102 = (date: string) => date.replaceAll('-', '');
const amount = (value: string) => new Money(value).toFixed(2);
/** Unit prices: up to 6 decimals (BR-FR-DEC-03), at least 2. */
const price = (value: string) => {
  const d = new Money(value).toDecimalPlaces(6);
  return d.toFixed(Math.max(2, d.decimalPlaces()));
};
/** Quantities: up to 4 decimals (BR-FR-DEC-02). */
const quantity = (value: string) => new Money(value).toDecimalPlaces(4).toString();
/** Percentages as the French list writes them (BR-FR-16): 20, 5.5, 2.1. */
const percent = (value: string) => new Money(value).toString();

function text(parent: XMLBuilder, name: string, value: string, attributes?: Record<string, string>): XMLBuilder {
  return parent.ele(name, attributes).txt(value).up();
}

function dateTime(parent: XMLBuilder, name: string, date: string): void {
  parent.ele(name).ele('udt:DateTimeString', { format: '102' }).txt(date102(date));
}

/** BG-14 (header) or BG-26 (line): `ram:BillingSpecifiedPeriod`, start and end as udt 102 dates. */
function billingPeriod(parent: XMLBuilder, period: DocumentPeriod): void {
  const node = parent.ele('ram:BillingSpecifiedPeriod');
  dateTime(node, 'ram:StartDateTime', period.start);
  dateTime(node, 'ram:EndDateTime', period.end);
}

function address(parent: XMLBuilder, a: PostalAddress): void {
  const node = parent.ele('ram:PostalTradeAddress');
  if (a.postalCode) text(node, 'ram:PostcodeCode', a.postalCode);
  if (a.line1) text(node, 'ram:LineOne', a.line1);
  if (a.line2) text(node, 'ram:LineTwo', a.line2);
  if (a.city) text(node, 'ram:CityName', a.city);
  text(node, 'ram:CountryID', a.country);
}

function seller(parent: XMLBuilder, s: DocumentSeller): void {
  const party = parent.ele('ram:SellerTradeParty');
  if (s.siret) text(party, 'ram:GlobalID', s.siret, { schemeID: '0009' });
  text(party, 'ram:Name', s.legalName);
  if (s.legalForm || s.shareCapital)
    text(party, 'ram:Description', [s.legalForm, s.shareCapital && `capital ${amount(s.shareCapital)} EUR`].filter(Boolean).join(', '));
  const legal = party.ele('ram:SpecifiedLegalOrganization');
  text(legal, 'ram:ID', s.siren, { schemeID: '0002' });
  if (s.tradeName) text(legal, 'ram:TradingBusinessName', s.tradeName);
  if (s.email || s.phone) {
    const contact = party.ele('ram:DefinedTradeContact');
    if (s.phone) contact.ele('ram:TelephoneUniversalCommunication').ele('ram:CompleteNumber').txt(s.phone);
    if (s.email) contact.ele('ram:EmailURIUniversalCommunication').ele('ram:URIID').txt(s.email);
  }
  address(party, s.address);
  party.ele('ram:URIUniversalCommunication').ele('ram:URIID', { schemeID: s.electronicAddress.scheme }).txt(s.electronicAddress.value);
  if (s.vatNumber) party.ele('ram:SpecifiedTaxRegistration').ele('ram:ID', { schemeID: 'VA' }).txt(s.vatNumber);
}

function buyer(parent: XMLBuilder, b: DocumentBuyer): void {
  const party = parent.ele('ram:BuyerTradeParty');
  if (b.siret) text(party, 'ram:GlobalID', b.siret, { schemeID: '0009' });
  text(party, 'ram:Name', b.name);
  if (b.siren) party.ele('ram:SpecifiedLegalOrganization').ele('ram:ID', { schemeID: '0002' }).txt(b.siren);
  address(party, b.address);
  if (b.electronicAddress)
    party.ele('ram:URIUniversalCommunication').ele('ram:URIID', { schemeID: b.electronicAddress.scheme }).txt(b.electronicAddress.value);
  if (b.vatNumber) party.ele('ram:SpecifiedTaxRegistration').ele('ram:ID', { schemeID: 'VA' }).txt(b.vatNumber);
}

function referencedInvoice(parent: XMLBuilder, ref: ReferencedInvoice): void {
  const node = parent.ele('ram:InvoiceReferencedDocument');
  text(node, 'ram:IssuerAssignedID', ref.number);
  node.ele('ram:FormattedIssueDateTime').ele('qdt:DateTimeString', { format: '102' }).txt(date102(ref.issueDate));
}

/** BT-82: the payment means in words. */
const PAYMENT_MEANS_TEXT: Record<InvoiceDocument['paymentMeansCode'], string> = {
  '58': 'Virement SEPA',
  '30': 'Virement',
  '59': 'Prélèvement SEPA',
};

/** BT-8: VAT of services is due when paid (72) unless the seller opted for debits (5, invoice date); goods on delivery (29). */
function vatDueDateCode(doc: InvoiceDocument): string {
  if (doc.seller.vatOnDebits) return '5';
  return doc.operationCategory === 'B' ? '29' : '72';
}

export function renderCiiXml(doc: InvoiceDocument): string {
  if (doc.draft || !doc.number)
    throw Errors.conflict('INVOICE_NOT_ISSUED', 'Une facture brouillon n’a pas de Factur-X : émettez-la d’abord', {
      invoiceId: doc.invoiceId,
    });
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(CII_NAMESPACES.rsm, 'rsm:CrossIndustryInvoice', {
    'xmlns:qdt': CII_NAMESPACES.qdt,
    'xmlns:ram': CII_NAMESPACES.ram,
    'xmlns:udt': CII_NAMESPACES.udt,
  });

  const context = root.ele('rsm:ExchangedDocumentContext');
  context.ele('ram:BusinessProcessSpecifiedDocumentContextParameter').ele('ram:ID').txt(doc.businessProcess);
  context.ele('ram:GuidelineSpecifiedDocumentContextParameter').ele('ram:ID').txt(FACTURX_GUIDELINE);

  const header = root.ele('rsm:ExchangedDocument');
  text(header, 'ram:ID', doc.number);
  text(header, 'ram:TypeCode', doc.typeCode);
  dateTime(header, 'ram:IssueDateTime', doc.issueDate);
  for (const note of doc.notes) {
    const n = header.ele('ram:IncludedNote');
    text(n, 'ram:Content', note.content);
    if (note.subjectCode) text(n, 'ram:SubjectCode', note.subjectCode);
  }

  const transaction = root.ele('rsm:SupplyChainTradeTransaction');
  for (const line of doc.lines) {
    const item = transaction.ele('ram:IncludedSupplyChainTradeLineItem');
    const lineDoc = item.ele('ram:AssociatedDocumentLineDocument');
    text(lineDoc, 'ram:LineID', line.lineId);
    if (line.note) lineDoc.ele('ram:IncludedNote').ele('ram:Content').txt(line.note);
    item.ele('ram:SpecifiedTradeProduct').ele('ram:Name').txt(line.name);
    const agreement = item.ele('ram:SpecifiedLineTradeAgreement');
    const discounted = new Money(line.discountPercent).greaterThan(0);
    if (discounted) {
      const gross = agreement.ele('ram:GrossPriceProductTradePrice');
      text(gross, 'ram:ChargeAmount', price(line.grossUnitPrice));
      const discount = gross.ele('ram:AppliedTradeAllowanceCharge');
      discount.ele('ram:ChargeIndicator').ele('udt:Indicator').txt('false');
      text(discount, 'ram:ActualAmount', price(new Money(line.grossUnitPrice).minus(line.netUnitPrice).toString()));
    }
    agreement.ele('ram:NetPriceProductTradePrice').ele('ram:ChargeAmount').txt(price(line.netUnitPrice));
    item.ele('ram:SpecifiedLineTradeDelivery').ele('ram:BilledQuantity', { unitCode: line.unitCode }).txt(quantity(line.quantity));
    const settlement = item.ele('ram:SpecifiedLineTradeSettlement');
    const tax = settlement.ele('ram:ApplicableTradeTax');
    text(tax, 'ram:TypeCode', 'VAT');
    text(tax, 'ram:CategoryCode', line.vatCategory);
    text(tax, 'ram:RateApplicablePercent', percent(line.vatRate));
    if (line.servicePeriod) billingPeriod(settlement, line.servicePeriod);
    settlement.ele('ram:SpecifiedTradeSettlementLineMonetarySummation').ele('ram:LineTotalAmount').txt(amount(line.lineNet));
  }

  const agreement = transaction.ele('ram:ApplicableHeaderTradeAgreement');
  seller(agreement, doc.seller);
  buyer(agreement, doc.buyer);
  if (doc.purchaseOrderRef) agreement.ele('ram:BuyerOrderReferencedDocument').ele('ram:IssuerAssignedID').txt(doc.purchaseOrderRef);
  if (doc.contractReference) agreement.ele('ram:ContractReferencedDocument').ele('ram:IssuerAssignedID').txt(doc.contractReference);

  const delivery = transaction.ele('ram:ApplicableHeaderTradeDelivery');
  if (doc.delivery) {
    const shipTo = delivery.ele('ram:ShipToTradeParty');
    text(shipTo, 'ram:Name', doc.delivery.name);
    address(shipTo, doc.delivery.address);
  }
  if (doc.serviceDate) dateTime(delivery.ele('ram:ActualDeliverySupplyChainEvent'), 'ram:OccurrenceDateTime', doc.serviceDate);

  const settlement = transaction.ele('ram:ApplicableHeaderTradeSettlement');
  const directDebit = doc.typeCode !== '381' && doc.paymentMeansCode === '59';
  // BT-90: the creditor identifier of a direct debit comes first in the settlement.
  if (directDebit && doc.seller.sepaCreditorId) text(settlement, 'ram:CreditorReferenceID', doc.seller.sepaCreditorId);
  text(settlement, 'ram:InvoiceCurrencyCode', doc.currency);
  if (doc.typeCode !== '381') {
    const means = settlement.ele('ram:SpecifiedTradeSettlementPaymentMeans');
    text(means, 'ram:TypeCode', doc.paymentMeansCode);
    text(means, 'ram:Information', PAYMENT_MEANS_TEXT[doc.paymentMeansCode]);
    // BT-91: the account the seller debits (BG-19).
    if (directDebit && doc.directDebitMandate)
      means.ele('ram:PayerPartyDebtorFinancialAccount').ele('ram:IBANID').txt(doc.directDebitMandate.debtorIban);
    if (doc.paymentMeansCode === '58' && doc.seller.iban) {
      means.ele('ram:PayeePartyCreditorFinancialAccount').ele('ram:IBANID').txt(doc.seller.iban);
      if (doc.seller.bic) means.ele('ram:PayeeSpecifiedCreditorFinancialInstitution').ele('ram:BICID').txt(doc.seller.bic);
    }
  }
  for (const row of doc.vatBreakdown) {
    const tax = settlement.ele('ram:ApplicableTradeTax');
    text(tax, 'ram:CalculatedAmount', amount(row.tax));
    text(tax, 'ram:TypeCode', 'VAT');
    if (row.exemptionReason) text(tax, 'ram:ExemptionReason', row.exemptionReason);
    text(tax, 'ram:BasisAmount', amount(row.basis));
    text(tax, 'ram:CategoryCode', row.categoryCode);
    if (row.exemptionReasonCode) text(tax, 'ram:ExemptionReasonCode', row.exemptionReasonCode);
    if (row.categoryCode === 'S') text(tax, 'ram:DueDateTypeCode', vatDueDateCode(doc));
    text(tax, 'ram:RateApplicablePercent', percent(row.rate));
  }
  if (doc.billingPeriod) billingPeriod(settlement, doc.billingPeriod);
  for (const ac of doc.allowanceCharges) {
    const node = settlement.ele('ram:SpecifiedTradeAllowanceCharge');
    node
      .ele('ram:ChargeIndicator')
      .ele('udt:Indicator')
      .txt(ac.charge ? 'true' : 'false');
    text(node, 'ram:ActualAmount', amount(ac.amount));
    text(node, 'ram:Reason', ac.reason);
    const tax = node.ele('ram:CategoryTradeTax');
    text(tax, 'ram:TypeCode', 'VAT');
    text(tax, 'ram:CategoryCode', ac.vatCategory);
    text(tax, 'ram:RateApplicablePercent', percent(ac.vatRate));
  }
  const mandateReference = directDebit ? (doc.directDebitMandate?.reference ?? null) : null;
  if (doc.paymentTerms || doc.dueDate || mandateReference) {
    const terms = settlement.ele('ram:SpecifiedTradePaymentTerms');
    if (doc.paymentTerms) text(terms, 'ram:Description', doc.paymentTerms);
    if (doc.dueDate) dateTime(terms, 'ram:DueDateDateTime', doc.dueDate);
    // BT-89: the mandate reference (RUM).
    if (mandateReference) text(terms, 'ram:DirectDebitMandateID', mandateReference);
  }
  const t = doc.totals;
  const sums = settlement.ele('ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  text(sums, 'ram:LineTotalAmount', amount(t.lineTotal));
  if (doc.allowanceCharges.some((ac) => ac.charge)) text(sums, 'ram:ChargeTotalAmount', amount(t.chargeTotal));
  if (doc.allowanceCharges.some((ac) => !ac.charge)) text(sums, 'ram:AllowanceTotalAmount', amount(t.allowanceTotal));
  text(sums, 'ram:TaxBasisTotalAmount', amount(t.taxBasisTotal));
  text(sums, 'ram:TaxTotalAmount', amount(t.taxTotal), { currencyID: doc.currency });
  if (!new Money(t.roundingAmount).isZero()) text(sums, 'ram:RoundingAmount', amount(t.roundingAmount));
  text(sums, 'ram:GrandTotalAmount', amount(t.grandTotal));
  if (!new Money(t.prepaidAmount).isZero()) text(sums, 'ram:TotalPrepaidAmount', amount(t.prepaidAmount));
  text(sums, 'ram:DuePayableAmount', amount(t.duePayable));
  if (doc.creditedInvoice) referencedInvoice(settlement, doc.creditedInvoice);
  for (const deposit of doc.depositInvoices) referencedInvoice(settlement, deposit);

  return root.end({ prettyPrint: true });
}
