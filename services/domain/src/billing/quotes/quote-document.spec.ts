import { describe, expect, it } from 'vitest';
import { renderDocumentPdf } from '../documents/invoice-pdf';
import { sampleDocument } from '../documents/sample-documents';
import { quoteLook, quoteMentions } from './quote-document';

const quote = { number: 'D-2026-00012', revision: 2, validUntil: '2027-01-05', status: 'SENT' as const };

describe('quote PDF', () => {
  it('is titled « Devis » with its validity instead of a due date, and no payment block', () => {
    const look = quoteLook(quote, '2026-12-06');
    expect(look).toMatchObject({ title: 'Devis', buyerLabel: 'CLIENT', reference: 'Devis D-2026-00012', payment: false, watermark: null });
    expect(look.facts).toEqual([
      ['N°', 'D-2026-00012'],
      ['Date', '06/12/2026'],
      ['Valable jusqu’au', '05/01/2027'],
      ['Révision', '2'],
    ]);
    expect(quoteLook({ ...quote, status: 'CANCELLED' }, '2026-12-06').watermark).toBe('ANNULÉ — ce devis n’est plus valable');
    expect(quoteMentions(quote)[0]).toBe('Offre valable jusqu’au 05/01/2027');
  });

  it('is drawn with the invoice layout', async () => {
    const doc = {
      ...sampleDocument({
        number: 'D-2026-00012',
        dueDate: null,
        lines: [{ name: 'Remise en service et réglages', quantity: '2', unitCode: 'HUR', unitPrice: '65.00', vatRateCode: 'TVA20' }],
      }),
      legalMentions: quoteMentions(quote),
    };
    const look = quoteLook(quote, '2026-12-06');
    const pdf = Buffer.from(await renderDocumentPdf(doc, look, { title: look.reference }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.includes(Buffer.from('(Devis D-2026-00012)'))).toBe(true);
    expect(pdf.includes(Buffer.from('factur-x.xml'))).toBe(false);
  });
});
