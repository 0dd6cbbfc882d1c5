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

export function formatInvoiceNumber(series: string, year: string, value: number): string {
  return `${series}-${year}-${String(value).padStart(5, '0')}`;
}

export async function nextInvoiceNumber(em: EntityManager, tenantId: string, series: string, issueDate: string): Promise<string> {
  const [number] = await nextInvoiceNumbers(em, tenantId, series, issueDate, 1);
  return number!;
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
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`invoice-issue:${tenantId}:${series}`]);
}

/**
 * The series lock, then the moment of issue and the next number of the series for that moment's
 * year, in ONE statement: the clock is read once the lock is granted (so numbers and dates agree,
 * also at midnight and on New Year's Eve, as with `lockInvoiceSeries` then `nextInvoiceNumber`),
 * and the lock is held from there for what the issue still writes, one round trip less. `at`
 * replaces the clock (the demo data replays past months). The database's clock: one clock for
 * every replica of the services.
 */
export async function lockSeriesAndTakeNumber(
  em: EntityManager,
  tenantId: string,
  series: string,
  at: Date | null,
  timezone = DEFAULT_TIMEZONE,
): Promise<{ number: string; issuedAt: Date }> {
  const [row] = await em.execute<{ value: string; at: Date; year: string }[]>(
    `with l as materialized (select pg_advisory_xact_lock(hashtext(?)) as locked),
          t as materialized (select coalesce(?::timestamptz, clock_timestamp()) as at from l),
          y as materialized (select t.at, to_char(t.at at time zone ?, 'YYYY') as year from t),
          c as (insert into tenant_counters (tenant_id, name, value)
                select ?, ? || y.year, 1 from y
                on conflict (tenant_id, name) do update set value = tenant_counters.value + excluded.value
                returning value)
     select c.value, y.at, y.year from c, y`,
    [`invoice-issue:${tenantId}:${series}`, at ? at.toISOString() : null, timezone, tenantId, invoiceCounterName(series, '')],
  );
  return { number: formatInvoiceNumber(series, row!.year, Number(row!.value)), issuedAt: new Date(row!.at) };
}
