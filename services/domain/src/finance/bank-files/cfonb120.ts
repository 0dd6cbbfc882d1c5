import { Money } from '../../billing/money';
import { bankFileError, type BankFileErrorReason } from './bank-file-error';
import { frenchIbanFromRib, validIban } from './rib';
import type { MovementDraft, StatementDraft } from './statement';
import { cleanText, isoDate, joinText, orNull, statementAmount, sumStatementAmounts } from './values';

/**
 * CFONB 120 "relevé de compte": fixed 120-character records. 01 opens an account's statement with
 * the old balance, 04 is a movement, 05 complements the 04 before it (qualifier + 70 characters),
 * 07 closes with the new balance. A file may hold several 01…07 blocks (accounts, days).
 */
const RECORD_LENGTH = 120;
const error = (line: number, reason: BankFileErrorReason, message: string) => bankFileError('CFONB120', line, reason, message);

// Shortest acceptable record once trailing spaces were stripped by an export: up to the end of
// the amount (01/04/07) or of the qualifier (05). A shifted record still fails on its amount.
const MIN_LENGTH: Record<string, number> = { '01': 104, '04': 104, '05': 48, '07': 104 };

interface CfonbRecord {
  line: number;
  text: string;
}

/** 1-based, inclusive positions, as the CFONB brochure numbers them. */
const field = (record: CfonbRecord, from: number, to: number) => record.text.slice(from - 1, to);

const DOS_END_OF_FILE = String.fromCharCode(0x1a);

/** Drops trailing blanks, line breaks and the DOS end-of-file mark some exports add. */
function trimEnd(content: string): string {
  let end = content.length;
  while (end > 0 && (content[end - 1] === DOS_END_OF_FILE || /\s/.test(content[end - 1]!))) end -= 1;
  return content.slice(0, end);
}

function splitRecords(content: string): CfonbRecord[] {
  const body = trimEnd(content);
  const lines = /[\r\n]/.test(body) ? body.split(/\r\n|\r|\n/) : (body.match(/[^]{1,120}/g) ?? []);
  const records: CfonbRecord[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trimEnd();
    if (text === '') return;
    const min = MIN_LENGTH[text.slice(0, 2)];
    if (min === undefined)
      throw error(line, 'UNEXPECTED_RECORD', `type d'enregistrement « ${text.slice(0, 2)} » inconnu (01, 04, 05 ou 07 attendu)`);
    if (text.length > RECORD_LENGTH || text.length < min)
      throw error(line, 'RECORD_LENGTH', `enregistrement de ${text.length} caractères au lieu de ${RECORD_LENGTH}`);
    records.push({ line, text: text.padEnd(RECORD_LENGTH) });
  });
  return records;
}

// The last character of an amount carries its sign and last digit.
const SIGN_DIGITS = '{ABCDEFGHI}JKLMNOPQR';

function amountOf(record: CfonbRecord): string {
  const raw = field(record, 91, 104);
  const decimals = field(record, 20, 20);
  const signIndex = SIGN_DIGITS.indexOf(raw.charAt(13));
  if (!/^\d{13}$/.test(raw.slice(0, 13)) || signIndex === -1) throw error(record.line, 'BAD_AMOUNT', `montant illisible « ${raw.trim()} »`);
  if (!/^\d$/.test(decimals)) throw error(record.line, 'BAD_VALUE', `nombre de décimales illisible « ${decimals} »`);
  const magnitude = new Money(`${raw.slice(0, 13)}${signIndex % 10}`).dividedBy(new Money(10).pow(Number(decimals)));
  const amount = statementAmount(signIndex >= 10 ? magnitude.negated() : magnitude);
  if (amount === null) throw error(record.line, 'BAD_AMOUNT', `montant « ${raw} » à plus de 2 décimales`);
  return amount;
}

/** JJMMAA; the century is 20xx (these files are imported for current accounts). */
function dateAt(record: CfonbRecord, from: number, what: string): string;
function dateAt(record: CfonbRecord, from: number, what: string, optional: true): string | null;
function dateAt(record: CfonbRecord, from: number, what: string, optional = false): string | null {
  const raw = field(record, from, from + 5);
  if (optional && (raw.trim() === '' || raw === '000000')) return null;
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(raw);
  const date = m ? isoDate(2000 + Number(m[3]), Number(m[2]), Number(m[1])) : null;
  if (!date) throw error(record.line, 'BAD_DATE', `${what} illisible « ${raw} »`);
  return date;
}

const accountOf = (record: CfonbRecord) => field(record, 22, 32).trim();

/** What the 05 records of one movement said, by qualifier. */
interface Complements {
  labels: string[];
  /** LCC and LC2 are one 140-character text cut in two: kept raw, joined, then cleaned. */
  unstructured: string;
  remittance: string[];
  names: Map<string, string>;
  identifiers: Map<string, string>;
  clientReference: string | null;
  operationReference: string | null;
}

interface PendingMovement {
  movement: MovementDraft;
  complements: Complements;
}

function newComplements(): Complements {
  return {
    labels: [],
    unstructured: '',
    remittance: [],
    names: new Map(),
    identifiers: new Map(),
    clientReference: null,
    operationReference: null,
  };
}

function addComplement(complements: Complements, record: CfonbRecord): void {
  const qualifier = field(record, 46, 48).trim();
  const info = field(record, 49, 118);
  switch (qualifier) {
    case 'LIB':
      complements.labels.push(info);
      break;
    case 'LCC':
    case 'LC2':
      complements.unstructured += info;
      break;
    case 'NPY': // payer
    case 'NBE': // beneficiary
    case 'NPO': // ultimate debtor
    case 'NBU': // ultimate creditor
      complements.names.set(qualifier, cleanText(info));
      break;
    case 'IPY':
    case 'IBE':
      complements.identifiers.set(qualifier, info.slice(0, 35).trim());
      break;
    case 'RCN': // client reference (the SEPA end-to-end id), then 35 characters of purpose
      complements.clientReference = orNull(info.slice(0, 35));
      break;
    case 'REF':
      complements.operationReference = orNull(info);
      break;
    case 'MMO': // original amount and exchange rate: figures, not text
      break;
    default:
      complements.remittance.push(info);
  }
}

function movementOf(record: CfonbRecord, statementCurrency: string): MovementDraft {
  return {
    bookingDate: dateAt(record, 35, 'date de comptabilisation'),
    valueDate: dateAt(record, 43, 'date de valeur', true),
    amount: amountOf(record),
    currency: orNull(field(record, 17, 19)) ?? statementCurrency,
    label: cleanText(field(record, 49, 80)),
    remittanceInfo: '',
    counterpartyName: null,
    counterpartyIban: null,
    bankReference: orNull(field(record, 105, 120)),
    endToEndId: null,
    mandateId: null,
    batchReference: null,
    returnReasonCode: null,
    bankTransactionCode: orNull(field(record, 33, 34)),
    details: [],
    line: record.line,
  };
}

function withComplements({ movement, complements }: PendingMovement): MovementDraft {
  const credit = !movement.amount.startsWith('-');
  const name = credit
    ? (complements.names.get('NPY') ?? complements.names.get('NPO'))
    : (complements.names.get('NBE') ?? complements.names.get('NBU'));
  const clientReference = complements.clientReference;
  return {
    ...movement,
    label: joinText([movement.label, ...complements.labels]),
    remittanceInfo: joinText([complements.unstructured, ...complements.remittance]),
    counterpartyName: name || null,
    counterpartyIban: validIban(complements.identifiers.get(credit ? 'IPY' : 'IBE')),
    bankReference: movement.bankReference ?? complements.operationReference,
    endToEndId: clientReference && !/^NOT ?PROVIDED$/i.test(clientReference) ? clientReference : null,
  };
}

interface OpenStatement {
  opening: CfonbRecord;
  draft: StatementDraft;
  pending: PendingMovement | null;
}

function openStatement(record: CfonbRecord): OpenStatement {
  const currency = field(record, 17, 19);
  if (!/^[A-Z]{3}$/.test(currency)) throw error(record.line, 'BAD_VALUE', `devise illisible « ${currency} »`);
  const account = accountOf(record);
  if (account === '') throw error(record.line, 'MISSING_FIELD', 'numéro de compte absent');
  const date = dateAt(record, 35, "date de l'ancien solde");
  return {
    opening: record,
    pending: null,
    draft: {
      format: 'CFONB120',
      accountIban: frenchIbanFromRib(field(record, 3, 7), field(record, 12, 16), account),
      accountNumber: account,
      currency,
      statementId: null,
      fromDate: date,
      toDate: date,
      openingBalance: amountOf(record),
      closingBalance: null,
      movements: [],
    },
  };
}

function flushPending(open: OpenStatement): void {
  if (open.pending) open.draft.movements.push(withComplements(open.pending));
  open.pending = null;
}

function closeStatement(open: OpenStatement, record: CfonbRecord): StatementDraft {
  flushPending(open);
  const draft = { ...open.draft, toDate: dateAt(record, 35, 'date du nouveau solde'), closingBalance: amountOf(record) };
  const expected = sumStatementAmounts([draft.openingBalance!, ...draft.movements.map((m) => m.amount)]);
  if (!expected.equals(draft.closingBalance))
    throw error(
      record.line,
      'BALANCE_MISMATCH',
      `le nouveau solde ${draft.closingBalance} ne correspond pas à l'ancien solde (ligne ${open.opening.line}) plus les mouvements (${expected.toFixed(2)})`,
    );
  return draft;
}

export function parseCfonb120(content: string): StatementDraft[] {
  const statements: StatementDraft[] = [];
  let open: OpenStatement | null = null;
  for (const record of splitRecords(content)) {
    const code = field(record, 1, 2);
    if (code === '01') {
      if (open)
        throw error(
          record.line,
          'UNEXPECTED_RECORD',
          `nouveau relevé (01) alors que celui de la ligne ${open.opening.line} n'est pas clos par un 07`,
        );
      open = openStatement(record);
      continue;
    }
    if (!open) throw error(record.line, 'UNEXPECTED_RECORD', `enregistrement ${code} hors d'un relevé (01 attendu avant)`);
    if (accountOf(record) !== open.draft.accountNumber)
      throw error(
        record.line,
        'UNEXPECTED_RECORD',
        `compte « ${accountOf(record)} » différent de celui du relevé ouvert ligne ${open.opening.line} (« ${open.draft.accountNumber} »)`,
      );
    if (code === '04') {
      flushPending(open);
      open.pending = { movement: movementOf(record, open.draft.currency), complements: newComplements() };
    } else if (code === '05') {
      if (!open.pending) throw error(record.line, 'UNEXPECTED_RECORD', 'complément (05) sans mouvement (04) qui le précède');
      addComplement(open.pending.complements, record);
    } else {
      statements.push(closeStatement(open, record));
      open = null;
    }
  }
  if (open)
    throw error(
      open.opening.line,
      'TRUNCATED',
      `relevé du compte ${open.draft.accountNumber} sans nouveau solde (07) : fichier incomplet ?`,
    );
  if (statements.length === 0) throw bankFileError('CFONB120', null, 'NO_STATEMENT', 'aucun relevé (enregistrement 01) dans le fichier');
  return statements;
}
