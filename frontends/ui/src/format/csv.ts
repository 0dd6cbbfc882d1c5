/**
 * Tables exported as the CSV files French Excel opens as they are: UTF-8 with a BOM, semicolons,
 * decimal commas, CRLF line ends, and text never read as a formula. The same format as the
 * server's exports (the balance âgée's CSV).
 */

export type CsvCell = { text: string } | { amount: string } | { count: number } | null;

const BOM = '\uFEFF';

/** A text cell: quoted when needed, and never read as a formula (=, +, -, @ at the start). */
function textCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(value: CsvCell): string {
  if (value === null) return '';
  // "1234.50" → "1234,50": the API's decimal string, never a JS number; no thousands separator.
  if ('amount' in value) return value.amount.replace('.', ',');
  if ('count' in value) return String(value.count);
  return textCell(value.text);
}

export const csvText = (text: string | null | undefined): CsvCell => (text == null ? null : { text });
export const csvAmount = (amount: string | null | undefined): CsvCell => (amount == null ? null : { amount });
export const csvCount = (count: number | null | undefined): CsvCell => (count == null ? null : { count });

/** The file's content: a header line, then one line per row. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [headers.map(textCell).join(';'), ...rows.map((row) => row.map(cell).join(';'))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Saves the content as a file through the browser's download. */
export function downloadCsv(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
