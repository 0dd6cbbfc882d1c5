import type { EntityManager } from '@mikro-orm/postgresql';
import PDFDocument from 'pdfkit';
import type { CustomerStatement } from './customer-statement';
import { PDF_FONTS } from '../../shared/pdf-fonts';
import { formatEuro, formatIban, formatSiren } from '../../billing/documents/format';
import { Money } from '../../billing/money';
import { Tenant } from '../../platform/tenant.entity';
import { frenchDate } from '../../shared/time';

/** The customer statement as an A4 PDF in the house style of the invoices: letterhead, summary, movements, open items. */

export interface StatementSeller {
  name: string;
  legalName: string;
  address: string[];
  email: string | null;
  phone: string | null;
  siren: string | null;
  vatNumber: string | null;
  iban: string | null;
  bic: string | null;
  logo: Uint8Array | null;
}

const PAGE = { width: 595.28, height: 841.89, margin: 42 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 34;
const COLORS = { accent: '#1d4e89', text: '#1f2933', muted: '#616e7c', rule: '#cbd2d9', zebra: '#f3f6f9' };

type Doc = InstanceType<typeof PDFDocument>;
interface Column {
  label: string;
  width: number;
  align: 'left' | 'right';
  /** The one column whose text may wrap: it sets the row's height. */
  wraps?: boolean;
}

const money = (value: string) => formatEuro(value);
const moneyOrBlank = (value: string) => (new Money(value).isZero() ? '' : formatEuro(value));

class StatementLayout {
  y = PAGE.margin;
  private columns: Column[] = [];

  constructor(
    private readonly pdf: Doc,
    private readonly s: CustomerStatement,
    private readonly seller: StatementSeller,
  ) {}

  private font(weight: 'regular' | 'bold', size: number, color = COLORS.text): Doc {
    return this.pdf.font(weight).fontSize(size).fillColor(color);
  }

  private ensureSpace(height: number): boolean {
    if (this.y + height <= BOTTOM) return false;
    this.pdf.addPage();
    this.y = PAGE.margin;
    return true;
  }

  header(): void {
    const { pdf, s, seller } = this;
    if (seller.logo) pdf.image(Buffer.from(seller.logo), PAGE.margin, this.y, { fit: [120, 56] });
    else {
      pdf.roundedRect(PAGE.margin, this.y, 48, 48, 8).fill(COLORS.accent);
      const initials = seller.name
        .split(/\s+/)
        .filter((w) => /^[A-Za-zÀ-ÿ]/.test(w))
        .slice(0, 2)
        .map((w) => w[0]!.toUpperCase())
        .join('');
      this.font('bold', 18, '#ffffff').text(initials, PAGE.margin, this.y + 15, { width: 48, align: 'center' });
    }
    this.font('bold', 11).text(seller.name, PAGE.margin, this.y + 62, { width: 250 });
    const sellerLines = [
      ...seller.address,
      seller.phone ? `Tél. ${seller.phone}` : null,
      seller.email,
      seller.siren ? `SIREN ${formatSiren(seller.siren)}` : null,
    ].filter((l): l is string => Boolean(l));
    this.font('regular', 8.5, COLORS.muted).text(sellerLines.join('\n'), PAGE.margin, pdf.y + 2, { width: 250, lineGap: 1 });
    const sellerBottom = pdf.y;

    const x = PAGE.margin + 280;
    const width = WIDTH - 280;
    this.font('bold', 20, COLORS.accent).text('RELEVÉ DE COMPTE', x, PAGE.margin, { width, align: 'right' });
    let fy = PAGE.margin + 30;
    for (const [label, value] of [
      ['Période', `du ${frenchDate(s.from)} au ${frenchDate(s.to)}`],
      ['Édité le', frenchDate(s.generatedOn)],
      ['Compte client', s.customer.code],
    ] as const) {
      this.font('regular', 9, COLORS.muted).text(label, x, fy, { width: 90 });
      this.font('bold', 9).text(value, x + 80, fy, { width: width - 80, align: 'right' });
      fy = Math.max(pdf.y, fy + 13);
    }
    const boxY = Math.max(fy + 14, 150);
    this.font('regular', 8, COLORS.muted).text('CLIENT', x, boxY, { width });
    this.font('bold', 10.5).text(s.customer.name, x, pdf.y + 2, { width });
    this.font('regular', 9).text(s.customer.address.join('\n'), x, pdf.y + 1, { width, lineGap: 1 });
    this.y = Math.max(pdf.y, sellerBottom) + 24;
  }

  summary(): void {
    const { pdf, s } = this;
    const closingLabel = new Money(s.closing).isNegative()
      ? `Solde en votre faveur au ${frenchDate(s.to)}`
      : `Solde dû au ${frenchDate(s.to)}`;
    const cells: [string, string][] = [
      [`Solde au ${frenchDate(s.from)}`, money(s.opening)],
      ['Débits de la période', money(s.totalDebit)],
      ['Crédits de la période', money(s.totalCredit)],
      [closingLabel, money(new Money(s.closing).abs().toFixed(2))],
    ];
    const w = WIDTH / cells.length;
    pdf.rect(PAGE.margin, this.y, WIDTH, 42).fill(COLORS.zebra);
    cells.forEach(([label, value], i) => {
      const last = i === cells.length - 1;
      this.font('regular', 7.5, COLORS.muted).text(label, PAGE.margin + i * w + 8, this.y + 7, { width: w - 16 });
      this.font('bold', last ? 12 : 10.5, last ? COLORS.accent : COLORS.text).text(value, PAGE.margin + i * w + 8, this.y + 21, {
        width: w - 16,
      });
    });
    this.y += 58;
  }

  private title(text: string): void {
    this.ensureSpace(60);
    this.font('bold', 9, COLORS.accent).text(text, PAGE.margin, this.y, { width: WIDTH });
    this.y = this.pdf.y + 6;
  }

  private tableHeader(): void {
    this.pdf.rect(PAGE.margin, this.y, WIDTH, 18).fill(COLORS.accent);
    let x = PAGE.margin;
    for (const c of this.columns) {
      this.font('bold', 8, '#ffffff').text(c.label, x + 4, this.y + 5, { width: c.width - 8, align: c.align });
      x += c.width;
    }
    this.y += 18;
  }

  private row(cells: string[], zebra: boolean, bold = false): void {
    const { pdf } = this;
    const wide = this.columns.findIndex((c) => c.wraps);
    this.font(bold ? 'bold' : 'regular', 8.5);
    const height = pdf.heightOfString(cells[wide] ?? '', { width: this.columns[wide]!.width - 8 }) + 8;
    if (this.ensureSpace(height)) this.tableHeader();
    if (zebra) pdf.rect(PAGE.margin, this.y, WIDTH, height).fill(COLORS.zebra);
    let x = PAGE.margin;
    this.columns.forEach((c, i) => {
      this.font(bold ? 'bold' : 'regular', 8.5).text(cells[i] ?? '', x + 4, this.y + 4, { width: c.width - 8, align: c.align });
      x += c.width;
    });
    this.y += height;
  }

  private rule(): void {
    this.pdf
      .moveTo(PAGE.margin, this.y)
      .lineTo(PAGE.margin + WIDTH, this.y)
      .lineWidth(0.5)
      .stroke(COLORS.rule);
    this.y += 16;
  }

  movements(): void {
    const { s } = this;
    this.title('MOUVEMENTS DE LA PÉRIODE');
    this.columns = [
      { label: 'Date', width: 66, align: 'left' },
      { label: 'Libellé', width: WIDTH - 66 - 3 * 72, align: 'left', wraps: true },
      { label: 'Débit', width: 72, align: 'right' },
      { label: 'Crédit', width: 72, align: 'right' },
      { label: 'Solde', width: 72, align: 'right' },
    ];
    this.tableHeader();
    this.row([frenchDate(s.from), 'Solde à l’ouverture', '', '', money(s.opening)], false, true);
    s.lines.forEach((l, i) =>
      this.row([frenchDate(l.date), l.label, moneyOrBlank(l.debit), moneyOrBlank(l.credit), money(l.balance)], i % 2 === 0),
    );
    if (s.lines.length === 0) this.row(['', 'Aucun mouvement sur la période', '', '', ''], false);
    this.row([frenchDate(s.to), 'Totaux et solde de clôture', money(s.totalDebit), money(s.totalCredit), money(s.closing)], false, true);
    this.rule();
  }

  openItems(): void {
    const { s } = this;
    this.title(`PIÈCES NON SOLDÉES AU ${frenchDate(s.to)}`);
    this.columns = [
      { label: 'Pièce', width: WIDTH - 4 * 72, align: 'left', wraps: true },
      { label: 'Date', width: 72, align: 'right' },
      { label: 'Échéance', width: 72, align: 'right' },
      { label: 'Retard', width: 72, align: 'right' },
      { label: 'Reste dû', width: 72, align: 'right' },
    ];
    this.tableHeader();
    s.openItems.forEach((item, i) => {
      const payment = item.kind === 'UNALLOCATED_PAYMENT';
      const piece = payment
        ? `Règlement non affecté${item.reference ? ` — ${item.reference}` : ''}`
        : `${item.kind === 'DEPOSIT_INVOICE' ? 'Facture d’acompte' : 'Facture'} ${item.invoiceNumber}`;
      const late = payment ? '' : item.daysLate > 0 ? `${item.daysLate} j` : 'non échue';
      this.row([piece, frenchDate(item.issueDate), payment ? '' : frenchDate(item.dueDate), late, money(item.openBalance)], i % 2 === 0);
    });
    if (s.openItems.length === 0) this.row(['Aucune pièce ouverte', '', '', '', ''], false);
    this.row(['Total', '', '', '', money(s.openItemsTotal)], false, true);
    this.rule();
  }

  closingNote(): void {
    const { s, seller } = this;
    const closing = new Money(s.closing);
    const lines: string[] = [];
    if (closing.greaterThan(0)) {
      lines.push(`Merci de bien vouloir régler le solde de ${money(s.closing)} s’il ne l’est pas déjà.`);
      if (seller.iban) lines.push(`Règlement par virement : IBAN ${formatIban(seller.iban)}${seller.bic ? ` — BIC ${seller.bic}` : ''}.`);
    } else if (closing.isNegative())
      lines.push(
        `Nous vous devons ${money(closing.negated().toFixed(2))} : ce montant sera déduit de vos prochaines factures ou remboursé à votre demande.`,
      );
    lines.push(
      'Sauf erreur ou omission de notre part. Pour toute question sur ce relevé, contactez-nous en rappelant votre compte client.',
    );
    const text = lines.join('\n');
    this.ensureSpace(this.font('regular', 8.5).heightOfString(text, { width: WIDTH }) + 8);
    this.font('regular', 8.5, COLORS.muted).text(text, PAGE.margin, this.y, { width: WIDTH, lineGap: 2 });
  }

  footers(): void {
    const { pdf, s, seller } = this;
    const range = pdf.bufferedPageRange();
    const identity = [
      seller.legalName,
      seller.siren ? `SIREN ${formatSiren(seller.siren)}` : null,
      seller.vatNumber ? `TVA ${seller.vatNumber}` : null,
    ]
      .filter(Boolean)
      .join(' — ');
    for (let i = 0; i < range.count; i += 1) {
      pdf.switchToPage(range.start + i);
      const y = PAGE.height - PAGE.margin - 20;
      pdf
        .moveTo(PAGE.margin, y - 6)
        .lineTo(PAGE.margin + WIDTH, y - 6)
        .lineWidth(0.5)
        .stroke(COLORS.rule);
      this.font('regular', 7, COLORS.muted).text(identity, PAGE.margin, y, { width: WIDTH - 200, lineBreak: false, height: 10 });
      this.font('regular', 7, COLORS.muted).text(
        `Relevé ${s.customer.code} au ${frenchDate(s.to)} — page ${i + 1} / ${range.count}`,
        PAGE.margin + WIDTH - 200,
        y,
        { width: 200, align: 'right', lineBreak: false },
      );
    }
  }
}

export function renderStatementPdf(statement: CustomerStatement, seller: StatementSeller): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    // pdfkit takes a font file or its bytes (its types say path only).
    font: PDF_FONTS.regular as unknown as string,
    bufferPages: true,
    displayTitle: true,
    lang: 'fr-FR',
    info: {
      Title: `Relevé de compte ${statement.customer.name} au ${frenchDate(statement.to)}`,
      Creator: 'Relais',
      Producer: 'Relais',
      CreationDate: new Date(),
    },
  });
  pdf.registerFont('regular', PDF_FONTS.regular);
  pdf.registerFont('bold', PDF_FONTS.bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  const layout = new StatementLayout(pdf, statement, seller);
  layout.header();
  layout.summary();
  layout.movements();
  layout.openItems();
  layout.closingNote();
  layout.footers();
  pdf.end();
  return done;
}

/** The tenant as the statement's letterhead prints it. */
export async function statementSeller(em: EntityManager, tenantId: string): Promise<StatementSeller> {
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId }, { populate: ['logoImage'] });
  return {
    name: tenant.name,
    legalName: tenant.legalName,
    address: [tenant.addressLine1, `${tenant.postalCode ?? ''} ${tenant.city ?? ''}`.trim()].filter((l): l is string => Boolean(l?.trim())),
    email: tenant.billingEmail ?? null,
    phone: tenant.phone ?? null,
    siren: tenant.siren ?? null,
    vatNumber: tenant.vatNumber ?? null,
    iban: tenant.iban ?? null,
    bic: tenant.bic ?? null,
    logo: tenant.logoImage ? new Uint8Array(tenant.logoImage) : null,
  };
}

export async function customerStatementPdf(em: EntityManager, tenantId: string, statement: CustomerStatement): Promise<Uint8Array> {
  return renderStatementPdf(statement, await statementSeller(em, tenantId));
}
