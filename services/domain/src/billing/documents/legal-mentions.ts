import type { InvoiceTypeCode, OperationCategory } from '../invoice.entity';
import type { DocumentNote, InvoiceDocument } from './invoice-document';
import { formatAmount, formatEuro, formatRate, formatSiren } from './format';
import { frenchDate } from '../../shared/time';

/**
 * The mentions a French B2B invoice must print (CGI art. 242 nonies A of annex II, Code de
 * commerce L441-9, L441-10, D441-5, R123-237; décret 2022-1299 for the reform's additions). Each
 * mention says which BG-1 note subject (UNTDID 4451) carries it in the Factur-X XML, if any.
 */

export type LegalMentionTopic =
  | 'SELLER'
  | 'REFERENCE'
  | 'ORDER'
  | 'CATEGORY'
  | 'DUE_DATE'
  | 'LATE_PENALTIES'
  | 'RECOVERY_INDEMNITY'
  | 'EARLY_PAYMENT'
  | 'TAX'
  | 'RETENTION';

export interface LegalMention {
  topic: LegalMentionTopic;
  text: string;
  /** BT-21 of the XML note carrying it: PMD, PMT, AAB (required by BR-FR-05), TXD (tax), REG (regulatory). */
  noteCode: 'PMD' | 'PMT' | 'AAB' | 'TXD' | 'REG' | null;
}

export type LegalMentionsInput = Pick<
  InvoiceDocument,
  | 'typeCode'
  | 'dueDate'
  | 'operationCategory'
  | 'seller'
  | 'buyer'
  | 'purchaseOrderRef'
  | 'vatBreakdown'
  | 'creditedInvoice'
  | 'depositInvoices'
  | 'retention'
  | 'totals'
>;

const CATEGORY_TEXT: Record<OperationCategory, string> = {
  B: 'livraison de biens',
  S: 'prestation de services',
  M: 'mixte (livraison de biens et prestation de services)',
};

export const RECOVERY_INDEMNITY_TEXT =
  'Indemnité forfaitaire pour frais de recouvrement due en cas de retard de paiement : 40 € (art. L441-10 et D441-5 du Code de commerce)';

export const VAT_ON_DEBITS_TEXT = 'Option pour le paiement de la taxe d’après les débits';

/** The document's French title. */
export function documentTitle(typeCode: InvoiceTypeCode): string {
  return { '380': 'Facture', '381': 'Avoir', '386': 'Facture d’acompte' }[typeCode];
}

/** Share capital without cents when whole: "50 000 €". */
function formatCapital(value: string): string {
  return value.endsWith('.00') ? `${formatAmount(value, 0)}\u00a0€` : formatEuro(value);
}

function sellerIdentification(seller: LegalMentionsInput['seller']): string {
  const parts = [seller.legalName];
  if (seller.legalForm)
    parts.push(seller.shareCapital ? `${seller.legalForm} au capital de ${formatCapital(seller.shareCapital)}` : seller.legalForm);
  parts.push(`SIREN ${formatSiren(seller.siren)}`);
  if (seller.siret) parts.push(`SIRET ${formatSiren(seller.siret)}`);
  if (seller.rcsCity) parts.push(`RCS ${seller.rcsCity} ${formatSiren(seller.siren)}`);
  if (seller.vatNumber) parts.push(`N° TVA intracommunautaire ${seller.vatNumber}`);
  return parts.join(' — ');
}

function latePenalties(rate: string | null): string {
  const what = rate ? `taux annuel de ${formatRate(rate)}` : 'taux de refinancement de la Banque centrale européenne majoré de 10 points';
  return `Pénalités de retard exigibles dès le lendemain de la date d’échéance, au ${what} (art. L441-10 du Code de commerce)`;
}

function taxMentions(input: LegalMentionsInput): string[] {
  const texts: string[] = [];
  for (const row of input.vatBreakdown) {
    if (row.categoryCode === 'AE') {
      const buyerVat = input.buyer.vatNumber ? ` — N° TVA du client : ${input.buyer.vatNumber}` : '';
      const reason = row.exemptionReason?.startsWith('Autoliquidation')
        ? row.exemptionReason
        : `Autoliquidation${row.exemptionReason ? ` (${row.exemptionReason})` : ''}`;
      texts.push(`${reason} : TVA due par le preneur${buyerVat}`);
    } else if (row.categoryCode !== 'S' && row.exemptionReason) {
      texts.push(row.exemptionReason);
    }
  }
  if (input.seller.vatOnDebits && input.vatBreakdown.some((r) => r.categoryCode === 'S')) texts.push(VAT_ON_DEBITS_TEXT);
  return [...new Set(texts)];
}

/** The mentions to print, in reading order. Pure: everything comes from the document. */
export function legalMentions(input: LegalMentionsInput): LegalMention[] {
  const mentions: LegalMention[] = [{ topic: 'SELLER', text: sellerIdentification(input.seller), noteCode: 'REG' }];
  if (input.typeCode === '381' && input.creditedInvoice)
    mentions.push({
      topic: 'REFERENCE',
      text: `Avoir se rapportant à la facture n° ${input.creditedInvoice.number} du ${frenchDate(input.creditedInvoice.issueDate)}`,
      noteCode: null,
    });
  if (input.typeCode === '386')
    mentions.push({ topic: 'REFERENCE', text: 'Facture d’acompte à valoir sur la facture définitive', noteCode: null });
  if (input.depositInvoices.length)
    mentions.push({
      topic: 'REFERENCE',
      text: `Acompte${input.depositInvoices.length > 1 ? 's' : ''} déduit${input.depositInvoices.length > 1 ? 's' : ''} (${formatEuro(input.totals.prepaidAmount)} TTC) : ${input.depositInvoices.map((d) => `facture n° ${d.number} du ${frenchDate(d.issueDate)}`).join(', ')}`,
      noteCode: null,
    });
  if (input.purchaseOrderRef) mentions.push({ topic: 'ORDER', text: `Votre commande n° ${input.purchaseOrderRef}`, noteCode: null });
  mentions.push({ topic: 'CATEGORY', text: `Catégorie de l’opération : ${CATEGORY_TEXT[input.operationCategory]}`, noteCode: null });
  if (input.dueDate && input.typeCode !== '381')
    mentions.push({ topic: 'DUE_DATE', text: `Date d’échéance du paiement : ${frenchDate(input.dueDate)}`, noteCode: null });
  mentions.push({ topic: 'EARLY_PAYMENT', text: input.seller.earlyPaymentTerms, noteCode: 'AAB' });
  mentions.push({ topic: 'LATE_PENALTIES', text: latePenalties(input.seller.latePenaltyRate), noteCode: 'PMD' });
  mentions.push({ topic: 'RECOVERY_INDEMNITY', text: RECOVERY_INDEMNITY_TEXT, noteCode: 'PMT' });
  const tax = taxMentions(input);
  if (tax.length) mentions.push({ topic: 'TAX', text: tax.join(' — '), noteCode: 'TXD' });
  if (input.retention)
    mentions.push({
      topic: 'RETENTION',
      text: `Retenue de garantie de ${formatRate(input.retention.percent)}, soit ${formatAmount(input.retention.amount)} € TTC, conservée jusqu’à l’expiration du délai de garantie d’un an à compter de la réception des travaux (loi n° 71-584 du 16 juillet 1971)`,
      noteCode: null,
    });
  return mentions;
}

/**
 * BG-1 of the XML: the invoice's own notes (AAI), the legal mentions that have a subject code (each
 * code once, BR-FR-06), and the B2B/B2C treatment (BAR, BR-FR-20): B2B when the buyer has a SIREN.
 */
export function documentNotes(input: LegalMentionsInput & Pick<InvoiceDocument, 'freeNotes'>, mentions: LegalMention[]): DocumentNote[] {
  const notes: DocumentNote[] = [];
  if (input.freeNotes.length) notes.push({ subjectCode: 'AAI', content: input.freeNotes.join('\n') });
  const byCode = new Map<string, string[]>();
  for (const m of mentions) if (m.noteCode) byCode.set(m.noteCode, [...(byCode.get(m.noteCode) ?? []), m.text]);
  for (const [code, texts] of byCode) notes.push({ subjectCode: code, content: texts.join(' — ') });
  notes.push({ subjectCode: 'BAR', content: input.buyer.siren ? 'B2B' : 'B2C' });
  return notes;
}
