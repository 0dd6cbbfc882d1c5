import { DomainError } from '../../shared/errors';
import type { BankFileFormat } from './statement';

/** Why a file was refused, for callers that react to it (the message is for people). */
export type BankFileErrorReason =
  | 'EMPTY'
  | 'UNKNOWN_FORMAT'
  | 'SYNTAX'
  | 'TRUNCATED'
  | 'MISSING_FIELD'
  | 'BAD_AMOUNT'
  | 'BAD_DATE'
  | 'BAD_VALUE'
  | 'RECORD_LENGTH'
  | 'UNEXPECTED_RECORD'
  | 'BALANCE_MISMATCH'
  | 'NO_STATEMENT';

/** BANK_FILE_INVALID; the message names the line ("Ligne 14 : montant illisible « 12,3X »"). */
export function bankFileError(
  format: BankFileFormat | null,
  line: number | null,
  reason: BankFileErrorReason,
  message: string,
): DomainError {
  const text = line === null ? message : `Ligne ${line} : ${message}`;
  return new DomainError('BANK_FILE_INVALID', 'BAD_USER_INPUT', text, { format, line, reason });
}
