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
    /** Role "facturation": invoices and statements are addressed to them. */
    isBillingContact: p.boolean().default(false),
    /** Role "sur site": the person technicians call or meet on site. */
    isSiteContact: p.boolean().default(false),
    /** Role "signataire": signs quotes and contracts for the customer. */
    isSignatory: p.boolean().default(false),
    position: p.integer().default(0),
    version: p.integer().version(),
  },
});
export type CustomerContact = InstanceType<typeof CustomerContact.class>;
