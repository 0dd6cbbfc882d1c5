import { Errors, Validator } from '../../shared/errors';
import { ROLES, type Role } from '../../shared/identity';

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;

export interface UserStanding {
  id: string;
  role: Role;
  active: boolean;
}

/**
 * Refuses a change that would leave the tenant without an active admin (nobody could then manage
 * users or keys): demoting or deactivating the last one answers LAST_ADMIN and changes nothing.
 */
export function assertKeepsAnActiveAdmin(users: readonly UserStanding[], userId: string, change: { role?: Role; active?: boolean }): void {
  const after = users.map((u) => (u.id === userId ? { ...u, ...change } : u));
  const adminsBefore = users.filter((u) => u.role === 'admin' && u.active).length;
  const adminsAfter = after.filter((u) => u.role === 'admin' && u.active).length;
  if (adminsBefore > 0 && adminsAfter === 0) {
    throw Errors.conflict('LAST_ADMIN', 'Il faut au moins un administrateur actif : ce compte est le dernier', { userId });
  }
}

export interface NewUserInput {
  email: string;
  fullName: string;
  role: string;
}

/** A new user's e-mail, name and role, trimmed; every refused field named. */
export function validateNewUser(input: NewUserInput): { email: string; fullName: string; role: Role } {
  const email = input.email.trim().toLowerCase();
  const fullName = input.fullName.trim();
  new Validator()
    .check(email.length > 0, 'email', 'obligatoire', 'REQUIRED')
    .check(email.length === 0 || (email.length <= 254 && ADDRESS.test(email)), 'email', 'adresse e-mail invalide')
    .check(fullName.length > 0, 'fullName', 'obligatoire', 'REQUIRED')
    .check(fullName.length <= 200, 'fullName', '200 caractères au plus', 'TOO_LONG')
    .check((ROLES as readonly string[]).includes(input.role), 'role', `valeurs possibles : ${ROLES.join(', ')}`, 'UNKNOWN_VALUE')
    .throwIfInvalid();
  return { email, fullName, role: input.role as Role };
}

/** A role name, or VALIDATION_FAILED on `role`. */
export function validateRole(role: string): Role {
  new Validator()
    .check((ROLES as readonly string[]).includes(role), 'role', `valeurs possibles : ${ROLES.join(', ')}`, 'UNKNOWN_VALUE')
    .throwIfInvalid();
  return role as Role;
}

export function validateNewPassword(password: string): void {
  new Validator()
    .check(password.length >= 12, 'password', '12 caractères au moins', 'OUT_OF_RANGE')
    .check(password.length <= 200, 'password', '200 caractères au plus', 'TOO_LONG')
    .throwIfInvalid();
}
