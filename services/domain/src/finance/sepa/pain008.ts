import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { Money, sumAmounts } from '../../billing/money';
import { Errors, type FieldProblem } from '../../shared/errors';
import { DEFAULT_TIMEZONE, isLocalDate } from '../../shared/time';
import { bicProblems, ibanProblems, normalizeBic, normalizeIban } from './bank-account';
import { creditorIdProblems, normalizeCreditorId } from './creditor-identifier';
import { mandateReferenceProblems, SEQUENCE_TYPES, type SequenceType } from './mandate.rules';
import { sepaIdentifierProblem, sepaText } from './sepa-text';

/** A payment block's id (PmtInfId): the file's message id and the block's sequence type; the bank echoes it when it credits the block. */
export const paymentBlockId = (messageId: string, sequenceType: SequenceType) => `${messageId.slice(0, 30)}-${sequenceType}`;

/**
 * A SEPA Core direct debit file: ISO 20022 `pain.008.001.08` (CustomerDirectDebitInitiationV08)
 * as the EPC implementation guidelines use it. One payment information block per sequence type
 * (a bank books FRST and RCUR separately), batch booking, charges shared (SLEV). Amounts are
 * decimal strings summed exactly; names and texts are transliterated to the SEPA Latin set.
 */

export const PAIN_008_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.08';

/** EPC AT-06: at least 0.01, at most 999 999 999.99 EUR. */
const MAX_AMOUNT = new Money('999999999.99');
const AMOUNT_TEXT = /^\d+(\.\d{1,2})?$/;

export interface DirectDebitTransaction {
  endToEndId: string;
  instructionId?: string | null;
  /** EUR, at most 2 decimals ("120.50"). */
  amount: string;
  mandateId: string;
  /** YYYY-MM-DD. */
  mandateSignedOn: string;
  sequenceType: SequenceType;
  debtorName: string;
  debtorIban: string;
  debtorBic?: string | null;
  /** Unstructured remittance information (cut to 140 characters). */
  remittanceInfo: string;
}

export interface DirectDebitInitiation {
  messageId: string;
  createdAt: Date;
  initiatingPartyName: string;
  creditor: { name: string; iban: string; bic?: string | null; creditorId: string };
  /** Requested collection date, YYYY-MM-DD. */
  collectionDate: string;
  transactions: DirectDebitTransaction[];
  /** Zone of CreDtTm (local time, as bank samples write it). */
  timezone?: string;
}

export interface CollectionTotals {
  count: number;
  /** Exact sum, 2 decimals. */
  sum: string;
}

export interface DirectDebitTotals extends CollectionTotals {
  /** Per sequence type present, in the order FRST, RCUR, OOFF, FNAL (the file's payment blocks). */
  bySequenceType: ({ sequenceType: SequenceType } & CollectionTotals)[];
}

const totalsOf = (amounts: string[]): CollectionTotals => ({ count: amounts.length, sum: sumAmounts(amounts).toFixed(2) });

/** The number of transactions and control sum of a file, and of each of its payment blocks. */
export function directDebitTotals(transactions: readonly Pick<DirectDebitTransaction, 'amount' | 'sequenceType'>[]): DirectDebitTotals {
  return {
    ...totalsOf(transactions.map((t) => t.amount)),
    bySequenceType: SEQUENCE_TYPES.flatMap((sequenceType) => {
      const amounts = transactions.filter((t) => t.sequenceType === sequenceType).map((t) => t.amount);
      return amounts.length ? [{ sequenceType, ...totalsOf(amounts) }] : [];
    }),
  };
}

function identifierProblems(value: string | null | undefined, field: string): FieldProblem[] {
  const problem = sepaIdentifierProblem(value ?? '');
  return problem ? [{ field, message: problem }] : [];
}

function amountProblems(value: string, field: string): FieldProblem[] {
  if (typeof value !== 'string' || !AMOUNT_TEXT.test(value))
    return [{ field, message: 'montant positif attendu, 2 décimales au plus (ex. 120.50)' }];
  const amount = new Money(value);
  if (amount.lessThan('0.01')) return [{ field, message: 'au moins 0,01 €' }];
  if (amount.greaterThan(MAX_AMOUNT)) return [{ field, message: 'au plus 999 999 999,99 €' }];
  return [];
}

/** Every problem of the input at once, fields named as in the input (`transactions[1].debtorIban`). */
export function directDebitProblems(input: DirectDebitInitiation): FieldProblem[] {
  const problems: FieldProblem[] = [
    ...identifierProblems(input.messageId, 'messageId'),
    ...(input.createdAt instanceof Date && !Number.isNaN(input.createdAt.getTime())
      ? []
      : [{ field: 'createdAt', message: 'date et heure invalides' }]),
    ...(sepaText(input.initiatingPartyName ?? '', 70) ? [] : [{ field: 'initiatingPartyName', message: 'nom obligatoire' }]),
    ...(sepaText(input.creditor.name ?? '', 70) ? [] : [{ field: 'creditor.name', message: 'nom du créancier obligatoire' }]),
    ...ibanProblems(input.creditor.iban, 'creditor.iban', { sepaOnly: true }),
    ...(input.creditor.bic?.trim() ? bicProblems(input.creditor.bic, 'creditor.bic') : []),
    ...creditorIdProblems(input.creditor.creditorId, 'creditor.creditorId'),
    ...(isLocalDate(input.collectionDate ?? '') ? [] : [{ field: 'collectionDate', message: 'date invalide (AAAA-MM-JJ)' }]),
  ];
  if (!input.transactions.length) problems.push({ field: 'transactions', message: 'au moins un prélèvement' });
  input.transactions.forEach((t, i) => {
    const at = (name: string) => `transactions[${i}].${name}`;
    problems.push(
      ...identifierProblems(t.endToEndId, at('endToEndId')),
      ...(t.instructionId ? identifierProblems(t.instructionId, at('instructionId')) : []),
      ...amountProblems(t.amount, at('amount')),
      ...mandateReferenceProblems(t.mandateId, at('mandateId')),
      ...(!isLocalDate(t.mandateSignedOn ?? '')
        ? [{ field: at('mandateSignedOn'), message: 'date invalide (AAAA-MM-JJ)' }]
        : isLocalDate(input.collectionDate ?? '') && t.mandateSignedOn > input.collectionDate
          ? [{ field: at('mandateSignedOn'), message: 'mandat signé après la date de prélèvement' }]
          : []),
      ...(SEQUENCE_TYPES.includes(t.sequenceType) ? [] : [{ field: at('sequenceType'), message: 'FRST, RCUR, OOFF ou FNAL' }]),
      ...(sepaText(t.debtorName ?? '', 70) ? [] : [{ field: at('debtorName'), message: 'nom du débiteur obligatoire' }]),
      ...ibanProblems(t.debtorIban, at('debtorIban'), { sepaOnly: true }),
      ...(t.debtorBic?.trim() ? bicProblems(t.debtorBic, at('debtorBic')) : []),
    );
  });
  return problems;
}

function text(parent: XMLBuilder, name: string, value: string): XMLBuilder {
  return parent.ele(name).txt(value).up();
}

/** A bank by its BIC; without one, the EPC guidelines' "NOTPROVIDED" (IBAN-only, inside the EEA). */
function agent(parent: XMLBuilder, name: string, bic: string | null | undefined): void {
  const institution = parent.ele(name).ele('FinInstnId');
  if (bic?.trim()) text(institution, 'BICFI', normalizeBic(bic));
  else institution.ele('Othr').ele('Id').txt('NOTPROVIDED');
}

function account(parent: XMLBuilder, name: string, iban: string): void {
  parent.ele(name).ele('Id').ele('IBAN').txt(normalizeIban(iban));
}

function party(parent: XMLBuilder, name: string, partyName: string): void {
  parent.ele(name).ele('Nm').txt(sepaText(partyName, 70));
}

/**
 * The pain.008.001.08 XML of a collection. Refuses the whole file (VALIDATION_FAILED naming each
 * field) when anything in it is wrong: a bank rejects a file, not a line.
 */
export function buildPain008(input: DirectDebitInitiation): string {
  const problems = directDebitProblems(input);
  if (problems.length) throw Errors.validation(problems);
  const totals = directDebitTotals(input.transactions);
  const createdAt = format(new TZDate(input.createdAt, input.timezone ?? DEFAULT_TIMEZONE), "yyyy-MM-dd'T'HH:mm:ss");

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(PAIN_008_NAMESPACE, 'Document');
  const initiation = root.ele('CstmrDrctDbtInitn');
  const header = initiation.ele('GrpHdr');
  text(header, 'MsgId', input.messageId);
  text(header, 'CreDtTm', createdAt);
  text(header, 'NbOfTxs', String(totals.count));
  text(header, 'CtrlSum', totals.sum);
  party(header, 'InitgPty', input.initiatingPartyName);

  for (const block of totals.bySequenceType) {
    const info = initiation.ele('PmtInf');
    text(info, 'PmtInfId', paymentBlockId(input.messageId, block.sequenceType));
    text(info, 'PmtMtd', 'DD');
    text(info, 'BtchBookg', 'true');
    text(info, 'NbOfTxs', String(block.count));
    text(info, 'CtrlSum', block.sum);
    const type = info.ele('PmtTpInf');
    type.ele('SvcLvl').ele('Cd').txt('SEPA');
    type.ele('LclInstrm').ele('Cd').txt('CORE');
    text(type, 'SeqTp', block.sequenceType);
    text(info, 'ReqdColltnDt', input.collectionDate);
    party(info, 'Cdtr', input.creditor.name);
    account(info, 'CdtrAcct', input.creditor.iban);
    agent(info, 'CdtrAgt', input.creditor.bic);
    text(info, 'ChrgBr', 'SLEV');
    const scheme = info.ele('CdtrSchmeId').ele('Id').ele('PrvtId').ele('Othr');
    text(scheme, 'Id', normalizeCreditorId(input.creditor.creditorId));
    scheme.ele('SchmeNm').ele('Prtry').txt('SEPA');

    for (const t of input.transactions.filter((tx) => tx.sequenceType === block.sequenceType)) {
      const tx = info.ele('DrctDbtTxInf');
      const id = tx.ele('PmtId');
      if (t.instructionId) text(id, 'InstrId', t.instructionId);
      text(id, 'EndToEndId', t.endToEndId);
      tx.ele('InstdAmt', { Ccy: 'EUR' }).txt(new Money(t.amount).toFixed(2));
      const mandate = tx.ele('DrctDbtTx').ele('MndtRltdInf');
      text(mandate, 'MndtId', t.mandateId);
      text(mandate, 'DtOfSgntr', t.mandateSignedOn);
      agent(tx, 'DbtrAgt', t.debtorBic);
      party(tx, 'Dbtr', t.debtorName);
      account(tx, 'DbtrAcct', t.debtorIban);
      const remittance = sepaText(t.remittanceInfo ?? '', 140);
      if (remittance) tx.ele('RmtInf').ele('Ustrd').txt(remittance);
    }
  }
  return root.end({ prettyPrint: true });
}
