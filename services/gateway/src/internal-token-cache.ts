import type { Identity } from '@relais/domain';
import { promiseCache } from './promise-cache';

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
  const reuse = promiseCache<string>({ ttlMs: INTERNAL_TOKEN_REUSE_MS, max: MAX_CACHED_IDENTITIES, now });
  return (identity) => reuse(JSON.stringify(identity), () => sign(identity));
}
