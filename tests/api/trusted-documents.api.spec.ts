import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serviceBundle } from '../../scripts/build-services';
import { freePort, startProcess, stopProcess, waitForHealth } from '../../scripts/stack';
import { errorCodes, gql, login, must, type GraphQLResponse } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * Trusted documents (docs/api.md): the back-office's operations are registered by `pnpm codegen`
 * in schema/trusted-documents.json and sent by id. A gateway started with
 * TRUSTED_DOCUMENTS=require-for-sessions runs only those for sessions and anonymous callers, while
 * API keys still send their own documents under the limits. The shared stack runs in `allow`.
 */

const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../schema/trusted-documents.json'), 'utf8')) as Record<
  string,
  string
>;

/** The id of the back-office's operation of that name. */
function documentIdOf(name: string): string {
  const found = Object.entries(manifest).find(([, text]) => new RegExp(`^(.* )?(query|mutation) ${name}\\b`).test(text));
  if (!found) throw new Error(`no registered operation ${name}`);
  return found[0];
}

async function post<T>(url: string, body: object, token?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

const CUSTOMER_LIST = 'CustomerList';
type CustomerList = { customers: { totalCount?: number; edges: { node: { name: string } }[] } };
const customerInput = (name: string) => ({
  name,
  billingAddressLine1: '5 rue Kléber',
  billingPostalCode: '67000',
  billingCity: 'Strasbourg',
});

describe('trusted documents', () => {
  let tenant: TestTenant;
  let session: string;
  let apiKey: string;
  let gateway: ChildProcess;
  let strict: string;

  const customersNamed = async (name: string) =>
    must(
      await gql<{ customers: { totalCount: number } }>('query($s: String!) { customers(search: $s) { totalCount } }', { s: name }, session),
    ).customers.totalCount;

  beforeAll(async () => {
    tenant = await createTestTenant('trusted-documents');
    session = await login(tenant.adminEmail);
    apiKey = must(
      await gql<{ createApiKey: { token: string } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
        { input: { name: 'ERP', scopes: ['maintenance:read', 'maintenance:write'] } },
        session,
      ),
    ).createApiKey.token;
    const port = await freePort();
    gateway = startProcess('gateway-trusted-documents', serviceBundle('gateway'), {
      APP_DATABASE_URL: inject('appDatabaseUrl'),
      SESSION_SECRET: inject('sessionSecret'),
      INTERNAL_IDENTITY_SECRET: inject('internalSecret'),
      LOG_LEVEL: 'error',
      GATEWAY_PORT: String(port),
      TRUSTED_DOCUMENTS: 'require-for-sessions',
      ...Object.fromEntries(Object.entries(inject('subgraphUrls')).map(([name, subgraph]) => [`${name.toUpperCase()}_URL`, subgraph])),
    });
    await waitForHealth(`http://127.0.0.1:${port}/health`, gateway, 'gateway requiring trusted documents');
    strict = `http://127.0.0.1:${port}/graphql`;
  }, 150_000);

  afterAll(async () => {
    if (gateway) await stopProcess(gateway);
  });

  it('signs in and runs the back-office’s operations by id with a session', async () => {
    const signedIn = await post<{ login: { token: string; user: { email: string } } }>(strict, {
      documentId: documentIdOf('Login'),
      operationName: 'Login',
      variables: { email: tenant.adminEmail, password: 'relais-demo' },
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.data!.login.user.email).toBe(tenant.adminEmail);

    const created = await post<{ createCustomer: { __typename: string; name: string } }>(
      strict,
      { documentId: documentIdOf('CreateCustomer'), variables: { input: customerInput('Confiance Registre') } },
      signedIn.data!.login.token,
    );
    expect(created.data!.createCustomer).toMatchObject({ __typename: 'Customer', name: 'Confiance Registre' });
    const listed = await post<CustomerList>(
      strict,
      { documentId: documentIdOf(CUSTOMER_LIST), variables: { search: 'Confiance Registre', first: 10 } },
      session,
    );
    expect(listed.data!.customers.edges.map((e) => e.node.name)).toEqual(['Confiance Registre']);
  });

  it('refuses a document’s text from a session or an anonymous caller, and runs nothing', async () => {
    const createCustomer = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }';
    const refused = await post(strict, { query: createCustomer, variables: { input: customerInput('Confiance Texte') } }, session);
    expect(refused.status).toBe(400);
    expect(errorCodes(refused)).toEqual(['PERSISTED_DOCUMENT_REQUIRED']);
    expect(refused.data).toBeUndefined();
    expect(await customersNamed('Confiance Texte')).toBe(0);

    const anonymous = await post(strict, {
      query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      variables: { email: tenant.adminEmail, password: 'relais-demo' },
    });
    expect(anonymous.status).toBe(400);
    expect(errorCodes(anonymous)).toEqual(['PERSISTED_DOCUMENT_REQUIRED']);
  });

  it('answers PERSISTED_DOCUMENT_NOT_FOUND to an unknown id, and BAD_REQUEST to a request with neither id nor text', async () => {
    const unknown = await post(strict, { documentId: `sha256:${'0'.repeat(64)}`, variables: {} }, session);
    expect(unknown.status).toBe(400);
    expect(errorCodes(unknown)).toEqual(['PERSISTED_DOCUMENT_NOT_FOUND']);
    // Apollo's automatic persisted queries are not a second way in: only `documentId` names a document.
    const apollo = await post(
      strict,
      { extensions: { persistedQuery: { version: 1, sha256Hash: documentIdOf(CUSTOMER_LIST).slice('sha256:'.length) } } },
      session,
    );
    expect(apollo.status).toBe(400);
    expect(errorCodes(apollo)).toEqual(['BAD_REQUEST']);
  });

  it('lets an API key send its own documents, under the same limits', async () => {
    const created = await post<{ createCustomer: { name: string } }>(
      strict,
      {
        query: 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { name } }',
        variables: { input: customerInput('Confiance ERP') },
      },
      apiKey,
    );
    expect(created.status).toBe(200);
    expect(created.data!.createCustomer.name).toBe('Confiance ERP');
    expect(await customersNamed('Confiance ERP')).toBe(1);

    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: __typename`).join(' ');
    const tooMany = await post(strict, { query: `{ ${aliases} }` }, apiKey);
    expect(errorCodes(tooMany)).toEqual(['TOO_MANY_ALIASES']);
    expect(tooMany.data ?? null).toBeNull();
    // A registered document by id works for a key too.
    const listed = await post<CustomerList>(
      strict,
      { documentId: documentIdOf(CUSTOMER_LIST), variables: { search: 'Confiance ERP' } },
      apiKey,
    );
    expect(listed.data!.customers.edges.map((e) => e.node.name)).toEqual(['Confiance ERP']);
  });

  it('accepts ids and texts alike from sessions on a gateway in allow mode (the shared test stack)', async () => {
    const byId = await post<CustomerList>(
      inject('gatewayUrl'),
      { documentId: documentIdOf(CUSTOMER_LIST), variables: { search: 'Confiance' } },
      session,
    );
    expect(byId.data!.customers.edges.map((e) => e.node.name).sort()).toEqual(['Confiance ERP', 'Confiance Registre']);
    expect(await customersNamed('Confiance')).toBe(2);
  });
});
