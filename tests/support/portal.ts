import { hashPortalToken, newId, newPortalToken, portalLinkExpiry } from '@relais/domain';
import { adminClient } from './database';
import { gql } from './graphql-client';

const SIGN_IN = 'mutation PortalSignIn($token: String!) { signInWithPortalLink(token: $token) { token expiresAt } }';

/**
 * A portal session (bearer token) for a customer's contact, signed in through the gateway with a
 * one-time link made for them (docs/portal.md), without waiting for the mail: for tests of the
 * portal's own fields. The contact must have an e-mail. portal-access.api.spec.ts covers the mail.
 */
export async function portalSessionFor(tenantId: string, contactId: string): Promise<string> {
  const token = await portalLinkTokenFor(tenantId, contactId);
  const response = await gql<{ signInWithPortalLink: { token: string } }>(SIGN_IN, { token });
  if (!response.data?.signInWithPortalLink) throw new Error(`portal sign-in failed: ${JSON.stringify(response.errors)}`);
  return response.data.signInWithPortalLink.token;
}

/**
 * The token of a fresh one-time sign-in link for a contact with an e-mail, as the mail would carry it
 * (`/portail/<slug>/connexion#<token>`): for browser tests that open the portal without the mail catcher.
 */
export async function portalLinkTokenFor(tenantId: string, contactId: string): Promise<string> {
  const token = newPortalToken();
  const client = await adminClient();
  try {
    const { rowCount } = await client.query(
      `insert into portal_sign_in_links (tenant_id, id, contact_id, customer_id, email, token_hash, expires_at)
       select c.tenant_id, $3, c.id, c.customer_id, c.email, $4, $5 from customer_contacts c
        where c.tenant_id = $1 and c.id = $2 and c.email is not null`,
      [tenantId, contactId, newId(), hashPortalToken(token), portalLinkExpiry(new Date())],
    );
    if (rowCount !== 1) throw new Error(`no contact ${contactId} with an e-mail in tenant ${tenantId}`);
  } finally {
    await client.end();
  }
  return token;
}

/** A contact with an e-mail for a customer of the tenant (as the office would add it), for portal tests; returns its id. */
export async function addPortalContact(tenantId: string, customerId: string, email: string, fullName = 'Contact Portail'): Promise<string> {
  const id = newId();
  const client = await adminClient();
  try {
    await client.query(
      `insert into customer_contacts (tenant_id, id, customer_id, full_name, email, position) values ($1, $2, $3, $4, $5, 99)`,
      [tenantId, id, customerId, fullName, email],
    );
  } finally {
    await client.end();
  }
  return id;
}
