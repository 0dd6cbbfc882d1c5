import PDFDocument from 'pdfkit';
import { usePdfFonts } from '../shared/pdf-fonts';
import { frenchDate } from '../shared/time';

/** What the signed visit report prints (no prices, no costs, technicians by first name). */
export interface VisitReportDocument {
  number: string;
  title: string;
  /** The day the job was finished (YYYY-MM-DD, tenant-local). */
  date: string;
  company: { name: string; address: string[]; phone: string | null; email: string | null; logo: Buffer | null };
  customer: { name: string; address: string[] };
  site: { name: string; address: string[] };
  equipment: { name: string; details: string[] } | null;
  technicians: string[];
  /** What was asked (the request's description). */
  request: string | null;
  /** What the technician wrote: the work done and observations. */
  workDone: string | null;
  /** What the customer wrote beside the signature. */
  reservations: string | null;
  labour: { date: string; hours: string; kind: string }[];
  totalHours: string;
  travelCount: number;
  parts: { label: string; quantity: string; unit: string; serialNumber: string | null }[];
  /** PNG or JPEG bytes (other formats are left out by the loader). */
  photos: { caption: string | null; image: Buffer }[];
  signature: { name: string; date: string; time: string; image: Buffer | null };
}

const PAGE = { width: 595.28, height: 841.89, margin: 42 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 20;
const COLORS = { accent: '#1d4e89', text: '#1f2933', muted: '#616e7c', rule: '#cbd2d9' };
const THUMB = { width: 160, height: 120, gap: 9 };

type Doc = InstanceType<typeof PDFDocument>;

/** "2.50" -> "2,5"; "3.00" -> "3". */
const decimal = (value: string) => value.replace(/\.?0+$/, '').replace('.', ',');
const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** Draws an image; a photo pdfkit cannot decode (a truncated upload) is left out rather than failing the whole report. */
function drawImage(pdf: Doc, image: Buffer, x: number, y: number, options: PDFKit.Mixins.ImageOption): boolean {
  try {
    pdf.image(image, x, y, options);
    return true;
  } catch {
    return false;
  }
}

class VisitReportLayout {
  constructor(
    private readonly pdf: Doc,
    private readonly doc: VisitReportDocument,
  ) {}

  private font(weight: 'regular' | 'bold', size: number, color = COLORS.text): Doc {
    return this.pdf.font(weight).fontSize(size).fillColor(color);
  }

  private ensureSpace(height: number): void {
    if (this.pdf.y + height > BOTTOM) this.pdf.addPage();
  }

  header(): void {
    const { pdf, doc } = this;
    const top = PAGE.margin;
    if (doc.company.logo) {
      drawImage(pdf, doc.company.logo, PAGE.margin, top, { fit: [120, 56] });
    } else {
      pdf.roundedRect(PAGE.margin, top, 48, 48, 8).fill(COLORS.accent);
      this.font('bold', 18, '#ffffff').text(initials(doc.company.name), PAGE.margin, top + 15, { width: 48, align: 'center' });
    }
    this.font('bold', 11).text(doc.company.name, PAGE.margin, top + 62, { width: 250 });
    const lines = [...doc.company.address, doc.company.phone ? `Tél. ${doc.company.phone}` : null, doc.company.email].filter(Boolean);
    this.font('regular', 8.5, COLORS.muted).text(lines.join('\n'), PAGE.margin, pdf.y + 2, { width: 250, lineGap: 1 });
    const leftBottom = pdf.y;
    const x = PAGE.margin + 270;
    const width = WIDTH - 270;
    this.font('bold', 17, COLORS.accent).text('RAPPORT D’INTERVENTION', x, top, { width, align: 'right' });
    this.font('bold', 10).text(doc.number, x, pdf.y + 4, { width, align: 'right' });
    this.font('regular', 9, COLORS.muted).text(`Réalisée le ${frenchDate(doc.date)}`, x, pdf.y + 2, { width, align: 'right' });
    this.font('regular', 8, COLORS.muted).text('CLIENT', x, top + 70, { width });
    this.font('bold', 10).text(doc.customer.name, x, pdf.y + 2, { width });
    this.font('regular', 9).text(doc.customer.address.join('\n'), x, pdf.y + 1, { width });
    pdf.y = Math.max(pdf.y, leftBottom) + 16;
  }

  facts(): void {
    const { pdf, doc } = this;
    const rows: [string, string][] = [
      ['Site', [doc.site.name, ...doc.site.address].join(', ')],
      ...(doc.equipment ? [['Équipement', [doc.equipment.name, ...doc.equipment.details].join(' · ')] as [string, string]] : []),
      ['Intervention', doc.title],
      ['Technicien(s)', doc.technicians.join(', ') || '—'],
      ['Temps passé', `${decimal(doc.totalHours)} h de main-d’œuvre · ${doc.travelCount} déplacement${doc.travelCount > 1 ? 's' : ''}`],
    ];
    for (const [label, value] of rows) {
      const y = pdf.y;
      this.font('regular', 9, COLORS.muted).text(label, PAGE.margin, y, { width: 100 });
      this.font('regular', 9.5).text(value, PAGE.margin + 105, y, { width: WIDTH - 105 });
      pdf.y += 4;
    }
  }

  private title(text: string): void {
    const { pdf } = this;
    this.ensureSpace(50);
    pdf.y += 8;
    this.font('bold', 10.5, COLORS.accent).text(text.toUpperCase(), PAGE.margin, pdf.y, { width: WIDTH });
    pdf
      .moveTo(PAGE.margin, pdf.y + 2)
      .lineTo(PAGE.margin + WIDTH, pdf.y + 2)
      .strokeColor(COLORS.rule)
      .lineWidth(0.5)
      .stroke();
    pdf.y += 6;
  }

  private paragraph(text: string): void {
    this.font('regular', 9.5).text(text, PAGE.margin, this.pdf.y, { width: WIDTH, lineGap: 1.5 });
  }

  private table(columns: { header: string; width: number; align?: 'left' | 'right' }[], rows: string[][]): void {
    const { pdf } = this;
    const row = (cells: string[], weight: 'regular' | 'bold') => {
      this.ensureSpace(16);
      const top = pdf.y;
      let x = PAGE.margin;
      let bottom = top;
      cells.forEach((cell, i) => {
        this.font(weight, 9).text(cell, x + 2, top, { width: columns[i]!.width - 4, align: columns[i]!.align ?? 'left' });
        bottom = Math.max(bottom, pdf.y);
        x += columns[i]!.width;
      });
      pdf.y = bottom + 3;
    };
    row(
      columns.map((c) => c.header),
      'bold',
    );
    for (const cells of rows) row(cells, 'regular');
  }

  body(): void {
    const { doc } = this;
    if (doc.request) {
      this.title('Demande');
      this.paragraph(doc.request);
    }
    this.title('Travaux réalisés et observations');
    this.paragraph(doc.workDone ?? '—');
    if (doc.labour.length) {
      this.title('Main-d’œuvre');
      this.table(
        [
          { header: 'Date', width: 110 },
          { header: 'Heures', width: 80, align: 'right' },
          { header: 'Type', width: WIDTH - 190 },
        ],
        doc.labour.map((l) => [frenchDate(l.date), decimal(l.hours), l.kind]),
      );
    }
    if (doc.parts.length) {
      this.title('Pièces posées');
      this.table(
        [
          { header: 'Pièce', width: WIDTH - 230 },
          { header: 'Quantité', width: 90, align: 'right' },
          { header: 'N° de série', width: 140 },
        ],
        doc.parts.map((p) => [p.label, `${decimal(p.quantity)} ${p.unit}`, p.serialNumber ?? '']),
      );
    }
    if (doc.photos.length) this.photos();
  }

  private photos(): void {
    const { pdf, doc } = this;
    this.title('Photos');
    const perRow = Math.floor((WIDTH + THUMB.gap) / (THUMB.width + THUMB.gap));
    for (let i = 0; i < doc.photos.length; i += perRow) {
      this.ensureSpace(THUMB.height + 24);
      const top = pdf.y;
      let bottom = top;
      doc.photos.slice(i, i + perRow).forEach((photo, j) => {
        const x = PAGE.margin + j * (THUMB.width + THUMB.gap);
        drawImage(pdf, photo.image, x, top, { fit: [THUMB.width, THUMB.height], align: 'center', valign: 'center' });
        if (photo.caption) this.font('regular', 8, COLORS.muted).text(photo.caption, x, top + THUMB.height + 2, { width: THUMB.width });
        bottom = Math.max(bottom, photo.caption ? pdf.y : top + THUMB.height);
      });
      pdf.y = bottom + 8;
    }
  }

  signature(): void {
    const { pdf, doc } = this;
    if (doc.reservations) {
      this.title('Réserves du client');
      this.paragraph(doc.reservations);
    }
    this.title('Signature du client');
    this.ensureSpace(100);
    const top = pdf.y;
    this.font('regular', 9.5).text(`Signé par ${doc.signature.name}`, PAGE.margin, top, { width: 250 });
    this.font('regular', 9, COLORS.muted).text(`le ${frenchDate(doc.signature.date)} à ${doc.signature.time}`, PAGE.margin, pdf.y + 2, {
      width: 250,
    });
    pdf
      .rect(PAGE.margin + 270, top, 200, 80)
      .strokeColor(COLORS.rule)
      .lineWidth(0.5)
      .stroke();
    const drawn =
      doc.signature.image &&
      drawImage(pdf, doc.signature.image, PAGE.margin + 275, top + 5, { fit: [190, 70], align: 'center', valign: 'center' });
    if (!drawn) {
      this.font('regular', 9, COLORS.muted).text('Signature électronique enregistrée', PAGE.margin + 280, top + 34, {
        width: 180,
        align: 'center',
      });
    }
    pdf.y = top + 88;
  }
}

/** The signed visit report as a PDF (fonts embedded, A4, French). */
export function renderVisitReportPdf(doc: VisitReportDocument, { createdAt = new Date() }: { createdAt?: Date } = {}): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    // No default font (null, which pdfkit's types do not list): see `usePdfFonts`.
    font: null as unknown as string,
    lang: 'fr-FR',
    info: {
      Title: `Rapport d’intervention ${doc.number}`,
      Subject: `${doc.title}, signé par ${doc.signature.name}`,
      Author: doc.company.name,
      Creator: 'Relais',
      Producer: 'Relais',
      CreationDate: createdAt,
    },
  });
  usePdfFonts(pdf);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  const layout = new VisitReportLayout(pdf, doc);
  layout.header();
  layout.facts();
  layout.body();
  layout.signature();
  pdf.end();
  return done;
}
