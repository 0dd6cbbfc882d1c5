import type { EntityManager } from '@mikro-orm/postgresql';
import { reserveCounterValues } from '../platform/counters';
import { DEFAULT_TIMEZONE } from '../shared/time';

/**
 * Legal invoice numbers: `${series}-${year}-${5 digits}` (F-2026-00042), one counter per tenant,
 * series and year (of the issue date, tenant-local). The counter row stays locked until the
 * issuing transaction ends, so numbers are chronological and without gaps among committed
 * invoices, and a rolled-back issue gives its number back.
 */
export function invoiceCounterName(series: string, year: string): string {
  return `invoice:${series}:${year}`;
}

const seriesLockKey = (tenantId: string, series: string) => `invoice-issue:${tenantId}:${series}`;

export function formatInvoiceNumber(series: string, year: string, value: number): string {
  return `${series}-${year}-${String(value).padStart(5, '0')}`;
}

/** `count` consecutive numbers of the series, reserved in one statement (a billing run's chunk). */
export async function nextInvoiceNumbers(
  em: EntityManager,
  tenantId: string,
  series: string,
  issueDate: string,
  count: number,
): Promise<string[]> {
  const year = issueDate.slice(0, 4);
  const first = await reserveCounterValues(em, tenantId, invoiceCounterName(series, year), count);
  return Array.from({ length: count }, (_, i) => formatInvoiceNumber(series, year, first + i));
}

/**
 * Issuers of a series queue here first, before reading the date, so a later number never carries an
 * earlier date (also at midnight and on New Year's Eve); held until the transaction ends.
 */
export async function lockInvoiceSeries(em: EntityManager, tenantId: string, series: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [seriesLockKey(tenantId, series)]);
}

/**
 * The series lock, then the moment of issue and the series' next number for that moment's year, as
 * the first common table expressions of the statement that writes the issue: it ends with
 * `n(at, issue_date, number)`, the issue's instant, its tenant-local date and its number
 * (`formatInvoiceNumber`'s). The clock is read once the lock is granted, so numbers and dates agree
 * (also at midnight and on New Year's Eve), and the lock is held from there to the transaction's end.
 * Nothing is locked or counted unless the CTE `guard` (defined before these) has a row. `at` replaces
 * the clock (the demo data replays past months). The database's clock: one clock for every replica
 * of the services.
 */
export function seriesNumberCtes(
  tenantId: string,
  series: string,
  at: Date | null,
  guard: string,
  timezone = DEFAULT_TIMEZONE,
): { sql: string; params: unknown[] } {
  return {
    sql: `l as materialized (select pg_advisory_xact_lock(hashtext(?)) as locked from ${guard}),
     t as materialized (select coalesce(?::timestamptz, clock_timestamp()) as at from l),
     d as materialized (select t.at, (t.at at time zone ?)::date as issue_date from t),
     c as (insert into tenant_counters (tenant_id, name, value)
           select ?, ? || to_char(d.issue_date, 'YYYY'), 1 from d
           on conflict (tenant_id, name) do update set value = tenant_counters.value + excluded.value
           returning value),
     n as materialized (select d.at, d.issue_date,
                               ? || '-' || to_char(d.issue_date, 'YYYY') || '-' || lpad(c.value::text, greatest(5, length(c.value::text)), '0') as number
                        from c, d)`,
    params: [seriesLockKey(tenantId, series), at ? at.toISOString() : null, timezone, tenantId, invoiceCounterName(series, ''), series],
  };
}
