import { DomainError, type Identity, type Role } from '@relais/domain';

/** What the database says of a session's user now; undefined when the user no longer exists. */
export type SessionUserLookup = (tenantId: string, userId: string) => Promise<{ active: boolean; role: Role } | undefined>;

type UserIdentity = Extract<Identity, { kind: 'user' }>;

/**
 * How long the gateway trusts what it read of a user: a deactivation or a role change applies to
 * the user's open sessions for requests that start at most this long after it. A session signed in
 * after the change is read afresh (the cache is keyed by the role the token carries too).
 */
export const SESSION_CHECK_CACHE_MS = 1000;

/** Past this many users cached, the whole cache is dropped (entries live one second anyway). */
const MAX_CACHED_USERS = 10_000;

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

/** Checks each session against the users table, each user (per role signed in its tokens) read at most once per `cacheMs`. */
export function createSessionCheck(lookup: SessionUserLookup, cacheMs = SESSION_CHECK_CACHE_MS) {
  const cache = new Map<string, { until: number; user: ReturnType<SessionUserLookup> }>();
  return async (identity: UserIdentity): Promise<UserIdentity> => {
    const key = `${identity.tenantId}:${identity.userId}:${identity.role}`;
    const now = Date.now();
    let entry = cache.get(key);
    if (!entry || entry.until <= now) {
      if (cache.size >= MAX_CACHED_USERS) cache.clear();
      entry = { until: now + cacheMs, user: lookup(identity.tenantId, identity.userId) };
      cache.set(key, entry);
      // A failed lookup is not kept: the next request asks again.
      entry.user.catch(() => cache.delete(key));
    }
    return currentSessionIdentity(identity, await entry.user);
  };
}
