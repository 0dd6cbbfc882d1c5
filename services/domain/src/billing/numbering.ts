import type { EntityManager } from '@mikro-orm/postgresql';
import { reserveCounterValues } from '../platform/counters';

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
