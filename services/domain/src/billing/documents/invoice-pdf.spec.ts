import { describe, expect, it } from 'vitest';
import { billingSubject, linePeriodMention, renderInvoicePdf } from './invoice-pdf';
import { renderCiiXml } from './cii-xml';
import { SAMPLE_DOCUMENTS } from './sample-documents';

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
