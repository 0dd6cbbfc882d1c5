import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import type { Orm } from '../../db/orm';
import { inTenantScope } from '../../db/tenant-scope';
import { periodErrorFromDatabase } from '../../finance/periods/period-guard';
import type { JobQueue } from '../../platform/job-queue';
import { DomainError, Errors } from '../../shared/errors';
import { systemIdentity, type Identity } from '../../shared/identity';
import { convertInterventionsToInvoice } from '../intervention-invoicing';
import { Invoice } from '../invoice.entity';
import { issueInvoice } from '../invoice-issue';
import { mailInvoice } from '../invoice-sending';
import { BillingBatch, BillingBatchItem } from './billing-batch.entity';
import { BILLING_BATCH_QUEUE, type BillingBatchJobData } from './bulk-invoicing.service';

/**
 * Runs (or resumes) a bulk invoicing batch, item by item, each step in its own transaction:
 * 1. the draft created from the item's interventions (unless the item is an existing draft) and
 *    issued, together: a refusal rolls both back, so nothing is invoiced, no number is used (the
 *    numbers stay without gaps) and the interventions are still waiting;
 * 2. the invoice mailed to its recipients; a refusal (nobody to send to) leaves it issued.
 * Each step locks its item and looks at its status first, and an intervention can be on one
 * invoice only (unique in the database): running the job again after a crash, or twice at once,
 * invoices and sends nothing twice. A failure on one customer never stops the others.
 */

export const STALE_BATCH_SECONDS = 120;

export interface BatchHooks {
  /** Called inside an item's invoicing transaction, after its writes and before it commits (tests kill it here). */
  beforeIssueCommit?: (position: number, em: EntityManager) => Promise<void>;
}

/** What stops one item and not the batch: a refusal, or a database refusal tied to that item's data. */
function itemError(error: unknown): { code: string; message: string } | null {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  const closed = periodErrorFromDatabase(error);
  if (closed) return { code: closed.code, message: closed.message };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('22') || code.startsWith('23')))
    return { code: 'INTERNAL_ERROR', message: 'Erreur inattendue : cette facture n’a pas été traitée' };
  return null;
}

const lockItem = (em: EntityManager, id: string) =>
  em.findOneOrFail(BillingBatchItem, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });

async function heartbeat(em: EntityManager, batchId: string): Promise<void> {
  await em.execute('update billing_batches set heartbeat_at = now() where id = ?', [batchId]);
}

/** Step 1: the item's invoice created if needed, and issued. */
async function invoiceItem(em: EntityManager, identity: Identity, batch: BillingBatch, itemId: string, hooks: BatchHooks): Promise<void> {
  const item = await lockItem(em, itemId);
  if (item.status !== 'PENDING') return;
  // A draft picked on the list and deleted since the batch started.
  if (!item.invoiceId && item.interventionIds.length === 0)
    throw Errors.conflict('INVOICE_DELETED', 'Le brouillon a été supprimé entre-temps : rien n’a été émis');
  const invoiceId = item.invoiceId ?? (await convertInterventionsToInvoice(em, identity, item.interventionIds)).id;
  let invoice = await em.findOneOrFail(Invoice, { id: invoiceId }, { refresh: true });
  if (invoice.status === 'DRAFT') invoice = await issueInvoice(em, invoiceId, invoice.version);
  em.assign(item, {
    invoiceId,
    status: 'ISSUED',
    totalNet: invoice.totalNet,
    totalVat: invoice.totalVat,
    totalGross: invoice.totalGross,
    errorCode: null,
    errorMessage: null,
  });
  await em.flush();
  await heartbeat(em, batch.id);
  await hooks.beforeIssueCommit?.(item.position, em);
}

/** Step 2: the issued invoice mailed (once: an invoice sent meanwhile is not sent again). */
async function sendItem(em: EntityManager, identity: Identity, batch: BillingBatch, itemId: string): Promise<void> {
  const item = await lockItem(em, itemId);
  if (item.status !== 'ISSUED' || !item.invoiceId) return;
  const invoice = await em.findOneOrFail(Invoice, { id: item.invoiceId });
  if (!invoice.sentAt) {
    const sent = await mailInvoice(em, identity, item.invoiceId);
    item.recipients = [...sent.to, ...sent.cc];
  }
  item.status = 'SENT';
  await em.flush();
  await heartbeat(em, batch.id);
}

async function recordFailure(
  orm: Orm,
  identity: Identity,
  itemId: string,
  from: 'PENDING' | 'ISSUED',
  failure: { code: string; message: string },
): Promise<void> {
  await inTenantScope(orm, identity, { requestId: `job:${itemId}`, operation: 'billing-batch:error' }, async (em) => {
    const item = await lockItem(em, itemId);
    if (item.status !== from) return;
    em.assign(item, {
      status: from === 'PENDING' ? 'FAILED' : 'SEND_FAILED',
      errorCode: failure.code,
      errorMessage: from === 'PENDING' ? failure.message : `Facture émise mais non envoyée : ${failure.message}`,
    });
    await em.flush();
  });
}

/**
 * Processes a batch's items that are not done, in their order. Safe to call again at any point;
 * returns null when the batch is finished already or unknown.
 */
export async function processBillingBatch(orm: Orm, data: BillingBatchJobData, hooks: BatchHooks = {}): Promise<BillingBatch | null> {
  const { identity, batchId } = data;
  const scope = (operation: string) => ({ requestId: `job:${batchId}`, operation });
  const plan = await inTenantScope(orm, identity, scope('billing-batch:start'), async (em) => {
    const batch = await em.findOne(BillingBatch, { id: batchId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!batch || batch.state === 'SUCCEEDED') return null;
    em.assign(batch, { state: 'RUNNING', attempts: batch.attempts + 1, startedAt: batch.startedAt ?? new Date(), heartbeatAt: new Date() });
    await em.flush();
    const items = await em.find(
      BillingBatchItem,
      { batchId, status: { $in: batch.send ? ['PENDING', 'ISSUED'] : ['PENDING'] } },
      { orderBy: { position: 'asc' }, fields: ['id'] },
    );
    return { batch, itemIds: items.map((i) => i.id) };
  });
  if (!plan) return null;
  const { batch } = plan;

  const step = async (itemId: string, from: 'PENDING' | 'ISSUED', work: (em: EntityManager) => Promise<void>) => {
    try {
      await inTenantScope(orm, identity, scope(from === 'PENDING' ? 'billing-batch:issue' : 'billing-batch:send'), work);
    } catch (error) {
      const failure = itemError(error);
      if (!failure) throw error;
      await recordFailure(orm, identity, itemId, from, failure);
    }
  };

  try {
    for (const itemId of plan.itemIds) {
      await step(itemId, 'PENDING', (em) => invoiceItem(em, identity, batch, itemId, hooks));
      if (batch.send) await step(itemId, 'ISSUED', (em) => sendItem(em, identity, batch, itemId));
    }
    return await inTenantScope(orm, identity, scope('billing-batch:done'), async (em) => {
      const done = await em.findOneOrFail(BillingBatch, { id: batchId });
      em.assign(done, { state: 'SUCCEEDED', finishedAt: new Date(), heartbeatAt: new Date() });
      await em.flush();
      return done;
    });
  } catch (error) {
    await inTenantScope(orm, identity, scope('billing-batch:failed'), async (em) => {
      const failed = await em.findOneOrFail(BillingBatch, { id: batchId });
      em.assign(failed, { state: 'FAILED', finishedAt: new Date() });
      await em.flush();
    }).catch(() => undefined);
    throw error;
  }
}

/**
 * Queues again, as the system, the batches of every tenant still QUEUED or RUNNING with no
 * progress for STALE_BATCH_SECONDS (their worker died); returns their ids. Resuming invoices and
 * sends nothing twice.
 */
export async function resumeStaleBillingBatches(orm: Orm, queue: JobQueue): Promise<string[]> {
  const stale = await orm.em
    .fork()
    .execute<{ tenant_id: string; id: string }[]>('select tenant_id, id from billing_batches_to_resume(?)', [STALE_BATCH_SECONDS]);
  for (const batch of stale) {
    const job: BillingBatchJobData = { batchId: batch.id, identity: systemIdentity(batch.tenant_id, BILLING_BATCH_QUEUE) };
    await queue.enqueue(BILLING_BATCH_QUEUE, job, { singletonKey: `resume:${batch.id}` });
  }
  return stale.map((b) => b.id);
}
