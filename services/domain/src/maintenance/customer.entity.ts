import { defineEntity, p } from '@mikro-orm/core';

export const PAYMENT_TERMS_KINDS = ['NET', 'END_OF_MONTH'] as const;

export const Customer = defineEntity({
  name: 'Customer',
  tableName: 'customers',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    code: p.string(),
    name: p.string(),
    siren: p.string().nullable(),
    siret: p.string().nullable(),
    vatNumber: p.string().nullable(),
    email: p.string().nullable(),
    /** A private person (particulier): consumer law applies, e.g. the renewal reminder of L215-1. */
    isConsumer: p.boolean().default(false),
    phone: p.string().nullable(),
    billingAddressLine1: p.string(),
    billingAddressLine2: p.string().nullable(),
    billingPostalCode: p.string(),
    billingCity: p.string(),
    billingCountry: p.string().default('FR'),
    paymentTermsDays: p.integer().default(30),
    paymentTermsKind: p.enum(PAYMENT_TERMS_KINDS).default('NET'),
    notes: p.text().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type Customer = InstanceType<typeof Customer.class>;
