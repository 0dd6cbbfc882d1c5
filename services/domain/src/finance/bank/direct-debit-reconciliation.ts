import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import type { MatchableMovement } from './bank-matching.service';
import { Money, formatFr, toAmount } from '../../billing/money';
import { recordFact } from '../../platform/business-facts';
import { Errors } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { frenchDate } from '../../shared/time';
import { returnDirectDebitItem, settleDirectDebitBatch } from '../direct-debit/direct-debit-batches.service';
import { DirectDebitBatch, DirectDebitItem } from '../direct-debit/direct-debit.entity';
import { RETURN_REASONS } from '../direct-debit/direct-debit.rules';

/**
 * A bank movement reconciled with direct debit instead of invoices: the credit of a batch (which
 * settles it through the direct-debit service, or is only linked to it when it was settled by
 * hand), or the debit of a returned item (which returns it through the same service, or is only
 * linked to it when the return was recorded by hand). Automatic and manual matches both come here,
 * under the same checks and errors; `reasonFor` words the reason stored on the movement.
 */

const euros = (amount: string) => `${formatFr(new Money(amount).abs(), 2)} €`;

const mismatch = (movement: MatchableMovement, what: string, expected: string[]) =>
  Errors.conflict(
    'DIRECT_DEBIT_AMOUNT_MISMATCH',
    `Le mouvement de ${euros(movement.amount)} n’est pas ${what} (${expected.map(euros).join(' ou ')})`,
    { movementId: movement.id, amount: movement.amount, expected },
  );

/** The movement MATCHED with the batch or item it reconciles, and the fact that says so (as `settleMovement` does for a payment). */
function markMatched(
  em: EntityManager,
  identity: Identity,
  movement: MatchableMovement,
  link: { directDebitBatchId: string } | { directDebitItemId: string },
  reason: string,
): void {
  Object.assign(movement, {
    status: 'MATCHED',
    directDebitBatchId: null,
    directDebitItemId: null,
    ...link,
    matchedBy: actorId(identity),
    matchedAt: new Date(),
    matchReason: reason,
  });
  recordFact(em, identity, {
    kind: 'bank_movement.matched',
    subjectType: 'BankMovement',
    subjectId: movement.id,
    occurredOn: movement.bookingDate,
    payload: { ...link, amount: movement.amount, reason },
  });
}

/** The amounts a credit of a submitted batch may have: its pending total, or one payment block's when the file has several. */
async function creditsOfSubmitted(em: EntityManager, batchId: string): Promise<string[]> {
  const blocks = await em.execute<{ amount: string }[]>(
    `select sum(amount)::text as amount from direct_debit_items where batch_id = ? and status = 'PENDING' group by sequence_type`,
    [batchId],
  );
  const total = toAmount(blocks.reduce((sum, b) => sum.plus(b.amount), new Money(0)));
  return blocks.length > 1 ? [total, ...blocks.map((b) => toAmount(b.amount))] : [total];
}

/** What a settled batch collected and the bank has not been matched as crediting yet. */
async function leftToCredit(em: EntityManager, batchId: string): Promise<Money> {
  const [row] = await em.execute<{ collected: string; credited: string }[]>(
    `select coalesce((select sum(amount) from direct_debit_items where batch_id = ? and payment_id is not null), 0)::text as collected,
            coalesce((select sum(amount) from bank_movements where direct_debit_batch_id = ?), 0)::text as credited`,
    [batchId, batchId],
  );
  return new Money(row!.collected).minus(row!.credited);
}

/**
 * The credit `movement` is the bank's for a batch. A submitted batch is settled on the movement's
 * booking date, for the whole of its pending items, when the amount is their total (or one payment
 * block's total, as some banks credit each block apart); a batch settled by hand is only linked,
 * for at most what it collected less the credits already matched to it. BATCH_NOT_SUBMITTED (cancelled),
 * DIRECT_DEBIT_AMOUNT_MISMATCH (record the items the bank deducted as returns first), BATCH_ALREADY_MATCHED,
 * and the settlement's own errors (VALIDATION_FAILED on settledOn).
 */
export async function reconcileBatchCredit(
  em: EntityManager,
  identity: Identity,
  movement: MatchableMovement,
  batchId: string,
  reasonFor: (batch: DirectDebitBatch) => string,
): Promise<DirectDebitBatch> {
  const batch = await em.findOne(DirectDebitBatch, { id: batchId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!batch) throw Errors.notFound('DirectDebitBatch', batchId);
  const amount = new Money(movement.amount);
  if (batch.state === 'CANCELLED')
    throw Errors.conflict('BATCH_NOT_SUBMITTED', `Le prélèvement ${batch.messageId} a été annulé`, { batchId, state: batch.state });
  if (batch.state === 'SUBMITTED') {
    const expected = await creditsOfSubmitted(em, batchId);
    if (!expected.some((e) => amount.equals(e))) throw mismatch(movement, `le crédit de la remise ${batch.messageId}`, expected);
    await settleDirectDebitBatch(em, identity, batchId, { settledOn: movement.bookingDate });
  } else {
    const left = await leftToCredit(em, batchId);
    if (!left.greaterThan(0))
      throw Errors.conflict('BATCH_ALREADY_MATCHED', `Le crédit de la remise ${batch.messageId} est déjà rapproché`, {
        batchId,
        messageId: batch.messageId,
      });
    if (amount.greaterThan(left)) throw mismatch(movement, `au plus ce qui reste de la remise ${batch.messageId}`, [toAmount(left)]);
  }
  markMatched(em, identity, movement, { directDebitBatchId: batchId }, reasonFor(batch));
  await em.flush();
  return batch;
}

/** The reason recorded with a return: the ISO code when the bank gave a known one, else what it gave, else the statement's date. */
function returnReason(movement: MatchableMovement, reasonCode: string | null): { reasonCode: string | null; reason: string | null } {
  if (reasonCode && Object.hasOwn(RETURN_REASONS, reasonCode)) return { reasonCode, reason: null };
  if (reasonCode) return { reasonCode: null, reason: `Rejet bancaire, code ${reasonCode}` };
  return { reasonCode: null, reason: `Impayé de prélèvement (relevé du ${frenchDate(movement.bookingDate)})` };
}

/**
 * The debit `movement` is the bank's return of a collected item (an R-transaction after
 * settlement): the item is returned on the movement's booking date with the bank's reason (its
 * payment reversed, the invoice open again, back in the next batch as RCUR); a return recorded by
 * hand is only linked. A pending item cannot be: the bank debits a return only after crediting its
 * batch, so the batch's credit is matched first (DIRECT_DEBIT_NOT_SETTLED). DIRECT_DEBIT_AMOUNT_MISMATCH,
 * ITEM_ALREADY_RETURNED (rejected before settlement, or its debit already matched), ITEM_CANCELLED,
 * and the return's own errors (VALIDATION_FAILED on returnedOn).
 */
export async function reconcileItemReturn(
  em: EntityManager,
  identity: Identity,
  movement: MatchableMovement,
  itemId: string,
  reasonCode: string | null,
  reasonFor: (item: DirectDebitItem) => string,
): Promise<DirectDebitItem> {
  const item = await em.findOne(DirectDebitItem, { id: itemId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!item) throw Errors.notFound('DirectDebitItem', itemId);
  const batch = await em.findOneOrFail(DirectDebitBatch, { id: item.batchId });
  if (!new Money(movement.amount).negated().equals(item.amount))
    throw mismatch(movement, `le montant du prélèvement ${item.endToEndId}`, [toAmount(new Money(item.amount).negated())]);
  if (item.status === 'PENDING')
    throw Errors.conflict(
      'DIRECT_DEBIT_NOT_SETTLED',
      `La remise ${batch.messageId} n’est pas encore encaissée : rapprochez d’abord son crédit, la banque ne débite un impayé qu’après avoir crédité la remise`,
      { itemId, batchId: batch.id, messageId: batch.messageId },
    );
  if (item.status === 'CANCELLED') throw Errors.conflict('ITEM_CANCELLED', 'Ce prélèvement a été annulé avant l’envoi', { itemId });
  if (item.status === 'RETURNED') {
    if (!item.paymentId)
      throw Errors.conflict('ITEM_ALREADY_RETURNED', 'Ce prélèvement a été rejeté avant l’encaissement : la banque n’a rien débité', {
        itemId,
      });
    const [linked] = await em.execute<{ id: string }[]>('select id from bank_movements where direct_debit_item_id = ?', [itemId]);
    if (linked)
      throw Errors.conflict('ITEM_ALREADY_RETURNED', 'Le débit de ce prélèvement rejeté est déjà rapproché', {
        itemId,
        movementId: linked.id,
      });
  } else await returnDirectDebitItem(em, identity, itemId, { returnedOn: movement.bookingDate, ...returnReason(movement, reasonCode) });
  markMatched(em, identity, movement, { directDebitItemId: itemId }, reasonFor(item));
  await em.flush();
  return item;
}
