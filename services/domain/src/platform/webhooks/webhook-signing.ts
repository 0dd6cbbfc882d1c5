import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures as the Standard Webhooks specification has them (standardwebhooks.com): the
 * secret is `whsec_` + base64 of random bytes; the signed content is `<webhook-id>.<webhook-timestamp>.<body>`;
 * `webhook-signature` lists `v1,<base64 HMAC-SHA256>` once per secret, separated by spaces.
 */

const SECRET_PREFIX = 'whsec_';
/** 24 bytes: 32 base64 characters, the size of the specification's examples. */
const SECRET_BYTES = 24;

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

function secretKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new TypeError('a webhook secret starts with whsec_');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

/** The base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` with the secret's key. */
export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  return createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The headers of one message, signed with every secret given (the current one first, then one still valid after a rotation). */
export function signWebhook(secrets: readonly string[], id: string, timestamp: number, body: string): WebhookHeaders {
  if (secrets.length === 0) throw new TypeError('no secret to sign with');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => `v1,${webhookSignature(secret, id, timestamp, body)}`).join(' '),
  };
}

/** How far the timestamp may be from the receiver's clock (the specification's suggestion): older messages are replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/**
 * What a receiver does: true when one of the listed signatures is the secret's signature of the
 * message and the timestamp is within the tolerance of `now`.
 */
export function verifyWebhook(
  secret: string,
  headers: Partial<WebhookHeaders>,
  body: string,
  now: Date = new Date(),
  toleranceSeconds: number = WEBHOOK_TOLERANCE_SECONDS,
): boolean {
  const id = headers['webhook-id'];
  const timestamp = Number(headers['webhook-timestamp']);
  if (!id || !Number.isInteger(timestamp) || !headers['webhook-signature']) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, id, timestamp, body));
  return headers['webhook-signature'].split(' ').some((entry) => {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
