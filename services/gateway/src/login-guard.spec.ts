import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  clientAddress,
  DEFAULT_LOGIN_LIMITS,
  DEFAULT_PORTAL_LINK_LIMITS,
  emailSubject,
  loginEmails,
  loginLimitsFromEnv,
  loginOutcome,
  PORTAL_LINK_GUARD,
  portalLinkLimitsFromEnv,
  proxyList,
  settleAfterAnswer,
} from './login-guard';
import { DEFAULT_LIMITS } from './limits';

const emails = (body: unknown, persisted?: (id: string) => string | undefined) => loginEmails(body, DEFAULT_LIMITS, persisted);

describe('sign-in requests', () => {
  it('finds the e-mail of a login given literally, by a variable or by its default, through fragments', () => {
    expect(emails({ query: 'mutation { login(email: "a@b.fr", password: "x") { token } }' })).toEqual(['a@b.fr']);
    expect(
      emails({
        query: 'mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        variables: { e: 'c@d.fr', p: 'x' },
      }),
    ).toEqual(['c@d.fr']);
    expect(emails({ query: 'mutation($e: String = "e@f.fr") { login(email: $e, password: "x") { token } }' })).toEqual(['e@f.fr']);
    expect(
      emails({
        query: 'mutation { ...F } fragment F on Mutation { ... on Mutation { x: login(email: "g@h.fr", password: "p") { token } } }',
      }),
    ).toEqual(['g@h.fr']);
  });

  it('counts every login of a batch of aliases, and ignores what signs nobody in', () => {
    expect(
      emails({
        query: 'mutation { a: login(email: "a@b.fr", password: "1") { token } b: login(email: "a@b.fr", password: "2") { token } }',
      }),
    ).toHaveLength(2);
    expect(emails({ query: '{ me { id } }' })).toBeNull();
    expect(emails({ query: 'mutation { createCustomer(input: { name: "login" }) { id } }' })).toBeNull();
    expect(emails({ query: 'mutation { login(' })).toBeNull();
    expect(emails([{ query: 'mutation { login(email: "a", password: "b") { token } }' }])).toBeNull();
  });

  it('reads a stored document by its id, or takes its email variable when it cannot', () => {
    const stored = (id: string) =>
      id === 'sha256:1'
        ? 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }'
        : undefined;
    expect(emails({ documentId: 'sha256:1', variables: { email: 'a@b.fr', password: 'x' } }, stored)).toEqual(['a@b.fr']);
    expect(emails({ documentId: 'sha256:2', variables: { email: 'c@d.fr', password: 'x' } }, stored)).toEqual(['c@d.fr']);
    expect(emails({ documentId: 'sha256:2', variables: { id: '1' } }, stored)).toBeNull();
  });

  it('charges an e-mail by its hash, whatever its case and spaces', () => {
    expect(emailSubject(' Anne@Exemple.FR ')).toBe(emailSubject('anne@exemple.fr'));
    expect(emailSubject('anne@exemple.fr')).toMatch(/^email:[0-9a-f]{64}$/);
  });

  it('tells a refused password from a success and from any other refusal', () => {
    expect(loginOutcome('{"errors":[{"message":"x","extensions":{"code":"INVALID_CREDENTIALS"}}],"data":null}')).toBe('failure');
    expect(loginOutcome('{"data":{"login":{"token":"t"}}}')).toBe('success');
    expect(loginOutcome('{"errors":[{"message":"x","extensions":{"code":"VALIDATION_FAILED"}}]}')).toBe('other');
    expect(loginOutcome('not json')).toBe('other');
  });
});

describe('client addresses', () => {
  const trusted = proxyList(['127.0.0.1', '::1', '10.0.0.0/8', 'garbage']);

  it('believes X-Forwarded-For only from a trusted proxy, from the right', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', trusted)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '198.51.100.1', trusted)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:127.0.0.1', '1.2.3.4, 198.51.100.1, 10.0.0.3', trusted)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:203.0.113.9', undefined, trusted)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', 'not-an-ip', trusted)).toBe('127.0.0.1');
  });

  it('reads its limits from the environment', () => {
    expect(loginLimitsFromEnv({})).toEqual(DEFAULT_LOGIN_LIMITS);
    expect(
      loginLimitsFromEnv({
        LOGIN_MAX_FAILURES_PER_EMAIL: '3',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '0',
        LOGIN_FAILURE_WINDOW_SECONDS: '60',
        TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.2',
      }),
    ).toEqual({ perEmail: 3, perAddress: 50, windowSeconds: 60, trustedProxies: ['10.0.0.0/8', '192.168.1.2'] });
  });
});

describe('portal link requests', () => {
  const portalEmails = (body: unknown) => loginEmails(body, DEFAULT_LIMITS, undefined, PORTAL_LINK_GUARD.field);

  it('finds the e-mail of requestPortalSignInLink, and nothing in a login', () => {
    expect(
      portalEmails({
        query: 'mutation R($t: String!, $e: String!) { requestPortalSignInLink(tenant: $t, email: $e) }',
        variables: { t: 'climouest', e: 'marie@client.fr' },
      }),
    ).toEqual(['marie@client.fr']);
    expect(portalEmails({ query: 'mutation { login(email: "a@b.fr", password: "x") { token } }' })).toBeNull();
    expect(emails({ query: 'mutation { requestPortalSignInLink(tenant: "t", email: "a@b.fr") }' })).toBeNull();
  });

  it('counts every request (each may send a mail), on counters apart from sign-in', () => {
    expect(PORTAL_LINK_GUARD.outcome('{"data":{"requestPortalSignInLink":true}}')).toBe('failure');
    expect(PORTAL_LINK_GUARD.subjectPrefix).not.toBe('');
  });

  it('reads its limits from the environment', () => {
    expect(portalLinkLimitsFromEnv({})).toEqual(DEFAULT_PORTAL_LINK_LIMITS);
    expect(
      portalLinkLimitsFromEnv({ PORTAL_LINK_MAX_PER_EMAIL: '2', PORTAL_LINK_MAX_PER_ADDRESS: '4', PORTAL_LINK_WINDOW_SECONDS: '30' }),
    ).toMatchObject({
      perEmail: 2,
      perAddress: 4,
      windowSeconds: 30,
    });
  });
});

describe('settling a sign-in before its answer', () => {
  it('holds the body written with its Content-Length until the attempt is settled, then sends it whole', async () => {
    const body = JSON.stringify({ data: { login: { token: 'jeton' } } });
    const events: string[] = [];
    const server = createServer((_req, res) => {
      settleAfterAnswer(res, async (written) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        events.push(`settled ${loginOutcome(written)}`);
      });
      // As the GraphQL runtime answers: the head with the length, the body written, then the end.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
      res.write(body);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, { method: 'POST' });
      expect(await response.text()).toBe(body);
      events.push('answered');
      expect(events).toEqual(['settled success', 'answered']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
