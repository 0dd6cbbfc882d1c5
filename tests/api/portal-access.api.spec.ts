import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IDENTITY_HEADER, signInternalIdentity } from '@relais/domain';
import { serviceBundle } from '../../scripts/build-services';
import { freePort, startProcess, stopProcess, waitForHealth } from '../../scripts/stack';
import { adminClient } from '../support/database';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { mailTo } from '../support/mail-catcher';
import { addPortalContact, portalSessionFor } from '../support/portal';
import { createTestTenant, type TestTenant } from '../support/tenants';

/** The customer portal's sign-in (docs/portal.md, "Who signs in" and "What a portal caller can reach"), through the gateway. */

const REQUEST = 'mutation Request($tenant: String!, $email: String!) { requestPortalSignInLink(tenant: $tenant, email: $email) }';
const SIGN_IN = 'mutation SignIn($token: String!) { signInWithPortalLink(token: $token) { token expiresAt } }';
const VIEWER = '{ portalViewer { contactName email customerName company { name logoUrl primaryColor } } }';
const INVITE = 'mutation Invite($id: ID!) { invitePortalContact(contactId: $id) }';
const SUBJECT = 'Votre accès à l’espace client';

const unique = (label: string) => `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@portail.test`;

async function sql<T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = await adminClient();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function createCustomer(office: string, name: string): Promise<string> {
  const data = must(
    await gql<{ createCustomer: { id: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name, billingAddressLine1: '1 rue du Port', billingPostalCode: '29200', billingCity: 'Brest' } },
      office,
    ),
  );
  return data.createCustomer.id;
}

/** The links of the mail sent to `address` (one per company), by the company named before each. */
async function linksMailedTo(address: string, slug: string): Promise<string[]> {
  const mail = await mailTo(address, SUBJECT);
  return [...mail.text.matchAll(new RegExp(`/portail/${slug}/connexion#([A-Za-z0-9_-]{43})`, 'g'))].map((m) => m[1]!);
}

describe('portal sign-in by a one-time link', () => {
  let tenant: TestTenant;
  let office: string;
  let customerId: string;
  let secondCustomerId: string;
  let contactEmail: string;
  let contactId: string;

  beforeAll(async () => {
    tenant = await createTestTenant('portal-access');
    office = await login(tenant.adminEmail);
    customerId = await createCustomer(office, 'Boulangerie Le Fournil');
    secondCustomerId = await createCustomer(office, 'Hôtel de la Rade');
    contactEmail = unique('marie');
    contactId = await addPortalContact(tenant.tenantId, customerId, contactEmail, 'Marie Le Goff');
  }, 120_000);

  it('mails a link that signs the contact in once; portalViewer answers the contact, the customer and the company', async () => {
    const asked = await gql<{ requestPortalSignInLink: boolean }>(REQUEST, { tenant: tenant.slug, email: contactEmail.toUpperCase() });
    expect(asked.data?.requestPortalSignInLink).toBe(true);
    const [token] = await linksMailedTo(contactEmail, tenant.slug);
    expect(token).toBeDefined();
    const stored = await sql<{ token_hash: string; expires_in: number }>(
      `select token_hash, extract(epoch from expires_at - created_at)::int as expires_in from portal_sign_in_links where contact_id = $1`,
      [contactId],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.expires_in).toBe(1800);
    expect(stored[0]!.token_hash).not.toContain(token);

    const signedIn = must(await gql<{ signInWithPortalLink: { token: string; expiresAt: string } }>(SIGN_IN, { token }));
    const session = signedIn.signInWithPortalLink.token;
    const days = (new Date(signedIn.signInWithPortalLink.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const viewer = must(await gql<{ portalViewer: Record<string, unknown> }>(VIEWER, {}, session));
    expect(viewer.portalViewer).toEqual({
      contactName: 'Marie Le Goff',
      email: contactEmail,
      customerName: 'Boulangerie Le Fournil',
      company: { name: 'Test portal-access', logoUrl: null, primaryColor: '#1c7ed6' },
    });

    const again = await gql(SIGN_IN, { token });
    expect(errorCodes(again)).toEqual(['PORTAL_LINK_INVALID']);
    const audit = await sql<{ actor_kind: string; actor_id: string }>(
      `select actor_kind, actor_id from audit_log where table_name = 'portal_sign_in_links' and action = 'update' and tenant_id = $1`,
      [tenant.tenantId],
    );
    expect(audit).toEqual([{ actor_kind: 'customer', actor_id: contactId }]);
  });

  it('sends a contact of two customers one mail listing both companies', async () => {
    const email = unique('double');
    await addPortalContact(tenant.tenantId, customerId, email, 'Jean Kerouac');
    await addPortalContact(tenant.tenantId, secondCustomerId, email, 'Jean Kerouac');
    must(await gql(REQUEST, { tenant: tenant.slug, email }));
    const mail = await mailTo(email, SUBJECT);
    expect(mail.text).toContain('Boulangerie Le Fournil :');
    expect(mail.text).toContain('Hôtel de la Rade :');
    const tokens = await linksMailedTo(email, tenant.slug);
    expect(tokens).toHaveLength(2);
    const sessions = await Promise.all(
      tokens.map(async (token) => must(await gql<{ signInWithPortalLink: { token: string } }>(SIGN_IN, { token }))),
    );
    const names = await Promise.all(
      sessions.map(
        async (s) =>
          must(await gql<{ portalViewer: { customerName: string } }>(VIEWER, {}, s.signInWithPortalLink.token)).portalViewer.customerName,
      ),
    );
    expect(names.sort()).toEqual(['Boulangerie Le Fournil', 'Hôtel de la Rade']);
    const outbox = await sql<{ n: number }>(`select count(*)::int as n from outbox_messages where $1 = any (to_addresses)`, [email]);
    expect(outbox[0]!.n).toBe(1);
  });

  it('answers true for an unknown e-mail, or another tenant’s slug, and sends nothing', async () => {
    const stranger = unique('inconnu');
    expect((await gql(REQUEST, { tenant: tenant.slug, email: stranger })).data).toEqual({ requestPortalSignInLink: true });
    const other = await createTestTenant('portal-other');
    expect((await gql(REQUEST, { tenant: other.slug, email: contactEmail })).data).toEqual({ requestPortalSignInLink: true });
    expect((await gql(REQUEST, { tenant: 'pas-de-tel-slug', email: contactEmail })).data).toEqual({ requestPortalSignInLink: true });
    const mails = await sql<{ n: number }>(
      `select count(*)::int as n from outbox_messages where $1 = any (to_addresses) or tenant_id = $2`,
      [stranger, other.tenantId],
    );
    expect(mails[0]!.n).toBe(0);
    const links = await sql<{ n: number }>(`select count(*)::int as n from portal_sign_in_links where tenant_id = $1 or email = $2`, [
      other.tenantId,
      stranger,
    ]);
    expect(links[0]!.n).toBe(0);
  });

  it('refuses an expired or unknown link with PORTAL_LINK_INVALID, and changes nothing', async () => {
    const email = unique('expire');
    const id = await addPortalContact(tenant.tenantId, customerId, email);
    must(await gql(REQUEST, { tenant: tenant.slug, email }));
    const [token] = await linksMailedTo(email, tenant.slug);
    await sql(`update portal_sign_in_links set expires_at = now() - interval '1 second' where contact_id = $1`, [id]);
    const expired = await gql(SIGN_IN, { token });
    expect(errorCodes(expired)).toEqual(['PORTAL_LINK_INVALID']);
    expect(expired.data ?? null).toBeNull();
    const link = await sql<{ used_at: Date | null }>(`select used_at from portal_sign_in_links where contact_id = $1`, [id]);
    expect(link).toEqual([{ used_at: null }]);
    expect(errorCodes(await gql(SIGN_IN, { token: 'A'.repeat(43) }))).toEqual(['PORTAL_LINK_INVALID']);
    expect(errorCodes(await gql(SIGN_IN, { token: "' or 1=1 --" }))).toEqual(['PORTAL_LINK_INVALID']);
  });

  it('lets the office invite a contact (CONTACT_EMAIL_MISSING without an address); a technician may not', async () => {
    const email = unique('invite');
    const id = await addPortalContact(tenant.tenantId, customerId, email, 'Invitée Portail');
    expect(must(await gql<{ invitePortalContact: boolean }>(INVITE, { id }, office)).invitePortalContact).toBe(true);
    const [token] = await linksMailedTo(email, tenant.slug);
    must(await gql(SIGN_IN, { token }));

    const withoutEmail = await sql<{ id: string }>(
      `insert into customer_contacts (tenant_id, id, customer_id, full_name, position)
       values ($1, gen_random_uuid(), $2, 'Sans Adresse', 98) returning id`,
      [tenant.tenantId, customerId],
    );
    const missing = await gql(INVITE, { id: withoutEmail[0]!.id }, office);
    expect(errorCodes(missing)).toEqual(['CONTACT_EMAIL_MISSING']);
    const session = await portalSessionFor(tenant.tenantId, contactId);
    expect(errorCodes(await gql(INVITE, { id: contactId }, session))).toEqual(['FORBIDDEN']);
  });

  it('ends a removed contact’s session, and a re-addressed one’s, at once (PORTAL_ACCESS_REVOKED, 401)', async () => {
    const email = unique('retire');
    const id = await addPortalContact(tenant.tenantId, customerId, email);
    const session = await portalSessionFor(tenant.tenantId, id);
    must(await gql(VIEWER, {}, session));
    must(await gql('mutation($id: ID!) { removeCustomerContact(id: $id) { id } }', { id }, office));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const refused = await gql(VIEWER, {}, session);
    expect(errorCodes(refused)).toEqual(['PORTAL_ACCESS_REVOKED']);
    expect(refused.status).toBe(401);

    const movedEmail = unique('change');
    const moved = await addPortalContact(tenant.tenantId, customerId, movedEmail);
    const movedSession = await portalSessionFor(tenant.tenantId, moved);
    must(
      await gql(
        'mutation($id: ID!, $input: ContactInput!) { updateCustomerContact(id: $id, input: $input) { id } }',
        { id: moved, input: { fullName: 'Contact Portail', email: unique('nouvelle') } },
        office,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(errorCodes(await gql(VIEWER, {}, movedSession))).toEqual(['PORTAL_ACCESS_REVOKED']);
  });

  it('keeps the sessions of the contacts an updateCustomer list keeps by id; ends the removed and re-addressed ones’', async () => {
    const ownerId = await createCustomer(office, 'Garage du Moulin');
    const keptEmail = unique('garde');
    const [kept, removed, moved] = [
      await addPortalContact(tenant.tenantId, ownerId, keptEmail, 'Anne Garde'),
      await addPortalContact(tenant.tenantId, ownerId, unique('retiree'), 'Paul Retiré'),
      await addPortalContact(tenant.tenantId, ownerId, unique('demenage'), 'Lise Déménage'),
    ];
    const sessions = {
      kept: await portalSessionFor(tenant.tenantId, kept),
      removed: await portalSessionFor(tenant.tenantId, removed),
      moved: await portalSessionFor(tenant.tenantId, moved),
    };
    const UPDATE = 'mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }';
    const FILE = 'query($id: ID!) { customer(id: $id) { name contacts { id fullName email roles } } }';
    type File = { customer: { name: string; contacts: { id: string; fullName: string; email: string | null; roles: string[] }[] } };
    const before = must(await gql<File>(FILE, { id: ownerId }, office));

    const otherCustomersContact = await addPortalContact(tenant.tenantId, secondCustomerId, unique('autre'));
    for (const stranger of ['00000000-0000-4000-8000-000000000000', otherCustomersContact]) {
      const refused = await gql(
        UPDATE,
        {
          id: ownerId,
          input: {
            name: 'Écrasé',
            contacts: [
              { id: kept, fullName: 'Anne Garde' },
              { id: stranger, fullName: 'Intrus' },
            ],
          },
        },
        office,
      );
      expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
      expect(refused.errors![0]!.extensions).toMatchObject({ fields: [{ field: 'contacts[1].id' }] });
    }
    expect(must(await gql<File>(FILE, { id: ownerId }, office))).toEqual(before);

    const newEmail = unique('nouvelle-adresse');
    must(
      await gql(
        UPDATE,
        {
          id: ownerId,
          input: {
            name: 'Garage du Moulin SARL',
            contacts: [
              { fullName: 'Jean Nouveau', roles: ['SITE'] },
              { id: kept, fullName: 'Anne Garde-Morvan', email: keptEmail, roles: ['SIGNATORY'] },
              { id: moved, fullName: 'Lise Déménage', email: newEmail },
            ],
          },
        },
        office,
      ),
    );
    const after = must(await gql<File>(FILE, { id: ownerId }, office)).customer;
    expect(after.name).toBe('Garage du Moulin SARL');
    expect(after.contacts.map((c) => [c.id === kept ? 'kept' : c.id === moved ? 'moved' : 'new', c.fullName, c.email, c.roles])).toEqual([
      ['new', 'Jean Nouveau', null, ['SITE']],
      ['kept', 'Anne Garde-Morvan', keptEmail, ['SIGNATORY']],
      ['moved', 'Lise Déménage', newEmail, []],
    ]);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const viewer = await gql<{ portalViewer: { contactName: string; customerName: string } }>(VIEWER, {}, sessions.kept);
    expect(viewer.data?.portalViewer).toMatchObject({ contactName: 'Anne Garde-Morvan', customerName: 'Garage du Moulin SARL' });
    for (const ended of [sessions.removed, sessions.moved]) {
      const refused = await gql(VIEWER, {}, ended);
      expect(errorCodes(refused)).toEqual(['PORTAL_ACCESS_REVOKED']);
      expect(refused.status).toBe(401);
    }
  });

  it('refuses the office’s fields to a portal session, which changes nothing, and portalViewer to the office', async () => {
    const session = await portalSessionFor(tenant.tenantId, contactId);
    const before = await sql<{ n: number }>('select count(*)::int as n from customers where tenant_id = $1', [tenant.tenantId]);
    for (const query of [
      '{ customers(first: 5) { totalCount } }',
      '{ invoices(first: 5) { totalCount } }',
      '{ payments(first: 5) { totalCount } }',
      '{ me { id } }',
      '{ tenant { id } }',
      '{ auditLog(first: 5) { id } }',
      `{ customer(id: "${customerId}") { id name } }`,
    ]) {
      const answer = await gql(query, {}, session);
      expect(errorCodes(answer), query).toEqual(['FORBIDDEN']);
    }
    const created = await gql(
      'mutation { createCustomer(input: { name: "Intrus", billingAddressLine1: "x", billingPostalCode: "29200", billingCity: "Brest" }) { id } }',
      {},
      session,
    );
    expect(errorCodes(created)).toEqual(['FORBIDDEN']);
    const after = await sql<{ n: number }>('select count(*)::int as n from customers where tenant_id = $1', [tenant.tenantId]);
    expect(after).toEqual(before);

    expect(errorCodes(await gql(VIEWER, {}, office))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(VIEWER, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('gives a portal caller none of the office’s entities through a subgraph’s _entities', async () => {
    const identity = { kind: 'customer' as const, tenantId: tenant.tenantId, customerId, contactId, email: contactEmail };
    const response = await fetch(inject('subgraphUrls').maintenance!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await signInternalIdentity(identity, inject('internalSecret')) },
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id name } } }',
        variables: { r: [{ __typename: 'Customer', id: customerId }] },
      }),
    });
    expect(((await response.json()) as { data: { _entities: unknown[] } }).data._entities).toEqual([null]);
  });

  it('shows the company before sign-in: portalCompany, its colour set by an admin, its logo at a public address', async () => {
    const color = must(
      await gql<{ updateInvoicingSettings: { portalPrimaryColor: string } }>(
        'mutation { updateInvoicingSettings(input: { portalPrimaryColor: "#AA3300" }) { portalPrimaryColor } }',
        {},
        office,
      ),
    );
    expect(color.updateInvoicingSettings.portalPrimaryColor).toBe('#aa3300');
    const refused = await gql(
      'mutation { updateInvoicingSettings(input: { portalPrimaryColor: "rouge" }) { portalPrimaryColor } }',
      {},
      office,
    );
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);

    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await sql('update tenants set logo_image = $2 where id = $1', [tenant.tenantId, png]);
    const company = must(
      await gql<{ portalCompany: { name: string; logoUrl: string; primaryColor: string } }>(
        'query($t: String!) { portalCompany(tenant: $t) { name logoUrl primaryColor } }',
        { t: tenant.slug },
      ),
    );
    expect(company.portalCompany).toEqual({
      name: 'Test portal-access',
      logoUrl: `/public/branding/${tenant.slug}/logo`,
      primaryColor: '#aa3300',
    });
    const logo = await fetch(new URL(company.portalCompany.logoUrl, inject('gatewayUrl')));
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await logo.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(new URL('/public/branding/pas-de-tel-slug/logo', inject('gatewayUrl')))).status).toBe(404);
    expect(must(await gql('{ portalCompany(tenant: "pas-de-tel-slug") { name } }'))).toEqual({ portalCompany: null });
  });
});

/**
 * Link requests limited per e-mail and per client address, on a gateway of its own with small limits
 * (2 per e-mail, 4 per address, 30 seconds); the runner is a trusted proxy, so X-Forwarded-For stands
 * for the client's address.
 */
describe('portal link requests rate-limited', () => {
  let gateway: ChildProcess;
  let url: string;
  const run = Math.floor(Math.random() * 200) + 10;

  const ask = async (email: string, from: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ query: REQUEST, variables: { tenant: 'climouest', email } }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, code: body.errors?.[0]?.extensions?.code ?? null, retryAfter: response.headers.get('retry-after') };
  };

  beforeAll(async () => {
    const port = await freePort();
    gateway = startProcess('gateway-portal-links', serviceBundle('gateway'), {
      APP_DATABASE_URL: inject('appDatabaseUrl'),
      SESSION_SECRET: inject('sessionSecret'),
      INTERNAL_IDENTITY_SECRET: inject('internalSecret'),
      LOG_LEVEL: 'error',
      GATEWAY_PORT: String(port),
      PORTAL_LINK_MAX_PER_EMAIL: '2',
      PORTAL_LINK_MAX_PER_ADDRESS: '4',
      PORTAL_LINK_WINDOW_SECONDS: '30',
      ...Object.fromEntries(Object.entries(inject('subgraphUrls')).map(([name, subgraph]) => [`${name.toUpperCase()}_URL`, subgraph])),
    });
    await waitForHealth(`http://127.0.0.1:${port}/health`, gateway, 'portal links gateway');
    url = `http://127.0.0.1:${port}/graphql`;
  }, 150_000);

  afterAll(async () => {
    if (gateway) await stopProcess(gateway);
  });

  it('refuses a third request for one e-mail and a fifth from one address (429 RATE_LIMITED); others still pass', async () => {
    const address = `198.51.${run}.7`;
    const email = unique('limite');
    expect((await ask(email, address)).status).toBe(200);
    expect((await ask(email, address)).status).toBe(200);
    const third = await ask(email, address);
    expect(third).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(third.retryAfter)).toBeGreaterThan(0);
    // The same e-mail from elsewhere is refused too; the address has spent 2 of its 4 (refusals cost nothing).
    expect((await ask(email, `198.51.${run}.8`)).status).toBe(429);
    expect((await ask(unique('autre'), address)).status).toBe(200);
    expect((await ask(unique('encore'), address)).status).toBe(200);
    expect(await ask(unique('de-trop'), address)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((await ask(unique('ailleurs'), `198.51.${run}.9`)).status).toBe(200);
  });
});
