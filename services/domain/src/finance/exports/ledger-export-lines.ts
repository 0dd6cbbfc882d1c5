import type { EntityManager } from '@mikro-orm/postgresql';
import { JOURNAL_LABELS, type ExportLine } from './export-line';
import { entryNumberSql } from '../ledger/entry-numbering';
import type { Journal } from '../ledger/ledger.entity';
import { DEFAULT_TIMEZONE } from '../../shared/time';

/**
 * The journal lines of a date range, read for an export. Entries of closed months carry the
 * number and validation their closing gave them; those of open months get provisional numbers
 * continuing each journal's counter in date order (what the closing will give them if nothing
 * else is posted before) and the export date as validation date (never before their own date).
 */

export interface LedgerLineRange {
  from: string;
  to: string;
  journal: Journal | null;
}

/** FEC: in order of validation (closed months first, as they were closed); other exports: by date. */
export type LedgerLineOrder = 'VALIDATION' | 'DATE';

const ORDER: Record<LedgerLineOrder, string> = {
  VALIDATION: 'e.validated_at nulls last, e.entry_date, e.journal, length(e.entry_number), e.entry_number, l.position',
  DATE: 'e.entry_date, e.journal, length(e.entry_number), e.entry_number, l.position',
};

function linesQuery(tenantId: string, range: LedgerLineRange, order: LedgerLineOrder, today: string, limit: number | null) {
  const sql = `
    with provisional as (
      select e.id, row_number() over (partition by e.journal order by e.entry_date, e.posted_at, e.id) as n
        from ledger_entries e
       where e.tenant_id = ? and e.number is null and e.entry_date <= ?
    ), entries as (
      select e.tenant_id, e.id, e.journal, e.entry_date, e.piece_ref, e.piece_date, e.validated_at,
             coalesce(e.number, ${entryNumberSql('e.journal', '(coalesce(c.last_number, 0) + p.n)')}) as entry_number,
             coalesce(to_char(e.validated_at at time zone '${DEFAULT_TIMEZONE}', 'YYYYMMDD'),
                      to_char(greatest(e.entry_date, ?::date), 'YYYYMMDD')) as valid_date
        from ledger_entries e
        left join provisional p on p.id = e.id
        left join ledger_journal_counters c on c.tenant_id = e.tenant_id and c.journal = e.journal
       where e.tenant_id = ? and e.entry_date between ? and ? ${range.journal ? 'and e.journal = ?' : ''}
    )
    select e.journal, e.entry_number as "entryNumber", to_char(e.entry_date, 'YYYYMMDD') as "entryDate",
           l.account, coalesce(a.label, l.account) as "accountLabel",
           l.auxiliary_account as "auxiliaryAccount", l.auxiliary_label as "auxiliaryLabel",
           e.piece_ref as "pieceRef", to_char(e.piece_date, 'YYYYMMDD') as "pieceDate", l.label,
           l.debit::text as debit, l.credit::text as credit, e.valid_date as "validDate"
      from entries e
      join ledger_entry_lines l on l.tenant_id = e.tenant_id and l.entry_id = e.id
      left join ledger_accounts a on a.tenant_id = e.tenant_id and a.number = l.account
     order by ${ORDER[order]}
     ${limit === null ? '' : `limit ${Math.trunc(limit)}`}`;
  const params = [tenantId, range.to, today, tenantId, range.from, range.to, ...(range.journal ? [range.journal] : [])];
  return { sql, params };
}

type LineRow = Omit<ExportLine, 'journalLabel'>;
const withJournalLabel = (row: LineRow): ExportLine => ({ ...row, journalLabel: JOURNAL_LABELS[row.journal] ?? row.journal });

/** Every line of the range, read through a cursor in the scope's transaction (never all in memory). */
export async function* streamLedgerLines(
  em: EntityManager,
  tenantId: string,
  range: LedgerLineRange,
  order: LedgerLineOrder,
  today: string,
): AsyncGenerator<ExportLine> {
  const { sql, params } = linesQuery(tenantId, range, order, today, null);
  const connection = em.getConnection();
  for await (const row of connection.stream<LineRow>(sql, params, em.getTransactionContext(), undefined, 5000))
    yield withJournalLabel(row as LineRow);
}

/** The first lines of the range, for a preview. */
export async function firstLedgerLines(
  em: EntityManager,
  tenantId: string,
  range: LedgerLineRange,
  order: LedgerLineOrder,
  today: string,
  limit: number,
): Promise<ExportLine[]> {
  const { sql, params } = linesQuery(tenantId, range, order, today, limit);
  return (await em.execute<LineRow[]>(sql, params)).map(withJournalLabel);
}

export interface LedgerRangeSummary {
  lines: number;
  entries: number;
  provisionalEntries: number;
  totalDebit: string;
  totalCredit: string;
}

export async function ledgerRangeSummary(em: EntityManager, tenantId: string, range: LedgerLineRange): Promise<LedgerRangeSummary> {
  const [row] = await em.execute<{ lines: string; entries: string; provisional: string; debit: string; credit: string }[]>(
    `select count(*) as lines, count(distinct e.id) as entries, count(distinct e.id) filter (where e.number is null) as provisional,
            coalesce(sum(l.debit), 0)::text as debit, coalesce(sum(l.credit), 0)::text as credit
       from ledger_entries e join ledger_entry_lines l on l.tenant_id = e.tenant_id and l.entry_id = e.id
      where e.tenant_id = ? and e.entry_date between ? and ? ${range.journal ? 'and e.journal = ?' : ''}`,
    [tenantId, range.from, range.to, ...(range.journal ? [range.journal] : [])],
  );
  return {
    lines: Number(row?.lines ?? 0),
    entries: Number(row?.entries ?? 0),
    provisionalEntries: Number(row?.provisional ?? 0),
    totalDebit: row?.debit ?? '0',
    totalCredit: row?.credit ?? '0',
  };
}
