import { XMLValidator } from 'fast-xml-parser';
import { bankFileError } from './bank-file-error';
import type { BankFileFormat } from './statement';

/** Refuses XML that is not well formed, naming the line the parser stopped at. */
export function assertWellFormedXml(format: BankFileFormat, content: string): void {
  const result = XMLValidator.validate(content);
  if (result === true) return;
  const { msg, line } = result.err;
  // A file cut short: the parser lists the elements still open and points at line 1.
  const unclosed = /^Invalid '\[(.*)\]' found/s.exec(msg);
  if (unclosed) {
    const names = [...unclosed[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const lastLine = content.replace(/\s+$/, '').split('\n').length;
    throw bankFileError(format, lastLine, 'TRUNCATED', `fichier XML incomplet, éléments non fermés : ${names.join(' > ')}`);
  }
  throw bankFileError(format, line, 'SYNTAX', `XML mal formé (${msg})`);
}
