import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Errors } from '../../shared/errors';
import { keysetPage } from '../../shared/keyset';
import type { Page, PageArgs } from '../../shared/pagination';
import type { DirectDebitBatchCandidate } from '../bank/matching.rules';
import { DirectDebitBatch, DirectDebitItem, type DirectDebitBatchState } from './direct-debit.entity';

export interface DirectDebitBatchFilter {
  state?: DirectDebitBatchState | null;
}

/** Batches, most recently created first. */
export function listDirectDebitBatches(em: EntityManager, args: PageArgs & DirectDebitBatchFilter): Promise<Page<DirectDebitBatch>> {
  const where: FilterQuery<DirectDebitBatch> = {};
  if (args.state) where.state = args.state;
  return keysetPage(em, DirectDebitBatch, where, 'createdAt', args, 'desc');
}

export const directDebitBatchesByIds = (em: EntityManager, ids: readonly string[]) => em.find(DirectDebitBatch, { id: { $in: [...ids] } });

export const directDebitItemsByBatchIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(DirectDebitItem, { batchId: { $in: [...ids] } }, { orderBy: { instructionId: 'asc' } });

/** The direct debit items of these invoices, oldest first (a returned collection, then the next one). */
export const directDebitItemsByInvoiceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(DirectDebitItem, { invoiceId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc' } });

/** The pain.008 file of a batch, exactly as it was produced. */
export async function directDebitFile(em: EntityManager, batchId: string): Promise<{ messageId: string; xml: string }> {
  const batch = await em.findOne(DirectDebitBatch, { id: batchId }, { populate: ['pain008'] });
  if (!batch) throw Errors.notFound('DirectDebitBatch', batchId);
  return { messageId: batch.messageId, xml: batch.pain008 };
}

/**
 * Submitted batches as the bank matching takes them: the amount the bank will credit (the items
 * still pending) under the file's message id.
 */
export async function directDebitBatchesToMatch(em: EntityManager): Promise<DirectDebitBatchCandidate[]> {
  return em.execute<DirectDebitBatchCandidate[]>(
    `select b.id as "batchId", b.message_id as reference, sum(d.amount)::text as amount
       from direct_debit_batches b
       join direct_debit_items d on d.tenant_id = b.tenant_id and d.batch_id = b.id and d.status = 'PENDING'
      where b.state = 'SUBMITTED'
      group by b.id, b.message_id
      order by b.collection_date, b.message_id`,
  );
}
