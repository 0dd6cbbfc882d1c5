import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { DomainError } from '../../shared/errors';

/**
 * Webhooks must not be a way into the servers' own network (SSRF): an endpoint whose address is, or
 * resolves to, this machine, a private network, a link-local address (cloud metadata at
 * 169.254.169.254) or an unspecified one is refused when it is registered and again when each
 * message is sent (DNS answers change: the address checked is the one connected to).
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local (fd00:ec2::254: a cloud's metadata)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 of an IPv4 address
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

/** True for an address a webhook may not reach (IPv4-mapped IPv6 addresses are judged by their IPv4). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return mapped ? PRIVATE.check(mapped, 'ipv4') : PRIVATE.check(address, 'ipv6');
}

/**
 * Host names (as written in the URL: `localhost`, `127.0.0.1`, `[::1]`) that may be private all the
 * same: `WEBHOOK_ALLOW_PRIVATE_HOSTS`, comma-separated, for development and tests only (`npm start`
 * and the test stack set `localhost,127.0.0.1`); none by default.
 */
export function webhookPrivateHostsAllowed(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.WEBHOOK_ALLOW_PRIVATE_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

export function webhookUrlNotAllowed(address: string): DomainError {
  return new DomainError(
    'WEBHOOK_URL_NOT_ALLOWED',
    'BAD_USER_INPUT',
    `Adresse non autorisée pour un webhook : ${address} est une adresse privée, locale ou réservée`,
    { field: 'url' },
  );
}

/** The addresses a host name resolves to now; none when it does not resolve (or not within 5 s). */
export type ResolveAll = (hostname: string) => Promise<string[]>;

export const resolveAll: ResolveAll = (hostname) =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), 5000);
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      clearTimeout(timer);
      resolve(error ? [] : addresses.map((a) => a.address));
    });
  });

/**
 * Refuses (WEBHOOK_URL_NOT_ALLOWED, naming `url`) an endpoint whose host is a private address or
 * resolves to one, unless its host is allowed. A name that does not resolve now is accepted: each
 * delivery checks again the address it connects to.
 */
export async function assertWebhookDestinationAllowed(
  url: string,
  allowedHosts: readonly string[] = webhookPrivateHostsAllowed(),
  resolve: ResolveAll = resolveAll,
): Promise<void> {
  const { hostname } = new URL(url);
  const host = hostname.toLowerCase();
  if (allowedHosts.includes(host)) return;
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(literal) ? [literal] : host === 'localhost' || host.endsWith('.localhost') ? ['127.0.0.1'] : await resolve(host);
  const refused = addresses.find(isPrivateAddress);
  if (refused) throw webhookUrlNotAllowed(refused);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that resolves as usual and fails the connection when an answer is a
 * private address: what is connected to is what was checked.
 */
export function publicOnlyLookup(hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) {
      const failure = Object.assign(new Error(`WEBHOOK_URL_NOT_ALLOWED: ${hostname} → ${refused.address}, adresse privée`), {
        code: 'WEBHOOK_URL_NOT_ALLOWED',
      });
      return callback(failure, []);
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}
