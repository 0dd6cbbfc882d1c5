import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptedRequestId, admitGraphqlRequest, mediaType, type BodyLimits } from './request-guards';

describe('acceptedRequestId', () => {
  it('keeps a short token of letters, digits, dots, dashes and underscores', () => {
    expect(acceptedRequestId('partner.req_42-x')).toBe('partner.req_42-x');
    expect(acceptedRequestId('a'.repeat(64))).toBe('a'.repeat(64));
  });

  it('replaces anything else with a generated id', () => {
    for (const header of ['a'.repeat(65), 'abc def', 'x\u00e9', '<script>', '', undefined, ['a', 'b']]) {
      const id = acceptedRequestId(header);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('mediaType', () => {
  it('keeps the type without its parameters, in lower case', () => {
    expect(mediaType('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaType('application/x-www-form-urlencoded')).toBe('application/x-www-form-urlencoded');
    expect(mediaType(undefined)).toBe('');
  });
});

describe('admitGraphqlRequest on a kept-alive connection', () => {
  const GRACE_MS = 150;
  const limits: BodyLimits = {
    maxBodyBytes: 1000,
    maxUploadBytes: 1000,
    mayUpload: async () => false,
    isUpload: () => false,
    refusedBodyGraceMs: GRACE_MS,
  };
  let server: Server;
  let agent: Agent;
  let port: number;

  beforeAll(async () => {
    // An admitted request is answered after the grace, so that a cut would fall in the middle of it.
    server = createServer(async (req, res) => {
      if (!(await admitGraphqlRequest(req, res, limits))) return;
      await setTimeout(2 * GRACE_MS);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });
  afterEach(() => agent.destroy());

  const post = (chunks: string[], headers: Record<string, string | number> = {}) =>
    new Promise<{ status: number; body: string; reusedSocket: boolean }>((resolve, reject) => {
      const req = request({ port, method: 'POST', path: '/graphql', agent, headers: { 'content-type': 'application/json', ...headers } });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body, reusedSocket: req.reusedSocket }));
      });
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  const small = JSON.stringify({ query: '{ __typename }' });

  it('carries the next request after a body refused by its length, beyond the grace', async () => {
    const refused = await post(['x'.repeat(2000)], { 'content-length': 2000 });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const next = await post([small]);
    expect(next).toEqual({ status: 200, body: '{"data":{}}', reusedSocket: true });
  });

  it('carries the next request after a streamed body refused while reading', async () => {
    const refused = await post(['x'.repeat(800), 'x'.repeat(800), 'x'.repeat(800)]);
    expect(refused.status).toBe(413);
    const next = await post([small]);
    expect(next.status).toBe(200);
  });

  it('cuts a refused client that goes on sending beyond the grace', async () => {
    const req = request({
      port,
      method: 'POST',
      path: '/graphql',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': 1_000_000 },
    });
    req.on('error', () => {});
    req.on('response', (res) => res.resume());
    const socketClosed = new Promise<string>((resolve) => req.on('socket', (socket) => socket.once('close', () => resolve('cut'))));
    req.write('x'.repeat(10));
    expect(await Promise.race([socketClosed, setTimeout(10 * GRACE_MS, 'still open')])).toBe('cut');
  });
});
