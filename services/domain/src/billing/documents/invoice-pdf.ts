import PDFDocument from 'pdfkit';
import { usePdfFonts } from '../../shared/pdf-fonts';
import { Money } from '../money';
import { Errors } from '../../shared/errors';
import { FACTURX_CONFORMANCE_LEVEL } from './cii-xml';
import { formatAmount, formatEuro, formatIban, formatQuantity, formatRate, formatSiren, formatUnitPrice } from './format';
import {
  directDebitNotice,
  type DocumentLine,
  type DocumentPeriod,
  type DocumentVatRow,
  type InvoiceDocument,
  type PostalAddress,
} from './invoice-document';
import { documentTitle } from './legal-mentions';
import { frenchDate } from '../../shared/time';
import { epcQrPng } from '../../finance/epc-qr';
import { TRANSFER_QR_CAPTION, transferQrPayload } from './payment-qr';

/**
 * The invoice as a PDF/A-3b a customer can read, with its Factur-X XML embedded (`factur-x.xml`,
 * AFRelationship Alternative: under the French reform the structured data is the invoice and the
 * PDF its human-readable rendering) and the Factur-X XMP extension schema. Fonts (DejaVu, from
 * the `dejavu-fonts-ttf` package) are embedded; pdfkit adds the sRGB output intent it ships.
 * A draft renders as a preview: no number, no XML, a "BROUILLON" watermark on every page.
 * An invoice paid by transfer shows the EPC QR code of its amount to pay (see `payment-qr.ts`).
 */

const PAGE = { width: 595.28, height: 841.89, margin: 42 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Space kept at the bottom of every page for the footer (seller identification, page number). */
const FOOTER_HEIGHT = 34;
const BOTTOM = PAGE.height - PAGE.margin - FOOTER_HEIGHT;

/** The EPC QR code: about 3 cm, the quiet zone included, above a caption as wide as the column. */
const QR_SIZE = 86;
const QR_COLUMN = 150;
/** Pixels per module of the QR code's PNG: ~200 dpi at QR_SIZE for the 53 to 65 modules (quiet zone included) of EPC payloads. */
const QR_PIXELS_PER_MODULE = 4;

const COLORS = { accent: '#1d4e89', text: '#1f2933', muted: '#616e7c', rule: '#cbd2d9', zebra: '#f3f6f9', watermark: '#e4e7eb' };

const UNIT_LABELS: Record<string, string> = { HUR: 'h', C62: 'u', KGM: 'kg', MTR: 'm', MTK: 'm²', LTR: 'l', DAY: 'j' };

type Doc = InstanceType<typeof PDFDocument>;

const FACTURX_XMP = `
        <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
            <fx:DocumentType>INVOICE</fx:DocumentType>
            <fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
            <fx:Version>1.0</fx:Version>
            <fx:ConformanceLevel>${FACTURX_CONFORMANCE_LEVEL}</fx:ConformanceLevel>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                ${[
                                  ['DocumentFileName', 'name of the embedded XML invoice file'],
                                  ['DocumentType', 'INVOICE'],
                                  ['Version', 'The actual version of the Factur-X XML schema'],
                                  ['ConformanceLevel', 'The conformance level of the embedded Factur-X data'],
                                ]
                                  .map(
                                    ([name, description]) => `<rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>${name}</pdfaProperty:name>
                                    <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                                    <pdfaProperty:category>external</pdfaProperty:category>
                                    <pdfaProperty:description>${description}</pdfaProperty:description>
                                </rdf:li>`,
                                  )
                                  .join('\n                                ')}
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>`;

function addressLines(a: PostalAddress): string[] {
  return [a.line1, a.line2, `${a.postalCode} ${a.city}`.trim(), a.country !== 'FR' ? a.country : null].filter((l): l is string =>
    Boolean(l),
  );
}

const periodText = (p: DocumentPeriod) => `du ${frenchDate(p.start)} au ${frenchDate(p.end)}`;

/** What the PDF prints under a line's designation for its service period: nothing when the designation already says it. */
export function linePeriodMention(line: Pick<DocumentLine, 'name' | 'servicePeriod'>): string | null {
  const p = line.servicePeriod;
  if (!p || (line.name.includes(frenchDate(p.start)) && line.name.includes(frenchDate(p.end)))) return null;
  return `Période ${periodText(p)}`;
}

/** The subject line under the header: the contract (BT-12) and the period the invoice bills (BG-14). */
export function billingSubject(doc: Pick<InvoiceDocument, 'contractReference' | 'billingPeriod'>): string | null {
  const period = doc.billingPeriod ? periodText(doc.billingPeriod) : null;
  if (doc.contractReference)
    return period ? `Contrat ${doc.contractReference} — période facturée ${period}` : `Contrat ${doc.contractReference}`;
  return period ? `Période facturée ${period}` : null;
}

function initials(name: string): string {
  const words = name
    .replace(/[’']/g, ' ')
    .split(/\s+/)
    .filter((w) => /^[A-Za-zÀ-ÿ]/.test(w));
  return words
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/**
 * What differs between the documents drawn with this layout (invoices, credit notes, quotes): the
 * title, the facts under it, the label of the buyer's block, the reference in the footer, whether
 * it has a payment block, and the watermark of a preview.
 */
export interface DocumentLook {
  title: string;
  facts: [string, string][];
  buyerLabel: string;
  /** Printed in the footer of every page ("Facture F-2026-00001", "Devis D-2026-00001"). */
  reference: string;
  payment: boolean;
  watermark: string | null;
  /** The heading of the mentions at the bottom. */
  mentionsTitle: string;
}

/** An invoice's or credit note's look: its type, number, dates and references. */
export function invoiceLook(doc: InvoiceDocument): DocumentLook {
  const facts: [string, string][] = [
    ['N°', doc.number ?? 'Brouillon (non numéroté)'],
    ['Date', frenchDate(doc.issueDate)],
  ];
  if (doc.dueDate && doc.typeCode !== '381') facts.push(['Échéance', frenchDate(doc.dueDate)]);
  if (doc.serviceDate) facts.push(['Date de prestation', frenchDate(doc.serviceDate)]);
  if (doc.purchaseOrderRef) facts.push(['Votre commande', doc.purchaseOrderRef]);
  if (doc.creditedInvoice)
    facts.push(['Facture d’origine', `${doc.creditedInvoice.number} du ${frenchDate(doc.creditedInvoice.issueDate)}`]);
  return {
    title: documentTitle(doc.typeCode),
    facts,
    buyerLabel: 'FACTURÉ À',
    reference: doc.number ? `${documentTitle(doc.typeCode)} ${doc.number}` : 'Brouillon',
    payment: doc.typeCode !== '381',
    watermark: doc.draft ? 'BROUILLON — non valable comme facture' : null,
    mentionsTitle: 'MENTIONS LÉGALES',
  };
}

class InvoiceLayout {
  y = PAGE.margin;

  constructor(
    private readonly pdf: Doc,
    private readonly doc: InvoiceDocument,
    private readonly look: DocumentLook,
  ) {}

  private font(weight: 'regular' | 'bold', size: number, color = COLORS.text): Doc {
    return this.pdf.font(weight).fontSize(size).fillColor(color);
  }

  /** Starts a new page when `height` does not fit; returns true when it did. */
  private ensureSpace(height: number): boolean {
    if (this.y + height <= BOTTOM) return false;
    this.pdf.addPage();
    this.y = PAGE.margin;
    return true;
  }

  header(): void {
    const { pdf, doc } = this;
    const s = doc.seller;
    if (s.logo) {
      pdf.image(Buffer.from(s.logo), PAGE.margin, this.y, { fit: [120, 56] });
    } else {
      pdf.roundedRect(PAGE.margin, this.y, 48, 48, 8).fill(COLORS.accent);
      this.font('bold', 18, '#ffffff').text(initials(s.tradeName ?? s.legalName), PAGE.margin, this.y + 15, { width: 48, align: 'center' });
    }
    let left = this.y + 62;
    this.font('bold', 11).text(s.tradeName ?? s.legalName, PAGE.margin, left, { width: 250 });
    left = pdf.y + 2;
    const sellerLines = [
      ...addressLines(s.address),
      s.phone ? `Tél. ${s.phone}` : null,
      s.email,
      s.siret || s.siren ? `SIRET ${formatSiren(s.siret ?? s.siren)}` : null,
      s.vatNumber ? `TVA ${s.vatNumber}` : null,
    ].filter((l): l is string => Boolean(l));
    this.font('regular', 8.5, COLORS.muted).text(sellerLines.join('\n'), PAGE.margin, left, { width: 250, lineGap: 1 });
    const sellerBottom = pdf.y;

    // Title block, top right.
    const x = PAGE.margin + 280;
    const width = CONTENT_WIDTH - 280;
    this.font('bold', 22, COLORS.accent).text(this.look.title.toUpperCase(), x, PAGE.margin, { width, align: 'right' });
    let fy = PAGE.margin + 32;
    for (const [label, value] of this.look.facts) {
      this.font('regular', 9, COLORS.muted).text(label, x, fy, { width: 110 });
      this.font('bold', 9).text(value, x + 100, fy, { width: width - 100, align: 'right' });
      fy = Math.max(pdf.y, fy + 13);
    }

    // Buyer block (window-envelope position), delivery site beside the seller.
    const boxY = Math.max(fy + 10, 150);
    const b = doc.buyer;
    const buyerLines = [
      ...addressLines(b.address),
      b.siren ? `SIREN ${formatSiren(b.siren)}` : null,
      b.vatNumber ? `TVA ${b.vatNumber}` : null,
    ].filter((l): l is string => Boolean(l));
    this.font('regular', 8, COLORS.muted).text(this.look.buyerLabel, x, boxY, { width });
    this.font('bold', 10.5).text(b.name, x, pdf.y + 2, { width });
    this.font('regular', 9).text(buyerLines.join('\n'), x, pdf.y + 1, { width, lineGap: 1 });
    let bottom = pdf.y;
    if (doc.delivery) {
      const dy = Math.max(sellerBottom + 14, boxY);
      this.font('regular', 8, COLORS.muted).text('LIEU D’INTERVENTION', PAGE.margin, dy, { width: 250 });
      this.font('bold', 9).text(doc.delivery.name, PAGE.margin, pdf.y + 2, { width: 250 });
      this.font('regular', 9).text(addressLines(doc.delivery.address).join('\n'), PAGE.margin, pdf.y + 1, { width: 250 });
      bottom = Math.max(bottom, pdf.y);
    }
    this.y = Math.max(bottom, sellerBottom) + 22;

    const subject = billingSubject(doc);
    if (subject) {
      this.font('bold', 9.5, COLORS.accent).text(subject, PAGE.margin, this.y - 8, { width: CONTENT_WIDTH });
      this.y = pdf.y + 12;
    }
  }

  private readonly columns = [
    { key: 'name', label: 'Désignation', width: CONTENT_WIDTH - 268, align: 'left' as const },
    { key: 'quantity', label: 'Qté', width: 44, align: 'right' as const },
    { key: 'unit', label: 'Unité', width: 34, align: 'center' as const },
    { key: 'price', label: 'P.U. HT', width: 66, align: 'right' as const },
    { key: 'vat', label: 'TVA', width: 48, align: 'right' as const },
    { key: 'total', label: 'Total HT', width: 76, align: 'right' as const },
  ];

  private tableHeader(): void {
    const { pdf } = this;
    pdf.rect(PAGE.margin, this.y, CONTENT_WIDTH, 18).fill(COLORS.accent);
    let x = PAGE.margin;
    for (const c of this.columns) {
      this.font('bold', 8, '#ffffff').text(c.label, x + 4, this.y + 5, { width: c.width - 8, align: c.align });
      x += c.width;
    }
    this.y += 18;
  }

  private row(cells: Record<string, string>, note: string | null, zebra: boolean, bold = false): void {
    const { pdf } = this;
    const nameWidth = this.columns[0]!.width - 8;
    this.font(bold ? 'bold' : 'regular', 8.5);
    let height = pdf.heightOfString(cells.name ?? '', { width: nameWidth }) + 8;
    if (note) height += this.font('regular', 7).heightOfString(note, { width: nameWidth }) + 1;
    if (this.ensureSpace(height)) this.tableHeader();
    if (zebra) pdf.rect(PAGE.margin, this.y, CONTENT_WIDTH, height).fill(COLORS.zebra);
    let x = PAGE.margin;
    for (const c of this.columns) {
      this.font(bold ? 'bold' : 'regular', 8.5).text(cells[c.key] ?? '', x + 4, this.y + 4, { width: c.width - 8, align: c.align });
      if (c.key === 'name' && note) this.font('regular', 7, COLORS.muted).text(note, x + 4, pdf.y + 1, { width: nameWidth });
      x += c.width;
    }
    this.y += height;
  }

  lines(): void {
    const { doc } = this;
    this.ensureSpace(60);
    this.tableHeader();
    doc.lines.forEach((l, i) => {
      const discount = new Money(l.discountPercent).greaterThan(0) ? ` (remise ${formatRate(l.discountPercent)})` : '';
      this.row(
        {
          name: l.name,
          quantity: formatQuantity(l.quantity),
          unit: UNIT_LABELS[l.unitCode] ?? l.unitCode,
          price: formatUnitPrice(l.grossUnitPrice),
          vat: formatRate(l.vatRate),
          total: formatAmount(l.lineNet),
        },
        [
          linePeriodMention(l),
          [l.note, discount ? `Prix net ${formatUnitPrice(l.netUnitPrice)}${discount}` : null].filter(Boolean).join(' — '),
        ]
          .filter(Boolean)
          .join('\n') || null,
        i % 2 === 1,
      );
    });
    for (const ac of doc.allowanceCharges)
      this.row(
        {
          name: `${ac.charge ? 'Frais' : 'Remise'} : ${ac.reason}`,
          vat: formatRate(ac.vatRate),
          total: `${ac.charge ? '' : '-'}${formatAmount(ac.amount)}`,
        },
        null,
        false,
        true,
      );
    this.pdf
      .moveTo(PAGE.margin, this.y)
      .lineTo(PAGE.margin + CONTENT_WIDTH, this.y)
      .lineWidth(0.5)
      .stroke(COLORS.rule);
    this.y += 12;
  }

  notes(): void {
    if (!this.doc.freeNotes.length) return;
    const textValue = this.doc.freeNotes.join('\n');
    const height = this.font('regular', 8).heightOfString(textValue, { width: CONTENT_WIDTH }) + 16;
    this.ensureSpace(Math.min(height, 120));
    this.font('bold', 8, COLORS.muted).text('INFORMATIONS', PAGE.margin, this.y);
    this.font('regular', 8, COLORS.muted).text(textValue, PAGE.margin, this.pdf.y + 2, { width: CONTENT_WIDTH, lineGap: 1 });
    this.y = this.pdf.y + 12;
  }

  private vatLabel(row: DocumentVatRow): string {
    if (row.categoryCode === 'S') return `TVA ${formatRate(row.rate)}`;
    if (row.categoryCode === 'AE') return 'Autoliquidation';
    return row.exemptionReason ?? `Catégorie ${row.categoryCode}`;
  }

  totals(): void {
    const { pdf, doc } = this;
    const t = doc.totals;
    const totalRows: [string, string, boolean][] = [];
    const hasAdjustments = doc.allowanceCharges.length > 0;
    if (hasAdjustments) {
      totalRows.push(['Total des lignes HT', formatEuro(t.lineTotal), false]);
      if (new Money(t.allowanceTotal).greaterThan(0)) totalRows.push(['Remises', `-${formatEuro(t.allowanceTotal)}`, false]);
      if (new Money(t.chargeTotal).greaterThan(0)) totalRows.push(['Frais', formatEuro(t.chargeTotal), false]);
    }
    totalRows.push(['Total HT', formatEuro(t.taxBasisTotal), false]);
    totalRows.push(['Total TVA', formatEuro(t.taxTotal), false]);
    totalRows.push([doc.typeCode === '381' ? 'Total de l’avoir TTC' : 'Total TTC', formatEuro(t.grandTotal), true]);
    if (new Money(t.prepaidAmount).greaterThan(0)) totalRows.push(['Acomptes déjà versés', `-${formatEuro(t.prepaidAmount)}`, false]);
    if (!new Money(t.roundingAmount).isZero()) totalRows.push(['Arrondi', formatEuro(t.roundingAmount), false]);
    if (doc.typeCode !== '381') {
      if (new Money(t.prepaidAmount).greaterThan(0) || doc.retention)
        totalRows.push(['Net à payer', formatEuro(t.duePayable), !doc.retention]);
      if (doc.retention) {
        totalRows.push([`Retenue de garantie ${formatRate(doc.retention.percent)}`, `-${formatEuro(doc.retention.amount)}`, false]);
        totalRows.push(['À payer à l’échéance', formatEuro(doc.amountToPay), true]);
      }
    }
    const vatHeight = 18 + doc.vatBreakdown.length * 14;
    const totalsHeight = totalRows.length * 16 + 6;
    this.ensureSpace(Math.max(vatHeight, totalsHeight) + 10);
    const top = this.y;

    // VAT breakdown, left.
    const vx = PAGE.margin;
    const vw = [110, 72, 62];
    this.font('bold', 8, COLORS.muted);
    ['TVA', 'Base HT', 'Montant'].forEach((label, i) => {
      pdf.text(label, vx + vw.slice(0, i).reduce((a, b) => a + b, 0), top, { width: vw[i]! - 4, align: i === 0 ? 'left' : 'right' });
    });
    let vy = top + 14;
    for (const row of doc.vatBreakdown) {
      const cells = [this.vatLabel(row), formatAmount(row.basis), formatAmount(row.tax)];
      cells.forEach((cell, i) => {
        this.font('regular', 8.5).text(cell, vx + vw.slice(0, i).reduce((a, b) => a + b, 0), vy, {
          width: vw[i]! - 4,
          align: i === 0 ? 'left' : 'right',
        });
      });
      vy = Math.max(pdf.y, vy + 13);
    }

    // Totals, right.
    const tx = PAGE.margin + CONTENT_WIDTH - 230;
    let ty = top;
    for (const [label, value, strong] of totalRows) {
      if (strong) pdf.rect(tx, ty - 3, 230, 17).fill(COLORS.accent);
      const color = strong ? '#ffffff' : COLORS.text;
      this.font(strong ? 'bold' : 'regular', strong ? 10 : 9, color).text(label, tx + 6, ty + 1, { width: 130 });
      this.font(strong ? 'bold' : 'regular', strong ? 10 : 9, color).text(value, tx + 130, ty + 1, { width: 94, align: 'right' });
      ty += 17;
    }
    this.y = Math.max(vy, ty) + 14;
  }

  /** Due date, how to pay and, for a transfer, the EPC QR code (`qrPng`) on the right with its caption. */
  payment(qrPng: Buffer | null): void {
    const { pdf, doc } = this;
    if (!this.look.payment) return;
    const s = doc.seller;
    const bank = s.iban ? `IBAN ${formatIban(s.iban)}${s.bic ? ` — BIC ${s.bic}` : ''}` : null;
    // A direct debit: the invoice is the debtor's pre-notification (amount, date, mandate, creditor).
    const lines = doc.directDebit
      ? [
          `${directDebitNotice(doc)} : ${formatEuro(doc.amountToPay)}`,
          [
            doc.directDebitMandate && `Compte débité : IBAN ${formatIban(doc.directDebitMandate.debtorIban)}`,
            s.sepaCreditorId && `identifiant créancier SEPA ${s.sepaCreditorId}`,
          ]
            .filter(Boolean)
            .join(' — ') || null,
          'Aucune démarche de votre part : le montant sera débité à cette date.',
        ].filter((l): l is string => Boolean(l))
      : [
          doc.dueDate ? `À régler au plus tard le ${frenchDate(doc.dueDate)} : ${formatEuro(doc.amountToPay)}` : null,
          bank ? `Par virement — ${bank}` : 'Par virement ou chèque',
          doc.number ? `Merci d’indiquer la référence ${doc.number} avec votre règlement.` : null,
        ].filter((l): l is string => Boolean(l));
    const textWidth = CONTENT_WIDTH - 20 - (qrPng ? QR_COLUMN + 10 : 0);
    const textHeight = this.font('regular', 8.5).heightOfString(lines.join('\n'), { width: textWidth, lineGap: 2 }) + 30;
    const caption = TRANSFER_QR_CAPTION;
    const captionHeight = qrPng ? this.font('regular', 7).heightOfString(caption, { width: QR_COLUMN }) : 0;
    const height = Math.max(textHeight, qrPng ? QR_SIZE + captionHeight + 16 : 0);
    this.ensureSpace(height);
    const top = this.y;
    pdf.rect(PAGE.margin, top, CONTENT_WIDTH, height).lineWidth(0.7).stroke(COLORS.rule);
    this.font('bold', 8.5, COLORS.accent).text('RÈGLEMENT', PAGE.margin + 10, top + 8);
    this.font('regular', 8.5).text(lines.join('\n'), PAGE.margin + 10, pdf.y + 3, { width: textWidth, lineGap: 2 });
    if (qrPng) {
      const x = PAGE.margin + CONTENT_WIDTH - 10 - QR_COLUMN;
      pdf.image(qrPng, x + (QR_COLUMN - QR_SIZE) / 2, top + 6, { width: QR_SIZE, height: QR_SIZE });
      this.font('regular', 7, COLORS.muted).text(caption, x, top + 8 + QR_SIZE, { width: QR_COLUMN, align: 'center' });
    }
    this.y = top + height + 12;
  }

  mentions(): void {
    const textValue = this.doc.legalMentions.join(' · ');
    const height = this.font('regular', 7).heightOfString(textValue, { width: CONTENT_WIDTH, lineGap: 1 }) + 14;
    this.ensureSpace(height);
    this.font('bold', 7.5, COLORS.muted).text(this.look.mentionsTitle, PAGE.margin, this.y);
    this.font('regular', 7, COLORS.muted).text(textValue, PAGE.margin, this.pdf.y + 2, { width: CONTENT_WIDTH, lineGap: 1 });
    this.y = this.pdf.y;
  }

  /** Seller identification and "page i / n" at the bottom of every page. */
  footers(): void {
    const { pdf, doc } = this;
    const range = pdf.bufferedPageRange();
    const s = doc.seller;
    const identity = [
      s.legalName,
      s.legalForm,
      s.rcsCity && s.siren ? `RCS ${s.rcsCity} ${formatSiren(s.siren)}` : s.siren ? `SIREN ${formatSiren(s.siren)}` : null,
      s.vatNumber ? `TVA ${s.vatNumber}` : null,
    ]
      .filter(Boolean)
      .join(' — ');
    const reference = this.look.reference;
    for (let i = 0; i < range.count; i += 1) {
      pdf.switchToPage(range.start + i);
      const y = PAGE.height - PAGE.margin - 20;
      pdf
        .moveTo(PAGE.margin, y - 6)
        .lineTo(PAGE.margin + CONTENT_WIDTH, y - 6)
        .lineWidth(0.5)
        .stroke(COLORS.rule);
      this.font('regular', 7, COLORS.muted).text(identity, PAGE.margin, y, { width: CONTENT_WIDTH - 120, lineBreak: false, height: 10 });
      this.font('regular', 7, COLORS.muted).text(`${reference} — page ${i + 1} / ${range.count}`, PAGE.margin + CONTENT_WIDTH - 160, y, {
        width: 160,
        align: 'right',
        lineBreak: false,
      });
    }
  }
}

function watermark(pdf: Doc, text: string): void {
  pdf.save();
  pdf.rotate(-35, { origin: [PAGE.width / 2, PAGE.height / 2] });
  pdf
    .font('bold')
    .fontSize(30)
    .fillColor(COLORS.watermark)
    .text(text, -150, PAGE.height / 2 - 15, {
      width: PAGE.width + 300,
      align: 'center',
      lineBreak: false,
    });
  pdf.restore();
}

/**
 * When a document is rendered: its creation date, the dates of its attachment and, through them,
 * its file identifier. The same document rendered at the same instant gives the same bytes.
 */
export interface RenderTime {
  createdAt?: Date;
}

/**
 * Renders the document; `xml` is its Factur-X XML (embedded as `factur-x.xml`), null for a draft
 * preview. Resolves with the PDF bytes.
 */
export async function renderInvoicePdf(
  doc: InvoiceDocument,
  xml: string | null,
  { createdAt = new Date() }: RenderTime = {},
): Promise<Uint8Array> {
  if (!doc.draft && xml === null)
    throw Errors.conflict('FACTURX_XML_REQUIRED', 'Une facture émise se rend avec son XML Factur-X', { invoiceId: doc.invoiceId });
  const qrPayload = transferQrPayload({ ...doc, amount: doc.amountToPay });
  const qrPng = qrPayload ? await epcQrPng(qrPayload, { scale: QR_PIXELS_PER_MODULE }) : null;
  const title = doc.number ? `${documentTitle(doc.typeCode)} ${doc.number}` : `${documentTitle(doc.typeCode)} (brouillon)`;
  return renderDocumentPdf(doc, invoiceLook(doc), { title, xml, qrPng, createdAt });
}

/**
 * Draws a document with the invoice layout: `look` says what kind of document it is; `xml`, when
 * given, is embedded as the Factur-X XML; `qrPng` is the transfer QR code of the payment block.
 */
export async function renderDocumentPdf(
  doc: InvoiceDocument,
  look: DocumentLook,
  { title, xml = null, qrPng = null, createdAt = new Date() }: { title: string; xml?: string | null; qrPng?: Buffer | null } & RenderTime,
): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    // No default font (null, which pdfkit's types do not list): see `usePdfFonts`.
    font: null as unknown as string,
    bufferPages: true,
    displayTitle: true,
    lang: 'fr-FR',
    info: { Title: title, Creator: 'Relais', Producer: 'Relais', CreationDate: createdAt },
  });
  usePdfFonts(pdf);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });

  const { watermark: mark } = look;
  if (mark) {
    watermark(pdf, mark);
    pdf.on('pageAdded', () => watermark(pdf, mark));
  }
  const layout = new InvoiceLayout(pdf, doc, look);
  layout.header();
  layout.lines();
  layout.notes();
  layout.totals();
  layout.payment(qrPng);
  layout.mentions();
  layout.footers();

  if (xml !== null) {
    const attachment: PDFKit.Mixins.PDFAttachmentOptions & { relationship: 'Alternative' } = {
      name: 'factur-x.xml',
      type: 'text/xml',
      description: `Factur-X ${FACTURX_CONFORMANCE_LEVEL} — ${title}`,
      // pdfkit 0.20 writes /AFRelationship and the catalog /AF entry (its 0.17 types lack the option).
      relationship: 'Alternative',
      creationDate: createdAt,
      modifiedDate: createdAt,
    };
    pdf.file(Buffer.from(xml, 'utf8'), attachment);
    pdf.appendXML(FACTURX_XMP);
  }
  pdf.end();
  return done;
}
