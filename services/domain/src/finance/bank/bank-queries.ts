import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { BankAccount, BankMovement, BankStatement, type MovementStatus } from './bank.entity';
import { keysetPage } from '../../shared/keyset';
import type { Page, PageArgs } from '../../shared/pagination';
import { containsPattern } from '../../shared/search';

export interface MovementFilter {
  statuses?: MovementStatus[] | null;
  bankAccountId?: string | null;
  statementId?: string | null;
  from?: string | null;
  to?: string | null;
  /** Label, remittance, payer name, or an exact amount. */
  search?: string | null;
  direction?: 'CREDIT' | 'DEBIT' | null;
}

/** Movements, newest booked first. */
export function listBankMovements(em: EntityManager, args: PageArgs & MovementFilter): Promise<Page<BankMovement>> {
  const where: FilterQuery<BankMovement> = {};
  if (args.statuses?.length) where.status = { $in: args.statuses };
  if (args.bankAccountId) where.bankAccountId = args.bankAccountId;
  if (args.statementId) where.statementId = args.statementId;
  if (args.from || args.to) where.bookingDate = { ...(args.from ? { $gte: args.from } : {}), ...(args.to ? { $lte: args.to } : {}) };
  if (args.direction) where.amount = args.direction === 'CREDIT' ? { $gt: '0' } : { $lt: '0' };
  const search = args.search?.trim();
  if (search) {
    const like = containsPattern(search);
    const amount = search.replace(',', '.');
    where.$or = [
      { label: { $ilike: like } },
      { remittanceInfo: { $ilike: like } },
      { counterpartyName: { $ilike: like } },
      ...(/^-?\d+(\.\d{1,2})?$/.test(amount) ? [{ amount }] : []),
    ];
  }
  return keysetPage(em, BankMovement, where, 'bookingDate', args, 'desc');
}

export const listBankStatements = (em: EntityManager, first: number) =>
  em.find(BankStatement, {}, { orderBy: { importedAt: 'desc' }, limit: first });

export const listBankAccounts = (em: EntityManager) => em.find(BankAccount, {}, { orderBy: { label: 'asc' } });

export const bankMovementsByIds = (em: EntityManager, ids: readonly string[]) => em.find(BankMovement, { id: { $in: [...ids] } });

/** How many movements wait for the user, per status, for the Banque screen's counters. */
export async function movementCounts(em: EntityManager): Promise<Record<MovementStatus, number>> {
  const rows = await em.execute<{ status: MovementStatus; count: string }[]>(
    'select status, count(*)::text as count from bank_movements group by status',
  );
  const counts = { UNMATCHED: 0, PROPOSED: 0, MATCHED: 0, BOOKED: 0 };
  for (const r of rows) counts[r.status] = Number(r.count);
  return counts;
}
