import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { assertKeepsAnActiveAdmin, validateNewPassword, validateNewUser, type UserStanding } from './user-admin.rules';

const admin = (id: string, active = true): UserStanding => ({ id, role: 'admin', active });
const planner: UserStanding = { id: 'p', role: 'planner', active: true };

function codeOf(action: () => void): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'OTHER';
  }
}

describe('assertKeepsAnActiveAdmin', () => {
  it('refuses demoting or deactivating the last active admin', () => {
    const users = [admin('a'), admin('b', false), planner];
    expect(codeOf(() => assertKeepsAnActiveAdmin(users, 'a', { role: 'planner' }))).toBe('LAST_ADMIN');
    expect(codeOf(() => assertKeepsAnActiveAdmin(users, 'a', { active: false }))).toBe('LAST_ADMIN');
  });

  it('allows it while another admin stays active', () => {
    const users = [admin('a'), admin('b'), planner];
    expect(codeOf(() => assertKeepsAnActiveAdmin(users, 'a', { role: 'billing' }))).toBeNull();
    expect(codeOf(() => assertKeepsAnActiveAdmin(users, 'b', { active: false }))).toBeNull();
  });

  it('allows changes to other users and reactivating an admin', () => {
    const users = [admin('a'), admin('b', false), planner];
    expect(codeOf(() => assertKeepsAnActiveAdmin(users, 'p', { active: false }))).toBeNull();
    expect(codeOf(() => assertKeepsAnActiveAdmin(users, 'b', { active: true }))).toBeNull();
    expect(codeOf(() => assertKeepsAnActiveAdmin(users, 'a', { role: 'admin' }))).toBeNull();
  });
});

describe('validateNewUser', () => {
  it('trims and lowercases the e-mail', () => {
    expect(validateNewUser({ email: ' Anne@Exemple.FR ', fullName: ' Anne Roy ', role: 'planner' })).toEqual({
      email: 'anne@exemple.fr',
      fullName: 'Anne Roy',
      role: 'planner',
    });
  });

  it('names every refused field with its reason', () => {
    try {
      validateNewUser({ email: 'pas-une-adresse', fullName: ' ', role: 'boss' });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('VALIDATION_FAILED');
      expect((error as DomainError).details.fields).toEqual([
        expect.objectContaining({ field: 'email', reason: 'INVALID' }),
        expect.objectContaining({ field: 'fullName', reason: 'REQUIRED' }),
        expect.objectContaining({ field: 'role', reason: 'UNKNOWN_VALUE' }),
      ]);
    }
  });
});

describe('validateNewPassword', () => {
  it('wants 12 characters at least', () => {
    expect(codeOf(() => validateNewPassword('court'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => validateNewPassword('un mot de passe long'))).toBeNull();
  });
});
