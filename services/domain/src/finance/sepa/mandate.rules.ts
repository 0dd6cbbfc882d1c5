import { Errors, type FieldProblem } from '../../shared/errors';
import { isLocalDate } from '../../shared/time';
import { bicProblems, ibanProblems } from './bank-account';
import { sepaIdentifierProblem, toSepaText } from './sepa-text';

/**
 * SEPA direct debit mandates (CORE scheme): the mandate reference ("RUM", référence unique de
 * mandat), which sequence type the next collection carries, and when an unused mandate lapses.
 */

export const MANDATE_TYPES = ['RECURRENT', 'ONE_OFF'] as const;
export type MandateType = (typeof MANDATE_TYPES)[number];
export const SEQUENCE_TYPES = ['FRST', 'RCUR', 'OOFF', 'FNAL'] as const;
export type SequenceType = (typeof SEQUENCE_TYPES)[number];

/** EPC rulebook: a mandate under which nothing was collected for 36 months is no longer valid. */
export const MANDATE_DORMANCY_MONTHS = 36;

/** What is wrong with a mandate reference (1 to 35 SEPA characters, no leading/trailing "/", no "//"). */
export function mandateReferenceProblems(value: string | null | undefined, field = 'reference'): FieldProblem[] {
  const problem = sepaIdentifierProblem(value ?? '');
  return problem ? [{ field, message: `référence unique de mandat (RUM) : ${problem}` }] : [];
}

export function parseMandateReference(value: string, field = 'reference'): string {
  const problems = mandateReferenceProblems(value.trim(), field);
  if (problems.length) throw Errors.validation(problems);
  return value.trim();
}

const referencePart = (value: string) =>
  toSepaText(value)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * A new mandate reference: "<PREFIX>-<CUSTOMER>-<SEQUENCE>", e.g. "ACME-C0042-0001"; the customer
 * part is shortened when the whole would exceed 35 characters, the sequence never.
 */
export function generateMandateReference(input: { tenantPrefix: string; customerCode: string; sequence: number }): string {
  const prefix = referencePart(input.tenantPrefix).slice(0, 10).replace(/-+$/, '');
  const customer = referencePart(input.customerCode);
  const problems: FieldProblem[] = [];
  if (!prefix) problems.push({ field: 'tenantPrefix', message: 'préfixe obligatoire (lettres ou chiffres)' });
  if (!customer) problems.push({ field: 'customerCode', message: 'code client obligatoire (lettres ou chiffres)' });
  if (!Number.isSafeInteger(input.sequence) || input.sequence < 1) problems.push({ field: 'sequence', message: 'entier positif attendu' });
  if (problems.length) throw Errors.validation(problems);
  const sequence = String(input.sequence).padStart(4, '0');
  const room = 35 - prefix.length - sequence.length - 2;
  return `${prefix}-${customer.slice(0, room).replace(/-+$/, '')}-${sequence}`;
}

/** A mandate as far as its collections are concerned. */
export interface MandateUsage {
  type: MandateType;
  /** Date of signature (YYYY-MM-DD). */
  signedOn: string;
  /** Collection date of the latest collection presented under it, even if rejected or refunded; null if never used. */
  lastCollectionOn: string | null;
  /** The creditor or debtor ended it. */
  cancelledOn?: string | null;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The day from which the mandate can no longer be used: 36 months after its latest collection, or its signature. */
export function mandateExpiresOn(mandate: Pick<MandateUsage, 'signedOn' | 'lastCollectionOn'>): string {
  const from = mandate.lastCollectionOn ?? mandate.signedOn;
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const year = y + MANDATE_DORMANCY_MONTHS / 12;
  const day = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isMandateExpired(mandate: Pick<MandateUsage, 'signedOn' | 'lastCollectionOn'>, on: string): boolean {
  return on >= mandateExpiresOn(mandate);
}

/**
 * The sequence type of a collection due on `collectionDate`: OOFF for a one-off mandate (once),
 * FRST for the first collection of a recurrent one, RCUR after. Refuses a collection before the
 * signature, under a cancelled or expired mandate, or a second one under a one-off mandate.
 */
export function nextSequenceType(mandate: MandateUsage, collectionDate: string): SequenceType {
  if (!isLocalDate(collectionDate)) throw Errors.validation([{ field: 'collectionDate', message: 'date invalide (AAAA-MM-JJ)' }]);
  if (collectionDate < mandate.signedOn)
    throw Errors.validation([{ field: 'collectionDate', message: 'antérieure à la signature du mandat' }]);
  if (mandate.cancelledOn && collectionDate >= mandate.cancelledOn)
    throw Errors.conflict('MANDATE_CANCELLED', `Mandat révoqué le ${mandate.cancelledOn}`, { cancelledOn: mandate.cancelledOn });
  if (mandate.type === 'ONE_OFF') {
    if (mandate.lastCollectionOn)
      throw Errors.conflict('MANDATE_ALREADY_USED', 'Ce mandat ponctuel a déjà servi à un prélèvement', {
        lastCollectionOn: mandate.lastCollectionOn,
      });
    return 'OOFF';
  }
  const expiresOn = mandateExpiresOn(mandate);
  if (collectionDate >= expiresOn)
    throw Errors.conflict('MANDATE_EXPIRED', 'Mandat caduc : aucun prélèvement depuis 36 mois, faites signer un nouveau mandat', {
      expiresOn,
    });
  return mandate.lastCollectionOn ? 'RCUR' : 'FRST';
}

export interface MandateInput {
  reference: string;
  type: MandateType;
  signedOn: string;
  debtorName: string;
  debtorIban: string;
  debtorBic?: string | null;
}

/** What is wrong with a mandate as entered; `today` bounds the signature date. */
export function mandateInputProblems(input: MandateInput, today: string): FieldProblem[] {
  return [
    ...mandateReferenceProblems(input.reference.trim(), 'reference'),
    ...(MANDATE_TYPES.includes(input.type) ? [] : [{ field: 'type', message: 'RECURRENT ou ONE_OFF' }]),
    ...(!isLocalDate(input.signedOn)
      ? [{ field: 'signedOn', message: 'date invalide (AAAA-MM-JJ)' }]
      : input.signedOn > today
        ? [{ field: 'signedOn', message: 'la date de signature ne peut pas être dans le futur' }]
        : []),
    ...(toSepaText(input.debtorName).length > 0 ? [] : [{ field: 'debtorName', message: 'nom du débiteur obligatoire' }]),
    ...ibanProblems(input.debtorIban, 'debtorIban', { sepaOnly: true }),
    ...(input.debtorBic?.trim() ? bicProblems(input.debtorBic, 'debtorBic') : []),
  ];
}
