import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword, newId } from '@relais/domain';
import { serviceBundle } from '../../scripts/build-services';
import { freePort, startProcess, stopProcess, waitForHealth } from '../../scripts/stack';
import { adminClient } from '../support/database';
import { DEMO_PASSWORD, errorCodes, gql, login, must, type GraphQLResponse } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

async function addUser(tenantId: string, role: string): Promise<{ id: string; email: string }> {
  const user = { id: newId(), email: `${role}.${newId()}@sign-in.test` };
  const client = await adminClient();
  try {
    await client.query(
      `insert into users (tenant_id, id, email, full_name, role, password_hash) values ($1, $2, $3, 'Utilisateur test', $4, $5)`,
      [tenantId, user.id, user.email, role, await hashPassword(DEMO_PASSWORD)],
    );
  } finally {
    await client.end();
  }
  return user;
}

interface Answer extends GraphQLResponse<{ login: { token: string } | null }> {
  retryAfter: string | null;
}

/**
 * Failed sign-ins (docs/api.md, "Sign-in and sessions"), on a gateway of its own with small limits and
 * a short window: 3 failures per e-mail, 6 per client address, 10 seconds (each sign-in checks a
 * scrypt hash: on a loaded machine a few attempts take seconds). The test runner is on this machine,
 * a trusted proxy by default, so X-Forwarded-For stands for the client's address.
 */
describe('failed sign-ins', () => {
  const PER_EMAIL = 3;
  const PER_ADDRESS = 6;
  const WINDOW_SECONDS = 10;
  let tenant: TestTenant;
  let gateway: ChildProcess;
  let url: string;
  const run = Math.floor(Math.random() * 200) + 10;
  const address = (n: number) => `198.51.${run}.${n}`;

  const signIn = async (email: string, password: string, from: string, query = LOGIN): Promise<Answer> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ query, variables: { email, password } }),
    });
    const body = (await response.json()) as Omit<Answer, 'status' | 'retryAfter'>;
    return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
  };

  beforeAll(async () => {
    tenant = await createTestTenant('sign-in');
    const port = await freePort();
    gateway = startProcess('gateway-sign-in', serviceBundle('gateway'), {
      APP_DATABASE_URL: inject('appDatabaseUrl'),
      SESSION_SECRET: inject('sessionSecret'),
      INTERNAL_IDENTITY_SECRET: inject('internalSecret'),
      LOG_LEVEL: 'error',
      GATEWAY_PORT: String(port),
      LOGIN_MAX_FAILURES_PER_EMAIL: String(PER_EMAIL),
      LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
      LOGIN_FAILURE_WINDOW_SECONDS: String(WINDOW_SECONDS),
      ...Object.fromEntries(Object.entries(inject('subgraphUrls')).map(([name, subgraph]) => [`${name.toUpperCase()}_URL`, subgraph])),
    });
    await waitForHealth(`http://127.0.0.1:${port}/health`, gateway, 'sign-in gateway');
    url = `http://127.0.0.1:${port}/graphql`;
  }, 150_000);

  afterAll(async () => {
    if (gateway) await stopProcess(gateway);
  });

  it('locks an e-mail after 3 wrong passwords, the right one included, until the window passes; other accounts sign in', async () => {
    const other = await addUser(tenant.tenantId, 'planner');
    for (let i = 0; i < PER_EMAIL; i++) {
      const wrong = await signIn(tenant.adminEmail, `mauvais-${i}`, address(1));
      expect(errorCodes(wrong)).toEqual(['INVALID_CREDENTIALS']);
    }
    const locked = await signIn(tenant.adminEmail, DEMO_PASSWORD, address(1));
    expect(locked.status).toBe(429);
    expect(errorCodes(locked)).toEqual(['RATE_LIMITED']);
    expect(locked.data ?? null).toBeNull();
    const retryAfter = Number(locked.retryAfter);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(locked.errors![0]!.extensions!.retryAfterSeconds).toBe(retryAfter);
    // From another address too: the lock is the e-mail's.
    expect(errorCodes(await signIn(` ${tenant.adminEmail.toUpperCase()} `, DEMO_PASSWORD, address(2)))).toEqual(['RATE_LIMITED']);

    // Another account, from the same address, is not held up by these failures.
    expect((await signIn(other.email, DEMO_PASSWORD, address(1))).data?.login?.token).toEqual(expect.any(String));

    // Still locked until Retry-After has passed, then the right password opens the session.
    const stillLocked = await signIn(tenant.adminEmail, DEMO_PASSWORD, address(1));
    expect(errorCodes(stillLocked)).toEqual(['RATE_LIMITED']);
    await new Promise((resolve) => setTimeout(resolve, Number(stillLocked.retryAfter) * 1000 + 300));
    const after = await signIn(tenant.adminEmail, DEMO_PASSWORD, address(1));
    expect(after.status).toBe(200);
    expect(after.data?.login?.token).toEqual(expect.any(String));
  }, 60_000);

  it('a success clears the e-mail’s failures', async () => {
    const user = await addUser(tenant.tenantId, 'billing');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < PER_EMAIL - 1; i++)
        expect(errorCodes(await signIn(user.email, 'mauvais', address(3 + round)))).toEqual(['INVALID_CREDENTIALS']);
      expect((await signIn(user.email, DEMO_PASSWORD, address(3 + round))).data?.login).toBeTruthy();
    }
  });

  it('locks a client address after 6 failures whatever the e-mails; other addresses sign in', async () => {
    const user = await addUser(tenant.tenantId, 'accountant');
    for (let i = 0; i < PER_ADDRESS; i++)
      expect(errorCodes(await signIn(`inconnu.${i}.${newId()}@sign-in.test`, 'mauvais', address(5)))).toEqual(['INVALID_CREDENTIALS']);
    const locked = await signIn(user.email, DEMO_PASSWORD, address(5));
    expect(locked.status).toBe(429);
    expect(errorCodes(locked)).toEqual(['RATE_LIMITED']);
    expect((await signIn(user.email, DEMO_PASSWORD, address(6))).data?.login).toBeTruthy();
  });

  it('counts concurrent guesses exactly: 10 at once on one e-mail, 3 are tried and 7 refused', async () => {
    const user = await addUser(tenant.tenantId, 'technician');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(user.email, `mauvais-${i}`, address(7))));
    const codes = answers.flatMap(errorCodes).sort();
    expect(codes).toEqual([...Array<string>(3).fill('INVALID_CREDENTIALS'), ...Array<string>(7).fill('RATE_LIMITED')]);
  });

  it('refuses two sign-ins in one request, trying neither', async () => {
    const user = await addUser(tenant.tenantId, 'planner');
    const two = await signIn(
      user.email,
      DEMO_PASSWORD,
      address(8),
      'mutation($email: String!, $password: String!) { a: login(email: $email, password: "x") { token } b: login(email: $email, password: $password) { token } }',
    );
    expect(two.status).toBe(400);
    expect(errorCodes(two)).toEqual(['BAD_REQUEST']);
  });
});

describe('sessions of a deactivated or re-roled user', () => {
  let tenant: TestTenant;
  let adminToken: string;

  beforeAll(async () => {
    tenant = await createTestTenant('sessions');
    adminToken = await login(tenant.adminEmail);
  });

  const SET_ACTIVE = 'mutation($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active) { id active } }';
  const me = (token: string) => gql<{ me: { id: string; role: string } }>('{ me { id role } }', {}, token);

  it('stops a deactivated user’s session at once with 401 USER_DEACTIVATED, and their sign-in', async () => {
    const planner = await addUser(tenant.tenantId, 'planner');
    const token = await login(planner.email);
    expect(must(await me(token)).me).toEqual({ id: planner.id, role: 'PLANNER' });

    must(await gql(SET_ACTIVE, { id: planner.id, active: false }, adminToken));
    // The gateway trusts what it read of a user for one second at most.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const refused = await me(token);
    expect(refused.status).toBe(401);
    expect(errorCodes(refused)).toEqual(['USER_DEACTIVATED']);
    const write = await gql(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name: 'Client fantôme', billingAddressLine1: '1 rue de la Paix', billingPostalCode: '75002', billingCity: 'Paris' } },
      token,
    );
    expect(write.status).toBe(401);
    expect(errorCodes(write)).toEqual(['USER_DEACTIVATED']);
    const customers = must(
      await gql<{ customers: { totalCount: number } }>('{ customers(search: "Client fantôme") { totalCount } }', {}, adminToken),
    );
    expect(customers.customers.totalCount).toBe(0);
    await expect(login(planner.email)).rejects.toThrow(/INVALID_CREDENTIALS/);
  });

  it('applies a role change to an open session at once', async () => {
    const user = await addUser(tenant.tenantId, 'billing');
    const token = await login(user.email);
    expect(errorCodes(await gql('{ fiscalYears { id } }', {}, token))).toEqual([]);
    must(
      await gql(
        'mutation($id: ID!, $role: Role!) { changeUserRole(id: $id, role: $role) { id } }',
        { id: user.id, role: 'TECHNICIAN' },
        adminToken,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(must(await me(token)).me.role).toBe('TECHNICIAN');
    expect(errorCodes(await gql('{ fiscalYears { id } }', {}, token))).toEqual(['FORBIDDEN']);
  });
});
