import { describe, expect, it } from 'vitest';
import { renderCiiXml } from './cii-xml';
import { SAMPLE_DOCUMENTS } from './sample-documents';

/** Child element names of the first element `name`, in document order (the XSD is a sequence). */
function childrenOf(xml: string, name: string): string[] {
  const start = xml.indexOf(`<${name}>`);
  const end = xml.indexOf(`</${name}>`, start);
  const body = xml.slice(start + name.length + 2, end);
  const names: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (m[1]) depth -= 1;
    else {
      if (depth === 0) names.push(m[2]!);
      if (!m[3]) depth += 1;
    }
  }
  return names;
}

const value = (xml: string, name: string) => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(xml)?.[1];
const values = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('Factur-X CII XML (EN 16931 profile)', () => {
  it('declares the EN 16931 profile and the French billing framework', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.mixedRates());
    expect(childrenOf(xml, 'rsm:ExchangedDocumentContext')).toEqual([
      'ram:BusinessProcessSpecifiedDocumentContextParameter',
      'ram:GuidelineSpecifiedDocumentContextParameter',
    ]);
    expect(values(xml, 'ram:ID').slice(0, 3)).toEqual(['S1', 'urn:cen.eu:en16931:2017', 'F-2026-00042']);
  });

  it('writes the header groups and the settlement in schema order', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.mixedRates());
    expect(childrenOf(xml, 'rsm:SupplyChainTradeTransaction')).toEqual([
      ...Array(4).fill('ram:IncludedSupplyChainTradeLineItem'),
      'ram:ApplicableHeaderTradeAgreement',
      'ram:ApplicableHeaderTradeDelivery',
      'ram:ApplicableHeaderTradeSettlement',
    ]);
    expect(childrenOf(xml, 'ram:ApplicableHeaderTradeSettlement')).toEqual([
      'ram:InvoiceCurrencyCode',
      'ram:SpecifiedTradeSettlementPaymentMeans',
      'ram:ApplicableTradeTax',
      'ram:ApplicableTradeTax',
      'ram:ApplicableTradeTax',
      'ram:SpecifiedTradeAllowanceCharge',
      'ram:SpecifiedTradeAllowanceCharge',
      'ram:SpecifiedTradePaymentTerms',
      'ram:SpecifiedTradeSettlementHeaderMonetarySummation',
    ]);
    const headerTax = xml.slice(xml.indexOf('<ram:ApplicableHeaderTradeSettlement>'));
    expect(childrenOf(headerTax, 'ram:ApplicableTradeTax')).toEqual([
      'ram:CalculatedAmount',
      'ram:TypeCode',
      'ram:BasisAmount',
      'ram:CategoryCode',
      'ram:DueDateTypeCode',
      'ram:RateApplicablePercent',
    ]);
    expect(childrenOf(xml, 'ram:SellerTradeParty')).toEqual([
      'ram:GlobalID',
      'ram:Name',
      'ram:Description',
      'ram:SpecifiedLegalOrganization',
      'ram:DefinedTradeContact',
      'ram:PostalTradeAddress',
      'ram:URIUniversalCommunication',
      'ram:SpecifiedTaxRegistration',
    ]);
  });

  it('carries totals that satisfy BR-CO-10 to BR-CO-16, to the cent', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.mixedRates());
    expect(childrenOf(xml, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation')).toEqual([
      'ram:LineTotalAmount',
      'ram:ChargeTotalAmount',
      'ram:AllowanceTotalAmount',
      'ram:TaxBasisTotalAmount',
      'ram:TaxTotalAmount',
      'ram:GrandTotalAmount',
      'ram:DuePayableAmount',
    ]);
    const summation = xml.slice(xml.indexOf('<ram:SpecifiedTradeSettlementHeaderMonetarySummation>'));
    expect(values(summation, 'ram:LineTotalAmount')[0]).toBe('716.07');
    expect(value(summation, 'ram:ChargeTotalAmount')).toBe('15.00');
    expect(value(summation, 'ram:AllowanceTotalAmount')).toBe('20.00');
    expect(value(summation, 'ram:TaxBasisTotalAmount')).toBe('711.07');
    expect(value(summation, 'ram:TaxTotalAmount')).toBe('79.26');
    expect(value(summation, 'ram:GrandTotalAmount')).toBe('790.33');
    expect(value(summation, 'ram:DuePayableAmount')).toBe('790.33');
    expect(values(xml, 'ram:RateApplicablePercent')).toEqual(expect.arrayContaining(['20', '10', '5.5']));
  });

  it('identifies both parties for the French rules: SIREN 0002, SIRET 0009, electronic addresses 0225', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.mixedRates());
    expect(xml).toContain('<ram:ID schemeID="0002">732829320</ram:ID>');
    expect(xml).toContain('<ram:GlobalID schemeID="0009">73282932000017</ram:GlobalID>');
    expect(xml).toContain('<ram:URIID schemeID="0225">732829320</ram:URIID>');
    expect(xml).toContain('<ram:URIID schemeID="0225">552100554</ram:URIID>');
    expect(xml).toContain('<ram:IBANID>FR7630004008230001012345669</ram:IBANID>');
  });

  it('gives a discounted line its gross price and discount, the net price exact', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.mixedRates());
    expect(xml).toMatch(/<ram:GrossPriceProductTradePrice>\s*<ram:ChargeAmount>18.3333<\/ram:ChargeAmount>/);
    expect(xml).toMatch(/<ram:NetPriceProductTradePrice>\s*<ram:ChargeAmount>16.041638<\/ram:ChargeAmount>/);
  });

  it('writes reverse charge as category AE at 0 % with its exemption reason and VATEX code', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.reverseCharge());
    const tax = xml.slice(xml.indexOf('<ram:ApplicableTradeTax>\n        <ram:CalculatedAmount>'));
    expect(childrenOf(tax, 'ram:ApplicableTradeTax')).toEqual([
      'ram:CalculatedAmount',
      'ram:TypeCode',
      'ram:ExemptionReason',
      'ram:BasisAmount',
      'ram:CategoryCode',
      'ram:ExemptionReasonCode',
      'ram:RateApplicablePercent',
    ]);
    expect(value(tax, 'ram:ExemptionReason')).toBe('Autoliquidation, article 283-2 nonies du CGI');
    expect(value(tax, 'ram:ExemptionReasonCode')).toBe('VATEX-EU-AE');
    expect(value(tax, 'ram:CalculatedAmount')).toBe('0.00');
  });

  it('writes a credit note as 381 with positive amounts, referencing the credited invoice', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.creditNote());
    expect(value(xml, 'ram:TypeCode')).toBe('381');
    expect(value(xml, 'ram:GrandTotalAmount')).toBe('54.00');
    expect(xml).toMatch(
      /<ram:InvoiceReferencedDocument>\s*<ram:IssuerAssignedID>F-2026-00042<\/ram:IssuerAssignedID>\s*<ram:FormattedIssueDateTime>\s*<qdt:DateTimeString format="102">20261124</,
    );
  });

  it('deducts deposits on a final invoice: BT-113 prepaid, BT-115 due, S4, the deposit referenced', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.final());
    expect(values(xml, 'ram:ID')[0]).toBe('S4');
    expect(value(xml, 'ram:GrandTotalAmount')).toBe('14400.00');
    expect(value(xml, 'ram:TotalPrepaidAmount')).toBe('4320.00');
    expect(value(xml, 'ram:DuePayableAmount')).toBe('10080.00');
    expect(value(xml.slice(xml.indexOf('<ram:InvoiceReferencedDocument>')), 'ram:IssuerAssignedID')).toBe('F-2026-00043');
  });

  it('writes a deposit invoice as 386 with VAT due on debits (BT-8 = 5)', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.deposit());
    expect(value(xml, 'ram:TypeCode')).toBe('386');
    expect(values(xml, 'ram:ID')[0]).toBe('S1');
    expect(value(xml, 'ram:DueDateTypeCode')).toBe('5');
  });

  it('gives each contract fee line its service period (BG-26) between its VAT and its total', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.contractFees());
    expect(childrenOf(xml, 'ram:SpecifiedLineTradeSettlement')).toEqual([
      'ram:ApplicableTradeTax',
      'ram:BillingSpecifiedPeriod',
      'ram:SpecifiedTradeSettlementLineMonetarySummation',
    ]);
    const lines = xml.split('<ram:IncludedSupplyChainTradeLineItem>').slice(1);
    const periods = lines.map((line) => {
      const period = line.slice(line.indexOf('<ram:BillingSpecifiedPeriod>'), line.indexOf('</ram:BillingSpecifiedPeriod>'));
      expect(childrenOf(`${period}</ram:BillingSpecifiedPeriod>`, 'ram:BillingSpecifiedPeriod')).toEqual([
        'ram:StartDateTime',
        'ram:EndDateTime',
      ]);
      return values(period, 'udt:DateTimeString');
    });
    expect(periods).toEqual([
      ['20260115', '20260331'],
      ['20260401', '20260630'],
      ['20260401', '20260630'],
    ]);
    expect(xml).toMatch(
      /<ram:BillingSpecifiedPeriod>\s*<ram:StartDateTime>\s*<udt:DateTimeString format="102">20260115<\/udt:DateTimeString>\s*<\/ram:StartDateTime>\s*<ram:EndDateTime>\s*<udt:DateTimeString format="102">20260331</,
    );
  });

  it('writes the invoicing period (BG-14) after the VAT breakdown and the contract (BT-12) after the order reference', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.contractFees());
    expect(childrenOf(xml, 'ram:ApplicableHeaderTradeSettlement')).toEqual([
      'ram:InvoiceCurrencyCode',
      'ram:SpecifiedTradeSettlementPaymentMeans',
      'ram:ApplicableTradeTax',
      'ram:BillingSpecifiedPeriod',
      'ram:SpecifiedTradePaymentTerms',
      'ram:SpecifiedTradeSettlementHeaderMonetarySummation',
    ]);
    const header = xml.slice(xml.indexOf('<ram:ApplicableHeaderTradeSettlement>'));
    expect(values(header.slice(header.indexOf('<ram:BillingSpecifiedPeriod>')), 'udt:DateTimeString').slice(0, 2)).toEqual([
      '20260115',
      '20260630',
    ]);
    expect(childrenOf(xml, 'ram:ApplicableHeaderTradeAgreement')).toEqual([
      'ram:SellerTradeParty',
      'ram:BuyerTradeParty',
      'ram:ContractReferencedDocument',
    ]);
    expect(xml).toMatch(/<ram:ContractReferencedDocument>\s*<ram:IssuerAssignedID>CT-2026-0003<\/ram:IssuerAssignedID>/);
    // No intervention: no delivery date (BT-72), no delivery site.
    expect(xml).not.toContain('ram:ActualDeliverySupplyChainEvent');
  });

  it('keeps the order reference before the contract, and writes no period nor contract when there are none', () => {
    const doc = SAMPLE_DOCUMENTS.contractFees();
    const xml = renderCiiXml({ ...doc, purchaseOrderRef: 'BC-7781' });
    expect(childrenOf(xml, 'ram:ApplicableHeaderTradeAgreement').slice(2)).toEqual([
      'ram:BuyerOrderReferencedDocument',
      'ram:ContractReferencedDocument',
    ]);
    const plain = renderCiiXml(SAMPLE_DOCUMENTS.mixedRates());
    expect(plain).not.toContain('ram:BillingSpecifiedPeriod');
    expect(plain).not.toContain('ram:ContractReferencedDocument');
  });

  it('escapes text and refuses a draft', () => {
    const doc = SAMPLE_DOCUMENTS.mixedRates();
    const xml = renderCiiXml({ ...doc, buyer: { ...doc.buyer, name: 'Dupont & Fils <SARL>' } });
    expect(xml).toContain('<ram:Name>Dupont &amp; Fils &lt;SARL&gt;</ram:Name>');
    expect(() => renderCiiXml(SAMPLE_DOCUMENTS.draft())).toThrow(expect.objectContaining({ code: 'INVOICE_NOT_ISSUED' }));
  });
});

describe('Factur-X CII XML of a direct debit invoice', () => {
  it('writes payment means 59, the debited IBAN (BT-91), the ICS (BT-90) and the mandate (BT-89), in schema order', () => {
    const xml = renderCiiXml(SAMPLE_DOCUMENTS.directDebit());
    expect(childrenOf(xml, 'ram:ApplicableHeaderTradeSettlement')).toEqual([
      'ram:CreditorReferenceID',
      'ram:InvoiceCurrencyCode',
      'ram:SpecifiedTradeSettlementPaymentMeans',
      'ram:ApplicableTradeTax',
      'ram:BillingSpecifiedPeriod',
      'ram:SpecifiedTradePaymentTerms',
      'ram:SpecifiedTradeSettlementHeaderMonetarySummation',
    ]);
    expect(value(xml, 'ram:CreditorReferenceID')).toBe('FR72ZZZ123456');
    expect(childrenOf(xml, 'ram:SpecifiedTradeSettlementPaymentMeans')).toEqual([
      'ram:TypeCode',
      'ram:Information',
      'ram:PayerPartyDebtorFinancialAccount',
    ]);
    const means = xml.slice(xml.indexOf('<ram:SpecifiedTradeSettlementPaymentMeans>'));
    expect(value(means, 'ram:TypeCode')).toBe('59');
    expect(value(means, 'ram:Information')).toBe('Prélèvement SEPA');
    expect(means).toMatch(/<ram:PayerPartyDebtorFinancialAccount>\s*<ram:IBANID>FR7630006000011234567890189<\/ram:IBANID>/);
    // No creditor account: the seller collects, the buyer does not transfer.
    expect(xml).not.toContain('ram:PayeePartyCreditorFinancialAccount');
    expect(childrenOf(xml, 'ram:SpecifiedTradePaymentTerms')).toEqual([
      'ram:Description',
      'ram:DueDateDateTime',
      'ram:DirectDebitMandateID',
    ]);
    expect(value(xml, 'ram:DirectDebitMandateID')).toBe('CLIMOUEST-C0001-0001');
    const terms = xml.slice(xml.indexOf('<ram:SpecifiedTradePaymentTerms>'));
    expect(value(terms, 'ram:Description')).toBe('Prélèvement SEPA prévu le 10/12/2026 — mandat CLIMOUEST-C0001-0001');
  });

  it('writes 59 without mandate data when the customer has no mandate yet, and nothing of it on a credit note', () => {
    const doc = SAMPLE_DOCUMENTS.directDebit();
    const noMandate = renderCiiXml({ ...doc, directDebitMandate: null, seller: { ...doc.seller, sepaCreditorId: null } });
    expect(value(noMandate, 'ram:TypeCode')).toBe('380');
    expect(values(noMandate, 'ram:TypeCode')).toContain('59');
    expect(noMandate).not.toContain('ram:DirectDebitMandateID');
    expect(noMandate).not.toContain('ram:PayerPartyDebtorFinancialAccount');
    expect(noMandate).not.toContain('ram:CreditorReferenceID');
    const transfer = renderCiiXml(SAMPLE_DOCUMENTS.mixedRates());
    expect(transfer).not.toContain('ram:CreditorReferenceID');
    expect(transfer).not.toContain('ram:DirectDebitMandateID');
  });
});
