import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { DUNNING_MODES, DunningSettings, InvoiceCollectionState, type DunningMode } from './dunning.entity';
import { DEFAULT_DUNNING_LEVELS, DEFAULT_MINIMUM_DAYS_BETWEEN_REMINDERS, validateDunningLevels, type DunningLevel } from './dunning.rules';
import { Invoice } from '../../billing/invoice.entity';
import { parseDecimal } from '../../billing/money';
import { Errors, Validator, assertExpectedVersion } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { isLocalDate } from '../../shared/time';

export interface DunningConfig {
  levels: DunningLevel[];
  lateInterestRate: string;
  minimumDaysBetween: number;
  mode: DunningMode;
  version: number;
}

/** The legal minimum is three times the legal interest rate; most companies print the ECB rate + 10 points. */
export const DEFAULT_LATE_INTEREST_RATE = '12.1500';

export async function dunningSettings(em: EntityManager, tenantId: string): Promise<DunningConfig> {
  const row = await em.findOne(DunningSettings, { tenantId });
  if (!row)
    return {
      levels: DEFAULT_DUNNING_LEVELS.map((l) => ({ ...l })),
      lateInterestRate: DEFAULT_LATE_INTEREST_RATE,
      minimumDaysBetween: DEFAULT_MINIMUM_DAYS_BETWEEN_REMINDERS,
      mode: 'PREVIEW',
      version: 0,
    };
  return {
    levels: row.levels,
    lateInterestRate: row.lateInterestRate,
    minimumDaysBetween: row.minimumDaysBetween,
    mode: row.mode,
    version: row.version,
  };
}

export async function updateDunningSettings(
  em: EntityManager,
  identity: Identity,
  input: Omit<DunningConfig, 'version'> & { expectedVersion?: number | null },
): Promise<DunningConfig> {
  validateDunningLevels(input.levels);
  const rate = parseDecimal(input.lateInterestRate, 'lateInterestRate', 4);
  new Validator()
    .check(!rate.isNegative() && rate.lessThanOrEqualTo(100), 'lateInterestRate', 'entre 0 et 100 %')
    .check(
      Number.isInteger(input.minimumDaysBetween) && input.minimumDaysBetween >= 0 && input.minimumDaysBetween <= 60,
      'minimumDaysBetween',
      'entre 0 et 60 jours',
    )
    .check(DUNNING_MODES.includes(input.mode), 'mode', 'AUTO ou PREVIEW')
    .throwIfInvalid();
  const values = {
    levels: input.levels.map((l) => ({ ...l, name: l.name.trim() })),
    lateInterestRate: rate.toFixed(4),
    minimumDaysBetween: input.minimumDaysBetween,
    mode: input.mode,
    updatedBy: actorId(identity),
  };
  const row = await em.findOne(DunningSettings, { tenantId: identity.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (row) {
    assertExpectedVersion(row, input.expectedVersion, 'Les réglages de relance ont été modifiés entre-temps ; rechargez-les');
    Object.assign(row, values);
  } else {
    if (input.expectedVersion)
      throw Errors.staleVersion('Les réglages de relance ont été modifiés entre-temps ; rechargez-les', 0, input.expectedVersion);
    em.create(DunningSettings, { tenantId: identity.tenantId, ...values });
  }
  await em.flush();
  return dunningSettings(em, identity.tenantId);
}

async function collectionState(em: EntityManager, identity: Identity, invoiceId: string): Promise<InvoiceCollectionState> {
  const invoice = await em.findOne(Invoice, { id: invoiceId });
  if (!invoice) throw Errors.notFound('Invoice', invoiceId);
  if (invoice.status !== 'ISSUED' || invoice.typeCode === '381')
    throw Errors.conflict('NOT_PAYABLE', `La facture ${invoice.number ?? '(brouillon)'} n’est pas une facture émise`, { invoiceId });
  const state = await em.findOne(InvoiceCollectionState, { invoiceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  return state ?? em.create(InvoiceCollectionState, { tenantId: identity.tenantId, invoiceId, disputed: false });
}

/** Disputed invoices get no reminder until the dispute is lifted; the reason is kept. */
export async function setInvoiceDispute(
  em: EntityManager,
  identity: Identity,
  invoiceId: string,
  input: { disputed: boolean; reason?: string | null },
): Promise<InvoiceCollectionState> {
  const reason = input.reason?.trim() ?? '';
  new Validator().check(!input.disputed || reason.length > 0, 'reason', 'motif du litige obligatoire', 'REQUIRED').throwIfInvalid();
  const state = await collectionState(em, identity, invoiceId);
  state.disputed = input.disputed;
  state.disputeReason = input.disputed ? reason : null;
  state.updatedBy = actorId(identity);
  await em.flush();
  return state;
}

/** The customer promised to pay by `until`: no reminder until the day after. `until: null` withdraws it. */
export async function setPaymentPromise(
  em: EntityManager,
  identity: Identity,
  invoiceId: string,
  input: { until: string | null; note?: string | null },
): Promise<InvoiceCollectionState> {
  new Validator().check(input.until === null || isLocalDate(input.until), 'until', 'date AAAA-MM-JJ', 'DATE_EXPECTED').throwIfInvalid();
  const state = await collectionState(em, identity, invoiceId);
  state.promiseUntil = input.until;
  state.promiseNote = input.until ? input.note?.trim() || null : null;
  state.updatedBy = actorId(identity);
  await em.flush();
  return state;
}

export const collectionStatesOf = (em: EntityManager, invoiceIds: readonly string[]) =>
  em.find(InvoiceCollectionState, { invoiceId: { $in: [...invoiceIds] } });
