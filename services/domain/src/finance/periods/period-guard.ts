import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainError } from '../../shared/errors';
import { noFiscalYearError, periodClosedError, periodContaining, periodKey } from './periods.rules';
import { listAccountingPeriods } from './periods.service';

/**
 * The closed-period rule as the services check it before writing, so the caller gets the typed
 * refusal (`PERIOD_CLOSED`, `NO_FISCAL_YEAR`) and nothing is written. The database checks the
 * same rule in its triggers (`assert_period_open`); what it refuses is turned into the same errors
 * by `periodErrorFromDatabase`.
 */

/**
 * The last day nothing may be dated on (or before): the end of the last closed period, or the day
 * before the first fiscal year; null while the tenant has no fiscal year (nothing is closed then).
 */
export async function closedThrough(em: EntityManager): Promise<string | null> {
  const [row] = await em.execute<{ closedThrough: string }[]>(`select closed_through::text as "closedThrough" from accounting_locks`);
  return row?.closedThrough ?? null;
}

/** Refuses a document or a payment dated in a closed period (or before the first fiscal year). */
export async function assertPeriodOpen(em: EntityManager, date: string): Promise<void> {
  const last = await closedThrough(em);
  if (last === null || date > last) return;
  const periods = await listAccountingPeriods(em);
  const period = periodContaining(date, periods);
  throw period ? periodClosedError(periodKey(period.startsOn), date) : noFiscalYearError(date, periods[0]!.startsOn);
}

/** The database's refusal of a row dated in a closed period, as the typed error the services give; null for any other error. */
export function periodErrorFromDatabase(error: unknown): DomainError | null {
  const e = error as { code?: unknown; constraint?: unknown; detail?: unknown } | null;
  if (!e || e.code !== '23514' || typeof e.detail !== 'string') return null;
  if (e.constraint !== 'period_closed' && e.constraint !== 'no_fiscal_year') return null;
  const detail = JSON.parse(e.detail) as { period?: string; date: string; firstFiscalYearStart?: string };
  return e.constraint === 'period_closed'
    ? periodClosedError(detail.period!, detail.date)
    : noFiscalYearError(detail.date, detail.firstFiscalYearStart!);
}
