import type { EntityManager } from '@mikro-orm/postgresql';
import { nextCounterValue } from '../platform/counters';

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
  const year = issueDate.slice(0, 4);
  return formatInvoiceNumber(series, year, await nextCounterValue(em, tenantId, invoiceCounterName(series, year)));
}
