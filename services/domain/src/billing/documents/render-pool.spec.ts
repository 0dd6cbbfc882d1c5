import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { renderCiiXml } from './cii-xml';
import { invoiceLook, renderDocumentPdf, renderInvoicePdf } from './invoice-pdf';
import { renderLetter } from './letter-pdf';
import { closeRenderPool, renderDocumentPdfInPool, renderInvoicePdfInPool, renderLetterInPool } from './render-pool';
import { SAMPLE_DOCUMENTS } from './sample-documents';

const createdAt = new Date('2026-12-01T09:30:00Z');

// The first render starts a worker thread, which compiles the renderer's sources under vitest.
describe('render pool', { timeout: 60_000 }, () => {
  afterAll(closeRenderPool);

  it('renders the same bytes on a worker thread as in this thread', async () => {
    for (const doc of [SAMPLE_DOCUMENTS.long(10), SAMPLE_DOCUMENTS.mixedRates(), SAMPLE_DOCUMENTS.creditNote(), SAMPLE_DOCUMENTS.draft()]) {
      const xml = doc.draft ? null : renderCiiXml(doc);
      const [inThread, inPool] = await Promise.all([
        renderInvoicePdf(doc, xml, { createdAt }),
        renderInvoicePdfInPool(doc, xml, { createdAt }),
      ]);
      expect(Buffer.from(inPool).equals(Buffer.from(inThread)), doc.number ?? 'brouillon').toBe(true);
    }
    const quote = SAMPLE_DOCUMENTS.contractFees();
    const look = { ...invoiceLook(quote), title: 'Devis', reference: 'Devis D-2026-00012', payment: false };
    expect(
      Buffer.from(await renderDocumentPdfInPool(quote, look, { title: 'Devis D-2026-00012', createdAt })).equals(
        Buffer.from(await renderDocumentPdf(quote, look, { title: 'Devis D-2026-00012', createdAt })),
      ),
    ).toBe(true);
  });

  it('renders a letter as in this thread', async () => {
    const letter = {
      title: 'Mise en demeure',
      seller: {
        name: 'Clim’Ouest Maintenance',
        address: ['12 rue de la Galissonnière', '44000 Nantes'],
        email: 'facturation@climouest.example',
      },
      buyer: { name: 'Clinique du Parc', address: ['3 avenue de la Libération', '35000 Rennes'] },
      date: '2026-12-01',
      subject: 'Facture F-2026-00042 impayée',
      paragraphs: ['Sauf erreur de notre part, la facture ci-dessous reste impayée.', 'Nous vous prions de la régler sous huit jours.'],
      table: {
        columns: [
          { header: 'Facture', width: 2 },
          { header: 'Reste dû', width: 1, align: 'right' as const },
        ],
        rows: [['F-2026-00042', '750,81 €']],
      },
      closing: ['Veuillez agréer, Madame, Monsieur, nos salutations distinguées.'],
    };
    expect(
      Buffer.from(await renderLetterInPool(letter, { createdAt })).equals(Buffer.from(await renderLetter(letter, { createdAt }))),
    ).toBe(true);
  });

  it('gives back the renderer’s typed errors as they were raised', async () => {
    const issued = SAMPLE_DOCUMENTS.mixedRates();
    const error = await renderInvoicePdfInPool(issued, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'FACTURX_XML_REQUIRED', category: 'CONFLICT', details: { invoiceId: issued.invoiceId } });
  });

  it('turns a failure inside the renderer into DOCUMENT_RENDER_FAILED and keeps rendering', async () => {
    const doc = SAMPLE_DOCUMENTS.mixedRates();
    const broken = { ...doc, seller: { ...doc.seller, logo: new Uint8Array([1, 2, 3, 4]) } };
    const error = await renderInvoicePdfInPool(broken, renderCiiXml(broken)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'DOCUMENT_RENDER_FAILED', category: 'CONFLICT', details: { reason: expect.any(String) } });
    const pdf = await renderInvoicePdfInPool(doc, renderCiiXml(doc));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});
