import { bankFileError } from './bank-file-error';
import { parseCamt053 } from './camt053';
import { parseCfonb120 } from './cfonb120';
import { decodeBankFile } from './decode';
import { finaliseStatement } from './fingerprint';
import { parseOfx } from './ofx';
import type { BankFileFormat, ParsedStatement, StatementDraft } from './statement';

// 01 record: code, bank (5 digits), 4 reserved, branch (5), currency (3 letters), decimals (1).
const CFONB_OPENING = /^01\d{5}.{4}\d{5}[A-Z]{3}\d/;

/** The format of a bank file from its first bytes, or null when it is none we read. */
export function detectBankFileFormat(content: string): BankFileFormat | null {
  const text = content.replace(/^\uFEFF/, '').trimStart();
  if (/^OFXHEADER\s*:/i.test(text) || /<\?OFX\b/i.test(text.slice(0, 2000)) || /^<OFX>/i.test(text)) return 'OFX';
  if (text.startsWith('<')) return /<([\w.-]+:)?BkToCstmrStmt[\s>]/.test(text) ? 'CAMT053' : null;
  return CFONB_OPENING.test(text) ? 'CFONB120' : null;
}

const PARSERS: Record<BankFileFormat, (content: string) => StatementDraft[]> = {
  CAMT053: parseCamt053,
  OFX: parseOfx,
  CFONB120: parseCfonb120,
};

function unknownFormatMessage(text: string): string {
  if (/BkToCstmrDbtCdtNtfctn/.test(text)) return "fichier CAMT.054 (avis d'opérations) : importez un relevé CAMT.053";
  if (/BkToCstmrAcctRpt/.test(text)) return 'fichier CAMT.052 (relevé intrajournalier) : importez un relevé CAMT.053';
  return 'format de relevé non reconnu (CAMT.053, OFX ou CFONB 120 attendu)';
}

/**
 * Parses a bank statement file (several statements for a CAMT file with several Stmt, a CFONB file
 * with several 01…07 blocks, an OFX file with several accounts). Refuses the whole file with
 * BANK_FILE_INVALID on the first bad record.
 */
export function parseBankFile(content: Buffer | string, format?: BankFileFormat): ParsedStatement[] {
  const text = decodeBankFile(content);
  if (text.trim() === '') throw bankFileError(format ?? null, null, 'EMPTY', 'fichier vide');
  const detected = format ?? detectBankFileFormat(text);
  if (!detected) throw bankFileError(null, null, 'UNKNOWN_FORMAT', unknownFormatMessage(text));
  return PARSERS[detected](text).map(finaliseStatement);
}
