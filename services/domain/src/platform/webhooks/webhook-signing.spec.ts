import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook, verifyWebhook, webhookSignature } from './webhook-signing';

/** The example of the Standard Webhooks specification (and of its reference libraries' tests). */
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const AT_SPEC_TIME = new Date(SPEC.timestamp * 1000);

describe('webhook signatures (Standard Webhooks)', () => {
  it('signs the specification’s example to its published signature', () => {
    expect(signWebhook([SPEC.secret], SPEC.id, SPEC.timestamp, SPEC.body)).toEqual({
      'webhook-id': SPEC.id,
      'webhook-timestamp': '1614265330',
      'webhook-signature': SPEC.signature,
    });
  });

  it('verifies the example, and refuses it altered: body, id, timestamp, secret or signature', () => {
    const headers = { 'webhook-id': SPEC.id, 'webhook-timestamp': String(SPEC.timestamp), 'webhook-signature': SPEC.signature };
    expect(verifyWebhook(SPEC.secret, headers, SPEC.body, AT_SPEC_TIME)).toBe(true);
    expect(verifyWebhook(SPEC.secret, headers, '{"test": 2432232315}', AT_SPEC_TIME)).toBe(false);
    expect(verifyWebhook(SPEC.secret, { ...headers, 'webhook-id': 'msg_other' }, SPEC.body, AT_SPEC_TIME)).toBe(false);
    expect(verifyWebhook(SPEC.secret, { ...headers, 'webhook-timestamp': '1614265331' }, SPEC.body, AT_SPEC_TIME)).toBe(false);
    expect(verifyWebhook(generateWebhookSecret(), headers, SPEC.body, AT_SPEC_TIME)).toBe(false);
    expect(verifyWebhook(SPEC.secret, { ...headers, 'webhook-signature': 'v2,' + SPEC.signature.slice(3) }, SPEC.body, AT_SPEC_TIME)).toBe(
      false,
    );
    expect(verifyWebhook(SPEC.secret, { ...headers, 'webhook-signature': undefined }, SPEC.body, AT_SPEC_TIME)).toBe(false);
  });

  it('refuses a message older or newer than five minutes (a replay)', () => {
    const headers = { 'webhook-id': SPEC.id, 'webhook-timestamp': String(SPEC.timestamp), 'webhook-signature': SPEC.signature };
    expect(verifyWebhook(SPEC.secret, headers, SPEC.body, new Date((SPEC.timestamp + 299) * 1000))).toBe(true);
    expect(verifyWebhook(SPEC.secret, headers, SPEC.body, new Date((SPEC.timestamp + 301) * 1000))).toBe(false);
    expect(verifyWebhook(SPEC.secret, headers, SPEC.body, new Date((SPEC.timestamp - 301) * 1000))).toBe(false);
  });

  it('signs with every secret during a rotation, and either secret verifies', () => {
    const current = generateWebhookSecret();
    const previous = generateWebhookSecret();
    const now = new Date();
    const timestamp = Math.floor(now.getTime() / 1000);
    const headers = signWebhook([current, previous], 'msg_1', timestamp, '{}');
    expect(headers['webhook-signature']).toBe(
      `v1,${webhookSignature(current, 'msg_1', timestamp, '{}')} v1,${webhookSignature(previous, 'msg_1', timestamp, '{}')}`,
    );
    expect(verifyWebhook(current, headers, '{}', now)).toBe(true);
    expect(verifyWebhook(previous, headers, '{}', now)).toBe(true);
    expect(verifyWebhook(generateWebhookSecret(), headers, '{}', now)).toBe(false);
  });

  it('makes secrets of whsec_ and 24 random bytes in base64', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(24);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});
