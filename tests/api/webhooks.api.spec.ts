import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, newId } from '@relais/domain';
import { adminClient } from '../support/database';
import { DEMO_PASSWORD, errorCodes, gql, login, must } from '../support/graphql-client';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';
import { createTestTenant, type TestTenant } from '../support/tenants';

import { TODAY } from '../support/dates';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; timestamp: string; data: Record<string, unknown> };
}

interface Attempt {
  manual: boolean;
  succeeded: boolean;
  httpStatus: number | null;
  error: string | null;
  responseBody: string | null;
}
interface Delivery {
  id: string;
  eventType: string;
  status: string;
  body: string;
  attemptCount: number;
  nextAttemptAt: string | null;
  attempts: Attempt[];
}
interface Endpoint {
  id: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  previousSecretExpiresAt: string | null;
  version: number;
}

const ENDPOINT = 'id url eventTypes enabled disabledReason consecutiveFailures previousSecretExpiresAt version';
const DELIVERIES = `query($endpointId: ID!, $first: Int, $after: String) {
  webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id eventType status body attemptCount nextAttemptAt
      attempts { manual succeeded httpStatus error responseBody } } }
  }
}`;

/** What a partner's receiver does (docs/api.md, "Webhooks"): HMAC-SHA256 of "id.timestamp.body" with the secret's bytes. */
function signedBy(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const content = `${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`;
  const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
    .update(content)
    .digest('base64');
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .includes(`v1,${expected}`);
}

async function eventually<T>(read: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function addUser(tenantId: string, role: string): Promise<string> {
  const email = `${role}.${newId()}@webhooks-api.test`;
  const client = await adminClient();
  try {
    await client.query(
      `insert into users (tenant_id, id, email, full_name, role, password_hash) values ($1, $2, $3, 'Utilisateur test', $4, $5)`,
      [tenantId, newId(), email, role, await hashPassword(DEMO_PASSWORD)],
    );
  } finally {
    await client.end();
  }
  return email;
}

/** Time travel: the delivery's next attempt is due now (instead of in 30 s… 6 h). */
async function dueNow(deliveryId: string, extra = ''): Promise<void> {
  const client = await adminClient();
  try {
    await client.query(`update webhook_deliveries set next_attempt_at = now() where id = $1 and status = 'PENDING'`, [deliveryId]);
    if (extra) await client.query(extra, [deliveryId]);
  } finally {
    await client.end();
  }
}

describe('signed webhooks through the gateway', () => {
  let tenant: TestTenant;
  let admin: string;
  let otherAdmin: string;
  let fx: Fixture;
  let server: Server;
  let base: string;
  const received: Received[] = [];

  const createEndpoint = (input: Record<string, unknown>, token = admin) =>
    gql<{ createWebhookEndpoint: { endpoint: Endpoint; secret: string } }>(
      `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT} } } }`,
      { input },
      token,
    );
  const endpoints = async (token = admin) =>
    must(await gql<{ webhookEndpoints: Endpoint[] }>(`{ webhookEndpoints { ${ENDPOINT} } }`, {}, token)).webhookEndpoints;
  const deliveries = async (endpointId: string, token = admin) =>
    must(
      await gql<{ webhookDeliveries: { totalCount: number; edges: { node: Delivery }[] } }>(DELIVERIES, { endpointId, first: 50 }, token),
    ).webhookDeliveries.edges.map((e) => e.node);
  const redeliver = (deliveryId: string, token = admin) =>
    gql<{ redeliverWebhook: Delivery }>(
      'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id status attemptCount } }',
      { id: deliveryId },
      token,
    );
  const at = (path: string, type?: string) => received.filter((r) => r.path === path && (!type || r.json.type === type));

  async function issuedInvoice(unitPrice: string): Promise<{ id: string; number: string }> {
    const draft = must(
      await gql<{ createInvoice: { id: string; version: number } }>(
        'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
        {
          input: {
            customerId: fx.customerId,
            lines: [{ kind: 'LABOUR', description: 'Maintenance', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
          },
        },
        admin,
      ),
    ).createInvoice;
    const issued = must(
      await gql<{ issueInvoice: { id: string; number: string } }>(
        'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { id number } }',
        { id: draft.id, v: draft.version },
        admin,
      ),
    );
    return issued.issueInvoice;
  }

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ path: request.url ?? '', headers: request.headers, body, json: JSON.parse(body) as Received['json'] });
        if (request.url === '/failing') response.writeHead(500).end('boom');
        else response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    tenant = await createTestTenant('webhooks-api');
    admin = await login(tenant.adminEmail);
    otherAdmin = await login((await createTestTenant('webhooks-api-other')).adminEmail);
    fx = await createMaintenanceFixture(admin, tenant.tenantId, 'webhooks-api');
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses a bad address, an unknown event type and callers without webhooks:write, and writes nothing', async () => {
    const badUrl = await createEndpoint({ url: 'http://partenaire.example.fr/hooks', eventTypes: ['invoice.issued'] });
    expect(errorCodes(badUrl)).toEqual(['VALIDATION_FAILED']);
    expect(badUrl.errors![0]!.extensions!.fields).toEqual([{ field: 'url', message: expect.any(String), reason: 'INVALID' }]);
    const unknown = await createEndpoint({ url: `${base}/ok`, eventTypes: ['invoice.issued', 'invoice.deleted'] });
    expect(unknown.errors![0]!.extensions!.fields).toEqual([
      { field: 'eventTypes[1]', message: expect.any(String), reason: 'UNKNOWN_VALUE' },
    ]);

    const clerk = await login(await addUser(tenant.tenantId, 'billing'));
    expect(errorCodes(await createEndpoint({ url: `${base}/ok`, eventTypes: ['invoice.issued'] }, clerk))).toEqual(['FORBIDDEN']);
    const keyWithout = must(
      await gql<{ createApiKey: { token: string } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
        { input: { name: 'ERP sans webhooks', scopes: ['billing:read'] } },
        admin,
      ),
    ).createApiKey.token;
    expect(errorCodes(await gql('{ webhookEndpoints { id } }', {}, keyWithout))).toEqual(['FORBIDDEN']);
    expect(await endpoints()).toEqual([]);

    const partnerKey = must(
      await gql<{ createApiKey: { token: string } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
        { input: { name: 'ERP du partenaire', scopes: ['webhooks:write'] } },
        admin,
      ),
    ).createApiKey.token;
    expect(await endpoints(partnerKey)).toEqual([]);
    expect(must(await gql<{ webhookEventTypes: string[] }>('{ webhookEventTypes }', {}, partnerKey)).webhookEventTypes).toEqual([
      'intervention.requested',
      'intervention.closed',
      'quote.accepted',
      'invoice.issued',
      'invoice.sent',
      'invoice.paid',
      'payment.recorded',
    ]);
  });

  it('refuses an address on a private network, this machine or a cloud’s metadata with WEBHOOK_URL_NOT_ALLOWED, storing nothing', async () => {
    // The test stack allows `localhost` and `127.0.0.1` only (WEBHOOK_ALLOW_PRIVATE_HOSTS), for its receiver.
    for (const url of [
      'https://10.0.0.5/hooks',
      'https://192.168.1.20/hooks',
      'https://172.20.0.3/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://127.0.0.2:9000/hooks',
      'http://[::1]:9000/hooks',
      'https://[fd00:ec2::254]/',
      'https://[fe80::1]/',
      'https://0.0.0.0/',
      'https://relais.localhost/hooks',
    ]) {
      const refused = await createEndpoint({ url, eventTypes: ['invoice.issued'] });
      expect(errorCodes(refused), url).toEqual(['WEBHOOK_URL_NOT_ALLOWED']);
      expect(refused.errors![0]!.extensions!.field, url).toBe('url');
    }
    expect(await endpoints()).toEqual([]);

    // Nor may an endpoint be moved there afterwards.
    const created = must(await createEndpoint({ url: `${base}/moved`, eventTypes: ['invoice.issued'] })).createWebhookEndpoint.endpoint;
    const moved = await gql(
      'mutation($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { id url } }',
      { id: created.id, input: { url: 'https://169.254.169.254/latest/meta-data' } },
      admin,
    );
    expect(errorCodes(moved)).toEqual(['WEBHOOK_URL_NOT_ALLOWED']);
    expect((await endpoints()).map((e) => e.url)).toEqual([`${base}/moved`]);
    must(await gql('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: created.id }, admin));
    expect(await endpoints()).toEqual([]);
  });

  let okEndpoint: Endpoint;
  let okSecret: string;
  let issuedDelivery: Delivery;

  it('tells a subscribed endpoint of an issued invoice once, signed, and of its payment; another tenant hears nothing', async () => {
    const created = must(
      await createEndpoint({
        url: `${base}/ok`,
        description: 'ERP du partenaire',
        eventTypes: ['invoice.issued', 'invoice.paid', 'payment.recorded', 'intervention.requested'],
      }),
    ).createWebhookEndpoint;
    okEndpoint = created.endpoint;
    okSecret = created.secret;
    expect(okSecret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(okEndpoint).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    must(
      await createEndpoint({ url: `${base}/other-tenant`, eventTypes: ['invoice.issued', 'invoice.paid', 'payment.recorded'] }, otherAdmin),
    );

    const invoice = await issuedInvoice('100.00'); // 120.00 TTC
    const [message] = await eventually(async () => {
      const got = at('/ok', 'invoice.issued');
      return got.length > 0 && got;
    }, 'invoice.issued at the receiver');
    expect(signedBy(okSecret, message!.headers, message!.body)).toBe(true);
    expect(signedBy(okSecret, message!.headers, message!.body.replace('120.00', '1200.00'))).toBe(false);
    expect(Math.abs(Number(message!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(message!.headers['content-type']).toBe('application/json');
    expect(message!.json).toEqual({
      id: message!.headers['webhook-id'],
      type: 'invoice.issued',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: expect.objectContaining({
        invoiceId: invoice.id,
        number: invoice.number,
        customerId: fx.customerId,
        totalGross: '120.00',
        amountDue: '120.00',
        occurredOn: TODAY,
      }),
    });

    must(
      await gql(
        'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
        {
          input: {
            customerId: fx.customerId,
            receivedOn: TODAY,
            amount: '120.00',
            method: 'TRANSFER',
            reference: 'VIR F',
            allocations: [{ invoiceId: invoice.id, amount: '120.00' }],
          },
        },
        admin,
      ),
    );
    const [paid] = await eventually(async () => {
      const got = at('/ok', 'invoice.paid');
      return got.length > 0 && got;
    }, 'invoice.paid at the receiver');
    expect(paid!.json.data).toMatchObject({ invoiceId: invoice.id, paidAmount: '120.00', lastPaymentOn: TODAY });
    const [payment] = await eventually(async () => {
      const got = at('/ok', 'payment.recorded');
      return got.length > 0 && got;
    }, 'payment.recorded at the receiver');
    expect(payment!.json.data).toMatchObject({ amount: '120.00', method: 'TRANSFER', customerId: fx.customerId });
    expect(signedBy(okSecret, paid!.headers, paid!.body) && signedBy(okSecret, payment!.headers, payment!.body)).toBe(true);

    must(
      await gql(
        'mutation($input: CreateInterventionRequestInput!) { createInterventionRequest(input: $input) { id } }',
        { input: { customerId: fx.customerId, siteId: fx.siteId, title: 'Fuite sur la CTA' } },
        admin,
      ),
    );
    const [requested] = await eventually(async () => {
      const got = at('/ok', 'intervention.requested');
      return got.length > 0 && got;
    }, 'intervention.requested at the receiver');
    expect(requested!.json.data).toMatchObject({ title: 'Fuite sur la CTA', siteId: fx.siteId, source: 'PLANNER' });

    // Once: nothing more comes for the invoice, and the other tenant's endpoint heard nothing at all.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(at('/ok', 'invoice.issued')).toHaveLength(1);
    expect(at('/other-tenant')).toEqual([]);

    const log = await deliveries(okEndpoint.id);
    expect(log.map((d) => [d.eventType, d.status, d.attemptCount]).sort()).toEqual([
      ['intervention.requested', 'DELIVERED', 1],
      ['invoice.issued', 'DELIVERED', 1],
      ['invoice.paid', 'DELIVERED', 1],
      ['payment.recorded', 'DELIVERED', 1],
    ]);
    expect(log.at(-1)!.eventType).toBe('invoice.issued');
    issuedDelivery = log.at(-1)!;
    expect(issuedDelivery.id).toBe(message!.headers['webhook-id']);
    expect(issuedDelivery.body).toBe(message!.body);
    expect(issuedDelivery.attempts).toEqual([{ manual: false, succeeded: true, httpStatus: 204, error: null, responseBody: '' }]);
  });

  it('redelivers by hand with the same id and body, and signs with both secrets for a day after a rotation', async () => {
    const again = must(await redeliver(issuedDelivery.id)).redeliverWebhook;
    expect(again.status).toBe('PENDING');
    const copies = await eventually(async () => {
      const got = at('/ok', 'invoice.issued');
      return got.length === 2 && got;
    }, 'the redelivered invoice.issued');
    expect(copies[1]!.headers['webhook-id']).toBe(copies[0]!.headers['webhook-id']);
    expect(copies[1]!.body).toBe(copies[0]!.body);
    const [log] = (await deliveries(okEndpoint.id)).filter((d) => d.id === issuedDelivery.id);
    expect(log!.attempts.map((a) => [a.manual, a.httpStatus])).toEqual([
      [false, 204],
      [true, 204],
    ]);

    const rotated = must(
      await gql<{ rotateWebhookSecret: { secret: string; endpoint: Endpoint } }>(
        `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { ${ENDPOINT} } } }`,
        { id: okEndpoint.id },
        admin,
      ),
    ).rotateWebhookSecret;
    expect(rotated.secret).not.toBe(okSecret);
    const overlapHours = (Date.parse(rotated.endpoint.previousSecretExpiresAt!) - Date.now()) / 3_600_000;
    expect(overlapHours).toBeGreaterThan(23.9);
    expect(overlapHours).toBeLessThanOrEqual(24);
    must(await redeliver(issuedDelivery.id));
    const third = await eventually(async () => at('/ok', 'invoice.issued')[2], 'the delivery signed after the rotation');
    expect(String(third.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(signedBy(rotated.secret, third.headers, third.body)).toBe(true);
    expect(signedBy(okSecret, third.headers, third.body)).toBe(true);
  });

  it('retries a receiver answering 500 on its schedule, gives up after six attempts, then disables it after 24 h of failures', async () => {
    const failing = must(await createEndpoint({ url: `${base}/failing`, eventTypes: ['invoice.issued'] })).createWebhookEndpoint.endpoint;
    await issuedInvoice('50.00');
    const first = await eventually(async () => (await deliveries(failing.id)).find((d) => d.attemptCount === 1), 'a first failed attempt');
    expect(first.status).toBe('PENDING');
    expect(first.attempts).toEqual([{ manual: false, succeeded: false, httpStatus: 500, error: 'HTTP 500', responseBody: 'boom' }]);
    const wait = (Date.parse(first.nextAttemptAt!) - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(20);
    expect(wait).toBeLessThanOrEqual(30);

    for (let attempts = 2; attempts <= 6; attempts += 1) {
      await dueNow(first.id);
      await eventually(async () => (await deliveries(failing.id)).find((d) => d.attemptCount === attempts), `attempt ${attempts}`);
    }
    const [failed] = await deliveries(failing.id);
    expect(failed!.status).toBe('FAILED');
    expect(failed!.nextAttemptAt).toBeNull();
    expect(failed!.attempts.map((a) => a.httpStatus)).toEqual([500, 500, 500, 500, 500, 500]);
    const sent = at('/failing');
    expect(sent).toHaveLength(6);
    expect(new Set(sent.map((r) => r.headers['webhook-id']))).toEqual(new Set([first.id]));
    // Failing for minutes only: still enabled.
    expect((await endpoints()).find((e) => e.id === failing.id)).toMatchObject({ enabled: true, consecutiveFailures: 6 });

    // The streak began 25 hours ago: the next failure disables the endpoint.
    const client = await adminClient();
    try {
      await client.query(`update webhook_endpoints set failing_since = now() - interval '25 hours' where id = $1`, [failing.id]);
    } finally {
      await client.end();
    }
    must(await redeliver(first.id));
    const disabled = await eventually(
      async () => (await endpoints()).find((e) => e.id === failing.id && !e.enabled),
      'the endpoint disabled after its seventh failure',
    );
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'FAILING', consecutiveFailures: 7 });
    const [log] = await deliveries(failing.id);
    expect(log!.attempts.at(-1)).toEqual({ manual: true, succeeded: false, httpStatus: 500, error: 'HTTP 500', responseBody: 'boom' });
    expect(log!.status).toBe('PENDING');

    const refused = await redeliver(first.id);
    expect(errorCodes(refused)).toEqual(['WEBHOOK_ENDPOINT_DISABLED']);
    // Disabled, it gets no new delivery.
    const next = await issuedInvoice('10.00');
    await eventually(
      async () => at('/ok', 'invoice.issued').some((r) => r.json.data.invoiceId === next.id),
      'the next invoice at the other endpoint',
    );
    expect(await deliveries(failing.id)).toHaveLength(1);
    expect(at('/failing')).toHaveLength(7);

    // Enabled again: its failures are forgotten.
    const enabled = must(
      await gql<{ updateWebhookEndpoint: Endpoint }>(
        `mutation($id: ID!, $v: Int) { updateWebhookEndpoint(id: $id, input: { enabled: true }, expectedVersion: $v) { ${ENDPOINT} } }`,
        { id: failing.id, v: disabled.version },
        admin,
      ),
    ).updateWebhookEndpoint;
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    const stale = await gql(
      'mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { description: "x" }, expectedVersion: 1) { id } }',
      { id: failing.id },
      admin,
    );
    expect(errorCodes(stale)).toEqual(['STALE_VERSION']);
  });

  it('keeps each tenant to its own endpoints and deliveries', async () => {
    const mine = await endpoints(otherAdmin);
    expect(mine.map((e) => e.url)).toEqual([`${base}/other-tenant`]);
    expect(errorCodes(await gql(DELIVERIES, { endpointId: okEndpoint.id }, otherAdmin))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await redeliver(issuedDelivery.id, otherAdmin))).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await gql(
          'mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { enabled: false }) { id } }',
          { id: okEndpoint.id },
          otherAdmin,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: okEndpoint.id }, otherAdmin))).toEqual([
      'NOT_FOUND',
    ]);
    expect(at('/other-tenant')).toEqual([]);

    const deleted = must(
      await gql<{ deleteWebhookEndpoint: string }>('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: okEndpoint.id }, admin),
    );
    expect(deleted.deleteWebhookEndpoint).toBe(okEndpoint.id);
    expect((await endpoints()).map((e) => e.id)).not.toContain(okEndpoint.id);
  });
});
