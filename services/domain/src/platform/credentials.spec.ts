import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { hashPassword, verifyPassword } from './password';
import { signSessionToken, verifySessionToken } from './session-token';
import { authenticateApiKey } from './api-key.service';

const SECRET = 'unit-test-secret-0123456789abcdef';
const user = { id: 'u1', tenantId: 't1', role: 'billing' as const, email: 'a@b.fr' };

describe('passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const hash = await hashPassword('relais-demo');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await hashPassword('relais-demo')).not.toBe(hash);
    expect(await verifyPassword('relais-demo', hash)).toBe(true);
    expect(await verifyPassword('relais-demo ', hash)).toBe(false);
  });
});

describe('session tokens', () => {
  it('round-trips the identity', async () => {
    const { token } = await signSessionToken(user, SECRET);
    expect(await verifySessionToken(token, SECRET)).toEqual({
      kind: 'user',
      userId: 'u1',
      tenantId: 't1',
      role: 'billing',
      email: 'a@b.fr',
    });
  });

  it('tells an expired token from a forged one', async () => {
    const { token: expired } = await signSessionToken(user, SECRET, -10);
    await expect(verifySessionToken(expired, SECRET)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED', category: 'UNAUTHENTICATED' });
    const { token: otherKey } = await signSessionToken(user, 'another-secret-0123456789abcdefgh');
    await expect(verifySessionToken(otherKey, SECRET)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    const unsigned = await new SignJWT({ tid: 't2' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(verifySessionToken(unsigned, SECRET)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
  });
});

describe('session tokens verified once', () => {
  afterEach(() => vi.useRealTimers());

  it('answers a verified token from memory until its own expiry, then refuses it as expired', async () => {
    const { token } = await signSessionToken(user, SECRET, 60);
    const first = await verifySessionToken(token, SECRET);
    expect(await verifySessionToken(token, SECRET)).toEqual(first);
    // Known under one secret, the same token is checked again under another (and refused).
    await expect(verifySessionToken(token, 'another-secret-0123456789abcdefgh')).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
    vi.useFakeTimers({ now: Date.now() + 61_000 });
    await expect(verifySessionToken(token, SECRET)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });
});

describe('API keys', () => {
  const secret = 'S'.repeat(43);
  const token = `rk_abcdefghijkl_${secret}`;
  const row = (overrides = {}) => ({
    id: 'k1',
    tenant_id: 't1',
    secret_hash: createHash('sha256').update(secret).digest('hex'),
    scopes: ['maintenance:read'],
    expires_at: null,
    revoked_at: null,
    ...overrides,
  });

  it('resolves a valid key to its tenant and scopes', async () => {
    expect(await authenticateApiKey(async () => row(), token)).toEqual({
      kind: 'api_key',
      tenantId: 't1',
      apiKeyId: 'k1',
      scopes: ['maintenance:read'],
    });
  });

  it('refuses malformed, unknown, wrong-secret, revoked and expired keys with distinct codes', async () => {
    await expect(authenticateApiKey(async () => row(), 'rk_short')).rejects.toMatchObject({ code: 'INVALID_API_KEY' });
    await expect(authenticateApiKey(async () => undefined, token)).rejects.toMatchObject({ code: 'INVALID_API_KEY' });
    await expect(authenticateApiKey(async () => row(), `rk_abcdefghijkl_${'T'.repeat(43)}`)).rejects.toMatchObject({
      code: 'INVALID_API_KEY',
    });
    await expect(authenticateApiKey(async () => row({ revoked_at: new Date() }), token)).rejects.toMatchObject({ code: 'API_KEY_REVOKED' });
    await expect(authenticateApiKey(async () => row({ expires_at: new Date(Date.now() - 1000) }), token)).rejects.toMatchObject({
      code: 'API_KEY_EXPIRED',
    });
  });
});
