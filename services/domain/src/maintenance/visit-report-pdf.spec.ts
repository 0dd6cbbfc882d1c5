import { describe, expect, it } from 'vitest';
import { drawableImage } from './visit-report';
import { renderVisitReportPdf, type VisitReportDocument } from './visit-report-pdf';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const report = (change: Partial<VisitReportDocument> = {}): VisitReportDocument => ({
  number: 'I-2026-00042',
  title: 'Entretien climatisation',
  date: '2026-03-05',
  company: { name: 'Clim’Ouest', address: ['12 rue de Brest', '44000 Nantes'], phone: '02 40 00 00 00', email: null, logo: null },
  customer: { name: 'Hôtel des Ducs', address: ['1 rue de la Paix', '44000 Nantes'] },
  site: { name: 'Siège', address: ['3 quai de la Fosse', '44000 Nantes'] },
  equipment: { name: 'Climatiseur salle serveur', details: ['Daikin', 'n° de série DK-2291'] },
  technicians: ['Théo'],
  request: 'Entretien annuel',
  workDone: 'Filtres remplacés, pression contrôlée',
  reservations: null,
  labour: [{ date: '2026-03-05', hours: '1.50', kind: 'heures normales' }],
  totalHours: '1.50',
  travelCount: 1,
  parts: [{ label: 'Filtre G4 592×592', quantity: '2.00', unit: 'u', serialNumber: null }],
  photos: [{ caption: 'Avant', image: drawableImage(PNG)! }],
  signature: { name: 'M. Roy', date: '2026-03-05', time: '16:40', image: drawableImage(PNG) },
  ...change,
});

describe('signed visit report PDF', () => {
  it('renders a report with its photos and signature', async () => {
    const pdf = Buffer.from(await renderVisitReportPdf(report()));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The signer is named in the document's subject (UTF-16BE: the title has non-ASCII characters).
    expect(pdf.includes(Buffer.from('\ufeffEntretien climatisation, signé par M. Roy', 'utf16le').swap16())).toBe(true);
  });

  it('still renders when a photo cannot be decoded or the signature is an SVG', async () => {
    const broken = Buffer.from('iVBORw0KGgo=', 'base64');
    const pdf = await renderVisitReportPdf(
      report({ photos: [{ caption: null, image: broken }], signature: { name: 'M. Roy', date: '2026-03-05', time: '16:40', image: null } }),
    );
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('draws only PNG and JPEG data URLs', () => {
    expect(drawableImage(PNG)?.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(drawableImage('data:image/webp;base64,UklGRg==')).toBeNull();
    expect(drawableImage('data:image/svg+xml;base64,PHN2Zz4=')).toBeNull();
    expect(drawableImage(null)).toBeNull();
  });
});
