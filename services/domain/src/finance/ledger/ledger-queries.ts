import type { EntityManager } from '@mikro-orm/postgresql';
import { JOURNALS, LedgerEntry, LedgerEntryLine, type Journal } from './ledger.entity';
import { LedgerAccount } from '../ledger-account.entity';
import { Money, sumAmounts, toAmount } from '../../billing/money';
import { Validator } from '../../shared/errors';
import { isUuid } from '../../shared/ids';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '../../shared/pagination';
import { isLocalDate } from '../../shared/time';

export interface JournalEntryFilter {
  journal?: Journal | null;
  from?: string | null;
  to?: string | null;
  /** Entries with a line on an account starting with this (e.g. "411", "445711"). */
  account?: string | null;
  customerId?: string | null;
  /** The document an entry books (invoice, credit note, payment, bank movement). */
  documentId?: string | null;
}

function checkRange(from: string | null | undefined, to: string | null | undefined): void {
  new Validator()
    .check(!from || isLocalDate(from), 'from', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(!to || isLocalDate(to), 'to', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(!from || !to || from <= to, 'to', 'après le début')
    .throwIfInvalid();
}

/** Account numbers are digits and capitals, so a prefix is a LIKE pattern as it is. */
const ACCOUNT_PREFIX = /^[0-9A-Z]{1,20}$/;

/** Entries in date order (then posting order), with a keyset cursor; a fixed number of statements per page. */
export async function listJournalEntries(em: EntityManager, args: PageArgs & JournalEntryFilter): Promise<Page<LedgerEntry>> {
  const first = pageSize(args.first);
  checkRange(args.from, args.to);
  new Validator()
    .check(!args.journal || JOURNALS.includes(args.journal), 'journal', 'VT, BQ ou OD')
    .check(!args.account || ACCOUNT_PREFIX.test(args.account), 'account', 'numéro de compte (chiffres)')
    .check(!args.customerId || isUuid(args.customerId), 'customerId', 'identifiant attendu')
    .check(!args.documentId || isUuid(args.documentId), 'documentId', 'identifiant attendu')
    .throwIfInvalid();
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (args.journal) add('e.journal = ?', args.journal);
  if (args.from) add('e.entry_date >= ?::date', args.from);
  if (args.to) add('e.entry_date <= ?::date', args.to);
  if (args.customerId) add('e.customer_id = ?::uuid', args.customerId);
  if (args.documentId) add('e.source_id = ?::uuid', args.documentId);
  if (args.account)
    add(
      'exists (select 1 from ledger_entry_lines l where l.tenant_id = e.tenant_id and l.entry_id = e.id and l.account like ?)',
      `${args.account}%`,
    );
  const filtered = where.length ? where.join(' and ') : 'true';
  let page = filtered;
  const pageParams = [...params];
  if (args.after) {
    const [date, id] = decodeCursor(args.after, ['date', 'uuid']);
    page = `${filtered} and (e.entry_date, e.id) > (?::date, ?::uuid)`;
    pageParams.push(date, id);
  }
  const [ids, [count]] = await Promise.all([
    em.execute<{ id: string }[]>(`select e.id from ledger_entries e where ${page} order by e.entry_date, e.id limit ?`, [
      ...pageParams,
      first + 1,
    ]),
    em.execute<{ n: number }[]>(`select count(*)::int as n from ledger_entries e where ${filtered}`, params),
  ]);
  const order = ids.slice(0, first).map((r) => r.id);
  const rows = order.length ? await em.find(LedgerEntry, { id: { $in: order } }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const nodes = order.map((id) => byId.get(id)!);
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor([n.entryDate, n.id])),
    hasNextPage: ids.length > first,
    hasPreviousPage: Boolean(args.after),
    totalCount: count!.n,
  };
}

export const entryLinesByEntryIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(LedgerEntryLine, { entryId: { $in: [...ids] } }, { orderBy: { entryId: 'asc', position: 'asc' } });

/** The entries booking these documents, in date order. */
export const entriesBySourceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(LedgerEntry, { sourceId: { $in: [...ids] } }, { orderBy: { entryDate: 'asc', id: 'asc' } });

export const ledgerAccountsByNumbers = (em: EntityManager, numbers: readonly string[]) =>
  em.find(LedgerAccount, { number: { $in: [...numbers] } });

export interface LedgerBalanceRow {
  account: string;
  label: string | null;
  debit: string;
  credit: string;
  /** Debit − credit: positive is a debit balance. */
  balance: string;
}

export interface LedgerBalance {
  rows: LedgerBalanceRow[];
  totalDebit: string;
  totalCredit: string;
}

/**
 * The trial balance (balance générale): per general account, the debits and credits of the entries
 * dated in the range (open ends: from the first entry, to the last), and the balance. Every entry
 * balancing, the totals are equal whatever the range (not with an account prefix).
 */
export async function ledgerBalance(
  em: EntityManager,
  args: { from?: string | null; to?: string | null; accountPrefix?: string | null },
): Promise<LedgerBalance> {
  checkRange(args.from, args.to);
  new Validator()
    .check(!args.accountPrefix || ACCOUNT_PREFIX.test(args.accountPrefix), 'accountPrefix', 'début de numéro de compte (chiffres)')
    .throwIfInvalid();
  const rows = await em.execute<{ account: string; label: string | null; debit: string; credit: string }[]>(
    `select l.account, a.label, sum(l.debit)::text as debit, sum(l.credit)::text as credit
       from ledger_entry_lines l
       join ledger_entries e on e.tenant_id = l.tenant_id and e.id = l.entry_id
       left join ledger_accounts a on a.tenant_id = l.tenant_id and a.number = l.account
      where (?::date is null or e.entry_date >= ?::date) and (?::date is null or e.entry_date <= ?::date)
        and (?::text is null or l.account like ?)
      group by l.account, a.label
      order by l.account`,
    [
      args.from ?? null,
      args.from ?? null,
      args.to ?? null,
      args.to ?? null,
      args.accountPrefix ?? null,
      args.accountPrefix ? `${args.accountPrefix}%` : null,
    ],
  );
  return {
    rows: rows.map((r) => ({
      ...r,
      debit: toAmount(r.debit),
      credit: toAmount(r.credit),
      balance: toAmount(new Money(r.debit).minus(r.credit)),
    })),
    totalDebit: toAmount(sumAmounts(rows.map((r) => r.debit))),
    totalCredit: toAmount(sumAmounts(rows.map((r) => r.credit))),
  };
}
