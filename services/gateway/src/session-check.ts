import { DomainError, Errors } from '@relais/domain/shared/errors';
import type { Identity, Role } from '@relais/domain/shared/identity';
import { promiseCache } from './promise-cache';

/** What the database says of a session's user now; undefined when the user no longer exists. */
export type SessionUserLookup = (tenantId: string, userId: string) => Promise<{ active: boolean; role: Role } | undefined>;

/** What the database says of a portal session's contact now; undefined when the contact was removed. */
export type PortalContactLookup = (
  tenantId: string,
  contactId: string,
) => Promise<{ customerId: string; email: string | null } | undefined>;

type UserIdentity = Extract<Identity, { kind: 'user' }>;
type CustomerIdentity = Extract<Identity, { kind: 'customer' }>;

/**
 * How long the gateway trusts what it read of a user or a portal contact: a deactivation, a role
 * change or a removed contact applies to open sessions for requests that start at most this long
 * after it. A session signed in after the change is read afresh (the cache is keyed by what the
 * token carries too).
 */
export const SESSION_CHECK_CACHE_MS = 1000;

/** At most this many sessions' lookups are kept, the least recently used dropped first (entries live one second anyway). */
const MAX_CACHED_SESSIONS = 10_000;

/**
 * The identity of a valid session token as it stands now: refused with USER_DEACTIVATED once its
 * user is deactivated (INVALID_TOKEN once deleted), with the user's current role rather than the
 * one written in the token at sign-in.
 */
export function currentSessionIdentity(identity: UserIdentity, user: { active: boolean; role: Role } | undefined): UserIdentity {
  if (!user) throw new DomainError('INVALID_TOKEN', 'UNAUTHENTICATED', 'Jeton de session invalide');
  if (!user.active) throw new DomainError('USER_DEACTIVATED', 'UNAUTHENTICATED', 'Ce compte a été désactivé');
  return user.role === identity.role ? identity : { ...identity, role: user.role };
}

/**
 * A portal session stands while its contact exists, for the same customer, with the e-mail the
 * session was opened with (docs/portal.md); otherwise PORTAL_ACCESS_REVOKED.
 */
export function currentPortalIdentity(
  identity: CustomerIdentity,
  contact: { customerId: string; email: string | null } | undefined,
): CustomerIdentity {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (!contact || contact.customerId !== identity.customerId || !contact.email || !same(contact.email, identity.email))
    throw Errors.portalAccessRevoked();
  return identity;
}

/** Checks each session against the users table, each user (per role signed in its tokens) read at most once per `cacheMs`. */
export function createSessionCheck(lookup: SessionUserLookup, cacheMs = SESSION_CHECK_CACHE_MS) {
  const read = promiseCache<Awaited<ReturnType<SessionUserLookup>>>({ ttlMs: cacheMs, max: MAX_CACHED_SESSIONS });
  return async (identity: UserIdentity): Promise<UserIdentity> =>
    currentSessionIdentity(
      identity,
      await read(`${identity.tenantId}:${identity.userId}:${identity.role}`, () => lookup(identity.tenantId, identity.userId)),
    );
}

/** Checks each portal session against its contact, each contact (per e-mail signed in its tokens) read at most once per `cacheMs`. */
export function createPortalSessionCheck(lookup: PortalContactLookup, cacheMs = SESSION_CHECK_CACHE_MS) {
  const read = promiseCache<Awaited<ReturnType<PortalContactLookup>>>({ ttlMs: cacheMs, max: MAX_CACHED_SESSIONS });
  return async (identity: CustomerIdentity): Promise<CustomerIdentity> =>
    currentPortalIdentity(
      identity,
      await read(`${identity.tenantId}:${identity.contactId}:${identity.email}`, () => lookup(identity.tenantId, identity.contactId)),
    );
}
