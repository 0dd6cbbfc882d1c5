import { beforeAll, describe, expect, inject, it } from 'vitest';
import { adminClient } from '../support/database';
import { errorCodes, gql, login, type GraphQLResponse } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';

/** What a hostile page or caller can send the gateway, and what it gets back. */

const CREATE_CUSTOMER =
  'mutation { createCustomer(input: { name: "Formulaire piégé", billingAddressLine1: "1 rue X", billingPostalCode: "44000", billingCity: "Nantes" }) { id } }';
const BACK_OFFICE_ORIGIN = 'http://localhost:5173';
const FOREIGN_ORIGIN = 'https://attaquant.example';

async function post(body: BodyInit, headers: Record<string, string>): Promise<Response> {
  return fetch(inject('gatewayUrl'), { method: 'POST', headers, body });
}

async function answer(response: Response): Promise<GraphQLResponse> {
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
}

describe('gateway safety', () => {
  let tenant: TestTenant;
  let token: string;
  const customerCount = async () =>
    (await gql<{ customers: { totalCount: number } }>('{ customers { totalCount } }', {}, token)).data!.customers.totalCount;

  beforeAll(async () => {
    tenant = await createTestTenant('gateway-safety');
    token = await login(tenant.adminEmail);
  });

  it('executes nothing sent as an HTML form would send it: 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const before = await customerCount();
    const form = await post(new URLSearchParams({ query: CREATE_CUSTOMER }), {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Bearer ${token}`,
    });
    expect(form.status).toBe(415);
    expect(errorCodes(await answer(form))).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
    const text = await post(JSON.stringify({ query: CREATE_CUSTOMER }), { 'content-type': 'text/plain', authorization: `Bearer ${token}` });
    expect(text.status).toBe(415);
    const multipart = new FormData();
    multipart.set('query', CREATE_CUSTOMER);
    expect((await post(multipart, { authorization: `Bearer ${token}` })).status).toBe(415);
    const byGet = await fetch(`${inject('gatewayUrl')}?query=${encodeURIComponent(CREATE_CUSTOMER)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byGet.status).toBe(405);
    expect(await customerCount()).toBe(before);
  });

  it('executes JSON and application/graphql-response+json POSTs, and queries by GET', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/graphql-response+json']) {
      const response = await post(JSON.stringify({ query: '{ me { email } }' }), {
        'content-type': type,
        authorization: `Bearer ${token}`,
      });
      expect((await answer(response)).data, type).toEqual({ me: { email: tenant.adminEmail } });
    }
    const byGet = await fetch(`${inject('gatewayUrl')}?query=${encodeURIComponent('{ me { email } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await answer(byGet)).data).toEqual({ me: { email: tenant.adminEmail } });
  });

  it('gives CORS headers to the back-office origin only', async () => {
    const call = (origin: string) => post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'application/json', origin });
    const allowed = await call(BACK_OFFICE_ORIGIN);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(BACK_OFFICE_ORIGIN);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('vary')).toMatch(/Origin/);
    const foreign = await call(FOREIGN_ORIGIN);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('access-control-allow-credentials')).toBeNull();

    const preflight = (origin: string) =>
      fetch(inject('gatewayUrl'), {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
    const allowedPreflight = await preflight(BACK_OFFICE_ORIGIN);
    expect(allowedPreflight.status).toBe(204);
    expect(allowedPreflight.headers.get('access-control-allow-origin')).toBe(BACK_OFFICE_ORIGIN);
    expect(allowedPreflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(allowedPreflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(allowedPreflight.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    const foreignPreflight = await preflight(FOREIGN_ORIGIN);
    expect(foreignPreflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreignPreflight.headers.get('access-control-allow-methods')).toBeNull();
    expect(foreignPreflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses a body over 1 MB with 413 PAYLOAD_TOO_LARGE, announced or streamed', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } });
    const announced = await post(body, { 'content-type': 'application/json' });
    expect(announced.status).toBe(413);
    expect(errorCodes(await answer(announced))).toEqual(['PAYLOAD_TOO_LARGE']);
    const streamed = await fetch(inject('gatewayUrl'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([body]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(errorCodes(await answer(streamed))).toEqual(['PAYLOAD_TOO_LARGE']);
    // Just under the limit is an ordinary request.
    const fits = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_000_000) } }), {
      'content-type': 'application/json',
    });
    expect((await answer(fits)).data).toEqual({ __typename: 'Query' });
  });

  it('lets an authenticated file upload (a bank statement) go beyond 1 MB, and nothing else', async () => {
    const upload = JSON.stringify({
      query: 'mutation($input: ImportBankStatementInput!) { importBankStatement(input: $input) { movementCount } }',
      variables: { input: { fileName: 'releve.txt', contentBase64: Buffer.from('pas un relevé '.repeat(100_000)).toString('base64') } },
    });
    expect(upload.length).toBeGreaterThan(1_500_000);
    const signedIn = await answer(await post(upload, { 'content-type': 'application/json', authorization: `Bearer ${token}` }));
    expect(signedIn.status).toBeLessThan(500);
    expect(errorCodes(signedIn)).toEqual(['BANK_FILE_INVALID']);
    const anonymous = await post(upload, { 'content-type': 'application/json' });
    expect(anonymous.status).toBe(413);
    const padded = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_500_000) } }), {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    });
    expect(padded.status).toBe(413);
  });

  it('refuses a 5,000-token operation with QUERY_TOO_LARGE', async () => {
    const response = await gql(`{ me { ${'email '.repeat(5000)}} }`, {}, token);
    expect(response.status).toBeLessThan(500);
    expect(errorCodes(response)).toEqual(['QUERY_TOO_LARGE']);
    expect(response.data).toBeUndefined();
  });

  it('counts __typename aliases, and aliases through fragments, with TOO_MANY_ALIASES', async () => {
    const typenames = Array.from({ length: 10_000 }, (_, i) => `t${i}: __typename`).join(' ');
    const many = await gql(`{ ${typenames} }`, {}, token);
    expect(many.status).toBeLessThan(500);
    expect(errorCodes(many)).toEqual(['TOO_MANY_ALIASES']);
    expect(many.data).toBeUndefined();
    expect(errorCodes(await gql(`{ ${typenames.split(' t').slice(0, 21).join(' t')} }`, {}, token))).toEqual(['TOO_MANY_ALIASES']);
    // 2 + 10 aliases written, 22 once the fragment is spread twice.
    const fragment = `fragment F on User { ${Array.from({ length: 10 }, (_, i) => `e${i}: email`).join(' ')} }`;
    const spread = await gql(`{ m1: me { ...F } m2: me { ...F } } ${fragment}`, {}, token);
    expect(errorCodes(spread)).toEqual(['TOO_MANY_ALIASES']);
    const twenty = await gql(`{ ${Array.from({ length: 20 }, (_, i) => `t${i}: __typename`).join(' ')} }`, {}, token);
    expect(twenty.errors).toBeUndefined();
  });

  it('answers malformed JSON with 400 BAD_REQUEST and no internal text', async () => {
    const response = await post('{"query": "{ __typename }",', { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    const body = await answer(response);
    expect(errorCodes(body)).toEqual(['BAD_REQUEST']);
    expect(body.errors![0]!.extensions).not.toHaveProperty('originalError');
    expect(JSON.stringify(body)).not.toMatch(/SyntaxError|position|Unexpected end|stack/i);
  });

  it('gives variables of the wrong type the code BAD_USER_INPUT, never a server error', async () => {
    const wrongType = await gql('query($first: Int) { customers(first: $first) { totalCount } }', { first: 'beaucoup' }, token);
    expect(wrongType.status).toBeLessThan(500);
    expect(errorCodes(wrongType)).toEqual(['BAD_USER_INPUT']);
    expect(wrongType.errors![0]!.message).toMatch(/\$first/);
    const missing = await gql('query($id: ID!) { customer(id: $id) { name } }', {}, token);
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
    // A custom scalar is checked by the subgraph that owns it: still a code of its own, never a defect.
    const badDate = await gql('query($asOf: LocalDate) { dashboard(asOf: $asOf) { receivables { open } } }', { asOf: 'demain' }, token);
    expect(badDate.status).toBeLessThan(500);
    expect(errorCodes(badDate)).toHaveLength(1);
    expect(errorCodes(badDate)[0]).toMatch(/^(BAD_USER_INPUT|VALIDATION_FAILED)$/);
    expect(JSON.stringify(badDate)).not.toMatch(/originalError|stacktrace|node_modules/);
  });

  it('replaces a request id that is too long or strange, and audits the replacement', async () => {
    const response = await post(
      JSON.stringify({
        query:
          'mutation { createCustomer(input: { name: "Client requête longue", billingAddressLine1: "2 rue Y", billingPostalCode: "44000", billingCity: "Nantes" }) { id } }',
      }),
      { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'r'.repeat(8000) },
    );
    const echoed = response.headers.get('x-request-id')!;
    expect(echoed).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    const created = (await answer(response)).data as { createCustomer: { id: string } };
    const db = await adminClient();
    try {
      const audit = await db.query<{ request_id: string }>(
        `select request_id from audit_log where tenant_id = $1 and table_name = 'customers' and row_id = $2`,
        [tenant.tenantId, created.createCustomer.id],
      );
      expect(audit.rows.map((row) => row.request_id)).toEqual([echoed]);
    } finally {
      await db.end();
    }
    const strange = await post(JSON.stringify({ query: '{ __typename }' }), {
      'content-type': 'application/json',
      'x-request-id': 'abc def<script>',
    });
    expect(strange.headers.get('x-request-id')).not.toBe('abc def<script>');
    expect(strange.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]{1,64}$/);
    const kept = await post(JSON.stringify({ query: '{ __typename }' }), {
      'content-type': 'application/json',
      'x-request-id': 'partner.req_42-x',
    });
    expect(kept.headers.get('x-request-id')).toBe('partner.req_42-x');
  });
});
