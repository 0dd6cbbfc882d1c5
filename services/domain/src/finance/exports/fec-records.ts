import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { JOURNAL_LABELS } from './export-line';
import { FEC_SEPARATOR } from './fec-format';
import { accountLabels, journalFilter, journalParam, PROVISIONAL, type LedgerLineRange } from './ledger-export-lines';
import { entryNumberSql } from '../ledger/entry-numbering';
import { DEFAULT_TIMEZONE } from '../../shared/time';

/**
 * The FEC's records as PostgreSQL writes them: one row per entry, its lines already formatted as
 * `fecRecord` formats them (fec-format.ts, the reference, which the preview uses and an
 * integration test holds this to, line for line), with the entry's line count and totals.
 *
 * Why in SQL: a fiscal year is a million lines; read as rows of twelve columns and formatted in
 * JavaScript, the export spent most of its time building and joining objects. As text, a row per
 * entry, the same file costs a fraction of that (docs/benchmarks.md › FEC export).
 */

export interface FecEntryRecords {
  /** The entry's lines, each a FEC record ending in CR LF. */
  text: string;
  lines: number;
  /** Totals of the entry's lines, numeric(14, 2) text. */
  debit: string;
  credit: string;
}

/** Whitespace that `String.prototype.trim` removes, as an escaped PostgreSQL E'' literal. */
const TRIMMED = `E'${[
  ' ',
  '\\t',
  '\\n',
  '\\r',
  '\\f',
  '\\u000B',
  '\\u00A0',
  '\\u1680',
  ...Array.from({ length: 11 }, (_, i) => `\\u${(0x2000 + i).toString(16).toUpperCase().padStart(4, '0')}`),
  '\\u2028',
  '\\u2029',
  '\\u202F',
  '\\u205F',
  '\\u3000',
  '\\uFEFF',
].join('')}'`;

/** `fecText`: separators, tabs and line breaks become one space, spaces then collapse; trimmed. */
export const fecTextSql = (expression: string) => `(case when ${expression} ~ E'[|\\t\\r\\n]'
    then btrim(regexp_replace(regexp_replace(${expression}, E'[|\\t\\r\\n]+', ' ', 'g'), ' {2,}', ' ', 'g'), ${TRIMMED})
    else btrim(coalesce(${expression}, ''), ${TRIMMED}) end)`;

const amount = (column: string) => `replace(${column}::text, '.', ',')`;

/** The 18 fields of one line (`l`) of an entry (`e`), `labels` holding the account and journal labels. */
const record = (entryNumber: string, validDate: string) =>
  `concat_ws('${FEC_SEPARATOR}',
      e.journal, ${fecTextSql(`(labels.journals ->> e.journal)`)}, ${entryNumber}, to_char(e.entry_date, 'YYYYMMDD'),
      l.account, ${fecTextSql('coalesce(labels.accounts ->> l.account, l.account)')},
      ${fecTextSql('l.auxiliary_account')}, ${fecTextSql('l.auxiliary_label')}, ${fecTextSql('e.piece_ref')}, to_char(e.piece_date, 'YYYYMMDD'),
      ${fecTextSql('l.label')}, ${amount('l.debit')}, ${amount('l.credit')}, '', '', ${validDate}, '', '') || E'\\r\\n'`;

/** The lines of each entry, in their order, with its totals (one index lookup per entry). */
const entryLines = (entryNumber: string, validDate: string) => `
  cross join lateral (
    select string_agg(${record(entryNumber, validDate)}, '' order by l.position) as text,
           count(*)::int as lines, sum(l.debit)::text as debit, sum(l.credit)::text as credit
      from ledger_entry_lines l
     where l.tenant_id = e.tenant_id and l.entry_id = e.id
  ) x`;

/** The labels, read once per export (a few hundred accounts) rather than joined on every line. */
const LABELS = `labels as (select ?::jsonb as journals, ?::jsonb as accounts)`;

function queries(tenantId: string, range: LedgerLineRange, today: string, journals: string, accounts: string) {
  const validatedDate = `to_char(e.validated_at at time zone '${DEFAULT_TIMEZONE}', 'YYYYMMDD')`;
  const validated = {
    sql: `
      with ${LABELS}
      select x.text, x.lines, x.debit, x.credit
        from labels, ledger_entries e ${entryLines('e.number', validatedDate)}
       where e.tenant_id = ? and e.validated_at is not null and e.entry_date between ? and ? ${journalFilter(range)}
       order by e.validated_at, e.journal, length(e.number), e.number`,
    params: [journals, accounts, tenantId, range.from, range.to, ...journalParam(range)],
  };
  // Open months: numbers continue each journal's counter, validated (for now) on the export date
  // or the range's last entry date when later, as `streamLedgerLines` gives them.
  const provisional = {
    sql: `
      with ${LABELS}, ${PROVISIONAL},
      open_entries as (
        select e.*, p.n, to_char(greatest(?::date, max(e.entry_date) over ()), 'YYYYMMDD') as valid_date
          from ledger_entries e join provisional p on p.id = e.id
         where e.tenant_id = ? and e.entry_date between ? and ? ${journalFilter(range)}
      )
      select x.text, x.lines, x.debit, x.credit
        from labels, open_entries e ${entryLines(entryNumberSql('e.journal', 'e.n'), 'e.valid_date')}
       order by e.journal, e.n`,
    params: [journals, accounts, tenantId, range.to, today, tenantId, range.from, range.to, ...journalParam(range)],
  };
  return [validated, provisional];
}

/** The FEC records of the range (validated entries first, in order of validation, then open months'), entry by entry. */
export async function* streamFecRecords(
  em: EntityManager,
  tenantId: string,
  range: LedgerLineRange,
  today: string,
): AsyncGenerator<FecEntryRecords> {
  const journals = JSON.stringify(JOURNAL_LABELS);
  const accounts = JSON.stringify(Object.fromEntries(await accountLabels(em, tenantId)));
  const connection = em.getConnection();
  for (const { sql, params } of queries(tenantId, range, today, journals, accounts)) {
    // A short read-ahead (500 rows a fetch, 1,000 buffered): PostgreSQL keeps producing while the
    // file is sent, and the rows waiting are few enough to die young. Measured: 4,000 buffered rows
    // survived into V8's old space and the export grew the process by ~190 MB; 1,000 by ~40 MB.
    const rows = Readable.from(connection.stream<FecEntryRecords>(sql, params, em.getTransactionContext(), undefined, 500), {
      objectMode: true,
      highWaterMark: 1000,
    });
    for await (const row of rows) yield row as FecEntryRecords;
  }
}
