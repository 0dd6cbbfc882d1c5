import { defineEntity, p } from '@mikro-orm/core';

export const CustomerContact = defineEntity({
  name: 'CustomerContact',
  tableName: 'customer_contacts',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    customerId: p.uuid(),
    fullName: p.string(),
    jobTitle: p.string().nullable(),
    email: p.string().nullable(),
    phone: p.string().nullable(),
    isBillingContact: p.boolean().default(false),
    position: p.integer().default(0),
  },
});
export type CustomerContact = InstanceType<typeof CustomerContact.class>;
