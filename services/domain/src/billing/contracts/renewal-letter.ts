import PDFDocument from 'pdfkit';
import { PDF_FONTS } from '../documents/pdf-fonts';
import { formatEuro } from '../documents/format';
import { frenchDate } from '../../shared/time';

/**
 * The renewal notice sent before a tacitly renewed contract's notice deadline: the dates, the fee
 * now and after renewal (indexed when the index is known), and how to refuse the renewal. For a
 * consumer it quotes L215-1 of the Code de la consommation, which requires this reminder.
 */

export interface RenewalLetter {
  seller: { name: string; address: string[]; email: string | null; phone: string | null };
  buyer: { name: string; address: string[] };
  contract: { reference: string; title: string; startsOn: string };
  sentOn: string;
  termEnd: string;
  nextTermEnd: string;
  noticeDeadline: string;
  noticeDays: number;
  rhythmLabel: string;
  currentFee: string;
  /** Null when the index of the next revision is not published yet. */
  nextFee: string | null;
  nextFeeNote: string | null;
  isConsumer: boolean;
}

export function renewalLetterText(l: RenewalLetter): string[] {
  const paragraphs = [
    `Votre contrat ${l.contract.reference} « ${l.contract.title} », en vigueur depuis le ${frenchDate(l.contract.startsOn)}, arrive au terme de sa période en cours le ${frenchDate(l.termEnd)}.`,
    `Sauf refus de votre part, il sera reconduit tacitement jusqu’au ${frenchDate(l.nextTermEnd)}. Vous pouvez vous opposer à cette reconduction par écrit jusqu’au ${frenchDate(l.noticeDeadline)} inclus (préavis de ${l.noticeDays} jours).`,
    `Redevance actuelle : ${formatEuro(l.currentFee)} HT ${l.rhythmLabel}.`,
    l.nextFee
      ? `Redevance après reconduction : ${formatEuro(l.nextFee)} HT ${l.rhythmLabel}${l.nextFeeNote ? ` (${l.nextFeeNote})` : ''}.`
      : `Redevance après reconduction : ${l.nextFeeNote ?? 'inchangée'}.`,
  ];
  if (l.isConsumer)
    paragraphs.push(
      'Conformément à l’article L215-1 du Code de la consommation, nous vous informons de la possibilité de ne pas reconduire ce contrat. ' +
        'À défaut de cette information, vous pourriez mettre gratuitement un terme au contrat, à tout moment à compter de la date de reconduction.',
    );
  paragraphs.push('Nous restons à votre disposition pour toute question et vous remercions de votre confiance.');
  return paragraphs;
}

export function renderRenewalLetter(l: RenewalLetter): Promise<Uint8Array> {
  const margin = 56;
  const pdf = new PDFDocument({
    size: 'A4',
    margin,
    font: PDF_FONTS.regular as unknown as string,
    lang: 'fr-FR',
    info: { Title: `Reconduction du contrat ${l.contract.reference}`, Creator: 'Relais', Producer: 'Relais', CreationDate: new Date() },
  });
  pdf.registerFont('regular', PDF_FONTS.regular);
  pdf.registerFont('bold', PDF_FONTS.bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 2 * margin;
  pdf.font('bold').fontSize(13).fillColor('#1d4e89').text(l.seller.name);
  pdf.font('regular').fontSize(9).fillColor('#616e7c');
  for (const line of [...l.seller.address, l.seller.email, l.seller.phone]) if (line) pdf.text(line);
  pdf.moveDown(2);
  pdf.font('regular').fontSize(10).fillColor('#1f2933');
  const buyerTop = pdf.y;
  pdf.text([l.buyer.name, ...l.buyer.address].join('\n'), margin + width / 2, buyerTop, { width: width / 2 });
  pdf.moveDown(2);
  pdf.text(`Le ${frenchDate(l.sentOn)}`, margin + width / 2, pdf.y, { width: width / 2 });
  pdf.moveDown(2);
  pdf.font('bold').text(`Objet : reconduction de votre contrat ${l.contract.reference}`, margin, pdf.y, { width });
  pdf.moveDown();
  pdf.font('regular').text('Madame, Monsieur,', { width });
  for (const paragraph of renewalLetterText(l)) {
    pdf.moveDown(0.8);
    pdf.text(paragraph, { width, align: 'justify' });
  }
  pdf.moveDown(2);
  pdf.text(l.seller.name, { width });
  pdf.end();
  return done;
}
