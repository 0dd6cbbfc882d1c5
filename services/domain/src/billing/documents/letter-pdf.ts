import PDFDocument from 'pdfkit';
import { usePdfFonts } from '../../shared/pdf-fonts';
import { frenchDate } from '../../shared/time';
import type { RenderTime } from './invoice-pdf';

/** A business letter on the seller's letterhead (renewal notice, formal notice), as a PDF. */
export interface LetterParty {
  name: string;
  address: string[];
  email?: string | null;
  phone?: string | null;
}

export interface LetterTable {
  columns: { header: string; width: number; align?: 'left' | 'right' }[];
  rows: string[][];
  /** A last row in bold (totals). */
  footer?: string[];
}

export interface Letter {
  title: string;
  seller: LetterParty;
  buyer: LetterParty;
  date: string;
  subject: string;
  paragraphs: string[];
  /** Printed after the first paragraph. */
  table?: LetterTable;
  closing: string[];
}

function drawTable(pdf: PDFKit.PDFDocument, table: LetterTable, left: number, width: number): void {
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * width);
  const row = (cells: string[], font: 'regular' | 'bold') => {
    const top = pdf.y;
    let x = left;
    let bottom = top;
    pdf.font(font).fontSize(9);
    cells.forEach((cell, i) => {
      pdf.text(cell, x + 2, top, { width: widths[i]! - 4, align: table.columns[i]!.align ?? 'left' });
      bottom = Math.max(bottom, pdf.y);
      x += widths[i]!;
    });
    pdf.y = bottom + 3;
    pdf
      .moveTo(left, pdf.y - 1)
      .lineTo(left + width, pdf.y - 1)
      .strokeColor('#cbd2d9')
      .lineWidth(0.5)
      .stroke();
  };
  row(
    table.columns.map((c) => c.header),
    'bold',
  );
  for (const cells of table.rows) row(cells, 'regular');
  if (table.footer) row(table.footer, 'bold');
  pdf.x = left;
}

export function renderLetter(letter: Letter, { createdAt = new Date() }: RenderTime = {}): Promise<Uint8Array> {
  const margin = 56;
  const pdf = new PDFDocument({
    size: 'A4',
    margin,
    // No default font (null, which pdfkit's types do not list): see `usePdfFonts`.
    font: null as unknown as string,
    lang: 'fr-FR',
    info: { Title: letter.title, Creator: 'Relais', Producer: 'Relais', CreationDate: createdAt },
  });
  usePdfFonts(pdf);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 2 * margin;
  const { seller, buyer } = letter;
  pdf.font('bold').fontSize(13).fillColor('#1d4e89').text(seller.name);
  pdf.font('regular').fontSize(9).fillColor('#616e7c');
  for (const line of [...seller.address, seller.email, seller.phone]) if (line) pdf.text(line);
  pdf.moveDown(2);
  pdf.font('regular').fontSize(10).fillColor('#1f2933');
  pdf.text([buyer.name, ...buyer.address].join('\n'), margin + width / 2, pdf.y, { width: width / 2 });
  pdf.moveDown(2);
  pdf.text(`Le ${frenchDate(letter.date)}`, margin + width / 2, pdf.y, { width: width / 2 });
  pdf.moveDown(2);
  pdf.font('bold').text(`Objet : ${letter.subject}`, margin, pdf.y, { width });
  pdf.moveDown();
  pdf.font('regular').text('Madame, Monsieur,', { width });
  letter.paragraphs.forEach((paragraph, i) => {
    pdf.moveDown(0.8);
    pdf.font('regular').fontSize(10).text(paragraph, margin, pdf.y, { width, align: 'justify' });
    if (i === 0 && letter.table) {
      pdf.moveDown(0.8);
      drawTable(pdf, letter.table, margin, width);
    }
  });
  pdf.moveDown(2);
  pdf.font('regular').fontSize(10);
  for (const line of letter.closing) pdf.text(line, margin, pdf.y, { width });
  pdf.end();
  return done;
}
