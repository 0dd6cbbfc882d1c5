/** What the bank statement parsers return: one shape for CAMT.053, OFX and CFONB 120. */

export type BankFileFormat = 'CAMT053' | 'OFX' | 'CFONB120';

export interface ParsedStatement {
  format: BankFileFormat;
  /** Electronic format (FR76…); for CFONB and French OFX, computed from the RIB. Null when unknown or invalid. */
  accountIban: string | null;
  /** As the bank wrote it (IBAN, ACCTID, or the 11-character CFONB account number). */
  accountNumber: string;
  currency: string;
  /** The bank's statement id (CAMT Stmt/Id); null for OFX and CFONB. */
  statementId: string | null;
  /** 'YYYY-MM-DD'. */
  fromDate: string;
  toDate: string;
  /** Signed 2-decimal strings ("-12.50"); null when the file gives none. */
  openingBalance: string | null;
  closingBalance: string | null;
  movements: ParsedMovement[];
}

export interface ParsedMovement {
  bookingDate: string;
  valueDate: string | null;
  /** Signed: credit positive, debit negative, 2 decimals. */
  amount: string;
  currency: string;
  label: string;
  remittanceInfo: string;
  /** The payer for a credit, the payee for a debit. */
  counterpartyName: string | null;
  counterpartyIban: string | null;
  bankReference: string | null;
  endToEndId: string | null;
  mandateId: string | null;
  /**
   * The bank's echo of the file we sent, on the credit of a direct-debit collection: its payment
   * block or message id (CAMT Btch or Refs PmtInfId, else MsgId).
   */
  batchReference: string | null;
  /** ISO 20022 reason of a returned or rejected debit (CAMT RtrInf/Rsn: AM04, MD06…). */
  returnReasonCode: string | null;
  bankTransactionCode: string | null;
  /** One per transaction of a CAMT batch booking with more than one; else empty. */
  details: ParsedMovementDetail[];
  /** 1-based line where the entry or record starts. */
  line: number;
  /** sha256 hex, stable across overlapping files of the same account (see fingerprint.ts). */
  fingerprint: string;
}

export interface ParsedMovementDetail {
  amount: string;
  endToEndId: string | null;
  mandateId: string | null;
  returnReasonCode: string | null;
  remittanceInfo: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
}

/** What a format parser builds; fingerprints are added once the whole statement is known. */
export type MovementDraft = Omit<ParsedMovement, 'fingerprint'>;
export type StatementDraft = Omit<ParsedStatement, 'movements'> & { movements: MovementDraft[] };
