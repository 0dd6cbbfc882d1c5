import { XMLParser } from 'fast-xml-parser';
import { Money } from '../../billing/money';
import { bankFileError, type BankFileErrorReason } from './bank-file-error';
import { validIban } from './rib';
import type { MovementDraft, ParsedMovementDetail, StatementDraft } from './statement';
import { isoDateFromIso, joinText, lineLocator, orNull, statementAmount, sumStatementAmounts } from './values';
import { assertWellFormedXml } from './xml';

/**
 * ISO 20022 camt.053 (BankToCustomerStatement), versions 001.02 to 001.08 read alike: namespaces
 * are dropped and the few differences (Sts as text or Cd, Dbtr/Nm or Dbtr/Pty/Nm, TxDtls/Amt or
 * AmtDtls/TxAmt/Amt) are read both ways.
 */
const error = (line: number | null, reason: BankFileErrorReason, message: string) => bankFileError('CAMT053', line, reason, message);

const REPEATED = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd']);
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  captureMetaData: true,
  // Also decodes character references (&#233;), which fast-xml-parser 5 otherwise leaves as text.
  htmlEntities: true,
  isArray: (name) => REPEATED.has(name),
});

type XmlNode = Record<string | symbol, unknown>;

const isNode = (value: unknown): value is XmlNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The element at `path` (the first of a repeated one). */
function at(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const key of path) {
    if (Array.isArray(current)) current = current[0];
    if (!isNode(current)) return undefined;
    current = current[key];
  }
  return Array.isArray(current) ? current[0] : current;
}

function all(node: unknown, name: string): unknown[] {
  const value = isNode(node) ? node[name] : undefined;
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Text of an element (whitespace collapsed), null when absent or empty. */
function textValue(value: unknown): string | null {
  if (typeof value === 'string') return orNull(value);
  if (isNode(value) && typeof value['#text'] === 'string') return orNull(value['#text']);
  return null;
}

const text = (node: unknown, ...path: string[]) => textValue(at(node, ...path));

const currencyOf = (amount: unknown) => (isNode(amount) && typeof amount['@_Ccy'] === 'string' ? amount['@_Ccy'] : null);

interface Context {
  lineOf: (node: unknown) => number | null;
}

/** Amt + CdtDbtInd as a signed amount; `line` is the line of the enclosing Ntry or Bal. */
function signedAmount(owner: unknown, line: number | null, what: string, indicator = text(owner, 'CdtDbtInd')): string {
  const raw = text(owner, 'Amt');
  if (raw === null) throw error(line, 'MISSING_FIELD', `${what} sans montant (Amt)`);
  if (!/^\d+(\.\d+)?$/.test(raw)) throw error(line, 'BAD_AMOUNT', `montant illisible « ${raw} »`);
  if (indicator === null) throw error(line, 'MISSING_FIELD', `${what} sans sens (CdtDbtInd)`);
  if (indicator !== 'CRDT' && indicator !== 'DBIT') throw error(line, 'BAD_VALUE', `sens « ${indicator} » inconnu (CRDT ou DBIT attendu)`);
  const value = new Money(raw);
  const amount = statementAmount(indicator === 'DBIT' ? value.negated() : value);
  if (amount === null) throw error(line, 'BAD_AMOUNT', `montant « ${raw} » à plus de 2 décimales`);
  return amount;
}

/** BookgDt, ValDt, Bal/Dt: a Dt or a DtTm inside. */
function dateOf(node: unknown, name: string, line: number | null): string | null {
  const raw = text(node, name, 'Dt') ?? text(node, name, 'DtTm');
  if (raw === null) return null;
  const date = isoDateFromIso(raw);
  if (!date) throw error(line, 'BAD_DATE', `date illisible « ${raw} » (${name})`);
  return date;
}

/**
 * Whether the counterparty is the debtor. A reversal (a returned direct debit booked as a debit)
 * still names the customer as Dbtr and us as Cdtr, so the roles flip.
 */
const counterpartyIsDebtor = (amount: string, entry: unknown) => !amount.startsWith('-') !== (text(entry, 'RvslInd') === 'true');

const notProvided = (value: string | null) => (value && !/^NOT ?PROVIDED$/i.test(value) ? value : null);

/** The payer of a credit (Dbtr), the payee of a debit (Cdtr); 001.08 wraps the party in Pty. */
function counterpartyOf(transaction: unknown, credit: boolean): { name: string | null; iban: string | null } {
  const [party, ultimate, account] = credit ? ['Dbtr', 'UltmtDbtr', 'DbtrAcct'] : ['Cdtr', 'UltmtCdtr', 'CdtrAcct'];
  const nameOf = (role: string) => text(transaction, 'RltdPties', role, 'Nm') ?? text(transaction, 'RltdPties', role, 'Pty', 'Nm');
  return {
    name: nameOf(party!) ?? nameOf(ultimate!),
    iban: validIban(text(transaction, 'RltdPties', account!, 'Id', 'IBAN')),
  };
}

function remittanceOf(transaction: unknown): string {
  const info = at(transaction, 'RmtInf');
  const unstructured = all(info, 'Ustrd').map(textValue);
  const references = all(info, 'Strd').map((s) => text(s, 'CdtrRefInf', 'Ref'));
  return joinText([...unstructured, ...references]);
}

function transactionCodeOf(node: unknown): string | null {
  const domain = text(node, 'BkTxCd', 'Domn', 'Cd');
  const family = text(node, 'BkTxCd', 'Domn', 'Fmly', 'Cd');
  const subFamily = text(node, 'BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd');
  if (domain) return [domain, family, subFamily].filter(Boolean).join('/');
  return text(node, 'BkTxCd', 'Prtry', 'Cd');
}

/** The reason a returned or rejected transaction gives (RtrInf/Rsn, a code or the bank's own). */
const returnReasonOf = (transaction: unknown) => text(transaction, 'RtrInf', 'Rsn', 'Cd') ?? text(transaction, 'RtrInf', 'Rsn', 'Prtry');

/** The payment block (or message) of our own file the bank booked as one entry: Btch, else the transactions' Refs. */
function batchReferenceOf(entryDetails: readonly unknown[], transactions: readonly unknown[]): string | null {
  const candidates = [
    ...entryDetails.flatMap((d) => [text(d, 'Btch', 'PmtInfId'), text(d, 'Btch', 'MsgId')]),
    ...transactions.slice(0, 1).flatMap((t) => [text(t, 'Refs', 'PmtInfId'), text(t, 'Refs', 'MsgId')]),
  ];
  return candidates.find((c) => c !== null) ?? null;
}

function detailOf(transaction: unknown, index: number, entry: unknown, line: number | null): ParsedMovementDetail {
  const owner =
    at(transaction, 'Amt') !== undefined ? transaction : (at(transaction, 'AmtDtls', 'TxAmt') ?? at(transaction, 'AmtDtls', 'InstdAmt'));
  const indicator = text(transaction, 'CdtDbtInd') ?? text(entry, 'CdtDbtInd');
  const amount = signedAmount(owner, line, `transaction n° ${index + 1} de l'écriture groupée`, indicator);
  const party = counterpartyOf(transaction, counterpartyIsDebtor(amount, entry));
  return {
    amount,
    endToEndId: notProvided(text(transaction, 'Refs', 'EndToEndId')),
    mandateId: text(transaction, 'Refs', 'MndtId'),
    returnReasonCode: returnReasonOf(transaction),
    remittanceInfo: remittanceOf(transaction),
    counterpartyName: party.name,
    counterpartyIban: party.iban,
  };
}

/** A booked entry as a movement; null for pending or information-only entries (not on the balance). */
function movementOf(entry: unknown, currency: string, context: Context): MovementDraft | null {
  const line = context.lineOf(entry);
  const status = text(entry, 'Sts', 'Cd') ?? text(entry, 'Sts', 'Prtry') ?? text(entry, 'Sts');
  if (status !== null && status !== 'BOOK') return null;
  const amount = signedAmount(entry, line, "l'écriture");
  const bookingDate = dateOf(entry, 'BookgDt', line);
  if (!bookingDate) throw error(line, 'MISSING_FIELD', 'écriture sans date de comptabilisation (BookgDt)');
  const entryDetails = all(entry, 'NtryDtls');
  const transactions = entryDetails.flatMap((d) => all(d, 'TxDtls'));
  const declared = entryDetails.map((d) => Number(text(d, 'Btch', 'NbOfTxs') ?? 0));
  const batch = Math.max(transactions.length, ...declared) > 1;
  const single = batch ? undefined : transactions[0];
  const party = single ? counterpartyOf(single, counterpartyIsDebtor(amount, entry)) : { name: null, iban: null };
  return {
    bookingDate,
    valueDate: dateOf(entry, 'ValDt', line),
    amount,
    currency: currencyOf(at(entry, 'Amt')) ?? currency,
    label: text(entry, 'AddtlNtryInf') ?? (single ? text(single, 'AddtlTxInf') : null) ?? '',
    remittanceInfo: single ? remittanceOf(single) : '',
    counterpartyName: party.name,
    counterpartyIban: party.iban,
    bankReference: text(entry, 'AcctSvcrRef') ?? (single ? text(single, 'Refs', 'AcctSvcrRef') : null),
    endToEndId: single ? notProvided(text(single, 'Refs', 'EndToEndId')) : null,
    mandateId: single ? text(single, 'Refs', 'MndtId') : null,
    batchReference: batchReferenceOf(entryDetails, transactions),
    returnReasonCode: single ? returnReasonOf(single) : null,
    bankTransactionCode: transactionCodeOf(entry) ?? (single ? transactionCodeOf(single) : null),
    details: batch ? transactions.map((t, i) => detailOf(t, i, entry, line)) : [],
    line: line ?? 1,
  };
}

interface Balance {
  type: string | null;
  amount: string;
  date: string | null;
  currency: string | null;
}

function balanceOf(balance: unknown, context: Context): Balance {
  const line = context.lineOf(balance);
  return {
    type: text(balance, 'Tp', 'CdOrPrtry', 'Cd'),
    amount: signedAmount(balance, line, 'le solde'),
    date: dateOf(balance, 'Dt', line),
    currency: currencyOf(at(balance, 'Amt')),
  };
}

function statementOf(statement: unknown, context: Context): StatementDraft {
  const line = context.lineOf(statement);
  const iban = text(statement, 'Acct', 'Id', 'IBAN');
  const accountNumber = iban ?? text(statement, 'Acct', 'Id', 'Othr', 'Id');
  if (!accountNumber) throw error(line, 'MISSING_FIELD', 'relevé sans compte (Acct/Id)');
  const balances = all(statement, 'Bal').map((b) => balanceOf(b, context));
  const entries = all(statement, 'Ntry');
  const currency = text(statement, 'Acct', 'Ccy') ?? balances[0]?.currency ?? currencyOf(at(entries[0], 'Amt'));
  if (!currency) throw error(line, 'MISSING_FIELD', 'relevé sans devise (Acct/Ccy)');
  const movements = entries.map((e) => movementOf(e, currency, context)).filter((m): m is MovementDraft => m !== null);
  const find = (...types: string[]) => types.map((t) => balances.find((b) => b.type === t)).find((b) => b !== undefined);
  const opening = find('OPBD', 'PRCD');
  const closing = find('CLBD', 'ITBD');
  if (opening && closing) {
    const expected = sumStatementAmounts([opening.amount, ...movements.map((m) => m.amount)]);
    if (!expected.equals(closing.amount))
      throw error(
        line,
        'BALANCE_MISMATCH',
        `le solde de clôture ${closing.amount} ne correspond pas au solde d'ouverture ${opening.amount} plus les écritures (${expected.toFixed(2)})`,
      );
  }
  const bookingDates = movements.map((m) => m.bookingDate).sort();
  const dateTime = (...path: string[]) => {
    const raw = text(statement, ...path);
    const date = raw === null ? null : isoDateFromIso(raw);
    if (raw !== null && !date) throw error(line, 'BAD_DATE', `date illisible « ${raw} » (${path.join('/')})`);
    return date;
  };
  const created = dateTime('CreDtTm');
  const fromDate = dateTime('FrToDt', 'FrDtTm') ?? opening?.date ?? bookingDates[0] ?? created;
  const toDate = dateTime('FrToDt', 'ToDtTm') ?? closing?.date ?? bookingDates.at(-1) ?? created;
  if (!fromDate || !toDate) throw error(line, 'MISSING_FIELD', 'période du relevé introuvable (FrToDt, soldes ou écritures)');
  return {
    format: 'CAMT053',
    accountIban: validIban(iban),
    accountNumber,
    currency,
    statementId: text(statement, 'Id'),
    fromDate,
    toDate,
    openingBalance: opening?.amount ?? null,
    closingBalance: closing?.amount ?? null,
    movements,
  };
}

export function parseCamt053(content: string): StatementDraft[] {
  assertWellFormedXml('CAMT053', content);
  const lineAt = lineLocator(content);
  const context: Context = {
    lineOf: (node) => {
      const meta = isNode(node) ? (node[META] as { startIndex?: number } | undefined) : undefined;
      return meta?.startIndex === undefined ? null : lineAt(meta.startIndex);
    },
  };
  let document: unknown;
  try {
    document = parser.parse(content);
  } catch (cause) {
    // Well formed but refused by the parser's own limits (entity expansion, nesting depth).
    throw error(null, 'SYNTAX', `XML refusé (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  const report = at(document, 'Document', 'BkToCstmrStmt');
  const statements = all(report, 'Stmt');
  if (statements.length === 0) throw error(null, 'NO_STATEMENT', 'aucun relevé (BkToCstmrStmt/Stmt) dans le fichier CAMT');
  return statements.map((s) => statementOf(s, context));
}
