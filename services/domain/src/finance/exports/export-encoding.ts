import iconv from 'iconv-lite';

/**
 * Character sets of the exports: the FEC in ISO 8859-15 (one of those art. A47 A-1 names), the
 * CSV layouts of Windows software in Windows-1252, the spreadsheet layout in UTF-8 with a BOM
 * (so that spreadsheets read the accents). Typographic characters the single-byte sets lack are
 * written as their plain equivalents rather than as "?".
 */
export type ExportEncoding = 'iso-8859-15' | 'windows-1252' | 'utf-8';

const PLAIN: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
};
const TYPOGRAPHIC = new RegExp(`[${Object.keys(PLAIN).join('')}]`, 'g');

export const plainText = (text: string) => text.replace(TYPOGRAPHIC, (c) => PLAIN[c] ?? c);

export function encodeExport(text: string, encoding: ExportEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  return iconv.encode(plainText(text), encoding);
}

/** What starts the file before its first record (the BOM of the spreadsheet layout). */
export const byteOrderMark = (encoding: ExportEncoding) => (encoding === 'utf-8' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0));

export const decodeExport = (bytes: Buffer, encoding: ExportEncoding) =>
  encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, encoding);
