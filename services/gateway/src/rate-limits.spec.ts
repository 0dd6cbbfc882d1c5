import { describe, expect, it } from 'vitest';
import { idempotencyKey } from './idempotency';
import { DEFAULT_RATE_LIMITS, rateLimitedCaller, rateLimitHeaders, rateLimitsFromEnv } from './rate-limits';

describe('rate limits', () => {
  it('reads positive whole limits from the environment, else the defaults', () => {
    expect(rateLimitsFromEnv({ RATE_LIMIT_PER_API_KEY: '100', RATE_LIMIT_PER_USER: 'abc' })).toEqual({ perApiKey: 100, perUser: 100_000 });
    expect(rateLimitsFromEnv({ RATE_LIMIT_PER_USER: '-5' })).toEqual(DEFAULT_RATE_LIMITS);
  });

  it('charges the API key or the user, never the system', () => {
    const tenantId = 't';
    expect(rateLimitedCaller({ kind: 'api_key', tenantId, apiKeyId: 'k', scopes: [] }, DEFAULT_RATE_LIMITS)).toEqual({
      caller: 'api_key:k',
      limit: 50_000,
    });
    expect(rateLimitedCaller({ kind: 'user', tenantId, userId: 'u', role: 'admin', email: 'a@b.fr' }, DEFAULT_RATE_LIMITS)).toEqual({
      caller: 'user:u',
      limit: 100_000,
    });
    expect(rateLimitedCaller({ kind: 'system', tenantId, job: 'j' }, DEFAULT_RATE_LIMITS)).toBeNull();
  });

  it('tells what remains, and when to retry once refused', () => {
    expect(rateLimitHeaders({ allowed: true, limit: 100, used: 30, resetSeconds: 12 })).toEqual({
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '70',
      'x-ratelimit-reset': '12',
    });
    expect(rateLimitHeaders({ allowed: false, limit: 100, used: 95, resetSeconds: 12 })).toMatchObject({
      'x-ratelimit-remaining': '5',
      'retry-after': '12',
    });
  });
});

describe('idempotencyKey', () => {
  it('accepts 1 to 255 printable ASCII characters', () => {
    expect(idempotencyKey(undefined)).toBeNull();
    expect(idempotencyKey('order-42 / retry')).toBe('order-42 / retry');
    expect(idempotencyKey('x'.repeat(255))).toBe('x'.repeat(255));
    for (const bad of ['', 'x'.repeat(256), 'clé', 'a\tb', ['a', 'b']]) expect(idempotencyKey(bad)).toBe('invalid');
  });
});
