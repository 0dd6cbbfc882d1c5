import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { IndexSeries, IndexValue } from './contract-billing.entity';
import { firstOfMonth } from './billing-terms.service';
import { Money } from '../money';
import { Errors, Validator } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { isLocalDate } from '../../shared/time';

/**
 * Price indices (Syntec, ICHT-rev-TS, BT40, or the tenant's own) and the values they publish
 * month by month, typed in or imported from CSV. A value can be corrected (the INSEE revises
 * provisional values); the revision of an invoice already issued keeps the value it printed.
 */

const CODE = /^[A-Z0-9][A-Z0-9_-]{0,29}$/;
const VALUE = /^\d{1,8}([.,]\d{1,4})?$/;
export const MAX_IMPORT_ROWS = 2000;

export async function createIndexSeries(
  em: EntityManager,
  tenantId: string,
  input: { code: string; name: string; description?: string | null },
): Promise<IndexSeries> {
  const code = input.code.trim().toUpperCase();
  new Validator()
    .check(CODE.test(code), 'code', 'code de 1 à 30 caractères : lettres, chiffres, - ou _ (ex. SYNTEC)')
    .check(input.name.trim().length > 0 && input.name.length <= 200, 'name', 'nom obligatoire, au plus 200 caractères')
    .check((input.description ?? '').length <= 2000, 'description', 'au plus 2 000 caractères', 'TOO_LONG')
    .throwIfInvalid();
  if (await em.findOne(IndexSeries, { code })) throw Errors.conflict('INDEX_SERIES_EXISTS', `L’indice ${code} existe déjà`, { code });
  const series = em.create(IndexSeries, {
    id: newId(),
    tenantId,
    code,
    name: input.name.trim(),
    description: input.description?.trim() || null,
  });
  await em.flush();
  return series;
}

export async function getIndexSeries(em: EntityManager, id: string): Promise<IndexSeries> {
  const series = await em.findOne(IndexSeries, { id });
  if (!series) throw Errors.notFound('IndexSeries', id);
  return series;
}

export const listIndexSeries = (em: EntityManager) => em.find(IndexSeries, {}, { orderBy: { code: 'asc' } });

export const indexValuesBySeriesIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(IndexValue, { seriesId: { $in: [...ids] } }, { orderBy: { period: 'desc' } });

interface ValueRow {
  period: string;
  value: string;
  publishedOn: string | null;
}

/** Normalises "2026-10", "2026-10-01", "10/2026" to the month's first day; null when unreadable. */
export function parsePeriod(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})(-\d{2})?$/.exec(t);
  if (m) return isLocalDate(`${m[1]}-${m[2]}-01`) ? `${m[1]}-${m[2]}-01` : null;
  m = /^(\d{2})\/(\d{4})$/.exec(t);
  if (m) return isLocalDate(`${m[2]}-${m[1]}-01`) ? `${m[2]}-${m[1]}-01` : null;
  return null;
}

function checkValue(v: Validator, row: ValueRow, field: string): void {
  v.check(VALUE.test(row.value) && new Money(row.value.replace(',', '.')).greaterThan(0), `${field}.value`, 'valeur positive (ex. 296.1)');
  v.check(row.publishedOn === null || isLocalDate(row.publishedOn), `${field}.publishedOn`, 'date AAAA-MM-JJ', 'DATE_EXPECTED');
}

async function upsertValues(
  em: EntityManager,
  identity: Identity,
  series: IndexSeries,
  rows: ValueRow[],
  source: 'MANUAL' | 'CSV',
): Promise<void> {
  const existing = new Map(
    (await em.find(IndexValue, { seriesId: series.id, period: { $in: rows.map((r) => r.period) } })).map((v) => [v.period, v]),
  );
  for (const row of rows) {
    const value = new Money(row.value.replace(',', '.')).toFixed(4);
    const current = existing.get(row.period);
    if (current) em.assign(current, { value, publishedOn: row.publishedOn, source, recordedBy: actorId(identity), recordedAt: new Date() });
    else
      em.create(IndexValue, {
        tenantId: series.tenantId,
        seriesId: series.id,
        period: row.period,
        value,
        publishedOn: row.publishedOn,
        source,
        recordedBy: actorId(identity),
      });
  }
  await em.flush();
}

export async function setIndexValue(
  em: EntityManager,
  identity: Identity,
  seriesId: string,
  input: { period: string; value: string; publishedOn?: string | null },
): Promise<IndexValue> {
  const series = await getIndexSeries(em, seriesId);
  const period = isLocalDate(input.period) ? firstOfMonth(input.period) : parsePeriod(input.period);
  const row = { period: period ?? '', value: input.value, publishedOn: input.publishedOn ?? null };
  const v = new Validator().check(period !== null, 'period', 'mois AAAA-MM');
  checkValue(v, row, 'input');
  v.throwIfInvalid();
  await upsertValues(em, identity, series, [row], 'MANUAL');
  return em.findOneOrFail(IndexValue, { seriesId, period: row.period });
}

/**
 * Imports `period;value[;published_on]` lines (a header line is allowed; `;` or `,` between
 * columns, a decimal comma with `;`). One bad line refuses the whole file, naming the line.
 */
export async function importIndexValues(
  em: EntityManager,
  identity: Identity,
  seriesId: string,
  csv: string,
): Promise<{ imported: number; created: number; updated: number }> {
  const series = await getIndexSeries(em, seriesId);
  const firstLine = csv.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(csv, {
      delimiter,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      bom: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw Errors.validation([{ field: line ? `csv.line[${line}]` : 'csv', message: 'fichier CSV illisible' }]);
  }
  const hasHeader = parsed.length > 0 && parsePeriod(parsed[0]!.record[0] ?? '') === null && !/^\d/.test(parsed[0]!.record[0] ?? '');
  const body = hasHeader ? parsed.slice(1) : parsed;
  const v = new Validator()
    .check(body.length > 0, 'csv', 'aucune valeur : une ligne par mois, « 2026-10;296,1 »')
    .check(body.length <= MAX_IMPORT_ROWS, 'csv', `au plus ${MAX_IMPORT_ROWS} lignes`);
  v.throwIfInvalid();
  const rows: ValueRow[] = [];
  const seen = new Set<string>();
  body.forEach(({ record: cells, info }) => {
    // The line of the file, blank lines included, as the user's editor numbers it.
    const field = `csv.line[${info.lines}]`;
    const period = parsePeriod(cells[0] ?? '');
    v.check(period !== null, `${field}.period`, `mois illisible « ${(cells[0] ?? '').slice(0, 20)} » (AAAA-MM attendu)`);
    const row = { period: period ?? '', value: cells[1] ?? '', publishedOn: cells[2] ? cells[2] : null };
    checkValue(v, row, field);
    if (period) {
      v.check(!seen.has(period), `${field}.period`, 'mois en double dans le fichier');
      seen.add(period);
    }
    rows.push(row);
  });
  v.throwIfInvalid();
  const before = await em.count(IndexValue, { seriesId, period: { $in: rows.map((r) => r.period) } });
  await upsertValues(em, identity, series, rows, 'CSV');
  return { imported: rows.length, created: rows.length - before, updated: before };
}
