import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serviceBundle } from '../../scripts/build-services';
import { freePort, startProcess, stopProcess, waitForHealth } from '../../scripts/stack';
import { errorCodes, gql, login, must, type GraphQLResponse } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';

/** Idempotency keys and per-minute rate limits, through a real gateway (docs/api.md). */

const CREATE_CUSTOMER = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id code name } }';
const customerInput = (name: string) => ({
  name,
  billingAddressLine1: '3 quai de la Fosse',
  billingPostalCode: '44000',
  billingCity: 'Nantes',
});

interface Answer extends GraphQLResponse<{ createCustomer: { id: string; code: string; name: string } }> {
  headers: Headers;
  text: string;
}

async function post(url: string, token: string, body: object, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, ...(JSON.parse(text) as object) };
}

async function customersNamed(token: string, name: string): Promise<number> {
  const { customers } = must(
    await gql<{ customers: { totalCount: number } }>('query($s: String!) { customers(search: $s) { totalCount } }', { s: name }, token),
  );
  return customers.totalCount;
}

describe('idempotency keys', () => {
  let tenant: TestTenant;
  let token: string;
  const gateway = () => inject('gatewayUrl');

  beforeAll(async () => {
    tenant = await createTestTenant('idempotency');
    token = await login(tenant.adminEmail);
  });

  it('runs a mutation once for one key and body, and replays the stored answer', async () => {
    const body = { query: CREATE_CUSTOMER, variables: { input: customerInput('Idem Une Fois') } };
    const first = await post(gateway(), token, body, { 'idempotency-key': 'order-1' });
    // The same request, laid out differently: variables' keys in another order, extra spaces in the document.
    const retry = await post(
      gateway(),
      token,
      { variables: { input: { ...customerInput('Idem Une Fois') } }, query: `${CREATE_CUSTOMER}  ` },
      { 'idempotency-key': 'order-1' },
    );
    expect(first.status).toBe(200);
    expect(first.data!.createCustomer.name).toBe('Idem Une Fois');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.text).toBe(first.text);
    expect(await customersNamed(token, 'Idem Une Fois')).toBe(1);
  });

  it('refuses the same key with another body, and creates nothing', async () => {
    must(
      await post(
        gateway(),
        token,
        { query: CREATE_CUSTOMER, variables: { input: customerInput('Idem Premier') } },
        { 'idempotency-key': 'order-2' },
      ),
    );
    const other = await post(
      gateway(),
      token,
      { query: CREATE_CUSTOMER, variables: { input: customerInput('Idem Autre Corps') } },
      { 'idempotency-key': 'order-2' },
    );
    expect(other.status).toBe(422);
    expect(errorCodes(other)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await customersNamed(token, 'Idem Autre Corps')).toBe(0);
  });

  it('runs 5 concurrent identical requests once: the others are replayed or told the key is in use', async () => {
    const body = { query: CREATE_CUSTOMER, variables: { input: customerInput('Idem Concurrent') } };
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(gateway(), token, body, { 'idempotency-key': 'order-3' })));
    const created = answers.filter((a) => a.status === 200 && !a.headers.get('idempotent-replayed'));
    expect(created).toHaveLength(1);
    for (const other of answers.filter((a) => a !== created[0])) {
      if (other.status === 200) expect(other.text).toBe(created[0]!.text);
      else {
        expect(other.status).toBe(409);
        expect(errorCodes(other)).toEqual(['IDEMPOTENCY_KEY_IN_USE']);
      }
    }
    expect(await customersNamed(token, 'Idem Concurrent')).toBe(1);
  });

  it('keeps each tenant’s keys apart', async () => {
    const otherTenant = await createTestTenant('idempotency-other');
    const otherToken = await login(otherTenant.adminEmail);
    const body = { query: CREATE_CUSTOMER, variables: { input: customerInput('Idem Deux Locataires') } };
    const mine = await post(gateway(), token, body, { 'idempotency-key': 'shared-key' });
    const theirs = await post(gateway(), otherToken, body, { 'idempotency-key': 'shared-key' });
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.data!.createCustomer.id).not.toBe(mine.data!.createCustomer.id);
    expect(await customersNamed(token, 'Idem Deux Locataires')).toBe(1);
    expect(await customersNamed(otherToken, 'Idem Deux Locataires')).toBe(1);
  });

  it('refuses a malformed key with 400 and lets queries ignore the header', async () => {
    const body = { query: CREATE_CUSTOMER, variables: { input: customerInput('Idem Clé Invalide') } };
    for (const key of ['x'.repeat(256), 'clé-accentuée']) {
      const refused = await post(gateway(), token, body, { 'idempotency-key': key });
      expect(refused.status, key).toBe(400);
      expect(errorCodes(refused)).toEqual(['IDEMPOTENCY_KEY_INVALID']);
    }
    expect(await customersNamed(token, 'Idem Clé Invalide')).toBe(0);
    const query = { query: '{ customers { totalCount } }' };
    const before = await post(gateway(), token, query, { 'idempotency-key': 'read-1' });
    must(await post(gateway(), token, { query: CREATE_CUSTOMER, variables: { input: customerInput('Idem Entre Deux') } }));
    const after = await post(gateway(), token, query, { 'idempotency-key': 'read-1' });
    expect(after.headers.get('idempotent-replayed')).toBeNull();
    expect((after.data as unknown as { customers: { totalCount: number } }).customers.totalCount).toBe(
      (before.data as unknown as { customers: { totalCount: number } }).customers.totalCount + 1,
    );
  });
});

describe('rate limits', () => {
  let tenant: TestTenant;
  let token: string;
  let gateway: ChildProcess;
  let url: string;
  const PER_USER = 60;

  beforeAll(async () => {
    tenant = await createTestTenant('rate-limits');
    token = await login(tenant.adminEmail);
    const port = await freePort();
    gateway = startProcess('gateway-rate-limited', serviceBundle('gateway'), {
      APP_DATABASE_URL: inject('appDatabaseUrl'),
      SESSION_SECRET: inject('sessionSecret'),
      INTERNAL_IDENTITY_SECRET: inject('internalSecret'),
      LOG_LEVEL: 'error',
      GATEWAY_PORT: String(port),
      RATE_LIMIT_PER_USER: String(PER_USER),
      RATE_LIMIT_PER_API_KEY: '100000',
      ...Object.fromEntries(Object.entries(inject('subgraphUrls')).map(([name, subgraph]) => [`${name.toUpperCase()}_URL`, subgraph])),
    });
    await waitForHealth(`http://127.0.0.1:${port}/health`, gateway, 'rate-limited gateway');
    url = `http://127.0.0.1:${port}/graphql`;
  }, 150_000);

  afterAll(async () => {
    if (gateway) await stopProcess(gateway);
  });

  it('tells the limit and what remains on every answer, then refuses with 429 RATE_LIMITED and Retry-After', async () => {
    // customers { totalCount } is estimated at 2 + 1.5 × 1 = 3.5, charged 4.
    const query = { query: '{ customers { totalCount } }' };
    const first = await post(url, token, query);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe(String(PER_USER));
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    expect(remaining).toBeLessThanOrEqual(PER_USER - 4);
    const reset = Number(first.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(1);
    expect(reset).toBeLessThanOrEqual(60);

    let answer = first;
    for (let i = 0; i < PER_USER && answer.status === 200; i++) answer = await post(url, token, query);
    expect(answer.status).toBe(429);
    expect(errorCodes(answer)).toEqual(['RATE_LIMITED']);
    const retryAfter = Number(answer.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(Number(answer.headers.get('x-ratelimit-remaining'))).toBeLessThan(4);

    // A refused mutation runs nothing.
    const refused = await post(url, token, { query: CREATE_CUSTOMER, variables: { input: customerInput('Trop Tard') } });
    expect(refused.status).toBe(429);
    expect(await customersNamed(token, 'Trop Tard')).toBe(0);

    // The limit is the user's: an API key of the same tenant has its own.
    const created = must(
      await gql<{ createApiKey: { token: string } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
        { input: { name: 'ERP', scopes: ['maintenance:read'] } },
        token,
      ),
    );
    const byKey = await post(url, created.createApiKey.token, query);
    expect(byKey.status).toBe(200);
    expect(byKey.headers.get('x-ratelimit-limit')).toBe('100000');
  });
});
