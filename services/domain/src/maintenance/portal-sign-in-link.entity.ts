import { defineEntity, p } from '@mikro-orm/core';

/** A one-time portal sign-in link mailed to a customer's contact (docs/portal.md); only its token's SHA-256 is kept. */
export const PortalSignInLink = defineEntity({
  name: 'PortalSignInLink',
  tableName: 'portal_sign_in_links',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    contactId: p.uuid(),
    customerId: p.uuid(),
    /** The address it was mailed to: the link opens nothing once the contact's e-mail has changed. */
    email: p.string(),
    tokenHash: p.string(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PortalSignInLink = InstanceType<typeof PortalSignInLink.class>;
