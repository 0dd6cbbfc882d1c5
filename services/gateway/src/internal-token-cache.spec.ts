import { describe, expect, it } from 'vitest';
import type { Identity } from '@relais/domain';
import { createInternalTokenSigner, INTERNAL_TOKEN_REUSE_MS, MAX_CACHED_IDENTITIES } from './internal-token-cache';

const user: Identity = { kind: 'user', userId: 'u1', tenantId: 't1', role: 'planner', email: 'a@b.fr' };

describe('internal identity token reuse', () => {
  it('signs once per identity and half-minute, again after it', async () => {
    let clock = 0;
    let signed = 0;
    const sign = createInternalTokenSigner(
      async (identity) => `token-${identity.kind}-${++signed}`,
      () => clock,
    );
    expect(await sign(user)).toBe('token-user-1');
    clock = INTERNAL_TOKEN_REUSE_MS - 1;
    expect(await sign({ ...user })).toBe('token-user-1');
    clock = INTERNAL_TOKEN_REUSE_MS;
    expect(await sign(user)).toBe('token-user-2');
  });

  it('signs a new token at once when the identity changes (another role, another user)', async () => {
    let signed = 0;
    const sign = createInternalTokenSigner(async () => `token-${++signed}`);
    expect(await sign(user)).toBe('token-1');
    expect(await sign({ ...user, role: 'admin' } as Identity)).toBe('token-2');
    expect(await sign({ ...user, userId: 'u2' })).toBe('token-3');
  });

  it('does not keep a failed signature', async () => {
    let calls = 0;
    const sign = createInternalTokenSigner(async () => {
      calls += 1;
      if (calls === 1) throw new Error('no key');
      return 'token';
    });
    await expect(sign(user)).rejects.toThrow('no key');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await sign(user)).toBe('token');
  });
});

describe('internal identity token cache bound', () => {
  it('drops the least recently used caller when full, keeping the recent ones', async () => {
    let signed = 0;
    const sign = createInternalTokenSigner(async (identity) => `token-${identity.kind === 'user' ? identity.userId : ''}-${++signed}`);
    const caller = (n: number): Identity => ({ ...user, userId: `u${n}` });
    for (let n = 1; n <= MAX_CACHED_IDENTITIES + 1; n += 1) await sign(caller(n));
    expect(signed).toBe(MAX_CACHED_IDENTITIES + 1);
    // The most recent callers keep their tokens; the first one, least recently used, is signed again.
    expect(await sign(caller(MAX_CACHED_IDENTITIES))).toBe(`token-u${MAX_CACHED_IDENTITIES}-${MAX_CACHED_IDENTITIES}`);
    expect(await sign(caller(1))).toBe(`token-u1-${MAX_CACHED_IDENTITIES + 2}`);
  });
});
