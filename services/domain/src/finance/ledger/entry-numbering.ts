import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Validation of the entries of a closed month (FEC EcritureNum and ValidDate): each journal's
 * entries of the fiscal year dated up to the end of the month and still unnumbered get the next
 * numbers of the journal's counter in date order (then order of posting), and the closing moment.
 * Runs in the closing's transaction, under the period lock, before the month is marked closed.
 * (Entries dated before the first fiscal year belong to none and are never numbered.)
 */

/** The number as written: the journal code and the sequence on at least 6 digits (VT000042). */
export const entryNumberSql = (journal: string, n: string) => `${journal} || lpad(${n}::text, greatest(6, length(${n}::text)), '0')`;

export async function validateEntries(
  em: EntityManager,
  tenantId: string,
  range: { from: string; through: string },
  at: Date,
): Promise<number> {
  const rows = await em.execute<{ count: string }[]>(
    `with todo as (
       select e.id, e.journal, row_number() over (partition by e.journal order by e.entry_date, e.posted_at, e.id) as n
         from ledger_entries e
        where e.tenant_id = ? and e.number is null and e.entry_date between ? and ?
     ), base as (
       select j.journal, coalesce(c.last_number, 0) as last_number
         from (select distinct journal from todo) j
         left join ledger_journal_counters c on c.tenant_id = ? and c.journal = j.journal
     ), numbered as (
       update ledger_entries e
          set number = ${entryNumberSql('todo.journal', '(base.last_number + todo.n)')}, validated_at = ?
         from todo join base on base.journal = todo.journal
        where e.tenant_id = ? and e.id = todo.id
       returning e.journal
     ), counted as (
       insert into ledger_journal_counters (tenant_id, journal, last_number)
       select ?, journal, count(*) from numbered group by journal
       on conflict (tenant_id, journal) do update set last_number = ledger_journal_counters.last_number + excluded.last_number
       returning 1
     )
     select (select count(*) from numbered) as count`,
    [tenantId, range.from, range.through, tenantId, at, tenantId, tenantId],
  );
  return Number(rows[0]?.count ?? 0);
}
