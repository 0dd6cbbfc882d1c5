import { defineEntity, p } from '@mikro-orm/core';

/** What the tenant's profitability figures assume beyond the records: the cost of one trip. */
export const ProfitabilitySettings = defineEntity({
  name: 'ProfitabilitySettings',
  tableName: 'profitability_settings',
  properties: {
    tenantId: p.uuid().primary(),
    /** Cost of one trip to a site (vehicle, fuel, tolls, time on the road), HT; null while not set. */
    travelCostPerTrip: p.decimal('string').precision(10).scale(2).nullable(),
    updatedBy: p.uuid().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
  },
});
export type ProfitabilitySettings = InstanceType<typeof ProfitabilitySettings.class>;
