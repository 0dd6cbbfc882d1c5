import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { lockInvoicesForSettlement } from '../../billing/invoice-settlement';
import { nextCounterValue } from '../../platform/counters';
import { recordFact } from '../../platform/business-facts';
import { Tenant } from '../../platform/tenant.entity';
import { Errors, Validator, assertExpectedVersion } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { isUuid, newId } from '../../shared/ids';
import { frenchDate, isLocalDate, localDate } from '../../shared/time';
import { recordPayment, reversePayment } from '../payments/payments.service';
import { buildPain008 } from '../sepa/pain008';
import { assertCollectionDate } from './collection-calendar';
import { planDirectDebit } from './direct-debit-candidates';
import { DirectDebitBatch, DirectDebitItem, SepaMandate } from './direct-debit.entity';
import {
  batchMessageId,
  collectedAllocation,
  endToEndIdFor,
  instructionIdFor,
  remittanceInfoFor,
  RETURN_REASONS,
  type PlannedCollection,
} from './direct-debit.rules';

/**
 * Direct debit batches: one pain.008 file per collection date, built from the invoices the plan
 * takes, stored as sent; settled when the bank credits it (one payment per invoice, through the
 * payments service), items returned one by one when the bank sends an R-transaction back.
 */

const staleBatch = 'Le prélèvement a été modifié entre-temps ; rechargez-le';
const staleItem = 'Cette ligne de prélèvement a été modifiée entre-temps ; rechargez-la';

async function lockBatch(em: EntityManager, id: string): Promise<DirectDebitBatch> {
  const batch = await em.findOne(DirectDebitBatch, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!batch) throw Errors.notFound('DirectDebitBatch', id);
  return batch;
}

/** The tenant as SEPA creditor; SEPA_CREDITOR_NOT_CONFIGURED names what is missing. */
async function creditor(em: EntityManager, tenantId: string) {
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
  const missing = [!tenant.sepaCreditorId && 'sepaCreditorId', !tenant.iban && 'iban'].filter((m): m is string => Boolean(m));
  if (missing.length)
    throw Errors.conflict(
      'SEPA_CREDITOR_NOT_CONFIGURED',
      'Renseignez l’identifiant créancier SEPA (ICS) et l’IBAN de l’entreprise avant de prélever',
      { missing },
    );
  return { tenant, name: tenant.legalName, iban: tenant.iban!, bic: tenant.bic ?? null, creditorId: tenant.sepaCreditorId! };
}

/** Why requested invoices are not in the plan: the first pending one, else those blocked, else those not to collect. */
async function refuseUnplanned(
  em: EntityManager,
  requested: readonly string[],
  plan: Awaited<ReturnType<typeof planDirectDebit>>,
): Promise<void> {
  const planned = new Set(plan.candidates.map((c) => c.invoiceId));
  const missing = requested.filter((id) => !planned.has(id));
  if (missing.length === 0) return;
  const pending = await em.findOne(DirectDebitItem, { invoiceId: { $in: missing }, status: 'PENDING' });
  if (pending) {
    const [batch, number] = await Promise.all([
      em.findOneOrFail(DirectDebitBatch, { id: pending.batchId }),
      em.execute<{ number: string }[]>('select number from invoices where id = ?', [pending.invoiceId]),
    ]);
    throw Errors.conflict(
      'ALREADY_IN_DIRECT_DEBIT',
      `La facture ${number[0]?.number} est déjà dans le prélèvement ${batch.messageId} du ${frenchDate(batch.collectionDate)}`,
      { invoiceId: pending.invoiceId, invoiceNumber: number[0]?.number ?? null, batchId: batch.id, messageId: batch.messageId },
    );
  }
  const blocked = plan.blocked.filter((b) => missing.includes(b.invoiceId));
  if (blocked.length)
    throw Errors.conflict('DIRECT_DEBIT_BLOCKED', blocked.map((b) => `${b.number} : ${b.message}`).join(' ; '), {
      invoices: blocked.map((b) => ({ invoiceId: b.invoiceId, invoiceNumber: b.number, reason: b.reason, message: b.message })),
    });
  throw Errors.conflict(
    'NOT_A_DIRECT_DEBIT_CANDIDATE',
    `Facture(s) à ne pas prélever le ${frenchDate(plan.collectionDate)} : non émise, soldée, échue après cette date ou payable par virement`,
    { invoiceIds: missing },
  );
}

const alreadyPendingFromIndex = () =>
  Errors.conflict('ALREADY_IN_DIRECT_DEBIT', 'Une de ces factures vient d’être mise dans un autre prélèvement ; rechargez la liste');

/**
 * Builds and records the batch collecting on `collectionDate`: the invoices the plan takes (all,
 * or `invoiceIds`, each of which must be in the plan), the pain.008 file with the tenant as
 * creditor, stored and SUBMITTED. Calls for the same tenant are serialised, and an invoice is in
 * one pending item at most (database), so two batches built at once never collect it twice.
 * COLLECTION_DATE_TOO_EARLY / _NOT_BUSINESS_DAY / _TOO_LATE, SEPA_CREDITOR_NOT_CONFIGURED,
 * ALREADY_IN_DIRECT_DEBIT, DIRECT_DEBIT_BLOCKED, NOT_A_DIRECT_DEBIT_CANDIDATE, NO_DIRECT_DEBIT_CANDIDATES.
 */
export async function createDirectDebitBatch(
  em: EntityManager,
  identity: Identity,
  input: { collectionDate: string; invoiceIds?: readonly string[] | null },
  options: { now?: Date } = {},
): Promise<DirectDebitBatch> {
  const now = options.now ?? new Date();
  const { tenant, ...creditorAccount } = await creditor(em, identity.tenantId);
  const today = localDate(now, tenant.timezone);
  const invoiceIds = input.invoiceIds ? [...new Set(input.invoiceIds)] : null;
  new Validator()
    .check(!invoiceIds || invoiceIds.length > 0, 'invoiceIds', 'au moins une facture')
    .check(!invoiceIds || invoiceIds.every(isUuid), 'invoiceIds', 'identifiants de facture invalides')
    .throwIfInvalid();
  assertCollectionDate(input.collectionDate, today);

  // One batch built at a time per tenant: the second waits, then sees the first one's items.
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`relais:direct-debit-batch:${identity.tenantId}`]);
  const plan = await planDirectDebit(em, input.collectionDate, { invoiceIds: invoiceIds ?? undefined, today });
  if (invoiceIds) await refuseUnplanned(em, invoiceIds, plan);
  if (plan.candidates.length === 0)
    throw Errors.conflict('NO_DIRECT_DEBIT_CANDIDATES', `Aucune facture à prélever au ${frenchDate(input.collectionDate)}`, {
      collectionDate: input.collectionDate,
      blocked: plan.blocked.length,
    });

  const messageId = batchMessageId(input.collectionDate, await nextCounterValue(em, identity.tenantId, 'direct-debit-batch'));
  const lines = plan.candidates.map((c: PlannedCollection, i) => ({
    plan: c,
    endToEndId: endToEndIdFor(c.number),
    instructionId: instructionIdFor(messageId, i),
  }));
  const pain008 = buildPain008({
    messageId,
    createdAt: now,
    timezone: tenant.timezone,
    initiatingPartyName: creditorAccount.name,
    creditor: creditorAccount,
    collectionDate: input.collectionDate,
    transactions: lines.map(({ plan: c, endToEndId, instructionId }) => ({
      endToEndId,
      instructionId,
      amount: c.amount,
      mandateId: c.mandate.reference,
      mandateSignedOn: c.mandate.signedOn,
      sequenceType: c.sequenceType,
      debtorName: c.mandate.debtorName,
      debtorIban: c.mandate.iban,
      debtorBic: c.mandate.bic,
      remittanceInfo: remittanceInfoFor(c),
    })),
  });
  const batch = em.create(DirectDebitBatch, {
    id: newId(),
    tenantId: identity.tenantId,
    messageId,
    collectionDate: input.collectionDate,
    state: 'SUBMITTED',
    submittedOn: today,
    itemCount: plan.totals.count,
    totalAmount: plan.totals.amount,
    pain008,
    createdBy: actorId(identity),
  });
  // The batch row first: its items reference it (the ORM knows no relation between them).
  await em.flush();
  const items = lines.map(({ plan: c, endToEndId, instructionId }) =>
    em.create(DirectDebitItem, {
      id: newId(),
      tenantId: identity.tenantId,
      batchId: batch.id,
      invoiceId: c.invoiceId,
      customerId: c.customerId,
      mandateId: c.mandate.id,
      amount: c.amount,
      sequenceType: c.sequenceType,
      endToEndId,
      instructionId,
      status: 'PENDING',
    }),
  );
  recordFact(em, identity, {
    kind: 'direct_debit.submitted',
    subjectType: 'DirectDebitBatch',
    subjectId: batch.id,
    occurredOn: today,
    payload: {
      messageId,
      collectionDate: input.collectionDate,
      count: plan.totals.count,
      amount: plan.totals.amount,
      items: items.map((i) => ({ itemId: i.id, invoiceId: i.invoiceId, amount: i.amount, sequenceType: i.sequenceType })),
    },
  });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw alreadyPendingFromIndex();
    throw error;
  }
  return batch;
}

function checkBankDate(date: string, field: string, batch: DirectDebitBatch, today: string): void {
  new Validator()
    .check(isLocalDate(date), field, 'date invalide (AAAA-MM-JJ)', 'DATE_EXPECTED')
    .check(!isLocalDate(date) || date <= today, field, 'pas dans le futur')
    .check(!isLocalDate(date) || date >= batch.submittedOn, field, `pas avant l’envoi du fichier (${frenchDate(batch.submittedOn)})`)
    .throwIfInvalid();
}

const notSubmitted = (batch: DirectDebitBatch) =>
  Errors.conflict(
    'BATCH_NOT_SUBMITTED',
    batch.state === 'SETTLED'
      ? `Le prélèvement ${batch.messageId} est déjà encaissé (le ${frenchDate(batch.settledOn!)})`
      : `Le prélèvement ${batch.messageId} a été annulé`,
    { batchId: batch.id, state: batch.state },
  );

/**
 * The bank credited the batch on `settledOn` (its statement's date: not before the file was sent,
 * not in the future): each pending item becomes a DIRECT_DEBIT payment allocated to its invoice
 * (for what the invoice still owes; any surplus stays as the customer's credit), and the mandates
 * record the collection. Items returned before settlement are left out. BATCH_NOT_SUBMITTED, STALE_VERSION.
 */
export async function settleDirectDebitBatch(
  em: EntityManager,
  identity: Identity,
  batchId: string,
  input: { settledOn: string; expectedVersion?: number | null },
): Promise<DirectDebitBatch> {
  const batch = await lockBatch(em, batchId);
  assertExpectedVersion(batch, input.expectedVersion, staleBatch);
  if (batch.state !== 'SUBMITTED') throw notSubmitted(batch);
  checkBankDate(input.settledOn, 'settledOn', batch, localDate(new Date()));
  const items = await em.find(DirectDebitItem, { batchId, status: 'PENDING' }, { orderBy: { instructionId: 'asc' } });
  const invoices = await lockInvoicesForSettlement(
    em,
    items.map((i) => i.invoiceId),
  );
  const mandates = new Map(
    (
      await em.find(
        SepaMandate,
        { id: { $in: [...new Set(items.map((i) => i.mandateId))] } },
        { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
      )
    ).map((m) => [m.id, m]),
  );
  for (const item of items) {
    const mandate = mandates.get(item.mandateId)!;
    const allocation = collectedAllocation(item.amount, invoices.get(item.invoiceId)!.openBalance ?? '0');
    const payment = await recordPayment(em, identity, {
      customerId: item.customerId,
      receivedOn: input.settledOn,
      amount: item.amount,
      method: 'DIRECT_DEBIT',
      payerName: mandate.debtorName.slice(0, 140),
      payerIban: mandate.iban,
      reference: `Prélèvement ${batch.messageId} ${item.endToEndId}`,
      allocations: allocation ? [{ invoiceId: item.invoiceId, amount: allocation }] : [],
    });
    item.status = 'COLLECTED';
    item.paymentId = payment.id;
    mandate.firstCollectedOn ??= batch.collectionDate;
    if (!mandate.lastCollectedOn || mandate.lastCollectedOn < batch.collectionDate) mandate.lastCollectedOn = batch.collectionDate;
  }
  batch.state = 'SETTLED';
  batch.settledOn = input.settledOn;
  await em.flush();
  return batch;
}

/**
 * An R-transaction: the debtor's bank rejected the item before settlement, or returned it (or the
 * debtor had it refunded) after. A collected item's payment is reversed through the payments
 * service (the invoice is open again and back in the next batch's candidates); a pending one is
 * simply left out of the settlement. ITEM_ALREADY_RETURNED, ITEM_CANCELLED, VALIDATION_FAILED, STALE_VERSION.
 */
export async function returnDirectDebitItem(
  em: EntityManager,
  identity: Identity,
  itemId: string,
  input: { returnedOn: string; reason?: string | null; reasonCode?: string | null; expectedVersion?: number | null },
): Promise<DirectDebitItem> {
  const code = input.reasonCode?.trim().toUpperCase() || null;
  const reason = input.reason?.trim() || (code ? RETURN_REASONS[code] : '') || '';
  new Validator()
    .check(!code || code in RETURN_REASONS, 'reasonCode', `code de rejet SEPA inconnu (${Object.keys(RETURN_REASONS).join(', ')})`)
    .check(reason.length > 0 || Boolean(code), 'reason', 'motif obligatoire (ou un code de rejet)')
    .check(reason.length <= 300, 'reason', 'au plus 300 caractères', 'TOO_LONG')
    .throwIfInvalid();
  const item = await em.findOne(DirectDebitItem, { id: itemId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!item) throw Errors.notFound('DirectDebitItem', itemId);
  assertExpectedVersion(item, input.expectedVersion, staleItem);
  if (item.status === 'RETURNED')
    throw Errors.conflict('ITEM_ALREADY_RETURNED', `Ce prélèvement a déjà été rejeté (le ${frenchDate(item.returnedOn!)})`, { itemId });
  if (item.status === 'CANCELLED') throw Errors.conflict('ITEM_CANCELLED', 'Ce prélèvement a été annulé avant l’envoi', { itemId });
  const batch = await em.findOneOrFail(DirectDebitBatch, { id: item.batchId });
  checkBankDate(input.returnedOn, 'returnedOn', batch, localDate(new Date()));
  if (item.status === 'COLLECTED') {
    new Validator()
      .check(input.returnedOn >= batch.settledOn!, 'returnedOn', `pas avant l’encaissement (${frenchDate(batch.settledOn!)})`)
      .throwIfInvalid();
    await reversePayment(em, identity, item.paymentId!, {
      reversedOn: input.returnedOn,
      reason: `Prélèvement SEPA rejeté${code ? ` (${code})` : ''} : ${reason}`,
    });
  }
  item.status = 'RETURNED';
  item.returnedOn = input.returnedOn;
  item.returnReasonCode = code;
  item.returnReason = reason;
  recordFact(em, identity, {
    kind: 'direct_debit.returned',
    subjectType: 'DirectDebitItem',
    subjectId: item.id,
    occurredOn: input.returnedOn,
    payload: {
      batchId: batch.id,
      invoiceId: item.invoiceId,
      amount: item.amount,
      reasonCode: code,
      reason,
      paymentId: item.paymentId ?? null,
      afterSettlement: Boolean(item.paymentId),
    },
  });
  await em.flush();
  return item;
}

/**
 * The file was not sent to the bank after all (or the bank refused it whole): its pending items
 * are cancelled and their invoices can be collected again. BATCH_NOT_SUBMITTED, STALE_VERSION.
 */
export async function cancelDirectDebitBatch(
  em: EntityManager,
  identity: Identity,
  batchId: string,
  input: { reason: string; expectedVersion?: number | null },
): Promise<DirectDebitBatch> {
  const reason = input.reason?.trim() ?? '';
  new Validator()
    .check(reason.length > 0, 'reason', 'motif obligatoire', 'REQUIRED')
    .check(reason.length <= 500, 'reason', 'au plus 500 caractères', 'TOO_LONG')
    .throwIfInvalid();
  const batch = await lockBatch(em, batchId);
  assertExpectedVersion(batch, input.expectedVersion, staleBatch);
  if (batch.state !== 'SUBMITTED') throw notSubmitted(batch);
  const items = await em.find(DirectDebitItem, { batchId, status: 'PENDING' });
  for (const item of items) item.status = 'CANCELLED';
  const today = localDate(new Date());
  batch.state = 'CANCELLED';
  batch.cancelledOn = today;
  batch.cancellationReason = reason;
  recordFact(em, identity, {
    kind: 'direct_debit.cancelled',
    subjectType: 'DirectDebitBatch',
    subjectId: batch.id,
    occurredOn: today,
    payload: { messageId: batch.messageId, reason, invoiceIds: items.map((i) => i.invoiceId) },
  });
  await em.flush();
  return batch;
}
