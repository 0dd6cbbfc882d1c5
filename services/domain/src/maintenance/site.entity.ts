import { defineEntity, p } from '@mikro-orm/core';

export const Site = defineEntity({
  name: 'Site',
  tableName: 'sites',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    customerId: p.uuid(),
    name: p.string(),
    addressLine1: p.string(),
    postalCode: p.string(),
    city: p.string(),
    country: p.string().default('FR'),
    accessNotes: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Site = InstanceType<typeof Site.class>;
