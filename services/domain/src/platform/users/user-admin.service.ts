import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueMail } from '../../mail/outbox.service';
import { Errors } from '../../shared/errors';
import type { Identity, Role } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { hashPassword } from '../password';
import { backOfficeUrl } from '../public-url';
import { Tenant } from '../tenant.entity';
import { User } from '../user.entity';
import { assertKeepsAnActiveAdmin, validateNewPassword, validateNewUser, validateRole, type NewUserInput } from './user-admin.rules';

/** How long the password-setting link of an invitation stays valid. */
export const INVITATION_TTL_HOURS = 72;

export function listUsers(em: EntityManager): Promise<User[]> {
  return em.find(User, {}, { orderBy: { fullName: 'asc', id: 'asc' } });
}

function signInvitation(secret: string, tenantId: string, userId: string, expires: number, passwordHash: string): string {
  return createHmac('sha256', secret).update(`invitation|${tenantId}|${userId}|${expires}|${passwordHash}`).digest('base64url');
}

/** The one-time link's token: it names the user and is bound to their current password, so it works once. */
export function invitationToken(secret: string, user: { tenantId: string; id: string; passwordHash: string }, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + INVITATION_TTL_HOURS * 3600;
  return [user.tenantId, user.id, expires, signInvitation(secret, user.tenantId, user.id, expires, user.passwordHash)].join('.');
}

/** Who an invitation token names (its signature is checked against the stored user by `acceptInvitation`). */
export function readInvitationToken(token: string): { tenantId: string; userId: string; expires: number; signature: string } {
  const [tenantId, userId, expires, signature, ...rest] = token.split('.');
  const uuid = /^[0-9a-f-]{36}$/;
  if (
    !tenantId ||
    !userId ||
    !expires ||
    !signature ||
    rest.length > 0 ||
    !uuid.test(tenantId) ||
    !uuid.test(userId) ||
    !/^\d+$/.test(expires)
  ) {
    throw Errors.unauthenticated('INVALID_INVITATION', 'Ce lien n’est pas valide');
  }
  return { tenantId, userId, expires: Number(expires), signature };
}

export interface InviteOptions {
  secret: string;
  /** True when an account (of any tenant) already uses the address. */
  emailTaken: (email: string) => Promise<boolean>;
}

/**
 * Creates the user (with an unusable random password) and mails them, through the outbox, a link
 * to set their own password; both in the caller's transaction.
 */
export async function inviteUser(em: EntityManager, identity: Identity, input: NewUserInput, options: InviteOptions): Promise<User> {
  const valid = validateNewUser(input);
  if (await options.emailTaken(valid.email)) {
    throw Errors.conflict('EMAIL_TAKEN', 'Un compte utilise déjà cette adresse e-mail', { field: 'email' });
  }
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  const user = em.create(User, { id: newId(), tenantId: identity.tenantId, ...valid, passwordHash, active: true });
  await em.flush();
  const tenant = await em.findOneOrFail(Tenant, { id: identity.tenantId });
  const link = `${backOfficeUrl()}/definir-mot-de-passe?jeton=${encodeURIComponent(invitationToken(options.secret, { ...user, passwordHash }))}`;
  await enqueueMail(em, identity, {
    to: [valid.email],
    subject: `${tenant.name} vous invite sur Relais`,
    text: [
      `Bonjour ${valid.fullName},`,
      '',
      `${tenant.name} vous a créé un compte sur Relais. Choisissez votre mot de passe en ouvrant ce lien (valable ${INVITATION_TTL_HOURS} heures, une seule fois) :`,
      link,
    ].join('\n'),
    related: { type: 'user', id: user.id },
  });
  return user;
}

async function lockedUsers(em: EntityManager): Promise<User[]> {
  return em.find(User, {}, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true });
}

async function changeUser(em: EntityManager, userId: string, change: { role?: Role; active?: boolean }): Promise<User> {
  const users = await lockedUsers(em);
  const user = users.find((u) => u.id === userId);
  if (!user) throw Errors.notFound('User', userId);
  assertKeepsAnActiveAdmin(users, userId, change);
  Object.assign(user, change);
  await em.flush();
  return user;
}

/** Changes a user's role; demoting the last active admin answers LAST_ADMIN. */
export function changeUserRole(em: EntityManager, userId: string, role: string): Promise<User> {
  return changeUser(em, userId, { role: validateRole(role) });
}

/** Deactivates (the user can no longer sign in) or reactivates; deactivating the last active admin answers LAST_ADMIN. */
export function setUserActive(em: EntityManager, userId: string, active: boolean): Promise<User> {
  return changeUser(em, userId, { active });
}

/** The active user a valid, unexpired invitation token names; INVALID_INVITATION or INVITATION_EXPIRED otherwise. */
export async function invitedUser(em: EntityManager, token: string, secret: string, now = new Date()): Promise<User> {
  const parsed = readInvitationToken(token);
  const user = await em.findOne(User, { id: parsed.userId }, { populate: ['passwordHash'] });
  const expected = user && Buffer.from(signInvitation(secret, parsed.tenantId, parsed.userId, parsed.expires, user.passwordHash));
  const valid =
    expected && expected.length === Buffer.from(parsed.signature).length && timingSafeEqual(expected, Buffer.from(parsed.signature));
  if (!user || !valid || !user.active) throw Errors.unauthenticated('INVALID_INVITATION', 'Ce lien n’est pas valide ou a déjà servi');
  if (parsed.expires * 1000 <= now.getTime()) throw Errors.unauthenticated('INVITATION_EXPIRED', 'Ce lien a expiré');
  return user;
}

/** Sets the password of the user an invitation token names, once: the new password voids the token. */
export async function acceptInvitation(
  em: EntityManager,
  token: string,
  password: string,
  secret: string,
  now = new Date(),
): Promise<User> {
  const user = await invitedUser(em, token, secret, now);
  validateNewPassword(password);
  user.passwordHash = await hashPassword(password);
  await em.flush();
  return user;
}
