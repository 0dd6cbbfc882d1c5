import { Money, toAmount } from '../../billing/money';
import { DomainError } from '../../shared/errors';
import { frenchDate } from '../../shared/time';
import { mandateExpiresOn, nextSequenceType, type MandateType, type SequenceType } from '../sepa/mandate.rules';
import { toSepaText } from '../sepa/sepa-text';

/**
 * The rules of a direct debit collection, as plain functions: which open invoices a batch takes
 * and with which sequence type, the identifiers written in the file, how much of a collected
 * amount settles its invoice, and the R-transaction reasons.
 */

/** A mandate as the collection sees it. */
export interface MandateForCollection {
  id: string;
  reference: string;
  kind: MandateType;
  signedOn: string;
  debtorName: string;
  iban: string;
  bic: string | null;
  revokedOn: string | null;
  /** Collection date of the latest settled collection under it. */
  lastCollectedOn: string | null;
  /** Collection date of the latest collection presented and still pending (in a submitted batch). */
  pendingCollectionOn: string | null;
}

/** An issued invoice still open and due by the collection date, with its customer's usable mandate. */
export interface OpenInvoiceForCollection {
  invoiceId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  openBalance: string;
  customerId: string;
  customerName: string;
  contractReference: string | null;
  mandate: MandateForCollection | null;
}

export interface PlannedCollection extends Omit<OpenInvoiceForCollection, 'mandate'> {
  mandate: MandateForCollection;
  amount: string;
  sequenceType: SequenceType;
}

export const BLOCKED_REASONS = [
  'NO_MANDATE',
  'MANDATE_NOT_YET_SIGNED',
  'MANDATE_EXPIRED',
  'MANDATE_ALREADY_USED',
  'MANDATE_CANCELLED',
] as const;
export type BlockedReason = (typeof BLOCKED_REASONS)[number];

export interface BlockedCollection extends Omit<OpenInvoiceForCollection, 'mandate'> {
  mandateId: string | null;
  reason: BlockedReason;
  message: string;
}

export interface CollectionPlan {
  planned: PlannedCollection[];
  /** Invoices to collect by direct debit that this batch cannot take, with why. */
  blocked: BlockedCollection[];
}

/** The day a mandate lapses if nothing is collected under it before (36 months after its latest collection). */
export function mandateLapsesOn(mandate: { signedOn: string; lastCollectedOn?: string | null }): string {
  return mandateExpiresOn({ signedOn: mandate.signedOn, lastCollectionOn: mandate.lastCollectedOn ?? null });
}

/**
 * The sequence type of the next collection under a mandate: a mandate already presented (settled,
 * or pending in a batch not yet settled) is RCUR, a never used one FRST, a one-off mandate OOFF
 * once. Throws the mandate rules' typed errors (MANDATE_EXPIRED, MANDATE_ALREADY_USED...).
 */
export function collectionSequenceType(mandate: MandateForCollection, collectionDate: string): SequenceType {
  const presented = [mandate.lastCollectedOn, mandate.pendingCollectionOn].filter((d): d is string => Boolean(d)).sort();
  return nextSequenceType(
    { type: mandate.kind, signedOn: mandate.signedOn, lastCollectionOn: presented.at(-1) ?? null, cancelledOn: mandate.revokedOn },
    collectionDate,
  );
}

function blockedReasonOf(error: unknown): BlockedReason {
  if (!(error instanceof DomainError)) throw error;
  switch (error.code) {
    case 'MANDATE_EXPIRED':
    case 'MANDATE_ALREADY_USED':
    case 'MANDATE_CANCELLED':
      return error.code;
    case 'VALIDATION_FAILED':
      return 'MANDATE_NOT_YET_SIGNED';
    default:
      throw error;
  }
}

const BLOCKED_MESSAGES: Record<BlockedReason, (m: MandateForCollection | null) => string> = {
  NO_MANDATE: () => 'Aucun mandat SEPA actif pour ce client : faites signer un mandat',
  MANDATE_NOT_YET_SIGNED: (m) => `Mandat ${m?.reference} signé après la date d’échéance du prélèvement`,
  MANDATE_EXPIRED: (m) => `Mandat ${m?.reference} caduc (aucun prélèvement depuis 36 mois) : faites signer un nouveau mandat`,
  MANDATE_ALREADY_USED: (m) => `Le mandat ponctuel ${m?.reference} a déjà servi`,
  MANDATE_CANCELLED: (m) => `Mandat ${m?.reference} révoqué`,
};

/**
 * What a batch collecting on `collectionDate` takes: each invoice for its open balance under its
 * customer's mandate, the mandate's sequence type shared by all its invoices of the batch (FRST
 * for each of them when it was never presented), a one-off mandate for one invoice only.
 * Invoices whose mandate cannot be used are returned as blocked with the reason.
 */
export function planCollections(invoices: readonly OpenInvoiceForCollection[], collectionDate: string): CollectionPlan {
  const planned: PlannedCollection[] = [];
  const blocked: BlockedCollection[] = [];
  const sequenceByMandate = new Map<string, SequenceType>();
  const usedOneOff = new Set<string>();
  for (const { mandate, ...invoice } of invoices) {
    let reason: BlockedReason | null = null;
    let sequenceType: SequenceType | undefined;
    if (!mandate) reason = 'NO_MANDATE';
    else if (usedOneOff.has(mandate.id)) reason = 'MANDATE_ALREADY_USED';
    else {
      try {
        sequenceType = sequenceByMandate.get(mandate.id) ?? collectionSequenceType(mandate, collectionDate);
      } catch (error) {
        reason = blockedReasonOf(error);
      }
    }
    if (reason || !mandate || !sequenceType) {
      const r = reason ?? 'NO_MANDATE';
      blocked.push({ ...invoice, mandateId: mandate?.id ?? null, reason: r, message: BLOCKED_MESSAGES[r](mandate) });
      continue;
    }
    sequenceByMandate.set(mandate.id, sequenceType);
    if (sequenceType === 'OOFF') usedOneOff.add(mandate.id);
    planned.push({ ...invoice, mandate, amount: toAmount(invoice.openBalance), sequenceType });
  }
  return { planned, blocked };
}

/** The batch's message id (MsgId, also its name for the bank): PRLV-<collection date>-<tenant sequence>. */
export function batchMessageId(collectionDate: string, sequence: number): string {
  return `PRLV-${collectionDate.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The end-to-end id the debtor sees on their statement: the invoice number in the SEPA character
 * set (no "_", no leading/trailing or double "/"), at most 35 characters.
 */
export function endToEndIdFor(invoiceNumber: string): string {
  const id = toSepaText(invoiceNumber)
    .replace(/\s+/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '')
    .slice(0, 35);
  return id || 'NOTPROVIDED';
}

/** The instruction id, unique in the tenant: the batch's message id and the item's position. */
export function instructionIdFor(messageId: string, position: number): string {
  return `${messageId}-${position + 1}`.slice(-35);
}

/** What the debtor's bank shows beside the debit: the invoice, its date and the contract. */
export function remittanceInfoFor(invoice: { number: string; issueDate: string; contractReference: string | null }): string {
  return [
    `Facture ${invoice.number} du ${frenchDate(invoice.issueDate)}`,
    invoice.contractReference && `contrat ${invoice.contractReference}`,
  ]
    .filter(Boolean)
    .join(' - ');
}

/**
 * How much of a collected amount settles its invoice: all of it, unless the invoice was settled in
 * part since the file was sent (a transfer received, a credit note); the rest stays as the
 * customer's credit. Null when nothing is left to settle.
 */
export function collectedAllocation(collected: string, openBalance: string): string | null {
  const amount = Money.min(new Money(collected), new Money(openBalance));
  return amount.greaterThan(0) ? toAmount(amount) : null;
}

/** The usual reasons of SEPA R-transactions (rejects, returns, refunds), ISO 20022 ExternalStatusReason codes. */
export const RETURN_REASONS: Record<string, string> = {
  AC01: 'Numéro de compte incorrect',
  AC04: 'Compte clôturé',
  AC06: 'Compte bloqué',
  AC13: 'Compte de débiteur non valide (compte de particulier ou d’entreprise)',
  AG01: 'Opération interdite sur ce type de compte',
  AG02: 'Code opération incorrect',
  AM04: 'Provision insuffisante',
  AM05: 'Opération en double',
  BE05: 'Créancier non reconnu',
  FF01: 'Format de fichier invalide',
  MD01: 'Pas de mandat',
  MD02: 'Mandat incomplet ou incorrect',
  MD06: 'Remboursement demandé par le débiteur',
  MD07: 'Débiteur décédé',
  MS02: 'Refus du débiteur',
  MS03: 'Raison non communiquée',
  RC01: 'BIC incorrect',
  RR01: 'Identification du débiteur manquante',
  RR02: 'Nom ou adresse du débiteur manquant',
  RR03: 'Nom ou adresse du créancier manquant',
  RR04: 'Raison réglementaire',
  SL01: 'Service spécifique de la banque du débiteur',
};
