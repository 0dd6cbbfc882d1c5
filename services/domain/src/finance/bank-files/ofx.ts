import { Money } from '../../billing/money';
import { bankFileError, type BankFileErrorReason } from './bank-file-error';
import { childOf, descendantsOf, parseOfxElements, type OfxElement } from './ofx-sgml';
import { frenchIbanFromRib, validIban } from './rib';
import type { MovementDraft, StatementDraft } from './statement';
import { isoDate, joinText, orNull, statementAmount } from './values';
import { assertWellFormedXml } from './xml';
import { normaliseForFingerprint } from './fingerprint';

/**
 * OFX 1 (SGML, often windows-1252, French decimal commas) and OFX 2 (XML) bank and credit card
 * statements. OFX gives no opening balance and no statement id.
 */
const error = (line: number | null, reason: BankFileErrorReason, message: string) => bankFileError('OFX', line, reason, message);

const leaf = (element: OfxElement | undefined, name: string) => childOf(element, name);
const valueOf = (element: OfxElement | undefined, name: string) => orNull(leaf(element, name)?.value);

function required(element: OfxElement, name: string, what: string): OfxElement & { value: string } {
  const found = leaf(element, name);
  if (!found?.value?.trim())
    throw error(element.line, 'MISSING_FIELD', `champ obligatoire ${name} (${what}) absent dans <${element.name}>`);
  return found as OfxElement & { value: string };
}

/** "-12,50", "+1 234.5", ",75": sign optional, comma or dot, spaces between digits ignored. */
function amountOf(element: OfxElement & { value: string }): string {
  const raw = element.value.trim();
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '');
  const m = /^([+-]?)(\d*)(?:[.,](\d*))?$/.exec(compact);
  if (!m || (m[2] === '' && !m[3])) throw error(element.line, 'BAD_AMOUNT', `montant illisible « ${raw} »`);
  const value = new Money(`${m[1] === '-' ? '-' : ''}${m[2] || '0'}.${m[3] || '0'}`);
  const amount = statementAmount(value);
  if (amount === null) throw error(element.line, 'BAD_AMOUNT', `montant « ${raw} » à plus de 2 décimales`);
  return amount;
}

/** "20261130", "20261130120000.000[+1:CET]": the date as the bank wrote it. */
function dateOf(element: OfxElement & { value: string }): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(element.value.trim());
  const date = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!date) throw error(element.line, 'BAD_DATE', `date illisible « ${element.value.trim()} » (${element.name})`);
  return date;
}

function optionalDate(parent: OfxElement | undefined, name: string): string | null {
  const found = leaf(parent, name);
  return found?.value?.trim() ? dateOf(found as OfxElement & { value: string }) : null;
}

/** NAME then MEMO, without repeating what MEMO already says (banks often start MEMO with NAME). */
function labelOf(name: string | null, memo: string | null): string {
  if (!name || !memo) return joinText([name, memo]);
  const [n, m] = [normaliseForFingerprint(name), normaliseForFingerprint(memo)];
  if (m.startsWith(n)) return joinText([memo]);
  if (n.includes(m)) return joinText([name]);
  return joinText([name, memo]);
}

function movementOf(transaction: OfxElement, currency: string): MovementDraft {
  const payee = valueOf(leaf(transaction, 'PAYEE'), 'NAME');
  const name = valueOf(transaction, 'NAME') ?? payee;
  return {
    bookingDate: dateOf(required(transaction, 'DTPOSTED', 'date de comptabilisation')),
    valueDate: optionalDate(transaction, 'DTAVAIL'),
    amount: amountOf(required(transaction, 'TRNAMT', 'montant')),
    currency,
    label: labelOf(name, valueOf(transaction, 'MEMO')),
    remittanceInfo: '',
    // NAME is the bank's description; only a PAYEE aggregate names a party.
    counterpartyName: payee,
    counterpartyIban: null,
    bankReference: valueOf(transaction, 'FITID'),
    endToEndId: null,
    mandateId: null,
    batchReference: null,
    returnReasonCode: null,
    bankTransactionCode: valueOf(transaction, 'TRNTYPE'),
    details: [],
    line: transaction.line,
  };
}

/** French banks give the RIB as BANKID + BRANCHID + ACCTID (11 characters, or 13 with the key, or the key in ACCTKEY). */
function ibanOf(account: OfxElement, accountId: string): string | null {
  const compact = accountId.replace(/\s+/g, '').toUpperCase();
  const direct = validIban(compact);
  if (direct) return direct;
  const bank = valueOf(account, 'BANKID') ?? '';
  const branch = valueOf(account, 'BRANCHID') ?? '';
  const key = valueOf(account, 'ACCTKEY');
  if (compact.length === 13 && !key) return frenchIbanFromRib(bank, branch, compact.slice(0, 11), compact.slice(11));
  return frenchIbanFromRib(bank, branch, compact, key);
}

function statementOf(statement: OfxElement): StatementDraft {
  const currency = required(statement, 'CURDEF', 'devise').value.trim().toUpperCase();
  const account = leaf(statement, 'BANKACCTFROM') ?? leaf(statement, 'CCACCTFROM');
  if (!account) throw error(statement.line, 'MISSING_FIELD', `compte (BANKACCTFROM) absent dans <${statement.name}>`);
  const accountNumber = required(account, 'ACCTID', 'numéro de compte').value.trim();
  const list = leaf(statement, 'BANKTRANLIST');
  const movements = (list?.children ?? []).filter((c) => c.name === 'STMTTRN').map((t) => movementOf(t, currency));
  const bookingDates = movements.map((m) => m.bookingDate).sort();
  const fromDate = optionalDate(list, 'DTSTART') ?? bookingDates[0];
  const toDate = optionalDate(list, 'DTEND') ?? bookingDates.at(-1);
  if (!fromDate || !toDate) throw error(statement.line, 'MISSING_FIELD', 'période du relevé (DTSTART, DTEND) absente et aucun mouvement');
  const ledger = leaf(statement, 'LEDGERBAL');
  const closing = ledger && leaf(ledger, 'BALAMT');
  return {
    format: 'OFX',
    accountIban: ibanOf(account, accountNumber),
    accountNumber,
    currency,
    statementId: null,
    fromDate,
    toDate,
    openingBalance: null,
    closingBalance: closing?.value?.trim() ? amountOf(closing as OfxElement & { value: string }) : null,
    movements,
  };
}

export function parseOfx(content: string): StatementDraft[] {
  if (/^\s*<\?xml/i.test(content) || /<\?OFX\b/i.test(content)) assertWellFormedXml('OFX', content);
  const ofx = parseOfxElements(content, error);
  const statements = descendantsOf(ofx, ['STMTRS', 'CCSTMTRS']);
  if (statements.length === 0) throw error(null, 'NO_STATEMENT', 'aucun relevé (STMTRS) dans le fichier OFX');
  return statements.map(statementOf);
}
