import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm';
import { inTenantScope, type ScopeMeta } from '../db/tenant-scope';
import { enqueueMail } from '../mail/outbox.service';
import { isMailAddress } from '../mail/outbox.rules';
import { portalBranding, type PortalCompany } from '../platform/portal-branding';
import { backOfficeUrl, publicBaseUrl } from '../platform/public-url';
import { signPortalSessionToken } from '../platform/session-token';
import { Tenant } from '../platform/tenant.entity';
import { DomainError, Errors } from '../shared/errors';
import { systemIdentity, type Identity } from '../shared/identity';
import { newId } from '../shared/ids';
import { Customer } from './customer.entity';
import { CustomerContact } from './customer-contact.entity';
import { getCustomerContact } from './customer.service';
import {
  hashPortalToken,
  isPortalTokenShape,
  newPortalToken,
  normaliseEmail,
  portalLinkExpiry,
  portalLinkMail,
  portalSignInUrl,
} from './portal-access.rules';
import { PortalSignInLink } from './portal-sign-in-link.entity';

/** A contact a link is made for, with the name of the company (customer) it opens. */
interface LinkRecipient {
  contactId: string;
  customerId: string;
  customerName: string;
  email: string;
}

const linkInvalid = () =>
  new DomainError('PORTAL_LINK_INVALID', 'UNAUTHENTICATED', 'Ce lien de connexion n’est plus valable : demandez-en un nouveau.');

/**
 * Creates one link per contact and queues ONE mail per address listing the companies' links, in
 * the caller's transaction (docs/portal.md, "Who signs in").
 */
async function mailPortalLinks(em: EntityManager, identity: Identity, recipients: readonly LinkRecipient[], now: Date): Promise<void> {
  const tenant = await em.findOneOrFail(Tenant, { id: identity.tenantId });
  // The portal is a page of the back-office's server, as the invitation's is; a tenant's own address comes first.
  const base = publicBaseUrl(tenant.publicUrl, backOfficeUrl());
  const byAddress = new Map<string, LinkRecipient[]>();
  for (const r of recipients) byAddress.set(normaliseEmail(r.email), [...(byAddress.get(normaliseEmail(r.email)) ?? []), r]);
  for (const group of byAddress.values()) {
    const links = group.map((r) => {
      const token = newPortalToken();
      em.create(PortalSignInLink, {
        id: newId(),
        tenantId: identity.tenantId,
        contactId: r.contactId,
        customerId: r.customerId,
        email: r.email,
        tokenHash: hashPortalToken(token),
        expiresAt: portalLinkExpiry(now),
      });
      return { customerName: r.customerName, url: portalSignInUrl(base, tenant.slug, token) };
    });
    const mail = portalLinkMail(tenant.name, links);
    await enqueueMail(em, identity, {
      to: [group[0]!.email.trim()],
      subject: mail.subject,
      text: mail.text,
      related: { type: 'CustomerContact', id: group[0]!.contactId },
    });
  }
}

interface ContactByEmailRow {
  tenant_id: string;
  contact_id: string;
  customer_id: string;
  customer_name: string;
  email: string;
}

/**
 * `requestPortalSignInLink`: whatever the address, nothing tells the caller whether it is a
 * contact's. When contacts of the tenant named by `slug` have it, each gets a link (as the system:
 * nobody is signed in yet) and the address one mail.
 */
export async function requestPortalSignInLink(
  orm: Orm,
  input: { tenant: string; email: string },
  meta: ScopeMeta,
  now = new Date(),
): Promise<void> {
  const email = input.email.trim();
  if (!isMailAddress(email)) return;
  const rows = await orm.em
    .getConnection()
    .execute<ContactByEmailRow[]>('select * from portal_contacts_by_email(?, ?)', [input.tenant.trim(), email]);
  if (rows.length === 0) return;
  const tenantId = rows[0]!.tenant_id;
  const identity = systemIdentity(tenantId, 'portal-sign-in');
  await inTenantScope(orm, identity, meta, (em) =>
    mailPortalLinks(
      em,
      identity,
      rows.map((r) => ({ contactId: r.contact_id, customerId: r.customer_id, customerName: r.customer_name, email: r.email })),
      now,
    ),
  );
}

/** `invitePortalContact`: the office mails a contact a sign-in link (CONTACT_EMAIL_MISSING without an address). */
export async function invitePortalContact(em: EntityManager, identity: Identity, contactId: string, now = new Date()): Promise<void> {
  const contact = await getCustomerContact(em, contactId);
  if (!contact.email || !isMailAddress(contact.email.trim()))
    throw new DomainError(
      'CONTACT_EMAIL_MISSING',
      'BAD_USER_INPUT',
      `${contact.fullName} n’a pas d’adresse e-mail : ajoutez-la avant de l’inviter.`,
      {
        contactId,
      },
    );
  const customer = await em.findOneOrFail(Customer, { id: contact.customerId });
  await mailPortalLinks(em, identity, [{ contactId, customerId: customer.id, customerName: customer.name, email: contact.email }], now);
}

interface ConsumedLinkRow {
  tenant_id: string;
  contact_id: string;
  customer_id: string;
  email: string;
}

/**
 * `signInWithPortalLink`: consumes the link (once, within its 30 minutes, while its contact keeps
 * the address it was mailed to) and answers a portal session; PORTAL_LINK_INVALID otherwise, and
 * then nothing has changed.
 */
export async function signInWithPortalLink(
  orm: Orm,
  token: string,
  requestId: string,
  sessionSecret: string,
): Promise<{ token: string; expiresAt: Date }> {
  if (!isPortalTokenShape(token)) throw linkInvalid();
  const [row] = await orm.em
    .getConnection()
    .execute<ConsumedLinkRow[]>('select * from portal_consume_sign_in_link(?, ?)', [hashPortalToken(token), requestId]);
  if (!row) throw linkInvalid();
  return signPortalSessionToken(
    { tenantId: row.tenant_id, contactId: row.contact_id, customerId: row.customer_id, email: row.email },
    sessionSecret,
  );
}

export interface PortalViewer {
  contactName: string;
  email: string;
  customerName: string;
  company: PortalCompany;
}

/** `portalViewer`: the signed-in contact, the customer and the company, read in the caller's scope. */
export async function portalViewer(em: EntityManager, identity: Extract<Identity, { kind: 'customer' }>): Promise<PortalViewer> {
  // The gateway checks the contact at most once a second: one removed within that second is refused here.
  const contact = await em.findOne(CustomerContact, { id: identity.contactId, customerId: identity.customerId });
  if (!contact) throw Errors.portalAccessRevoked();
  const customer = await em.findOneOrFail(Customer, { id: identity.customerId });
  const tenant = await em.findOneOrFail(Tenant, { id: identity.tenantId });
  const company = await portalBranding(em, tenant.slug);
  if (!company) throw Errors.notFound('Tenant', tenant.id);
  return { contactName: contact.fullName, email: contact.email ?? identity.email, customerName: customer.name, company };
}
