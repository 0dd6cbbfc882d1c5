import { describe, expect, it } from 'vitest';
import { billingSubject, linePeriodMention, renderInvoicePdf } from './invoice-pdf';
import { renderCiiXml } from './cii-xml';
import type { InvoiceDocument } from './invoice-document';
import { SAMPLE_DOCUMENTS, sampleDocument } from './sample-documents';

describe('invoice PDF: billed periods', () => {
  const period = { start: '2026-01-15', end: '2026-03-31' };

  it('prints a line’s service period under its designation unless the designation already gives it', () => {
    expect(linePeriodMention({ name: 'Astreinte', servicePeriod: period })).toBe('Période du 15/01/2026 au 31/03/2026');
    expect(
      linePeriodMention({
        name: 'Maintenance préventive CVC — Période du 15/01/2026 au 31/03/2026 (prorata 76 j / 90 j)',
        servicePeriod: period,
      }),
    ).toBeNull();
    // Another period in the designation is not this one.
    expect(linePeriodMention({ name: 'Astreinte — Période du 01/04/2026 au 30/06/2026', servicePeriod: period })).toBe(
      'Période du 15/01/2026 au 31/03/2026',
    );
    expect(linePeriodMention({ name: 'Dépannage', servicePeriod: null })).toBeNull();
  });

  it('names the contract and the billed period in the header', () => {
    expect(billingSubject({ contractReference: 'CT-2026-0003', billingPeriod: { start: '2026-01-15', end: '2026-06-30' } })).toBe(
      'Contrat CT-2026-0003 — période facturée du 15/01/2026 au 30/06/2026',
    );
    expect(billingSubject({ contractReference: 'CT-2026-0003', billingPeriod: null })).toBe('Contrat CT-2026-0003');
    expect(billingSubject({ contractReference: null, billingPeriod: period })).toBe('Période facturée du 15/01/2026 au 31/03/2026');
    expect(billingSubject({ contractReference: null, billingPeriod: null })).toBeNull();
  });

  it('renders a contract fee invoice', async () => {
    const doc = SAMPLE_DOCUMENTS.contractFees();
    const pdf = await renderInvoicePdf(doc, renderCiiXml(doc));
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
  });
});

describe('invoice PDF: transfer QR code', () => {
  // The samples have no logo: the only image of the page is the QR code (a grayscale PNG).
  const images = (pdf: Uint8Array) =>
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Subtype \/Image/g)?.length ?? 0;
  const render = (doc: InvoiceDocument) => renderInvoicePdf(doc, doc.draft ? null : renderCiiXml(doc));

  it('is drawn in the payment block of invoices and deposit invoices paid by transfer', async () => {
    for (const doc of [SAMPLE_DOCUMENTS.mixedRates(), SAMPLE_DOCUMENTS.deposit(), SAMPLE_DOCUMENTS.final()]) {
      const pdf = Buffer.from(await render(doc));
      expect(images(pdf), doc.number!).toBe(1);
      expect(pdf.toString('latin1')).toMatch(/\/ColorSpace \/DeviceGray/);
    }
  });

  it('is not drawn on credit notes, drafts, direct debit invoices, or without an IBAN', async () => {
    const noIban = SAMPLE_DOCUMENTS.mixedRates();
    for (const doc of [
      SAMPLE_DOCUMENTS.creditNote(),
      SAMPLE_DOCUMENTS.draft(),
      sampleDocument({
        number: 'F-2026-00070',
        lines: [{ name: 'Redevance', quantity: '1', unitPrice: '100.00', vatRateCode: 'TVA20' }],
        directDebit: true,
      }),
      { ...noIban, seller: { ...noIban.seller, iban: null } },
    ])
      expect(images(await render(doc)), doc.number ?? 'brouillon').toBe(0);
  });

  it('leaves the Factur-X XML as it was', () => {
    const doc = SAMPLE_DOCUMENTS.mixedRates();
    expect(renderCiiXml({ ...doc, directDebit: true })).toBe(renderCiiXml(doc));
  });
});
