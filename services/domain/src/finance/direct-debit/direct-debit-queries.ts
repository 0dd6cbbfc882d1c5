import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Errors } from '../../shared/errors';
import { keysetPage } from '../../shared/keyset';
import type { Page, PageArgs } from '../../shared/pagination';
import type { DirectDebitBatchCandidate, DirectDebitItemCandidate } from '../bank/matching.rules';
import { paymentBlockId } from '../sepa/pain008';
import type { SequenceType } from '../sepa/mandate.rules';
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
 * Batches as the bank matching takes them, with what the bank is still to credit for each: a
 * submitted batch's pending items (and the total of each payment block, when the file has several,
 * as some banks credit them apart), or what a batch settled by hand collected less the credits
 * already matched to it.
 */
export async function directDebitBatchesToMatch(em: EntityManager): Promise<DirectDebitBatchCandidate[]> {
  const rows = await em.execute<
    {
      batchId: string;
      reference: string;
      submittedOn: string;
      settled: boolean;
      amount: string;
      blocks: { sequenceType: SequenceType; amount: string }[];
    }[]
  >(
    `select b.id as "batchId", b.message_id as reference, b.submitted_on::text as "submittedOn", false as settled,
            sum(p.amount)::text as amount,
            json_agg(json_build_object('sequenceType', p.sequence_type, 'amount', p.amount::text) order by p.sequence_type) as blocks
       from direct_debit_batches b
       join (select batch_id, sequence_type, sum(amount) as amount from direct_debit_items
              where status = 'PENDING' group by batch_id, sequence_type) p on p.batch_id = b.id
      where b.state = 'SUBMITTED'
      group by b.id, b.message_id, b.submitted_on
     union all
     select b.id, b.message_id, b.submitted_on::text, true, (c.collected - coalesce(m.credited, 0))::text, '[]'::json
       from direct_debit_batches b
       cross join lateral (select sum(d.amount) as collected from direct_debit_items d
                            where d.tenant_id = b.tenant_id and d.batch_id = b.id and d.payment_id is not null) c
       cross join lateral (select sum(bm.amount) as credited from bank_movements bm
                            where bm.tenant_id = b.tenant_id and bm.direct_debit_batch_id = b.id) m
      where b.state = 'SETTLED' and c.collected > coalesce(m.credited, 0)
      order by 3, 2`,
  );
  return rows.map(({ blocks, ...batch }) => ({
    ...batch,
    blocks: blocks.length > 1 ? blocks.map((b) => ({ reference: paymentBlockId(batch.reference, b.sequenceType), amount: b.amount })) : [],
  }));
}

/**
 * The collections a bank debit may return: pending in a submitted batch (to say its credit comes
 * first), collected, or returned by hand and whose debit is not matched yet, within the 13 months
 * a debtor has to dispute a debit.
 */
export function directDebitItemsToMatch(em: EntityManager, today: string): Promise<DirectDebitItemCandidate[]> {
  return em.execute<DirectDebitItemCandidate[]>(
    `select d.id as "itemId", d.batch_id as "batchId", b.message_id as "batchReference", d.invoice_id as "invoiceId",
            i.number as "invoiceNumber", c.name as "customerName", d.end_to_end_id as "endToEndId", m.reference as "mandateReference",
            d.amount::text as amount, d.status as state, b.settled_on::text as "settledOn"
       from direct_debit_items d
       join direct_debit_batches b on b.tenant_id = d.tenant_id and b.id = d.batch_id
       join invoices i on i.tenant_id = d.tenant_id and i.id = d.invoice_id
       join customers c on c.tenant_id = d.tenant_id and c.id = d.customer_id
       join sepa_mandates m on m.tenant_id = d.tenant_id and m.id = d.mandate_id
      where (d.status = 'PENDING' and b.state = 'SUBMITTED')
         or (b.state = 'SETTLED' and b.settled_on >= ?::date - interval '13 months'
             and (d.status = 'COLLECTED'
                  or (d.status = 'RETURNED' and d.payment_id is not null
                      and not exists (select 1 from bank_movements bm where bm.tenant_id = d.tenant_id and bm.direct_debit_item_id = d.id))))
      order by b.collection_date, d.instruction_id`,
    [today],
  );
}

export const directDebitItemsByIds = (em: EntityManager, ids: readonly string[]) => em.find(DirectDebitItem, { id: { $in: [...ids] } });
