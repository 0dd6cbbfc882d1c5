import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { ProfitabilitySettings } from './profitability-settings.entity';
import { parseDecimal } from '../../billing/money';
import { Errors, Validator, assertExpectedVersion } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';

export interface ProfitabilityConfig {
  /** Cost of one trip, HT; null while the tenant has not set it (trips are then a cost unknown). */
  travelCostPerTrip: string | null;
  /** 0 while never saved. */
  version: number;
}

const STALE = 'Les réglages de rentabilité ont été modifiés entre-temps ; rechargez-les';

export async function profitabilitySettings(em: EntityManager, tenantId: string): Promise<ProfitabilityConfig> {
  const row = await em.findOne(ProfitabilitySettings, { tenantId });
  return row ? { travelCostPerTrip: row.travelCostPerTrip ?? null, version: row.version } : { travelCostPerTrip: null, version: 0 };
}

/** Sets the cost of a trip (null: unknown again). VALIDATION_FAILED, STALE_VERSION. */
export async function updateProfitabilitySettings(
  em: EntityManager,
  identity: Identity,
  input: { travelCostPerTrip: string | null; expectedVersion?: number | null },
): Promise<ProfitabilityConfig> {
  const cost = input.travelCostPerTrip === null ? null : parseDecimal(input.travelCostPerTrip, 'travelCostPerTrip', 2);
  new Validator()
    .check(cost === null || (!cost.isNegative() && cost.lessThan(100_000)), 'travelCostPerTrip', 'de 0 à 99 999,99 €')
    .throwIfInvalid();
  const values = { travelCostPerTrip: cost === null ? null : cost.toFixed(2), updatedBy: actorId(identity) };
  const row = await em.findOne(ProfitabilitySettings, { tenantId: identity.tenantId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (row) {
    assertExpectedVersion(row, input.expectedVersion, STALE);
    Object.assign(row, values);
  } else {
    if (input.expectedVersion) throw Errors.staleVersion(STALE, 0, input.expectedVersion);
    em.create(ProfitabilitySettings, { tenantId: identity.tenantId, ...values });
  }
  await em.flush();
  return profitabilitySettings(em, identity.tenantId);
}
