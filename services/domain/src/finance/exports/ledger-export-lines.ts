import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { JOURNAL_LABELS, type ExportLine } from './export-line';
import { entryNumberSql } from '../ledger/entry-numbering';
import type { Journal } from '../ledger/ledger.entity';
import { DEFAULT_TIMEZONE } from '../../shared/time';

/**
 * The journal lines of a date range, read for an export. Entries of closed months carry the
 * number and validation their closing gave them; those of open months get provisional numbers
 * continuing each journal's counter in date order (what the closing will give them if nothing
 * else is posted before) and, as validation date, the export date (or the latest entry date of
 * the range when later).
 */

export interface LedgerLineRange {
  from: string;
  to: string;
  journal: Journal | null;
}

/**
 * VALIDATION (the FEC): closed months first, in order of their closings, each journal's entries in
 * number order (the index `ledger_entries_validation_idx` gives that order without a sort), then
 * the entries of open months per journal in provisional number order. DATE (the CSV layouts): by
 * date, then journal and number.
 */
export type LedgerLineOrder = 'VALIDATION' | 'DATE';

type LineRow = Omit<ExportLine, 'journalLabel' | 'accountLabel'>;

const LINE_COLUMNS = `e.journal, to_char(e.entry_date, 'YYYYMMDD') as "entryDate", l.account,
       l.auxiliary_account as "auxiliaryAccount", l.auxiliary_label as "auxiliaryLabel",
       e.piece_ref as "pieceRef", to_char(e.piece_date, 'YYYYMMDD') as "pieceDate", l.label,
       l.debit::text as debit, l.credit::text as credit`;

export const journalFilter = (range: LedgerLineRange) => (range.journal ? 'and e.journal = ?' : '');
export const journalParam = (range: LedgerLineRange) => (range.journal ? [range.journal] : []);

/** Open months' entries with their provisional numbers (`n` continues the journal's counter). */
export const PROVISIONAL = `
  provisional as (
    select e.id, coalesce(c.last_number, 0) + row_number() over (partition by e.journal order by e.entry_date, e.posted_at, e.id) as n
      from ledger_entries e
      left join ledger_journal_counters c on c.tenant_id = e.tenant_id and c.journal = e.journal
     where e.tenant_id = ? and e.number is null and e.entry_date <= ?
  )`;

/** The validated entries of the range, in order of validation. */
function validatedQuery(tenantId: string, range: LedgerLineRange, limit: number | null) {
  const sql = `
    select ${LINE_COLUMNS}, e.number as "entryNumber",
           to_char(e.validated_at at time zone '${DEFAULT_TIMEZONE}', 'YYYYMMDD') as "validDate"
      from ledger_entries e
      join ledger_entry_lines l on l.tenant_id = e.tenant_id and l.entry_id = e.id
     where e.tenant_id = ? and e.validated_at is not null and e.entry_date between ? and ? ${journalFilter(range)}
     order by e.validated_at, e.journal, length(e.number), e.number, l.position
     ${limit === null ? '' : `limit ${Math.trunc(limit)}`}`;
  return { sql, params: [tenantId, range.from, range.to, ...journalParam(range)] };
}

/** The open months' entries of the range, each journal in provisional number order. */
function provisionalQuery(tenantId: string, range: LedgerLineRange, today: string, limit: number | null) {
  const sql = `
    with ${PROVISIONAL}
    select ${LINE_COLUMNS}, ${entryNumberSql('e.journal', 'p.n')} as "entryNumber",
           to_char(greatest(?::date, max(e.entry_date) over ()), 'YYYYMMDD') as "validDate"
      from ledger_entries e
      join provisional p on p.id = e.id
      join ledger_entry_lines l on l.tenant_id = e.tenant_id and l.entry_id = e.id
     where e.tenant_id = ? and e.entry_date between ? and ? ${journalFilter(range)}
     order by e.journal, p.n, l.position
     ${limit === null ? '' : `limit ${Math.trunc(limit)}`}`;
  return { sql, params: [tenantId, range.to, today, tenantId, range.from, range.to, ...journalParam(range)] };
}

/** Every entry of the range by date, validated or not (the CSV layouts). */
function byDateQuery(tenantId: string, range: LedgerLineRange, today: string, limit: number | null) {
  const sql = `
    with ${PROVISIONAL}
    select ${LINE_COLUMNS}, coalesce(e.number, ${entryNumberSql('e.journal', 'p.n')}) as "entryNumber",
           coalesce(to_char(e.validated_at at time zone '${DEFAULT_TIMEZONE}', 'YYYYMMDD'),
                    to_char(greatest(?::date, e.entry_date), 'YYYYMMDD')) as "validDate"
      from ledger_entries e
      left join provisional p on p.id = e.id
      join ledger_entry_lines l on l.tenant_id = e.tenant_id and l.entry_id = e.id
     where e.tenant_id = ? and e.entry_date between ? and ? ${journalFilter(range)}
     order by e.entry_date, e.journal, coalesce(e.number is null, false), length(e.number), e.number, p.n, l.position
     ${limit === null ? '' : `limit ${Math.trunc(limit)}`}`;
  return { sql, params: [tenantId, range.to, today, tenantId, range.from, range.to, ...journalParam(range)] };
}

function queries(tenantId: string, range: LedgerLineRange, order: LedgerLineOrder, today: string, limit: number | null) {
  return order === 'VALIDATION'
    ? [validatedQuery(tenantId, range, limit), provisionalQuery(tenantId, range, today, limit)]
    : [byDateQuery(tenantId, range, today, limit)];
}

/** The labels of the chart of accounts (a few hundred): looked up in memory rather than joined on every line. */
export async function accountLabels(em: EntityManager, tenantId: string): Promise<Map<string, string>> {
  const rows = await em.execute<{ number: string; label: string }[]>('select number, label from ledger_accounts where tenant_id = ?', [
    tenantId,
  ]);
  return new Map(rows.map((r) => [r.number, r.label]));
}

/** Completes a row in place (a million of them: no copy). */
const labelled =
  (labels: Map<string, string>) =>
  (row: LineRow): ExportLine =>
    Object.assign(row, { journalLabel: JOURNAL_LABELS[row.journal] ?? row.journal, accountLabel: labels.get(row.account) ?? row.account });

/** Every line of the range, read through a cursor in the scope's transaction (never all in memory). */
export async function* streamLedgerLines(
  em: EntityManager,
  tenantId: string,
  range: LedgerLineRange,
  order: LedgerLineOrder,
  today: string,
): AsyncGenerator<ExportLine> {
  const label = labelled(await accountLabels(em, tenantId));
  const connection = em.getConnection();
  for (const { sql, params } of queries(tenantId, range, order, today, null)) {
    // Read ahead (a Readable buffers up to its high-water mark): PostgreSQL produces the next rows
    // while these are formatted and sent, instead of each side waiting for the other.
    const rows = Readable.from(connection.stream<LineRow>(sql, params, em.getTransactionContext(), undefined, 5000), {
      objectMode: true,
      highWaterMark: 10_000,
    });
    for await (const row of rows) yield label(row as LineRow);
  }
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
  const label = labelled(await accountLabels(em, tenantId));
  const lines: ExportLine[] = [];
  for (const { sql, params } of queries(tenantId, range, order, today, limit)) {
    if (lines.length >= limit) break;
    lines.push(...(await em.execute<LineRow[]>(sql, params)).slice(0, limit - lines.length).map(label));
  }
  return lines;
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
      where e.tenant_id = ? and e.entry_date between ? and ? ${journalFilter(range)}`,
    [tenantId, range.from, range.to, ...journalParam(range)],
  );
  return {
    lines: Number(row?.lines ?? 0),
    entries: Number(row?.entries ?? 0),
    provisionalEntries: Number(row?.provisional ?? 0),
    totalDebit: row?.debit ?? '0',
    totalCredit: row?.credit ?? '0',
  };
}

/** Whether some entries of the range are still in open months (their numbers provisional). */
export async function hasProvisionalEntries(em: EntityManager, tenantId: string, range: LedgerLineRange): Promise<boolean> {
  const [row] = await em.execute<{ found: boolean }[]>(
    `select exists (select 1 from ledger_entries e
                     where e.tenant_id = ? and e.number is null and e.entry_date between ? and ? ${journalFilter(range)}) as found`,
    [tenantId, range.from, range.to, ...journalParam(range)],
  );
  return row?.found === true;
}
