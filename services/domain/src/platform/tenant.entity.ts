import { defineEntity, p } from '@mikro-orm/core';

export const Tenant = defineEntity({
  name: 'Tenant',
  tableName: 'tenants',
  properties: {
    id: p.uuid().primary(),
    name: p.string(),
    slug: p.string(),
    legalName: p.string(),
    siren: p.string().nullable(),
    siret: p.string().nullable(),
    vatNumber: p.string().nullable(),
    addressLine1: p.string().nullable(),
    postalCode: p.string().nullable(),
    city: p.string().nullable(),
    country: p.string().default('FR'),
    timezone: p.string().default('Europe/Paris'),
    locale: p.string().default('fr-FR'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Tenant = InstanceType<typeof Tenant.class>;
