import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebhookDestinationAllowed, isPrivateAddress, webhookPrivateHostsAllowed } from './webhook-address';
import { webhookSender } from './webhook-delivery';
import type { DomainError } from '../../shared/errors';

async function refusal(action: Promise<unknown>): Promise<string | null> {
  try {
    await action;
    return null;
  } catch (error) {
    return (error as DomainError).code ?? 'OTHER';
  }
}

describe('private addresses', () => {
  it('knows loopback, private, link-local, metadata, unspecified and unique-local addresses', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.10',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '::1',
      '::',
      'fc00::1',
      'fd00:ec2::254',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not an address',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
  });

  it('lets public addresses through', () => {
    for (const address of ['93.184.215.14', '172.32.0.1', '8.8.8.8', '2606:4700::6810:84e5', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('reads the allowed hosts from WEBHOOK_ALLOW_PRIVATE_HOSTS', () => {
    expect(webhookPrivateHostsAllowed({ WEBHOOK_ALLOW_PRIVATE_HOSTS: ' LocalHost, 127.0.0.1 ,' })).toEqual(['localhost', '127.0.0.1']);
    expect(webhookPrivateHostsAllowed({})).toEqual([]);
  });
});

describe('registering an endpoint', () => {
  const resolvesTo =
    (...addresses: string[]) =>
    () =>
      Promise.resolve(addresses);

  it('refuses a private address written in the URL, or a name that resolves to one', async () => {
    for (const url of [
      'https://10.0.0.5/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]:8443/',
      'https://[fd00::1]/',
      'http://localhost:9000/',
      'https://0.0.0.0/',
      'https://api.localhost/hook',
    ])
      expect(await refusal(assertWebhookDestinationAllowed(url, [], resolvesTo('93.184.215.14'))), url).toBe('WEBHOOK_URL_NOT_ALLOWED');
    // Any private answer among several is enough to refuse.
    expect(await refusal(assertWebhookDestinationAllowed('https://hooks.partner.fr/', [], resolvesTo('93.184.215.14', '10.0.0.7')))).toBe(
      'WEBHOOK_URL_NOT_ALLOWED',
    );
  });

  it('accepts a public name, an unresolvable one (checked again at delivery) and an allowed host', async () => {
    expect(await refusal(assertWebhookDestinationAllowed('https://hooks.partner.fr/', [], resolvesTo('93.184.215.14')))).toBeNull();
    expect(await refusal(assertWebhookDestinationAllowed('https://nowhere.partner.fr/', [], resolvesTo()))).toBeNull();
    expect(await refusal(assertWebhookDestinationAllowed('http://127.0.0.1:9000/', ['127.0.0.1'], resolvesTo()))).toBeNull();
  });
});

describe('sending to an endpoint', () => {
  let server: Server;
  let port: number;
  let received = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      received += 1;
      req.resume();
      req.on('end', () => res.writeHead(200).end('x'.repeat(5000)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const request = (host: string) => ({ url: `http://${host}:${port}/hook`, headers: { 'webhook-id': 'x' }, body: '{}' });

  it('refuses to connect to a private address, written or resolved, unless its host is allowed', async () => {
    await expect(webhookSender([])(request('127.0.0.1'))).rejects.toThrow(/WEBHOOK_URL_NOT_ALLOWED/);
    await expect(webhookSender([])(request('localhost'))).rejects.toThrow(/WEBHOOK_URL_NOT_ALLOWED/);
    expect(received).toBe(0);
    const answer = await webhookSender(['127.0.0.1'])(request('127.0.0.1'));
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(1024);
    expect(received).toBe(1);
  });
});
