import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { BankMovement, BOOKING_KINDS, type BookingKind } from './bank.entity';
import { reconcileBatchCredit, reconcileItemReturn } from './direct-debit-reconciliation';
import {
  applyProposal,
  buildMatchingIndex,
  matchMovement,
  returnReasonCodeOf,
  type MatchingIndex,
  type MovementToMatch,
  type Proposal,
} from './matching.rules';
import { recordSureMatches, type SureMatch } from './sure-match-recording';
import { Money } from '../../billing/money';
import { directDebitBatchesToMatch, directDebitItemsToMatch } from '../direct-debit/direct-debit-queries';
import { recordPayment, reversePayment } from '../payments/payments.service';
import { assertPeriodOpen, closedThrough } from '../periods/period-guard';
import type { AllocationInput } from '../payments/payment.rules';
import { Errors, Validator, assertExpectedVersion } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { localDate } from '../../shared/time';
import { recordFact } from '../../platform/business-facts';

const stale = 'Le mouvement a été modifié entre-temps ; rechargez-le';

/**
 * Every open invoice, every IBAN a customer paid from, the direct-debit batches the bank has still
 * to credit and the collections it may return, as the matching rules take them (one index per run).
 */
export async function matchingIndex(em: EntityManager): Promise<MatchingIndex> {
  const today = localDate(new Date());
  const [invoices, bankAccounts, directDebitBatches, directDebitItems] = await Promise.all([
    em.execute<{ invoiceId: string; number: string; customerId: string; customerName: string; openBalance: string; dueDate: string }[]>(
      `select i.id as "invoiceId", i.number, i.customer_id as "customerId", c.name as "customerName",
              i.open_balance::text as "openBalance", i.due_date::text as "dueDate"
         from invoices i join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
        where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance > 0`,
    ),
    em.execute<{ customerId: string; iban: string }[]>(
      `select distinct customer_id as "customerId", payer_iban as iban from payments where payer_iban is not null and reversed_on is null`,
    ),
    directDebitBatchesToMatch(em),
    directDebitItemsToMatch(em, today),
  ]);
  return buildMatchingIndex({ invoices, bankAccounts, directDebitBatches, directDebitItems, today });
}

/** What the matching reads and sets on a movement: a managed BankMovement, or a row an import has just inserted. */
export type MatchableMovement = Pick<
  BankMovement,
  | 'id'
  | 'statementId'
  | 'amount'
  | 'bookingDate'
  | 'label'
  | 'remittanceInfo'
  | 'counterpartyName'
  | 'counterpartyIban'
  | 'bankReference'
  | 'endToEndId'
  | 'mandateId'
  | 'batchReference'
  | 'returnReasonCode'
  | 'details'
  | 'status'
  | 'proposals'
  | 'paymentId'
  | 'directDebitBatchId'
  | 'directDebitItemId'
  | 'matchedBy'
  | 'matchedAt'
  | 'matchReason'
>;

const toMatch = (m: MatchableMovement): MovementToMatch => ({
  amount: m.amount,
  bookingDate: m.bookingDate,
  label: m.label,
  remittanceInfo: m.remittanceInfo,
  counterpartyName: m.counterpartyName ?? null,
  counterpartyIban: m.counterpartyIban ?? null,
  endToEndId: m.endToEndId ?? null,
  mandateId: m.mandateId ?? null,
  batchReference: m.batchReference ?? null,
  detailEndToEndIds: m.details.flatMap((d) => (d.endToEndId ? [d.endToEndId] : [])),
  returnReasonCode: m.returnReasonCode ?? null,
});

async function lockMovement(em: EntityManager, id: string): Promise<BankMovement> {
  const movement = await em.findOne(BankMovement, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!movement) throw Errors.notFound('BankMovement', id);
  return movement;
}

function assertOpen(movement: BankMovement): void {
  if (movement.status === 'MATCHED' || movement.status === 'BOOKED')
    throw Errors.conflict('MOVEMENT_ALREADY_RECONCILED', 'Ce mouvement est déjà rapproché', {
      movementId: movement.id,
      status: movement.status,
    });
}

/**
 * Records the payment a credit movement is (received on its booking date, from its payer) and
 * allocates it as given; what is not allocated stays as the customer's credit.
 */
async function settleMovement(
  em: EntityManager,
  identity: Identity,
  movement: BankMovement,
  customerId: string,
  allocations: AllocationInput[],
  reason: string,
): Promise<void> {
  const payment = await recordPayment(em, identity, {
    customerId,
    receivedOn: movement.bookingDate,
    amount: movement.amount,
    method: movement.mandateId ? 'DIRECT_DEBIT' : 'TRANSFER',
    payerName: movement.counterpartyName?.slice(0, 140) ?? null,
    payerIban: movement.counterpartyIban,
    reference: (movement.bankReference ?? movement.label).slice(0, 140),
    allocations,
  });
  movement.status = 'MATCHED';
  movement.paymentId = payment.id;
  movement.matchedBy = actorId(identity);
  movement.matchedAt = new Date();
  movement.matchReason = reason;
  recordFact(em, identity, {
    kind: 'bank_movement.matched',
    subjectType: 'BankMovement',
    subjectId: movement.id,
    occurredOn: movement.bookingDate,
    payload: { paymentId: payment.id, amount: movement.amount, reason },
  });
  await em.flush();
}

/** A sure direct-debit match: the credit of a batch, or the debit of a returned item. */
interface DirectDebitMatch {
  movement: MatchableMovement;
  proposal: Proposal;
  reason: string;
}

/** Credits before debits (a batch's credit settles the items a return in the same file names), each by booking date. */
function inMatchingOrder<T extends MatchableMovement>(movements: readonly T[]): T[] {
  const order = (m: MatchableMovement) => `${m.amount.startsWith('-') ? 1 : 0}${m.bookingDate}`;
  return [...movements].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/**
 * Decides the open movements in order against the index, each sure match updating it for the next
 * ones; sets the proposals and status of the others and returns the sure matches, not yet recorded.
 * A movement booked in a closed period (on or before `locked`) only gets proposals: what matching it
 * records is dated on its day, which the closing forbids.
 */
function decideMatches(
  movements: readonly MatchableMovement[],
  index: MatchingIndex,
  locked: string | null,
): { sure: SureMatch[]; directDebit: DirectDebitMatch[] } {
  const sure: SureMatch[] = [];
  const directDebit: DirectDebitMatch[] = [];
  for (const movement of inMatchingOrder(movements)) {
    if (movement.status === 'MATCHED' || movement.status === 'BOOKED') continue;
    const result = matchMovement(toMatch(movement), index);
    const best = result.proposals[0];
    if (result.decision === 'AUTO' && best && (locked === null || movement.bookingDate > locked)) {
      const reason = `Automatique : ${best.reason}`;
      if (best.kind === 'INVOICES') {
        const customerId = index.invoices.get(best.allocations[0]!.invoiceId)!.customerId;
        sure.push({ movement, customerId, allocations: best.allocations, reason });
      } else directDebit.push({ movement, proposal: best, reason });
      applyProposal(index, best, movement);
      continue;
    }
    movement.proposals = result.proposals;
    movement.status = result.proposals.length > 0 ? 'PROPOSED' : 'UNMATCHED';
  }
  return { sure, directDebit };
}

/** Records sure direct-debit matches one by one through the direct-debit service (batches are few): credits first, as decided. */
async function recordDirectDebitMatches(em: EntityManager, identity: Identity, matches: readonly DirectDebitMatch[]): Promise<void> {
  for (const { movement, proposal, reason } of matches)
    if (proposal.kind === 'DIRECT_DEBIT_BATCH') await reconcileBatchCredit(em, identity, movement, proposal.batchId!, () => reason);
    else await reconcileItemReturn(em, identity, movement, proposal.itemId!, proposal.returnReasonCode ?? null, () => reason);
}

/**
 * Matches what the rules are sure of; stores the proposals of the others. Returns how many were
 * matched. The sure matches of invoices are recorded together (`recordSureMatches`), each exactly
 * as the manual match records one, after the direct-debit ones (a batch settled, an item returned);
 * the movements, managed by `em`, are written by its flush.
 */
export async function autoMatchMovements(
  em: EntityManager,
  identity: Identity,
  movements: BankMovement[],
  index: MatchingIndex,
): Promise<number> {
  const { sure, directDebit } = decideMatches(movements, index, await closedThrough(em));
  await recordDirectDebitMatches(em, identity, directDebit);
  await recordSureMatches(em, identity, sure);
  await em.flush();
  return sure.length + directDebit.length;
}

/**
 * The same for movements an import has not stored yet (held as plain rows, UNMATCHED without
 * proposals), against today's open invoices and direct debits: the sure matches are recorded, and
 * what the matching decided is set on the movements for the import to insert them with it. The
 * index is let go before the recording (tens of megabytes for tens of thousands of invoices).
 * Returns how many were matched.
 */
export async function autoMatchNewMovements(em: EntityManager, identity: Identity, movements: MatchableMovement[]): Promise<number> {
  const { sure, directDebit } = decideMatches(movements, await matchingIndex(em), await closedThrough(em));
  await recordDirectDebitMatches(em, identity, directDebit);
  await recordSureMatches(em, identity, sure);
  return sure.length + directDebit.length;
}

/** Recomputes the proposals of every open movement against today's open invoices and direct debits, and matches what became sure. */
export async function refreshBankMatching(em: EntityManager, identity: Identity): Promise<number> {
  const open = await em.find(BankMovement, { status: { $in: ['UNMATCHED', 'PROPOSED'] } }, { orderBy: { bookingDate: 'asc' } });
  return autoMatchMovements(em, identity, open, await matchingIndex(em));
}

/**
 * The user confirms a credit movement: one payment of its amount, split over the invoices given
 * (all of one customer); the rest is that customer's credit.
 */
export async function matchBankMovement(
  em: EntityManager,
  identity: Identity,
  movementId: string,
  input: { customerId: string; allocations: AllocationInput[]; expectedVersion?: number | null },
): Promise<BankMovement> {
  const movement = await lockMovement(em, movementId);
  assertExpectedVersion(movement, input.expectedVersion, stale);
  assertOpen(movement);
  if (!new Money(movement.amount).greaterThan(0))
    throw Errors.conflict('NOT_A_CREDIT', 'Un débit ne règle pas une facture : comptabilisez-le comme frais, virement interne ou autre', {
      movementId,
    });
  await settleMovement(em, identity, movement, input.customerId, input.allocations, 'Rapproché à la main');
  return movement;
}

/**
 * The user says a credit movement is the bank's credit of a direct-debit batch: a submitted batch
 * is settled on the movement's date (its amount must be the batch's, or one payment block's), one
 * settled by hand is only linked (for at most what is left of it). See `reconcileBatchCredit`.
 */
export async function matchBankMovementToDirectDebitBatch(
  em: EntityManager,
  identity: Identity,
  movementId: string,
  input: { batchId: string; expectedVersion?: number | null },
): Promise<BankMovement> {
  const movement = await lockMovement(em, movementId);
  assertExpectedVersion(movement, input.expectedVersion, stale);
  assertOpen(movement);
  if (!new Money(movement.amount).greaterThan(0))
    throw Errors.conflict('NOT_A_CREDIT', 'Un débit n’est pas le crédit d’une remise de prélèvements', { movementId });
  await reconcileBatchCredit(
    em,
    identity,
    movement,
    input.batchId,
    (batch) => `Rapproché à la main : crédit de la remise ${batch.messageId}`,
  );
  return movement;
}

/**
 * The user says a debit movement is the return of a collected direct-debit item (an impayé): the
 * item is returned with the reason code given, else the one the bank gave; a return recorded by
 * hand is only linked. See `reconcileItemReturn`.
 */
export async function matchBankMovementToDirectDebitReturn(
  em: EntityManager,
  identity: Identity,
  movementId: string,
  input: { itemId: string; reasonCode?: string | null; expectedVersion?: number | null },
): Promise<BankMovement> {
  const movement = await lockMovement(em, movementId);
  assertExpectedVersion(movement, input.expectedVersion, stale);
  assertOpen(movement);
  if (!new Money(movement.amount).isNegative())
    throw Errors.conflict('NOT_A_DEBIT', 'Un crédit n’est pas le rejet d’un prélèvement', { movementId });
  const reasonCode = input.reasonCode?.trim().toUpperCase() || returnReasonCodeOf(movement);
  await reconcileItemReturn(
    em,
    identity,
    movement,
    input.itemId,
    reasonCode,
    (item) => `Rapproché à la main : impayé du prélèvement ${item.endToEndId}${reasonCode ? ` (${reasonCode})` : ''}`,
  );
  return movement;
}

/** Books a movement as something other than a customer payment (bank fees, internal transfer, supplier, other). */
export async function bookBankMovement(
  em: EntityManager,
  identity: Identity,
  movementId: string,
  input: { kind: BookingKind; note?: string | null; expectedVersion?: number | null },
): Promise<BankMovement> {
  new Validator()
    .check(BOOKING_KINDS.includes(input.kind), 'kind', 'BANK_FEES, INTERNAL_TRANSFER, SUPPLIER ou OTHER')
    .check(input.kind !== 'OTHER' || Boolean(input.note?.trim()), 'note', 'précisez de quoi il s’agit')
    .throwIfInvalid();
  const movement = await lockMovement(em, movementId);
  assertExpectedVersion(movement, input.expectedVersion, stale);
  assertOpen(movement);
  await assertPeriodOpen(em, movement.bookingDate);
  movement.status = 'BOOKED';
  movement.bookedAs = input.kind;
  movement.bookedNote = input.note?.trim() || null;
  movement.matchedBy = actorId(identity);
  movement.matchedAt = new Date();
  recordFact(em, identity, {
    kind: 'bank_movement.booked',
    subjectType: 'BankMovement',
    subjectId: movement.id,
    occurredOn: movement.bookingDate,
    payload: bookingPayload(movement),
  });
  await em.flush();
  return movement;
}

/** What the ledger books for a booked movement, kept in its facts: the movement itself is cleared when the booking is undone. */
const bookingPayload = (movement: BankMovement) => ({
  kind: movement.bookedAs,
  amount: movement.amount,
  bookingDate: movement.bookingDate,
  note: movement.bookedNote ?? null,
  label: movement.label,
  bankReference: movement.bankReference ?? null,
});

/**
 * Undoes a reconciliation: a booking is cleared, a matched payment is reversed (its invoices open
 * again). A direct-debit batch credit or return is only unlinked: the settlement or the return
 * stays, being the batch's own record of what the bank did.
 */
export async function unmatchBankMovement(
  em: EntityManager,
  identity: Identity,
  movementId: string,
  reason: string,
): Promise<BankMovement> {
  new Validator().check(reason.trim().length > 0, 'reason', 'motif obligatoire', 'REQUIRED').throwIfInvalid();
  const movement = await lockMovement(em, movementId);
  if (movement.status === 'MATCHED' || movement.status === 'BOOKED') await assertPeriodOpen(em, movement.bookingDate);
  if (movement.status === 'MATCHED') {
    if (movement.paymentId)
      await reversePayment(em, identity, movement.paymentId, {
        reversedOn: localDate(new Date()),
        reason: `Rapprochement annulé : ${reason.trim()}`,
      });
  } else if (movement.status !== 'BOOKED')
    throw Errors.conflict('MOVEMENT_NOT_RECONCILED', 'Ce mouvement n’est pas rapproché', { movementId });
  if (movement.status === 'BOOKED')
    recordFact(em, identity, {
      kind: 'bank_movement.unbooked',
      subjectType: 'BankMovement',
      subjectId: movement.id,
      occurredOn: localDate(new Date()),
      payload: { ...bookingPayload(movement), reason: reason.trim() },
    });
  Object.assign(movement, {
    status: 'UNMATCHED',
    paymentId: null,
    directDebitBatchId: null,
    directDebitItemId: null,
    bookedAs: null,
    bookedNote: null,
    matchedBy: null,
    matchedAt: null,
    matchReason: null,
  });
  await em.flush();
  return movement;
}
