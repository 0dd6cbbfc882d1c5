import type { EntityManager } from '@mikro-orm/postgresql';
import { OptimisticLockError } from '@mikro-orm/core';
import { AccountingPeriod, AccountingPeriodEvent, FiscalYear } from './period.entity';
import { closingChecks, type ClosingCheck } from './period-closing-checks';
import { postAllPendingFacts, unpostedFactsThrough } from '../ledger/posting';
import { validateEntries } from '../ledger/entry-numbering';
import {
  closingBlocker,
  fiscalYearState,
  monthlyPeriods,
  periodKey,
  periodLabel,
  reopeningBlocker,
  validateFiscalYear,
  validateReopenReason,
  type DateSpan,
} from './periods.rules';
import { actorName } from '../../platform/actor-name';
import { DomainError, Errors, assertExpectedVersion } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { localDate } from '../../shared/time';

/**
 * Fiscal years, their months, closing and reopening. Every change takes the tenant's period lock
 * (the one `assert_period_open` takes in shared mode before any write dated in a period), so a
 * closing waits for the writes in flight and the writes after it see the period closed.
 */

const stale = 'La période a été modifiée entre-temps ; rechargez-la';

async function lockPeriods(em: EntityManager, tenantId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(accounting_period_lock_key(?))', [tenantId]);
}

export interface FiscalYearWithPeriods {
  year: FiscalYear;
  periods: AccountingPeriod[];
  state: 'OPEN' | 'CLOSED';
}

/** The tenant's fiscal years, latest first, each with its months in order. */
export async function listFiscalYears(em: EntityManager): Promise<FiscalYearWithPeriods[]> {
  const [years, periods] = await Promise.all([
    em.find(FiscalYear, {}, { orderBy: { startsOn: 'desc' } }),
    em.find(AccountingPeriod, {}, { orderBy: { startsOn: 'asc' } }),
  ]);
  const byYear = Map.groupBy(periods, (p) => p.fiscalYearId);
  return years.map((year) => {
    const months = byYear.get(year.id) ?? [];
    return { year, periods: months, state: fiscalYearState(months) };
  });
}

/** Opens a fiscal year after the last one (or the first one), with its monthly periods, all open. */
export async function openFiscalYear(em: EntityManager, identity: Identity, input: DateSpan): Promise<FiscalYearWithPeriods> {
  await lockPeriods(em, identity.tenantId);
  const [previous] = await em.find(FiscalYear, {}, { orderBy: { startsOn: 'desc' }, limit: 1 });
  validateFiscalYear(input, { previous: previous ?? null, today: localDate(new Date()) });
  const year = em.create(FiscalYear, {
    id: newId(),
    tenantId: identity.tenantId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    createdBy: actorId(identity),
  });
  const periods = monthlyPeriods(input).map((month) =>
    em.create(AccountingPeriod, { id: newId(), tenantId: identity.tenantId, fiscalYearId: year.id, ...month, state: 'OPEN' }),
  );
  await em.flush();
  return { year, periods, state: 'OPEN' };
}

/** Every month of every fiscal year, in order. */
export const listAccountingPeriods = (em: EntityManager) => em.find(AccountingPeriod, {}, { orderBy: { startsOn: 'asc' } });

export async function getPeriod(em: EntityManager, id: string): Promise<AccountingPeriod> {
  const period = await em.findOne(AccountingPeriod, { id });
  if (!period) throw Errors.notFound('AccountingPeriod', id);
  return period;
}

export interface PeriodClosingChecks {
  period: AccountingPeriod;
  checks: ClosingCheck[];
  /** Why the period cannot be closed today whatever the checks say (order, not over, already closed); null when it can. */
  blocker: DomainError | null;
}

/** What is left in a month before closing it, and whether it can be closed today. */
export async function periodClosingChecks(em: EntityManager, periodId: string): Promise<PeriodClosingChecks> {
  const period = await getPeriod(em, periodId);
  const all = await listAccountingPeriods(em);
  const checks = await closingChecks(em, period);
  return { period, checks, blocker: closingBlocker(period, all, localDate(new Date())) };
}

async function saved(em: EntityManager, period: AccountingPeriod): Promise<AccountingPeriod> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw Errors.staleVersion(stale, period.version);
    throw error;
  }
  return period;
}

/**
 * Closes a month: refused while an earlier month is open or the month is not over, and while the
 * checks list something the caller has not acknowledged (`PERIOD_CHECKS_NOT_ACKNOWLEDGED`, with
 * the counts). The closing numbers the month's entries (validation) and is kept in the period's
 * history with what was acknowledged.
 */
export async function closePeriod(
  em: EntityManager,
  identity: Identity,
  periodId: string,
  input: { expectedVersion?: number | null; acknowledgeWarnings: boolean },
): Promise<AccountingPeriod> {
  await lockPeriods(em, identity.tenantId);
  const period = await em.findOne(AccountingPeriod, { id: periodId }, { refresh: true });
  if (!period) throw Errors.notFound('AccountingPeriod', periodId);
  assertExpectedVersion(period, input.expectedVersion, stale);
  const blocker = closingBlocker(period, await listAccountingPeriods(em), localDate(new Date()));
  if (blocker) throw blocker;
  const left = (await closingChecks(em, period)).filter((c) => c.count > 0);
  const key = periodKey(period.startsOn);
  if (left.length > 0 && !input.acknowledgeWarnings)
    throw Errors.conflict(
      'PERIOD_CHECKS_NOT_ACKNOWLEDGED',
      `Des points restent ouverts en ${periodLabel(key)} : prenez-en connaissance avant de clôturer`,
      { period: key, checks: left.map((c) => ({ kind: c.kind, count: c.count })) },
    );
  // Nothing can be posted in a closed month: the ledger takes the month's last facts now, and a
  // fact of a transaction still running elsewhere makes the accountant try again in a moment.
  await postAllPendingFacts(em, identity.tenantId);
  const unposted = await unpostedFactsThrough(em, identity.tenantId, period.endsOn);
  if (unposted > 0)
    throw Errors.conflict(
      'LEDGER_POSTING_PENDING',
      `${unposted} opération(s) de ${periodLabel(key)} sont en cours de comptabilisation ; réessayez dans quelques secondes`,
      { period: key, facts: unposted },
    );
  const name = await actorName(em, identity);
  const now = new Date();
  const year = await em.findOneOrFail(FiscalYear, { id: period.fiscalYearId });
  await validateEntries(em, identity.tenantId, { from: year.startsOn, through: period.endsOn }, now);
  Object.assign(period, { state: 'CLOSED', closedAt: now, closedBy: actorId(identity), closedByName: name });
  em.create(AccountingPeriodEvent, {
    id: newId(),
    tenantId: identity.tenantId,
    periodId: period.id,
    action: 'CLOSED',
    acknowledged: left.map((c) => ({ kind: c.kind, count: c.count })),
    actorId: actorId(identity),
    actorName: name,
    at: now,
  });
  return saved(em, period);
}

/** Reopens the last closed month (admins only, checked by the API), with the reason kept in its history. */
export async function reopenPeriod(
  em: EntityManager,
  identity: Identity,
  periodId: string,
  input: { reason: string; expectedVersion?: number | null },
): Promise<AccountingPeriod> {
  const reason = validateReopenReason(input.reason);
  await lockPeriods(em, identity.tenantId);
  const period = await em.findOne(AccountingPeriod, { id: periodId }, { refresh: true });
  if (!period) throw Errors.notFound('AccountingPeriod', periodId);
  assertExpectedVersion(period, input.expectedVersion, stale);
  const blocker = reopeningBlocker(period, await listAccountingPeriods(em));
  if (blocker) throw blocker;
  Object.assign(period, { state: 'OPEN', closedAt: null, closedBy: null, closedByName: null });
  em.create(AccountingPeriodEvent, {
    id: newId(),
    tenantId: identity.tenantId,
    periodId: period.id,
    action: 'REOPENED',
    reason,
    actorId: actorId(identity),
    actorName: await actorName(em, identity),
  });
  return saved(em, period);
}

/** The closings and reopenings of some periods, oldest first. */
export const periodEventsOf = (em: EntityManager, periodIds: readonly string[]) =>
  em.find(AccountingPeriodEvent, { periodId: { $in: [...periodIds] } }, { orderBy: { at: 'asc', id: 'asc' } });
