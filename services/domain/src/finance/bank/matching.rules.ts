import { MONEY_ZERO, Money, formatFr, parseDecimal, toAmount } from '../../billing/money';
import { frenchDate } from '../../shared/time';
import { RETURN_REASONS } from '../direct-debit/direct-debit.rules';

/**
 * Bank reconciliation (rapprochement): which open invoices, or which direct-debit batch, a bank
 * credit pays, and which direct-debit collection a bank debit returns. A movement is matched
 * automatically only on sure evidence:
 *   (a) the invoice number(s) are written in the label, remittance information or end-to-end id,
 *       and the amount is the open balance (or the total of the balances of all numbers written);
 *   (b) the payer's IBAN is a known account of one customer, one of whose open invoices, and only
 *       one, has exactly that balance;
 *   (c) a direct-debit batch is named (its message or payment block id written, or every
 *       transaction of a batch booking one of its collections) and the amount is what the bank
 *       still has to credit for it (the batch, or one of its payment blocks);
 *   (d) a debit names one collected item of a batch (end-to-end id or invoice number, else the
 *       mandate when only one of its collections has that amount) and is its amount: an
 *       R-transaction (impayé) returning it.
 * Anything weaker (partial payment, amount without reference, payer name resembling a customer,
 * a few invoices of one customer adding up to the amount, a batch credit netted of returns, the
 * return of an item whose batch was not credited yet) is proposed with a lower score and a reason
 * in French, for the accountant to confirm.
 *
 * The candidates are indexed once (`buildMatchingIndex`) so that matching one movement costs its
 * text's tokens plus the invoices having its amount, whatever the number of open invoices.
 */

// ---------------------------------------------------------------------------------------------
// Inputs and outputs

export interface MovementToMatch {
  /** Signed: credits (> 0) are money received. */
  amount: string;
  bookingDate: string;
  label: string;
  remittanceInfo: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  endToEndId: string | null;
  mandateId: string | null;
  /** On the credit of a batch booking: the payment block or message id of our file the bank echoes. */
  batchReference?: string | null;
  /** The end-to-end ids of the transactions of a batch booking (one per collection it credits). */
  detailEndToEndIds?: readonly string[];
  /** ISO 20022 reason the bank gives for a returned debit (AM04, MD06…). */
  returnReasonCode?: string | null;
}

export interface OpenInvoiceCandidate {
  invoiceId: string;
  /** Legal number, e.g. "F-2026-00042". */
  number: string;
  customerId: string;
  customerName: string;
  openBalance: string;
  dueDate: string;
}

export interface CustomerBankAccount {
  customerId: string;
  iban: string;
}

export interface DirectDebitBatchCandidate {
  batchId: string;
  /** The file's message id (MsgId), which its payment blocks' ids (PmtInfId) start with. */
  reference: string;
  /** What the bank still has to credit: the pending items of a submitted batch, or, for one already settled, what it collected less the credits matched to it. */
  amount: string;
  /** Settled by hand before its credit was matched: the credit is only linked to it. */
  settled: boolean;
  /** The day the file was sent: an earlier credit is not its. */
  submittedOn: string;
  /** The file's payment blocks (PmtInfId and pending total) when it has several, which some banks credit apart. */
  blocks: readonly { reference: string; amount: string }[];
}

/** A collection a bank debit may return: collected (or returned by hand, its debit not matched yet), or pending in a submitted batch. */
export interface DirectDebitItemCandidate {
  itemId: string;
  batchId: string;
  /** The batch's message id. */
  batchReference: string;
  invoiceId: string;
  invoiceNumber: string;
  customerName: string;
  endToEndId: string;
  /** RUM of the mandate it was collected under. */
  mandateReference: string;
  amount: string;
  state: 'PENDING' | 'COLLECTED' | 'RETURNED';
  /** The day its batch was settled (null while pending): a return is booked on or after it. */
  settledOn: string | null;
}

export interface MatchingCandidates {
  invoices: readonly OpenInvoiceCandidate[];
  bankAccounts: readonly CustomerBankAccount[];
  directDebitBatches: readonly DirectDebitBatchCandidate[];
  directDebitItems: readonly DirectDebitItemCandidate[];
  /** Tenant-local: a settlement or a return is never recorded for a later day. */
  today: string;
}

export interface Allocation {
  invoiceId: string;
  amount: string;
}

export type ProposalKind = 'INVOICES' | 'DIRECT_DEBIT_BATCH' | 'DIRECT_DEBIT_RETURN';

export interface Proposal {
  kind: ProposalKind;
  allocations: Allocation[];
  /** DIRECT_DEBIT_BATCH: the batch credited; DIRECT_DEBIT_RETURN: the batch of the item returned. */
  batchId?: string;
  /** DIRECT_DEBIT_RETURN: the collection returned. */
  itemId?: string;
  /** DIRECT_DEBIT_RETURN: the ISO 20022 reason the bank gave, when it gave one. */
  returnReasonCode?: string;
  /** 0..100: 100 and 95 are sure matches, everything below asks for a confirmation. */
  score: number;
  reason: string;
}

export type MatchDecision = 'AUTO' | 'PROPOSED' | 'NONE';

export interface MatchResult {
  decision: MatchDecision;
  /** Best first, at most `MAX_PROPOSALS`; with AUTO, the first one is the match to record. */
  proposals: Proposal[];
}

export const MAX_PROPOSALS = 5;

/** The scores given to each kind of evidence; sure ones (AUTO) are 95 and above. */
export const MATCH_SCORES = {
  numberExact: 100,
  batchReferenceExact: 100,
  returnReferenceExact: 100,
  ibanUniqueAmount: 95,
  batchBlockExact: 95,
  returnMandateUniqueAmount: 95,
  numberWithoutPrefixExact: 85,
  oneOfSeveralNumbersExact: 85,
  numberPartialPayment: 80,
  batchReferenceOtherAmount: 75,
  returnOtherAmount: 70,
  returnMandateSeveralSameAmount: 70,
  returnNotYetPossible: 60,
  ibanSeveralSameAmount: 70,
  numberOverpayment: 70,
  payerNameUniqueAmount: 70,
  identifiedCustomerPair: 65,
  identifiedCustomerTriple: 60,
  payerNameSeveralSameAmount: 60,
  batchAmountOnly: 60,
  numberWithoutPrefixPartial: 55,
  namedCustomerPair: 55,
  amountOnlyUnique: 50,
  namedCustomerTriple: 50,
  numberWithoutPrefixOverpayment: 50,
  batchAmountSeveral: 40,
  amountOnlySeveral: 30,
} as const;

/** Below this, a proposal for other invoices does not prevent an IBAN match (b) from being automatic. */
const CONFLICTING_SCORE = 70;
/** Proposals by amount alone are made when at most this many open invoices have that amount. */
const MAX_SAME_AMOUNT_CANDIDATES = MAX_PROPOSALS;
/** A name token shared by more customers than this ("CHAUFFAGE", "FRANCE") says nothing about the payer. */
const MAX_CUSTOMERS_PER_NAME_TOKEN = 100;
const NAME_RESEMBLANCE = 0.5;
/** Bounded combination search: pairs among a customer's oldest 40 open invoices, triples among the oldest 20. */
const MAX_PAIR_INVOICES = 40;
const MAX_TRIPLE_INVOICES = 20;
const MAX_COMBINATIONS_PER_CUSTOMER = 3;
const MAX_COMBINATION_CUSTOMERS = 5;
/** A reference is looked for in windows of this many consecutive text tokens at most. */
const MAX_WINDOW_TOKENS = 8;
/** A number found without its prefix ("2026-00042") must be this long once compacted, and of 2 groups or more. */
const MIN_BARE_NUMBER_LENGTH = 6;

// ---------------------------------------------------------------------------------------------
// Normalisation

// eslint-disable-next-line no-control-regex -- a range of code points, not a control character typed by mistake
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** "Réf : f-2026 / 00042" -> ["REF", "F", "2026", "00042"]: accents dropped, upper case, alphanumeric runs. */
export function textTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  // Plain ASCII has no accent to drop (most labels and every invoice number): no need to decompose it.
  const folded = ASCII_ONLY.test(text) ? text : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return folded
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((t) => t.length > 0);
}

const stripLeadingZeros = (token: string) => (/^\d+$/.test(token) ? token.replace(/^0+(?=\d)/, '') : token);

/** The distinct spellings of some groups: as written, and with leading zeros dropped. */
function spellings(groups: readonly string[], stripped: readonly string[]): string[] {
  const asWritten = groups.join('');
  const withoutZeros = stripped.join('');
  return asWritten === withoutZeros ? [asWritten] : [asWritten, withoutZeros];
}

/** `invoiceNumberKeys` of a number already split into its tokens. */
function numberKeysOf(groups: readonly string[]): { full: string[]; bare: string[] } {
  if (groups.length === 0) return { full: [], bare: [] };
  const stripped = groups.map(stripLeadingZeros);
  const firstDigitGroup = groups.findIndex((g) => /\d/.test(g));
  const bare =
    firstDigitGroup > 0 && groups.length - firstDigitGroup >= 2
      ? spellings(groups.slice(firstDigitGroup), stripped.slice(firstDigitGroup)).filter((k) => k.length >= MIN_BARE_NUMBER_LENGTH)
      : [];
  return { full: spellings(groups, stripped), bare };
}

/**
 * The spellings of an invoice number a payer may write: "F-2026-00042" -> full keys "F202600042"
 * and "F202642" (no dashes, no leading zeros), bare keys "202600042" and "202642" (no prefix).
 */
export function invoiceNumberKeys(number: string): { full: string[]; bare: string[] } {
  return numberKeysOf(textTokens(number));
}

/** "FR76 3000-6000 0112 3456 7890 189" -> "FR7630006000011234567890189". */
export const normalizeIbanForMatching = (iban: string | null | undefined): string =>
  (iban ?? '').replace(/[^A-Za-z0-9]/g, '').toUpperCase();

const NAME_STOPWORDS = new Set([
  'SA', 'SAS', 'SASU', 'SARL', 'EURL', 'SCI', 'SNC', 'SCP', 'SCM', 'SELARL', 'SCOP', 'EI', 'EIRL', 'GIE',
  'STE', 'STES', 'SOCIETE', 'ETS', 'ETABLISSEMENTS', 'CIE', 'COMPAGNIE', 'GROUPE',
  'LE', 'LA', 'LES', 'DE', 'DU', 'DES', 'ET', 'EN', 'AU', 'AUX',
  'M', 'MR', 'MME', 'MLLE', 'MM', 'MMES', 'MONSIEUR', 'MADAME', 'MADEMOISELLE',
]); // prettier-ignore

/** A name's meaningful tokens: "SARL Dupont & Fils" -> {DUPONT, FILS}. */
export function nameTokens(name: string | null | undefined): Set<string> {
  return new Set(textTokens(name).filter((t) => t.length >= 2 && !NAME_STOPWORDS.has(t)));
}

// ---------------------------------------------------------------------------------------------
// Index

/** An open invoice as the index holds it (its balance follows `applyProposal`). */
export interface IndexedInvoice {
  invoiceId: string;
  number: string;
  customerId: string;
  customerName: string;
  dueDate: string;
  balance: Money;
  amountKey: string;
  keys: { full: string[]; bare: string[] };
}

/** A direct-debit batch as the index holds it (what is left to credit follows `applyProposal`). */
export interface IndexedBatch {
  batchId: string;
  reference: string;
  amount: Money;
  amountKey: string;
  key: string;
  settled: boolean;
  submittedOn: string;
  blocks: { reference: string; key: string; amount: Money }[];
}

/** A direct-debit collection as the index holds it (collected once its batch's credit is matched). */
export interface IndexedItem extends Omit<DirectDebitItemCandidate, 'amount'> {
  amount: Money;
  keys: string[];
  mandateKey: string;
}

/** The candidates arranged for lookups; build once per matching run, update with `applyProposal`. */
export interface MatchingIndex {
  readonly today: string;
  readonly invoices: Map<string, IndexedInvoice>;
  readonly byNumberKey: Map<string, IndexedInvoice[]>;
  readonly byBareNumberKey: Map<string, IndexedInvoice[]>;
  readonly byAmount: Map<string, IndexedInvoice[]>;
  /** Each customer's open invoices, oldest due date first. */
  readonly byCustomer: Map<string, IndexedInvoice[]>;
  readonly customersByIban: Map<string, string[]>;
  readonly customerNameTokens: Map<string, Set<string>>;
  readonly customersByNameToken: Map<string, string[]>;
  readonly batches: Map<string, IndexedBatch>;
  /** By the batch's message id, and by each of its blocks' ids. */
  readonly batchesByReference: Map<string, IndexedBatch[]>;
  /** Submitted batches only (one settled by hand is named, never guessed from an amount). */
  readonly batchesByAmount: Map<string, IndexedBatch[]>;
  readonly items: Map<string, IndexedItem>;
  /** By end-to-end id and invoice number, as written. */
  readonly itemsByReference: Map<string, IndexedItem[]>;
  readonly itemsByMandate: Map<string, IndexedItem[]>;
  readonly itemsByBatch: Map<string, IndexedItem[]>;
  /** The longest reference, in tokens (at most 8): the widest text window to look at. */
  windowTokens: number;
  /** The shortest and longest key of `byNumberKey`, `byBareNumberKey`, `batchesByReference` and `itemsByReference`: a text window of another length is no reference. */
  keyLengths: { min: number; max: number };
}

const amountKeyOf = (amount: Money) => toAmount(amount);

/** A positive amount written as `toAmount` writes it ("1234.50"), which is then its own key. */
const CANONICAL_AMOUNT = /^(0|[1-9]\d*)\.\d\d$/;
/** What `parseDecimal(…, 4)` accepts without a doubt: up to 4 decimals. */
const PLAIN_DECIMAL = /^-?\d+(\.\d{1,4})?$/;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function remove<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

/** Plain code-unit order: ISO dates and legal numbers sort right with it, and much faster than a collation. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byDueDateThenNumber = (a: IndexedInvoice, b: IndexedInvoice) => compareText(a.dueDate, b.dueDate) || compareText(a.number, b.number);

function indexInvoice(index: MatchingIndex, candidate: OpenInvoiceCandidate, position: number): void {
  // The balance as parseDecimal reads it (the field's name is only built for its error).
  const text = candidate.openBalance;
  const balance = PLAIN_DECIMAL.test(text) ? new Money(text) : parseDecimal(text, `invoices[${position}].openBalance`);
  if (!balance.greaterThan(0) || index.invoices.has(candidate.invoiceId)) return;
  const groups = textTokens(candidate.number);
  const amountKey = CANONICAL_AMOUNT.test(text) ? text : amountKeyOf(balance);
  const invoice: IndexedInvoice = { ...candidate, balance, amountKey, keys: numberKeysOf(groups) };
  index.invoices.set(invoice.invoiceId, invoice);
  for (const k of invoice.keys.full) {
    push(index.byNumberKey, k, invoice);
    widenKeyLengths(index, k);
  }
  for (const k of invoice.keys.bare) {
    push(index.byBareNumberKey, k, invoice);
    widenKeyLengths(index, k);
  }
  push(index.byAmount, invoice.amountKey, invoice);
  push(index.byCustomer, invoice.customerId, invoice);
  widenWindow(index, groups.length);
  if (!index.customerNameTokens.has(invoice.customerId)) {
    const tokens = nameTokens(invoice.customerName);
    index.customerNameTokens.set(invoice.customerId, tokens);
    tokens.forEach((t) => push(index.customersByNameToken, t, invoice.customerId));
  }
}

function indexBankAccount(index: MatchingIndex, account: CustomerBankAccount): void {
  const iban = normalizeIbanForMatching(account.iban);
  if (iban && !index.customersByIban.get(iban)?.includes(account.customerId)) push(index.customersByIban, iban, account.customerId);
}

function indexBatch(index: MatchingIndex, candidate: DirectDebitBatchCandidate, position: number): void {
  const amount = parseDecimal(candidate.amount, `directDebitBatches[${position}].amount`);
  const tokens = textTokens(candidate.reference);
  if (tokens.length === 0 || !amount.greaterThan(0) || index.batches.has(candidate.batchId)) return;
  const blocks = candidate.blocks.map((block, i) => ({
    reference: block.reference,
    key: textTokens(block.reference).join(''),
    amount: parseDecimal(block.amount, `directDebitBatches[${position}].blocks[${i}].amount`),
  }));
  const batch: IndexedBatch = { ...candidate, amount, amountKey: amountKeyOf(amount), key: tokens.join(''), blocks };
  index.batches.set(batch.batchId, batch);
  for (const key of new Set([batch.key, ...blocks.map((b) => b.key)])) {
    push(index.batchesByReference, key, batch);
    widenKeyLengths(index, key);
  }
  if (!batch.settled) push(index.batchesByAmount, batch.amountKey, batch);
  widenWindow(index, Math.max(tokens.length, ...candidate.blocks.map((b) => textTokens(b.reference).length)));
}

/** How an end-to-end id or an invoice number is looked for: as written without separators, and with leading zeros dropped. */
const referenceKeys = (text: string) => numberKeysOf(textTokens(text)).full;

function indexItem(index: MatchingIndex, candidate: DirectDebitItemCandidate, position: number): void {
  if (index.items.has(candidate.itemId)) return;
  const amount = parseDecimal(candidate.amount, `directDebitItems[${position}].amount`);
  const keys = [...new Set([...referenceKeys(candidate.endToEndId), ...referenceKeys(candidate.invoiceNumber)])];
  const item: IndexedItem = { ...candidate, amount, keys, mandateKey: textTokens(candidate.mandateReference).join('') };
  index.items.set(item.itemId, item);
  for (const key of keys) {
    push(index.itemsByReference, key, item);
    widenKeyLengths(index, key);
  }
  if (item.mandateKey) push(index.itemsByMandate, item.mandateKey, item);
  push(index.itemsByBatch, item.batchId, item);
  widenWindow(index, Math.max(textTokens(candidate.endToEndId).length, textTokens(candidate.invoiceNumber).length));
}

function widenWindow(index: MatchingIndex, tokens: number): void {
  index.windowTokens = Math.min(MAX_WINDOW_TOKENS, Math.max(index.windowTokens, tokens));
}

function widenKeyLengths(index: MatchingIndex, key: string): void {
  if (key.length < index.keyLengths.min) index.keyLengths.min = key.length;
  if (key.length > index.keyLengths.max) index.keyLengths.max = key.length;
}

/** Indexes the open invoices (balance > 0), the customers' IBANs, and the direct-debit batches and collections of one tenant. */
export function buildMatchingIndex(candidates: MatchingCandidates): MatchingIndex {
  const index: MatchingIndex = {
    today: candidates.today,
    invoices: new Map(),
    byNumberKey: new Map(),
    byBareNumberKey: new Map(),
    byAmount: new Map(),
    byCustomer: new Map(),
    customersByIban: new Map(),
    customerNameTokens: new Map(),
    customersByNameToken: new Map(),
    batches: new Map(),
    batchesByReference: new Map(),
    batchesByAmount: new Map(),
    items: new Map(),
    itemsByReference: new Map(),
    itemsByMandate: new Map(),
    itemsByBatch: new Map(),
    windowTokens: 1,
    keyLengths: { min: Infinity, max: 0 },
  };
  candidates.invoices.forEach((invoice, i) => indexInvoice(index, invoice, i));
  index.byCustomer.forEach((list) => list.sort(byDueDateThenNumber));
  candidates.bankAccounts.forEach((account) => indexBankAccount(index, account));
  candidates.directDebitBatches.forEach((batch, i) => indexBatch(index, batch, i));
  candidates.directDebitItems.forEach((item, i) => indexItem(index, item, i));
  return index;
}

function unindexInvoice(index: MatchingIndex, invoice: IndexedInvoice): void {
  index.invoices.delete(invoice.invoiceId);
  invoice.keys.full.forEach((k) => remove(index.byNumberKey, k, invoice));
  invoice.keys.bare.forEach((k) => remove(index.byBareNumberKey, k, invoice));
  remove(index.byAmount, invoice.amountKey, invoice);
  remove(index.byCustomer, invoice.customerId, invoice);
}

function unindexBatch(index: MatchingIndex, batch: IndexedBatch): void {
  for (const key of new Set([batch.key, ...batch.blocks.map((b) => b.key)])) remove(index.batchesByReference, key, batch);
  remove(index.batchesByAmount, batch.amountKey, batch);
  index.batches.delete(batch.batchId);
}

function unindexItem(index: MatchingIndex, item: IndexedItem): void {
  index.items.delete(item.itemId);
  item.keys.forEach((k) => remove(index.itemsByReference, k, item));
  remove(index.itemsByMandate, item.mandateKey, item);
  remove(index.itemsByBatch, item.batchId, item);
}

/** Lowers an invoice's open balance in the index by what was paid on it (a settled invoice is no longer a candidate). */
function settleInIndex(index: MatchingIndex, invoiceId: string, paid: Money): void {
  const invoice = index.invoices.get(invoiceId);
  if (!invoice) return;
  const balance = invoice.balance.minus(paid);
  if (!balance.greaterThan(0)) return unindexInvoice(index, invoice);
  remove(index.byAmount, invoice.amountKey, invoice);
  invoice.balance = balance;
  invoice.amountKey = amountKeyOf(balance);
  push(index.byAmount, invoice.amountKey, invoice);
}

/**
 * A batch credited by `movement`: a submitted one is settled on its booking date (its pending
 * items collected, their invoices paid), and what is left to credit is what it collected less
 * this credit (a payment block credited apart leaves the others).
 */
function creditBatch(index: MatchingIndex, batch: IndexedBatch, movement: Pick<MovementToMatch, 'amount' | 'bookingDate'>): void {
  unindexBatch(index, batch);
  if (!batch.settled)
    for (const item of index.itemsByBatch.get(batch.batchId) ?? []) {
      if (item.state !== 'PENDING') continue;
      item.state = 'COLLECTED';
      item.settledOn = movement.bookingDate;
      settleInIndex(index, item.invoiceId, item.amount);
    }
  const left = batch.amount.minus(parseDecimal(movement.amount, 'amount', 2));
  if (!left.greaterThan(0)) return;
  Object.assign(batch, { settled: true, amount: left, amountKey: amountKeyOf(left), blocks: [] });
  index.batches.set(batch.batchId, batch);
  push(index.batchesByReference, batch.key, batch);
}

/**
 * Records a confirmed or automatic match of `movement` in the index, so the next movements of the
 * run see its effects: invoices' new open balances (a settled invoice is no longer a candidate),
 * a batch credited (its items collected), a collection returned (no longer returnable).
 */
export function applyProposal(index: MatchingIndex, proposal: Proposal, movement: Pick<MovementToMatch, 'amount' | 'bookingDate'>): void {
  const batch = proposal.kind === 'DIRECT_DEBIT_BATCH' && proposal.batchId ? index.batches.get(proposal.batchId) : undefined;
  if (batch) creditBatch(index, batch, movement);
  const item = proposal.kind === 'DIRECT_DEBIT_RETURN' && proposal.itemId ? index.items.get(proposal.itemId) : undefined;
  if (item) unindexItem(index, item);
  proposal.allocations.forEach((allocation, i) =>
    settleInIndex(index, allocation.invoiceId, parseDecimal(allocation.amount, `allocations[${i}].amount`)),
  );
}

// ---------------------------------------------------------------------------------------------
// Evidence found in one movement

interface References {
  /** Invoices whose full number is written, in the order they appear. */
  numbers: IndexedInvoice[];
  /** Invoices whose number is written without its prefix only. */
  bareNumbers: IndexedInvoice[];
  batches: IndexedBatch[];
  /** Direct-debit collections whose end-to-end id or invoice number is written. */
  items: IndexedItem[];
}

/**
 * Looks up every run of 1..n consecutive tokens of the texts, glued as written and with leading
 * zeros dropped, in order. Runs of a length no key has are skipped (a run only gets longer as it
 * takes more tokens), and so are runs already looked up: what they find is found already.
 */
function findReferences(movement: MovementToMatch, index: MatchingIndex): References {
  const numbers = new Set<IndexedInvoice>();
  const bare = new Set<IndexedInvoice>();
  const batches = new Set<IndexedBatch>();
  const items = new Set<IndexedItem>();
  const { min, max } = index.keyLengths;
  const seen = new Set<string>();
  const lookUp = (key: string) => {
    if (key.length < min || seen.has(key)) return;
    seen.add(key);
    index.byNumberKey.get(key)?.forEach((inv) => numbers.add(inv));
    index.byBareNumberKey.get(key)?.forEach((inv) => bare.add(inv));
    index.batchesByReference.get(key)?.forEach((b) => batches.add(b));
    index.itemsByReference.get(key)?.forEach((item) => items.add(item));
  };
  for (const text of [movement.label, movement.remittanceInfo, movement.endToEndId, movement.batchReference]) {
    const tokens = textTokens(text);
    const strippedTokens = tokens.map(stripLeadingZeros);
    for (let start = 0; start < tokens.length; start++) {
      let raw = '';
      let stripped = '';
      for (let end = start; end < tokens.length && end - start < index.windowTokens; end++) {
        raw += tokens[end]!;
        stripped += strippedTokens[end]!;
        if (stripped.length > max) break; // and so is `raw`, never shorter
        if (raw.length <= max) lookUp(raw);
        if (stripped !== raw) lookUp(stripped);
      }
    }
  }
  // "2026-00042" inside "F-2026-00042" is not a second, prefix-less citation (of A-2026-00042, say).
  const covered = new Set([...numbers].flatMap((inv) => inv.keys.bare));
  const bareOnly = [...bare].filter((inv) => !numbers.has(inv) && !inv.keys.bare.some((k) => covered.has(k)));
  return { numbers: [...numbers], bareNumbers: bareOnly, batches: [...batches], items: [...items] };
}

/** Customers whose name shares at least half of the shorter name's tokens with the payer's name. */
function customersNamedLike(payerName: string | null, index: MatchingIndex): Set<string> {
  const payer = nameTokens(payerName);
  const shared = new Map<string, number>();
  for (const token of payer) {
    const customers = index.customersByNameToken.get(token);
    if (!customers || customers.length > MAX_CUSTOMERS_PER_NAME_TOKEN) continue;
    customers.forEach((c) => shared.set(c, (shared.get(c) ?? 0) + 1));
  }
  const alike = new Set<string>();
  shared.forEach((count, customerId) => {
    const own = index.customerNameTokens.get(customerId)?.size ?? 0;
    if (count / Math.min(payer.size, own) >= NAME_RESEMBLANCE) alike.add(customerId);
  });
  return alike;
}

// ---------------------------------------------------------------------------------------------
// Candidates

type Evidence = 'REFERENCE' | 'CIRCUMSTANTIAL';

interface Candidate {
  proposal: Proposal;
  sure: boolean;
  evidence: Evidence;
  key: string;
  oldestDue: string;
}

interface Movement {
  amount: Money;
  amountKey: string;
  source: MovementToMatch;
}

const euros = (amount: Money) => `${formatFr(toAmount(amount), 2)} €`;
const numbersOf = (invoices: readonly IndexedInvoice[]) => invoices.map((i) => i.number).join(', ');
const sumOf = (invoices: readonly IndexedInvoice[]) => invoices.reduce((s, i) => s.plus(i.balance), MONEY_ZERO);

function invoicesCandidate(
  allocations: { invoice: IndexedInvoice; amount: Money }[],
  score: number,
  reason: string,
  evidence: Evidence,
  sure = false,
): Candidate {
  const list = allocations.map((a) => ({ invoiceId: a.invoice.invoiceId, amount: toAmount(a.amount) }));
  return {
    proposal: { kind: 'INVOICES', allocations: list, score, reason },
    sure,
    evidence,
    key: list
      .map((a) => `${a.invoiceId}:${a.amount}`)
      .sort()
      .join('|'),
    oldestDue: allocations.map((a) => a.invoice.dueDate).sort()[0] ?? '',
  };
}

const inFull = (invoices: readonly IndexedInvoice[]) => invoices.map((invoice) => ({ invoice, amount: invoice.balance }));

/** The movement spread over the invoices, oldest due date first, each up to its open balance. */
function oldestFirst(invoices: readonly IndexedInvoice[], amount: Money): { invoice: IndexedInvoice; amount: Money }[] {
  let left = amount;
  const allocations: { invoice: IndexedInvoice; amount: Money }[] = [];
  for (const invoice of [...invoices].sort(byDueDateThenNumber)) {
    if (!left.greaterThan(0)) break;
    const part = left.lessThan(invoice.balance) ? left : invoice.balance;
    allocations.push({ invoice, amount: part });
    left = left.minus(part);
  }
  return allocations;
}

/** (a) and its weaker forms: numbers written in the texts, with or without their prefix. */
function numberCandidates(m: Movement, found: readonly IndexedInvoice[], withPrefix: boolean): Candidate[] {
  if (found.length === 0) return [];
  const label = withPrefix ? (found.length > 1 ? 'Numéros' : 'Numéro') : found.length > 1 ? 'Numéros sans préfixe' : 'Numéro sans préfixe';
  const cited = `${label} ${numbersOf(found)} dans le libellé`;
  const total = sumOf(found);
  if (m.amount.equals(total)) {
    const reason = found.length > 1 ? `${cited}, montant égal à leur total` : `${cited}, montant exact`;
    const score = withPrefix ? MATCH_SCORES.numberExact : MATCH_SCORES.numberWithoutPrefixExact;
    return [invoicesCandidate(inFull(found), score, reason, 'REFERENCE', withPrefix)];
  }
  const candidates: Candidate[] = [];
  if (found.length > 1)
    for (const invoice of found.filter((i) => i.balance.equals(m.amount))) {
      const others = numbersOf(found.filter((i) => i !== invoice));
      const reason = `${withPrefix ? 'Numéro' : 'Numéro sans préfixe'} ${invoice.number} dans le libellé, montant exact (autres numéros cités : ${others})`;
      candidates.push(invoicesCandidate(inFull([invoice]), MATCH_SCORES.oneOfSeveralNumbersExact, reason, 'REFERENCE'));
    }
  if (m.amount.lessThan(total)) {
    const reason = `${cited}, paiement partiel de ${euros(m.amount)} sur ${euros(total)}${found.length > 1 ? ' (affecté aux plus anciennes)' : ''}`;
    const score = withPrefix ? MATCH_SCORES.numberPartialPayment : MATCH_SCORES.numberWithoutPrefixPartial;
    candidates.push(invoicesCandidate(oldestFirst(found, m.amount), score, reason, 'REFERENCE'));
  } else {
    const reason = `${cited}, montant supérieur au solde de ${euros(total)} (excédent de ${euros(m.amount.minus(total))})`;
    const score = withPrefix ? MATCH_SCORES.numberOverpayment : MATCH_SCORES.numberWithoutPrefixOverpayment;
    candidates.push(invoicesCandidate(inFull(found), score, reason, 'REFERENCE'));
  }
  return candidates;
}

/** The batches all transactions of a batch booking are collections of (by their end-to-end ids). */
function batchesOfDetails(m: Movement, index: MatchingIndex): IndexedBatch[] {
  const [first, ...others] = (m.source.detailEndToEndIds ?? []).map(
    (id) =>
      new Set(
        referenceKeys(id).flatMap((k) => (index.itemsByReference.get(k) ?? []).map((i) => i.batchId).filter((b) => index.batches.has(b))),
      ),
  );
  if (!first) return [];
  return [...first].filter((batchId) => others.every((ids) => ids.has(batchId))).map((batchId) => index.batches.get(batchId)!);
}

function batchCandidate(batch: IndexedBatch, score: number, reason: string, evidence: Evidence, sure = false): Candidate {
  return {
    proposal: { kind: 'DIRECT_DEBIT_BATCH', allocations: [], batchId: batch.batchId, score, reason },
    sure,
    evidence,
    key: `batch:${batch.batchId}`,
    oldestDue: '',
  };
}

/** A batch the credit names: sure when it is what the bank still has to credit for it (the batch, or one of its payment blocks). */
function namedBatchCandidate(m: Movement, batch: IndexedBatch, cited: string, index: MatchingIndex): Candidate {
  const date = m.source.bookingDate;
  const problem =
    date < batch.submittedOn
      ? `crédit antérieur à l’envoi du fichier (${frenchDate(batch.submittedOn)})`
      : date > index.today
        ? 'crédit daté de demain ou plus tard'
        : null;
  const byHand = batch.settled ? ', déjà encaissée à la main' : '';
  if (batch.amount.equals(m.amount))
    return problem
      ? batchCandidate(batch, MATCH_SCORES.batchReferenceOtherAmount, `${cited}, montant exact, mais ${problem}`, 'REFERENCE')
      : batchCandidate(batch, MATCH_SCORES.batchReferenceExact, `${cited}, montant exact${byHand}`, 'REFERENCE', true);
  const block = batch.blocks.find((b) => b.amount.equals(m.amount));
  if (block && !problem)
    return batchCandidate(
      batch,
      MATCH_SCORES.batchBlockExact,
      `${cited}, montant exact du bloc ${block.reference} (la banque crédite chaque bloc du fichier à part)`,
      'REFERENCE',
      true,
    );
  const gap = batch.amount.minus(m.amount);
  const difference = gap.greaterThan(0)
    ? `montant inférieur de ${euros(gap)} à la remise de ${euros(batch.amount)} : rejets déduits par la banque ? Enregistrez-les avant de rapprocher`
    : `montant supérieur de ${euros(gap.negated())} à la remise de ${euros(batch.amount)}`;
  return batchCandidate(batch, MATCH_SCORES.batchReferenceOtherAmount, `${cited}, ${problem ?? difference}`, 'REFERENCE');
}

/** (c) and its weaker forms: a direct-debit batch named by its reference or by its transactions, or by its amount alone. */
function batchCandidates(m: Movement, references: References, index: MatchingIndex): Candidate[] {
  const named = new Map<IndexedBatch, string>();
  for (const batch of references.batches) named.set(batch, `Remise de prélèvements ${batch.reference} dans le libellé`);
  for (const batch of batchesOfDetails(m, index))
    if (!named.has(batch)) named.set(batch, `Prélèvements de la remise ${batch.reference} dans le détail de l’écriture`);
  if (named.size > 0) return [...named].map(([batch, cited]) => namedBatchCandidate(m, batch, cited, index));
  const sameAmount = index.batchesByAmount.get(m.amountKey) ?? [];
  if (sameAmount.length > MAX_SAME_AMOUNT_CANDIDATES) return [];
  const score = sameAmount.length === 1 ? MATCH_SCORES.batchAmountOnly : MATCH_SCORES.batchAmountSeveral;
  return sameAmount.map((b) =>
    batchCandidate(b, score, `Montant égal à la remise de prélèvements ${b.reference}, sans référence`, 'CIRCUMSTANTIAL'),
  );
}

/**
 * The reason a returned debit gives: the bank's code (CAMT RtrInf), else a known ISO 20022 code
 * written in its label or remittance ("IMPAYE PRLV … MOTIF AM04").
 */
export function returnReasonCodeOf(movement: Pick<MovementToMatch, 'returnReasonCode' | 'label' | 'remittanceInfo'>): string | null {
  const given = movement.returnReasonCode?.trim().toUpperCase();
  if (given) return given;
  return [...textTokens(movement.label), ...textTokens(movement.remittanceInfo)].find((t) => Object.hasOwn(RETURN_REASONS, t)) ?? null;
}

/** (d) and its weaker forms: the collections a debit names (by end-to-end id or invoice number, else by mandate and amount). */
function returnCandidates(m: Movement, references: References, index: MatchingIndex): Candidate[] {
  const reasonCode = returnReasonCodeOf(m.source);
  const motif = reasonCode ? `, motif ${reasonCode}${RETURN_REASONS[reasonCode] ? ` (${RETURN_REASONS[reasonCode]})` : ''}` : '';
  const candidate = (item: IndexedItem, score: number, reason: string, sure = false): Candidate => ({
    proposal: {
      kind: 'DIRECT_DEBIT_RETURN',
      allocations: [],
      batchId: item.batchId,
      itemId: item.itemId,
      ...(reasonCode ? { returnReasonCode: reasonCode } : {}),
      score,
      reason,
    },
    sure,
    evidence: 'REFERENCE',
    key: `item:${item.itemId}`,
    oldestDue: '',
  });
  const date = m.source.bookingDate;
  /** A named collection: sure when it was collected, has the debit's amount, and the debit is dated from its settlement to today. */
  const named = (item: IndexedItem, cited: string, sureScore: number): Candidate => {
    if (!item.amount.equals(m.amount))
      return candidate(item, MATCH_SCORES.returnOtherAmount, `${cited}, montant différent (prélèvement de ${euros(item.amount)})${motif}`);
    if (item.state === 'PENDING')
      return candidate(
        item,
        MATCH_SCORES.returnNotYetPossible,
        `${cited}, montant exact${motif}, mais la remise ${item.batchReference} n’est pas encore encaissée : rapprochez d’abord son crédit`,
      );
    if (date < item.settledOn! || date > index.today)
      return candidate(
        item,
        MATCH_SCORES.returnOtherAmount,
        `${cited}, montant exact${motif}, mais daté hors de la période possible (remise encaissée le ${frenchDate(item.settledOn!)})`,
      );
    const byHand = item.state === 'RETURNED' ? ', rejet déjà enregistré à la main' : '';
    return candidate(item, sureScore, `${cited}, montant exact${motif}${byHand}`, true);
  };
  const describe = (item: IndexedItem) => `${item.invoiceNumber} (${item.customerName}, remise ${item.batchReference})`;
  if (references.items.length > 0)
    return references.items.map((item) =>
      named(item, `Impayé du prélèvement ${describe(item)} : référence dans le libellé`, MATCH_SCORES.returnReferenceExact),
    );
  const ofMandate = (index.itemsByMandate.get(textTokens(m.source.mandateId).join('')) ?? []).filter((i) => i.amount.equals(m.amount));
  if (ofMandate.length === 1)
    return [
      named(
        ofMandate[0]!,
        `Impayé du prélèvement ${describe(ofMandate[0]!)} : mandat ${ofMandate[0]!.mandateReference}`,
        MATCH_SCORES.returnMandateUniqueAmount,
      ),
    ];
  // Several collections of that amount under the mandate (a monthly fee): the latest first, for the accountant to choose.
  return [...ofMandate]
    .sort((a, b) => compareText(b.settledOn ?? '9999', a.settledOn ?? '9999'))
    .slice(0, MAX_PROPOSALS)
    .map((item, rank) =>
      candidate(
        item,
        MATCH_SCORES.returnMandateSeveralSameAmount - rank,
        `Mandat ${item.mandateReference} : ${ofMandate.length} prélèvements de ce montant, dont ${describe(item)}${motif}`,
      ),
    );
}

/** Open invoices with exactly the movement's amount, grouped by customer, for the customers given. */
function sameAmountByCustomer(m: Movement, index: MatchingIndex, customers: ReadonlySet<string>): Map<string, IndexedInvoice[]> {
  const grouped = new Map<string, IndexedInvoice[]>();
  if (customers.size === 0) return grouped;
  for (const invoice of index.byAmount.get(m.amountKey) ?? [])
    if (customers.has(invoice.customerId)) push(grouped, invoice.customerId, invoice);
  grouped.forEach((list) => list.sort(byDueDateThenNumber));
  return grouped;
}

/** (b) and its weaker form: the payer's IBAN is known, the amount is one (or several) of that customer's balances. */
function ibanCandidates(m: Movement, index: MatchingIndex, customers: ReadonlySet<string>): Candidate[] {
  const candidates: Candidate[] = [];
  sameAmountByCustomer(m, index, customers).forEach((invoices) => {
    const customer = invoices[0]!.customerName;
    if (invoices.length === 1) {
      const reason = `IBAN du payeur connu pour ${customer}, montant exact de la facture ${invoices[0]!.number}`;
      candidates.push(invoicesCandidate(inFull(invoices), MATCH_SCORES.ibanUniqueAmount, reason, 'CIRCUMSTANTIAL', true));
      return;
    }
    invoices.slice(0, MAX_PROPOSALS).forEach((invoice, rank) => {
      const reason = `IBAN du payeur connu pour ${customer}, montant égal à ${invoices.length} factures : ${invoice.number}${rank === 0 ? ' (la plus ancienne)' : ''}`;
      candidates.push(invoicesCandidate(inFull([invoice]), MATCH_SCORES.ibanSeveralSameAmount - rank, reason, 'CIRCUMSTANTIAL'));
    });
  });
  return candidates;
}

function payerNameCandidates(m: Movement, index: MatchingIndex, customers: ReadonlySet<string>): Candidate[] {
  const candidates: Candidate[] = [];
  sameAmountByCustomer(m, index, customers).forEach((invoices) => {
    const single = invoices.length === 1;
    invoices.slice(0, MAX_PROPOSALS).forEach((invoice, rank) => {
      const reason = `Nom du payeur « ${m.source.counterpartyName} » proche du client ${invoice.customerName}, montant exact de la facture ${invoice.number}`;
      const score = single ? MATCH_SCORES.payerNameUniqueAmount : MATCH_SCORES.payerNameSeveralSameAmount - rank;
      candidates.push(invoicesCandidate(inFull([invoice]), score, reason, 'CIRCUMSTANTIAL'));
    });
  });
  return candidates;
}

function amountOnlyCandidates(m: Movement, index: MatchingIndex): Candidate[] {
  const invoices = index.byAmount.get(m.amountKey) ?? [];
  if (invoices.length === 0 || invoices.length > MAX_SAME_AMOUNT_CANDIDATES) return [];
  if (invoices.length === 1)
    return [
      invoicesCandidate(
        inFull(invoices),
        MATCH_SCORES.amountOnlyUnique,
        `Montant exact de la facture ${invoices[0]!.number} (${invoices[0]!.customerName}), seule facture ouverte de ce montant, sans référence`,
        'CIRCUMSTANTIAL',
      ),
    ];
  return [...invoices]
    .sort(byDueDateThenNumber)
    .map((invoice) =>
      invoicesCandidate(
        inFull([invoice]),
        MATCH_SCORES.amountOnlySeveral,
        `Montant exact de la facture ${invoice.number} (${invoice.customerName}), ${invoices.length} factures ouvertes de ce montant, sans référence`,
        'CIRCUMSTANTIAL',
      ),
    );
}

/** Up to 3 sets of 2 or 3 open invoices of the customer adding up exactly to `amount`, oldest invoices first. */
export function invoiceCombinations<T extends { balance: Money }>(
  invoices: readonly T[],
  amount: Money,
  limit = MAX_COMBINATIONS_PER_CUSTOMER,
): T[][] {
  const pairPool = invoices.slice(0, MAX_PAIR_INVOICES);
  const cents = inCents([amount, ...pairPool.map((inv) => inv.balance)]);
  if (cents) return combinationsInCents(pairPool, cents[0]!, cents.slice(1), limit);
  const found: T[][] = [];
  const positions = new Map<string, number[]>();
  pairPool.forEach((inv, i) => push(positions, amountKeyOf(inv.balance), i));
  const after = (key: string, i: number) => positions.get(key)?.find((k) => k > i);
  for (let i = 0; i < pairPool.length && found.length < limit; i++) {
    const rest = amount.minus(pairPool[i]!.balance);
    const j = rest.greaterThan(0) ? after(amountKeyOf(rest), i) : undefined;
    if (j !== undefined) found.push([pairPool[i]!, pairPool[j]!]);
  }
  const triplePool = invoices.slice(0, MAX_TRIPLE_INVOICES);
  for (let i = 0; i < triplePool.length && found.length < limit; i++) {
    for (let j = i + 1; j < triplePool.length && found.length < limit; j++) {
      const rest = amount.minus(triplePool[i]!.balance).minus(triplePool[j]!.balance);
      const k = rest.greaterThan(0) ? after(amountKeyOf(rest), j) : undefined;
      if (k !== undefined && k < triplePool.length) found.push([triplePool[i]!, triplePool[j]!, triplePool[k]!]);
    }
  }
  return found;
}

/** Amounts of at most 2 decimals as whole cents, or null when one has more decimals or is too large to add up exactly. */
function inCents(amounts: readonly Money[]): number[] | null {
  const cents: number[] = [];
  for (const amount of amounts) {
    if (amount.decimalPlaces() > 2) return null;
    const value = Number(toAmount(amount).replace('.', ''));
    if (!Number.isSafeInteger(value) || Math.abs(value) > 2 ** 48) return null;
    cents.push(value);
  }
  return cents;
}

/** `invoiceCombinations` on amounts in whole cents: the same search, the same order, in integers. */
function combinationsInCents<T>(pairPool: readonly T[], amount: number, balances: readonly number[], limit: number): T[][] {
  const found: T[][] = [];
  const positions = new Map<number, number[]>();
  balances.forEach((balance, i) => push(positions, balance, i));
  const after = (key: number, i: number) => positions.get(key)?.find((k) => k > i);
  for (let i = 0; i < pairPool.length && found.length < limit; i++) {
    const rest = amount - balances[i]!;
    const j = rest > 0 ? after(rest, i) : undefined;
    if (j !== undefined) found.push([pairPool[i]!, pairPool[j]!]);
  }
  const triples = Math.min(pairPool.length, MAX_TRIPLE_INVOICES);
  for (let i = 0; i < triples && found.length < limit; i++) {
    for (let j = i + 1; j < triples && found.length < limit; j++) {
      const rest = amount - balances[i]! - balances[j]!;
      const k = rest > 0 ? after(rest, j) : undefined;
      if (k !== undefined && k < triples) found.push([pairPool[i]!, pairPool[j]!, pairPool[k]!]);
    }
  }
  return found;
}

interface IdentifiedCustomer {
  customerId: string;
  /** How the payer was recognised, for the reason ("IBAN connu", "nom proche", "numéro cité"). */
  how: string;
  strong: boolean;
}

function combinationCandidates(m: Movement, index: MatchingIndex, customers: readonly IdentifiedCustomer[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { customerId, how, strong } of customers.slice(0, MAX_COMBINATION_CUSTOMERS)) {
    const invoices = index.byCustomer.get(customerId) ?? [];
    for (const combination of invoiceCombinations(invoices, m.amount)) {
      const pair = combination.length === 2;
      const score = strong
        ? pair
          ? MATCH_SCORES.identifiedCustomerPair
          : MATCH_SCORES.identifiedCustomerTriple
        : pair
          ? MATCH_SCORES.namedCustomerPair
          : MATCH_SCORES.namedCustomerTriple;
      const reason = `Somme de ${combination.length} factures de ${combination[0]!.customerName} (${numbersOf(combination)}), ${how}`;
      candidates.push(invoicesCandidate(inFull(combination), score, reason, 'CIRCUMSTANTIAL'));
    }
  }
  return candidates;
}

function identifiedCustomers(ibanCustomers: Set<string>, references: References, namedLike: Set<string>): IdentifiedCustomer[] {
  const seen = new Set<string>();
  const list: IdentifiedCustomer[] = [];
  const add = (customerId: string, how: string, strong: boolean) => {
    if (seen.has(customerId)) return;
    seen.add(customerId);
    list.push({ customerId, how, strong });
  };
  ibanCustomers.forEach((c) => add(c, 'IBAN du payeur connu', true));
  references.numbers.forEach((inv) => add(inv.customerId, 'numéro de facture du client cité', true));
  namedLike.forEach((c) => add(c, 'nom du payeur proche', false));
  return list;
}

// ---------------------------------------------------------------------------------------------
// Decision

function bestFirst(candidates: readonly Candidate[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const c of candidates) {
    const kept = byKey.get(c.key);
    if (!kept || c.proposal.score > kept.proposal.score) byKey.set(c.key, c);
  }
  return [...byKey.values()].sort(
    (a, b) => b.proposal.score - a.proposal.score || compareText(a.oldestDue, b.oldestDue) || compareText(a.key, b.key),
  );
}

/**
 * Automatic only with one sure candidate: a reference match (a, c) unless another sure one exists;
 * an IBAN match (b) unless a reference or another strong clue points elsewhere.
 */
function isAutomatic(ranked: readonly Candidate[]): boolean {
  const sure = ranked.filter((c) => c.sure);
  if (sure.length !== 1) return false;
  const match = sure[0]!;
  if (match.evidence === 'REFERENCE') return true;
  return ranked.every((c) => c === match || (c.evidence !== 'REFERENCE' && c.proposal.score < CONFLICTING_SCORE));
}

const NO_MATCH: MatchResult = { decision: 'NONE', proposals: [] };

/** The collection a debit returns, if any: AUTO with the sure one first, PROPOSED, or NONE. */
function matchDebit(movement: MovementToMatch, amount: Money, index: MatchingIndex): MatchResult {
  if (index.items.size === 0) return NO_MATCH;
  const m: Movement = { amount, amountKey: amountKeyOf(amount), source: movement };
  const ranked = bestFirst(returnCandidates(m, findReferences(movement, index), index));
  if (ranked.length === 0) return NO_MATCH;
  return { decision: isAutomatic(ranked) ? 'AUTO' : 'PROPOSED', proposals: ranked.slice(0, MAX_PROPOSALS).map((c) => c.proposal) };
}

/**
 * The invoices (or the direct-debit batch) a credit pays, or the direct-debit collection a debit
 * returns: AUTO with the sure match first, PROPOSED with up to 5 proposals best first, or NONE.
 * Debits are never matched to invoices; zero amounts are never matched.
 */
export function matchMovement(movement: MovementToMatch, index: MatchingIndex): MatchResult {
  const amount = parseDecimal(movement.amount, 'amount', 2);
  if (amount.isNegative()) return matchDebit(movement, amount.negated(), index);
  if (!amount.greaterThan(0)) return NO_MATCH;
  const m: Movement = { amount, amountKey: amountKeyOf(amount), source: movement };
  const references = findReferences(movement, index);
  const ibanCustomers = new Set(index.customersByIban.get(normalizeIbanForMatching(movement.counterpartyIban)) ?? []);
  const namedLike = customersNamedLike(movement.counterpartyName, index);
  const candidates = [
    ...batchCandidates(m, references, index),
    ...numberCandidates(m, references.numbers, true),
    ...numberCandidates(m, references.bareNumbers, false),
    ...ibanCandidates(m, index, ibanCustomers),
    ...payerNameCandidates(m, index, namedLike),
    ...amountOnlyCandidates(m, index),
  ];
  if (!candidates.some((c) => c.sure))
    candidates.push(...combinationCandidates(m, index, identifiedCustomers(ibanCustomers, references, namedLike)));
  const ranked = bestFirst(candidates);
  if (ranked.length === 0) return NO_MATCH;
  return { decision: isAutomatic(ranked) ? 'AUTO' : 'PROPOSED', proposals: ranked.slice(0, MAX_PROPOSALS).map((c) => c.proposal) };
}
