import { describe, expect, it } from 'vitest';
import { DomainError, type Role } from '@relais/domain';
import { createSessionCheck, currentSessionIdentity } from './session-check';

const session = { kind: 'user' as const, tenantId: 't', userId: 'u', role: 'admin' as Role, email: 'anne@exemple.fr' };

function codeOf(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'OTHER';
  }
}

describe('a session as it stands now', () => {
  it('is refused once its user is deactivated (USER_DEACTIVATED) or gone (INVALID_TOKEN)', () => {
    expect(codeOf(() => currentSessionIdentity(session, { active: false, role: 'admin' }))).toBe('USER_DEACTIVATED');
    expect(codeOf(() => currentSessionIdentity(session, undefined))).toBe('INVALID_TOKEN');
  });

  it('carries the role the user has now, not the one signed into the token', () => {
    expect(currentSessionIdentity(session, { active: true, role: 'planner' })).toEqual({ ...session, role: 'planner' });
    expect(currentSessionIdentity(session, { active: true, role: 'admin' })).toBe(session);
  });

  it('reads each user once per cache period, and again after it', async () => {
    let reads = 0;
    let active = true;
    const check = createSessionCheck(async () => {
      reads += 1;
      return { active, role: 'admin' };
    }, 40);
    await Promise.all([check(session), check(session), check({ ...session, userId: 'v' })]);
    expect(reads).toBe(2);
    active = false;
    await expect(check(session)).resolves.toEqual(session);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(check(session)).rejects.toMatchObject({ code: 'USER_DEACTIVATED' });
    expect(reads).toBe(3);
  });

  it('reads afresh a session signed in after a role change, while an older one keeps the cached answer', async () => {
    let role: Role = 'admin';
    const check = createSessionCheck(async () => ({ active: true, role }), 60_000);
    await expect(check(session)).resolves.toEqual(session);
    role = 'planner';
    const signedInAsPlanner = { ...session, role: 'planner' as Role };
    await expect(check(signedInAsPlanner)).resolves.toEqual(signedInAsPlanner);
    await expect(check(session)).resolves.toEqual(session);
  });

  it('does not keep a failed lookup', async () => {
    let fail = true;
    const check = createSessionCheck(async () => {
      if (fail) throw new Error('connection lost');
      return { active: true, role: 'admin' };
    });
    await expect(check(session)).rejects.toThrow('connection lost');
    fail = false;
    await expect(check(session)).resolves.toEqual(session);
  });
});
