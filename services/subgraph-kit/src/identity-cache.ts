import type { Identity } from '@relais/domain';
import { LRUCache } from 'lru-cache';

/** At most this many tokens are kept, the least recently used dropped first (each lives a minute at most anyway). */
const MAX_CACHED_TOKENS = 10_000;

/** The `exp` (seconds since the epoch) of a JWT whose signature has been checked; null when it carries none. */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp : null;
  } catch {
    return null;
  }
}

/**
 * Verifies the gateway's signed identity header once per token: the gateway signs one token per
 * caller for half a minute (services/gateway/src/internal-token-cache.ts), so a subgraph sees the
 * same token for every request of that caller meanwhile and verifies its HMAC once (profiled at a few
 * per cent of a list request's CPU). A token is answered from the cache only until its own `exp`; a
 * token that fails verification is never cached.
 */
export function createIdentityVerifier(verify: (token: string) => Promise<Identity>, now: () => number = Date.now) {
  const cache = new LRUCache<string, { identity: Identity; expiresAtMs: number }>({ max: MAX_CACHED_TOKENS });
  return async (token: string): Promise<Identity> => {
    const hit = cache.get(token);
    if (hit) {
      if (hit.expiresAtMs > now()) return hit.identity;
      cache.delete(token);
    }
    const identity = await verify(token);
    const exp = tokenExpiry(token);
    if (exp !== null) cache.set(token, { identity, expiresAtMs: exp * 1000 });
    return identity;
  };
}
