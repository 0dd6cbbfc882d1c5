import type { accountingExportsFr } from './accounting-exports.fr';

export const accountingExportsEn: typeof accountingExportsFr = {
  tab: 'Exports',
  intro:
    'Each export shows a preview first (first lines, counts, totals), then downloads. Exports downloaded in full are kept in the history with who took them.',
  preview: 'Preview',
  download: 'Download',
  downloadStarted: '{{file}}: download started',
  fec: {
    title: 'FEC — French audit file of accounting entries',
    description:
      'The file the tax administration asks for (art. A47 A-1 LPF): every entry of a fiscal year, 18 columns, | separated, ISO 8859-15, named SIRENFECYYYYMMDD.txt.',
    fiscalYear: 'Fiscal year',
    yearOption: 'from {{from}} to {{to}}',
    yearClosed: 'closed',
    none: 'No fiscal year: open one in “Fiscal years and periods”.',
  },
  journal: {
    title: 'Entries for your accounting software',
    description: 'The entries of a period in the import layout of Sage 100, EBP, Cegid, or for a spreadsheet.',
    layout: 'Layout',
    journal: 'Journal',
    allJournals: 'All journals',
    from: 'From',
    to: 'To',
  },
  customers: {
    title: 'Customer accounts',
    description: 'The customers’ auxiliary accounts with their details, to import before the entries.',
  },
  journalName: { VT: 'VT — Sales', BQ: 'BQ — Bank', OD: 'OD — Miscellaneous' },
  layoutName: {
    SAGE_100: 'Sage 100 (configurable import)',
    EBP: 'EBP (ASCII format)',
    CEGID: 'Cegid (configurable import)',
    SPREADSHEET: 'Spreadsheet (CSV)',
    FEC: 'FEC',
  },
  kindName: { FEC: 'FEC', JOURNAL: 'Entries', CUSTOMER_ACCOUNTS: 'Customer accounts' },
  summary: {
    file: 'File',
    lines: 'Lines',
    entries: 'Entries',
    debit: 'Total debit',
    credit: 'Total credit',
    encoding: 'Encoding',
  },
  provisional_one: '{{formattedCount}} entry of a month still open: its number is provisional. Take the final FEC once the year is closed.',
  provisional_other:
    '{{formattedCount}} entries of months still open: their numbers are provisional. Take the final FEC once the year is closed.',
  unposted_one: '{{formattedCount}} operation of the period is being posted: preview again in a few seconds.',
  unposted_other: '{{formattedCount}} operations of the period are being posted: preview again in a few seconds.',
  firstLines: 'First lines of the file',
  history: {
    title: 'Export history',
    empty: 'No export downloaded yet.',
    at: 'Date',
    by: 'By',
    what: 'Export',
    file: 'File',
    range: 'Period',
    lines: 'Lines',
    debit: 'Total debit',
    provisional: 'provisional',
    rangeValue: 'from {{from}} to {{to}}',
  },
};
