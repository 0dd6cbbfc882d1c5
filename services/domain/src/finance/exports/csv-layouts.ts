import type { ExportLine } from './export-line';
import { Money, toAmount } from '../../billing/money';

/**
 * The journal and customer-account exports as the accountant's software imports them: one
 * configurable CSV layout (separator, encoding, date and decimal format, header, columns) and its
 * presets for Sage 100 (import paramétrable), EBP (format ASCII) and Cegid (import paramétrable),
 * plus a spreadsheet layout with every column. The presets are the common settings of each
 * import; an accountant whose settings differ picks the closest and adjusts the import mapping.
 */

export const CSV_LAYOUT_CODES = ['SAGE_100', 'EBP', 'CEGID', 'SPREADSHEET'] as const;
export type CsvLayoutCode = (typeof CSV_LAYOUT_CODES)[number];

export type DateFormat = 'DDMMYY' | 'DDMMYYYY' | 'DD/MM/YYYY' | 'YYYY-MM-DD';

export type JournalColumn =
  | 'journal'
  | 'entryNumber'
  | 'date'
  | 'pieceRef'
  | 'pieceDate'
  /** The general account (411000 on a customer line). */
  | 'generalAccount'
  /** The customer's auxiliary account, empty on other lines. */
  | 'auxiliaryAccount'
  /** The auxiliary account on customer lines, the general account on others (software without separate tiers column). */
  | 'account'
  | 'accountLabel'
  | 'label'
  | 'debit'
  | 'credit'
  /** The amount without sign, with `direction` D or C. */
  | 'amount'
  | 'direction'
  | 'currency'
  | 'empty';

export interface CsvLayout {
  code: CsvLayoutCode;
  label: string;
  separator: ';' | ',' | '\t';
  /** windows-1252 for the Windows software, utf-8 (with BOM, for spreadsheets) otherwise. */
  encoding: 'windows-1252' | 'utf-8';
  extension: 'csv' | 'txt';
  header: boolean;
  dateFormat: DateFormat;
  decimalSeparator: ',' | '.';
  /** Quote every text field ("…"), as EBP writes them; otherwise only when needed. */
  quoteText: boolean;
  columns: { column: JournalColumn; title: string }[];
}

const col = (column: JournalColumn, title: string) => ({ column, title });

export const CSV_LAYOUTS: Record<CsvLayoutCode, CsvLayout> = {
  SAGE_100: {
    code: 'SAGE_100',
    label: 'Sage 100 Comptabilité (import paramétrable)',
    separator: ';',
    encoding: 'windows-1252',
    extension: 'csv',
    header: false,
    dateFormat: 'DDMMYY',
    decimalSeparator: ',',
    quoteText: false,
    columns: [
      col('journal', 'Code journal'),
      col('date', 'Date'),
      col('entryNumber', 'N° pièce'),
      col('pieceRef', 'N° facture'),
      col('generalAccount', 'N° compte général'),
      col('auxiliaryAccount', 'N° compte tiers'),
      col('label', 'Libellé écriture'),
      col('debit', 'Débit'),
      col('credit', 'Crédit'),
    ],
  },
  EBP: {
    code: 'EBP',
    label: 'EBP Compta (format ASCII)',
    separator: ',',
    encoding: 'windows-1252',
    extension: 'txt',
    header: false,
    dateFormat: 'DDMMYYYY',
    decimalSeparator: '.',
    quoteText: true,
    columns: [
      col('entryNumber', 'N° de mouvement'),
      col('date', 'Date'),
      col('journal', 'Code journal'),
      col('account', 'N° de compte'),
      col('empty', 'Intitulé'),
      col('label', 'Libellé'),
      col('pieceRef', 'N° de pièce'),
      col('amount', 'Montant'),
      col('direction', 'Sens'),
      col('empty', 'Échéance'),
      col('currency', 'Devise'),
    ],
  },
  CEGID: {
    code: 'CEGID',
    label: 'Cegid (import paramétrable)',
    separator: ';',
    encoding: 'windows-1252',
    extension: 'csv',
    header: true,
    dateFormat: 'DD/MM/YYYY',
    decimalSeparator: ',',
    quoteText: false,
    columns: [
      col('journal', 'Journal'),
      col('date', 'Date'),
      col('generalAccount', 'Général'),
      col('auxiliaryAccount', 'Auxiliaire'),
      col('pieceRef', 'Référence'),
      col('label', 'Libellé'),
      col('debit', 'Débit'),
      col('credit', 'Crédit'),
      col('entryNumber', 'Numéro'),
    ],
  },
  SPREADSHEET: {
    code: 'SPREADSHEET',
    label: 'Tableur (CSV, toutes les colonnes)',
    separator: ';',
    encoding: 'utf-8',
    extension: 'csv',
    header: true,
    dateFormat: 'DD/MM/YYYY',
    decimalSeparator: ',',
    quoteText: false,
    columns: [
      col('journal', 'Journal'),
      col('entryNumber', 'N° écriture'),
      col('date', 'Date'),
      col('pieceRef', 'Pièce'),
      col('pieceDate', 'Date pièce'),
      col('generalAccount', 'Compte'),
      col('accountLabel', 'Libellé du compte'),
      col('auxiliaryAccount', 'Compte auxiliaire'),
      col('label', 'Libellé'),
      col('debit', 'Débit'),
      col('credit', 'Crédit'),
    ],
  },
};

/** A `YYYYMMDD` date in the layout's format. */
export function formatDate(yyyymmdd: string, format: DateFormat): string {
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)];
  switch (format) {
    case 'DDMMYY':
      return `${d}${m}${y.slice(2)}`;
    case 'DDMMYYYY':
      return `${d}${m}${y}`;
    case 'DD/MM/YYYY':
      return `${d}/${m}/${y}`;
    case 'YYYY-MM-DD':
      return `${y}-${m}-${d}`;
  }
}

/** A text field: line breaks become spaces; quoted when the layout quotes text or the value needs it. */
export function csvText(value: string | null, layout: Pick<CsvLayout, 'separator' | 'quoteText'>): string {
  const text = (value ?? '').replace(/[\r\n\t]+/g, ' ').trim();
  const needsQuotes = layout.quoteText || text.includes(layout.separator) || text.includes('"');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

const amountText = (amount: string, layout: CsvLayout) => toAmount(amount).replace('.', layout.decimalSeparator);
const isDebit = (line: ExportLine) => new Money(line.debit).greaterThan(0);

function journalField(line: ExportLine, column: JournalColumn, layout: CsvLayout): string {
  switch (column) {
    case 'journal':
      return line.journal;
    case 'entryNumber':
      return line.entryNumber;
    case 'date':
      return formatDate(line.entryDate, layout.dateFormat);
    case 'pieceDate':
      return formatDate(line.pieceDate, layout.dateFormat);
    case 'pieceRef':
      return csvText(line.pieceRef, layout);
    case 'generalAccount':
      return line.account;
    case 'auxiliaryAccount':
      return csvText(line.auxiliaryAccount, layout);
    case 'account':
      return csvText(line.auxiliaryAccount ?? line.account, layout);
    case 'accountLabel':
      return csvText(line.accountLabel, layout);
    case 'label':
      return csvText(line.label, layout);
    case 'debit':
      return amountText(line.debit, layout);
    case 'credit':
      return amountText(line.credit, layout);
    case 'amount':
      return amountText(isDebit(line) ? line.debit : line.credit, layout);
    case 'direction':
      return isDebit(line) ? 'D' : 'C';
    case 'currency':
      return 'EUR';
    case 'empty':
      return layout.quoteText ? '""' : '';
  }
}

export const csvHeader = (layout: CsvLayout) =>
  layout.header ? layout.columns.map((c) => csvText(c.title, { ...layout, quoteText: false })).join(layout.separator) + '\r\n' : '';

export const journalRecord = (line: ExportLine, layout: CsvLayout) =>
  layout.columns.map((c) => journalField(line, c.column, layout)).join(layout.separator) + '\r\n';

/** A customer as the customer-accounts (tiers) export writes it. */
export interface CustomerAccountRow {
  auxiliaryAccount: string;
  collectiveAccount: string;
  name: string;
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  siren: string | null;
  vatNumber: string | null;
  email: string | null;
  phone: string | null;
  paymentTermDays: number | null;
}

export const CUSTOMER_ACCOUNT_COLUMNS: { title: string; value: (row: CustomerAccountRow) => string | null }[] = [
  { title: 'Compte auxiliaire', value: (r) => r.auxiliaryAccount },
  { title: 'Compte collectif', value: (r) => r.collectiveAccount },
  { title: 'Raison sociale', value: (r) => r.name },
  { title: 'Adresse', value: (r) => r.addressLine },
  { title: 'Code postal', value: (r) => r.postcode },
  { title: 'Ville', value: (r) => r.city },
  { title: 'Pays', value: (r) => r.country },
  { title: 'SIREN', value: (r) => r.siren },
  { title: 'N° TVA intracommunautaire', value: (r) => r.vatNumber },
  { title: 'E-mail', value: (r) => r.email },
  { title: 'Téléphone', value: (r) => r.phone },
  { title: 'Délai de paiement (jours)', value: (r) => (r.paymentTermDays === null ? null : String(r.paymentTermDays)) },
];

/** The customer-accounts file always has its header: the columns are ours, the import maps them. */
export const customerAccountsHeader = (layout: CsvLayout) =>
  CUSTOMER_ACCOUNT_COLUMNS.map((c) => csvText(c.title, { ...layout, quoteText: false })).join(layout.separator) + '\r\n';

export const customerAccountRecord = (row: CustomerAccountRow, layout: CsvLayout) =>
  CUSTOMER_ACCOUNT_COLUMNS.map((c) => csvText(c.value(row), layout)).join(layout.separator) + '\r\n';
