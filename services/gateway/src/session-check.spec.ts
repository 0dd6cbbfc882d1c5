import { describe, expect, it } from 'vitest';
import { DomainError, type Role } from '@relais/domain';
import { createPortalSessionCheck, createSessionCheck, currentPortalIdentity, currentSessionIdentity } from './session-check';

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

describe('a portal session as it stands now', () => {
  const portal = { kind: 'customer' as const, tenantId: 't', customerId: 'c', contactId: 'k', email: 'marie@client.fr' };

  it('stands while its contact exists for the same customer with the same e-mail (case aside)', () => {
    expect(currentPortalIdentity(portal, { customerId: 'c', email: ' Marie@Client.fr' })).toBe(portal);
  });

  it('is refused once the contact is removed, moved or re-addressed (PORTAL_ACCESS_REVOKED)', () => {
    expect(codeOf(() => currentPortalIdentity(portal, undefined))).toBe('PORTAL_ACCESS_REVOKED');
    expect(codeOf(() => currentPortalIdentity(portal, { customerId: 'other', email: 'marie@client.fr' }))).toBe('PORTAL_ACCESS_REVOKED');
    expect(codeOf(() => currentPortalIdentity(portal, { customerId: 'c', email: 'paul@client.fr' }))).toBe('PORTAL_ACCESS_REVOKED');
    expect(codeOf(() => currentPortalIdentity(portal, { customerId: 'c', email: null }))).toBe('PORTAL_ACCESS_REVOKED');
  });

  it('reads each contact once per cache period, and again after it', async () => {
    let reads = 0;
    let contact: { customerId: string; email: string } | undefined = { customerId: 'c', email: 'marie@client.fr' };
    const check = createPortalSessionCheck(async () => {
      reads += 1;
      return contact;
    }, 40);
    await Promise.all([check(portal), check(portal)]);
    expect(reads).toBe(1);
    contact = undefined;
    await expect(check(portal)).resolves.toBe(portal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(check(portal)).rejects.toMatchObject({ code: 'PORTAL_ACCESS_REVOKED' });
    expect(reads).toBe(2);
  });
});
