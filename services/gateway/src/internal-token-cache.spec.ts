import { describe, expect, it } from 'vitest';
import type { Identity } from '@relais/domain';
import { createInternalTokenSigner, INTERNAL_TOKEN_REUSE_MS } from './internal-token-cache';

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
