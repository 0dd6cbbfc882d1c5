import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { BankMovement, BOOKING_KINDS, type BookingKind } from './bank.entity';
import { applyProposal, buildMatchingIndex, matchMovement, type MatchingIndex, type MovementToMatch } from './matching.rules';
import { recordSureMatches, type SureMatch } from './sure-match-recording';
import { Money } from '../../billing/money';
import { recordPayment, reversePayment } from '../payments/payments.service';
import type { AllocationInput } from '../payments/payment.rules';
import { Errors, Validator, assertExpectedVersion } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { localDate } from '../../shared/time';
import { recordFact } from '../../platform/business-facts';

const stale = 'Le mouvement a été modifié entre-temps ; rechargez-le';

/** Every open invoice and every IBAN a customer paid from, as the matching rules take them (one index per run). */
export async function matchingIndex(em: EntityManager): Promise<MatchingIndex> {
  const [invoices, bankAccounts] = await Promise.all([
    em.execute<{ invoiceId: string; number: string; customerId: string; customerName: string; openBalance: string; dueDate: string }[]>(
      `select i.id as "invoiceId", i.number, i.customer_id as "customerId", c.name as "customerName",
              i.open_balance::text as "openBalance", i.due_date::text as "dueDate"
         from invoices i join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
        where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance > 0`,
    ),
    em.execute<{ customerId: string; iban: string }[]>(
      `select distinct customer_id as "customerId", payer_iban as iban from payments where payer_iban is not null and reversed_on is null`,
    ),
  ]);
  return buildMatchingIndex({ invoices, bankAccounts, directDebitBatches: [] });
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
  | 'status'
  | 'proposals'
  | 'paymentId'
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

/**
 * Decides the open movements in order against the index, each sure match updating it for the next
 * ones; sets the proposals and status of the others and returns the sure matches, not yet recorded.
 */
function decideMatches(movements: readonly MatchableMovement[], index: MatchingIndex): SureMatch[] {
  const sure: SureMatch[] = [];
  for (const movement of movements) {
    if (movement.status === 'MATCHED' || movement.status === 'BOOKED') continue;
    const result = matchMovement(toMatch(movement), index);
    const best = result.proposals[0];
    if (result.decision === 'AUTO' && best?.kind === 'INVOICES') {
      const customerId = index.invoices.get(best.allocations[0]!.invoiceId)!.customerId;
      sure.push({ movement, customerId, allocations: best.allocations, reason: `Automatique : ${best.reason}` });
      applyProposal(index, best);
      continue;
    }
    movement.proposals = result.proposals;
    movement.status = result.proposals.length > 0 ? 'PROPOSED' : 'UNMATCHED';
  }
  return sure;
}

/**
 * Matches what the rules are sure of; stores the proposals of the others. Returns how many were
 * matched. The sure matches are recorded together (`recordSureMatches`), each exactly as the manual
 * match records one; the movements, managed by `em`, are written by its flush.
 */
export async function autoMatchMovements(
  em: EntityManager,
  identity: Identity,
  movements: BankMovement[],
  index: MatchingIndex,
): Promise<number> {
  const sure = decideMatches(movements, index);
  await recordSureMatches(em, identity, sure);
  await em.flush();
  return sure.length;
}

/**
 * The same for movements an import has not stored yet (held as plain rows, UNMATCHED without
 * proposals), against today's open invoices: the sure matches' payments are recorded, and what the
 * matching decided is set on the movements for the import to insert them with it. The index is let
 * go before the recording (tens of megabytes for tens of thousands of invoices). Returns how many
 * were matched.
 */
export async function autoMatchNewMovements(em: EntityManager, identity: Identity, movements: MatchableMovement[]): Promise<number> {
  const sure = decideMatches(movements, await matchingIndex(em));
  await recordSureMatches(em, identity, sure);
  return sure.length;
}

/** Recomputes the proposals of every open movement against today's open invoices, and matches what became sure. */
export async function refreshBankMatching(em: EntityManager, identity: Identity): Promise<number> {
  const open = await em.find(
    BankMovement,
    { status: { $in: ['UNMATCHED', 'PROPOSED'] }, amount: { $gt: '0' } },
    { orderBy: { bookingDate: 'asc' } },
  );
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
  movement.status = 'BOOKED';
  movement.bookedAs = input.kind;
  movement.bookedNote = input.note?.trim() || null;
  movement.matchedBy = actorId(identity);
  movement.matchedAt = new Date();
  await em.flush();
  return movement;
}

/** Undoes a reconciliation: a booking is cleared, a matched payment is reversed (its invoices open again). */
export async function unmatchBankMovement(
  em: EntityManager,
  identity: Identity,
  movementId: string,
  reason: string,
): Promise<BankMovement> {
  new Validator().check(reason.trim().length > 0, 'reason', 'motif obligatoire').throwIfInvalid();
  const movement = await lockMovement(em, movementId);
  if (movement.status === 'MATCHED')
    await reversePayment(em, identity, movement.paymentId!, {
      reversedOn: localDate(new Date()),
      reason: `Rapprochement annulé : ${reason.trim()}`,
    });
  else if (movement.status !== 'BOOKED')
    throw Errors.conflict('MOVEMENT_NOT_RECONCILED', 'Ce mouvement n’est pas rapproché', { movementId });
  Object.assign(movement, {
    status: 'UNMATCHED',
    paymentId: null,
    bookedAs: null,
    bookedNote: null,
    matchedBy: null,
    matchedAt: null,
    matchReason: null,
  });
  await em.flush();
  return movement;
}
