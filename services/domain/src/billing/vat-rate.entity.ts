import { defineEntity, p } from '@mikro-orm/core';

export const VatRate = defineEntity({
  name: 'VatRate',
  tableName: 'vat_rates',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    code: p.string(),
    label: p.string(),
    rate: p.decimal('string').precision(5).scale(2),
    categoryCode: p.string(),
    exemptionReason: p.string().nullable(),
    active: p.boolean().default(true),
  },
});
export type VatRate = InstanceType<typeof VatRate.class>;
