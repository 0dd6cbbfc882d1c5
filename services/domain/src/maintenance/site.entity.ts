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
    /** A dwelling (local d'habitation) completed more than two years ago: works there may bear reduced VAT. */
    dwellingOverTwoYears: p.boolean().default(false),
    /** When the customer signed the attestation that the site is such a dwelling (CGI art. 279-0 bis). */
    reducedVatAttestedOn: p.string().columnType('date').nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type Site = InstanceType<typeof Site.class>;
