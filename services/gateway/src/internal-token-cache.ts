import type { Identity } from '@relais/domain';
import { LRUCache } from 'lru-cache';

/** How long one signed identity is reused: half the token's 60-second life, so a subgraph always receives it valid. */
export const INTERNAL_TOKEN_REUSE_MS = 30_000;

/** At most this many callers' tokens are kept, the least recently used dropped first (entries live half a minute anyway). */
export const MAX_CACHED_IDENTITIES = 10_000;

/**
 * Signs the identity the gateway forwards to the subgraphs (x-relais-identity) once per caller and
 * half-minute rather than once per request: the same identity gets the same token meanwhile, which
 * also lets each subgraph verify it once (subgraph-kit identity-cache.ts). A changed identity (a new
 * role read by the session check) is a different key, hence a new token at once.
 */
export function createInternalTokenSigner(
  sign: (identity: Identity) => Promise<string>,
  now: () => number = Date.now,
): (identity: Identity) => Promise<string> {
  const cache = new LRUCache<string, { until: number; token: Promise<string> }>({ max: MAX_CACHED_IDENTITIES });
  return (identity) => {
    const key = JSON.stringify(identity);
    const at = now();
    const hit = cache.get(key);
    if (hit && hit.until > at) return hit.token;
    const token = sign(identity);
    cache.set(key, { until: at + INTERNAL_TOKEN_REUSE_MS, token });
    token.catch(() => cache.delete(key));
    return token;
  };
}
