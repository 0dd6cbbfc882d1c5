import type pg from 'pg';
import type { Identity } from '@relais/domain';

/** Estimated cost units (see limits.ts) a caller may spend per minute. */
export interface RateLimits {
  perApiKey: number;
  perUser: number;
}

/**
 * A partner's key: 50,000 units a minute. A person: 100,000, since one
 * back-office page asks for several lists at once (a customer's file with its lists and history costs about 8,000).
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { perApiKey: 50_000, perUser: 100_000 };

/** RATE_LIMIT_PER_API_KEY and RATE_LIMIT_PER_USER (cost units per minute), else the defaults. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const positive = (value: string | undefined, fallback: number) => {
    const limit = Number(value);
    return value && Number.isInteger(limit) && limit > 0 ? limit : fallback;
  };
  return {
    perApiKey: positive(env.RATE_LIMIT_PER_API_KEY, DEFAULT_RATE_LIMITS.perApiKey),
    perUser: positive(env.RATE_LIMIT_PER_USER, DEFAULT_RATE_LIMITS.perUser),
  };
}

/** Whom a request's cost is charged to: the API key, the signed-in user or portal contact; the system never comes through the gateway. */
export function rateLimitedCaller(identity: Identity, limits: RateLimits): { caller: string; limit: number } | null {
  if (identity.kind === 'api_key') return { caller: `api_key:${identity.apiKeyId}`, limit: limits.perApiKey };
  if (identity.kind === 'user') return { caller: `user:${identity.userId}`, limit: limits.perUser };
  // A portal contact is a person too, charged like a user (docs/portal.md).
  if (identity.kind === 'customer') return { caller: `customer:${identity.contactId}`, limit: limits.perUser };
  return null;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Units spent in the current minute, this request included when it is allowed. */
  used: number;
  /** Seconds until the window starts again. */
  resetSeconds: number;
}

/** The headers every answer to an identified caller carries; Retry-After on a refusal. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(Math.max(0, decision.limit - decision.used)),
    'x-ratelimit-reset': String(decision.resetSeconds),
    ...(decision.allowed ? {} : { 'retry-after': String(decision.resetSeconds) }),
  };
}

/**
 * Charges `cost` to the caller's current one-minute window (fixed windows, counted in PostgreSQL so
 * that every gateway replica shares them), unless it would pass the limit: then nothing is charged
 * and the request is refused.
 */
export async function consumeRate(
  pool: pg.Pool,
  tenantId: string,
  caller: { caller: string; limit: number },
  cost: number,
): Promise<RateDecision> {
  const { rows } = await pool.query<{ allowed: boolean; used: number; reset_seconds: number }>(
    'select * from rate_limit_consume($1, $2, $3, $4)',
    [tenantId, caller.caller, cost, caller.limit],
  );
  const row = rows[0]!;
  return { allowed: row.allowed, limit: caller.limit, used: row.used, resetSeconds: row.reset_seconds };
}
