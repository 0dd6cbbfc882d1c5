/**
 * Checking a partner's API key (`rk_<prefix>_<secret>`) against its stored hash. Apart from the
 * key's entity and service so that the gateway, which checks every request's key, loads no ORM.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Errors } from '../shared/errors';
import type { ApiScope, Identity } from '../shared/identity';

const TOKEN_PATTERN = /^rk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** What is stored of a key's secret. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface ApiKeyRow {
  id: string;
  tenant_id: string;
  secret_hash: string;
  scopes: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
}

/** Resolves a partner's key to its identity; `findKey` reads through the `auth_api_key` definer function. */
export async function authenticateApiKey(findKey: (prefix: string) => Promise<ApiKeyRow | undefined>, token: string): Promise<Identity> {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) throw Errors.unauthenticated('INVALID_API_KEY', 'Clé d’API invalide');
  const [, prefix, secret] = match as unknown as [string, string, string];
  const row = await findKey(prefix);
  const valid = row && timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), Buffer.from(hashApiKeySecret(secret), 'hex'));
  if (!row || !valid) throw Errors.unauthenticated('INVALID_API_KEY', 'Clé d’API invalide');
  if (row.revoked_at) throw Errors.unauthenticated('API_KEY_REVOKED', 'Cette clé d’API a été révoquée');
  if (row.expires_at && row.expires_at <= new Date()) throw Errors.unauthenticated('API_KEY_EXPIRED', 'Cette clé d’API a expiré');
  return { kind: 'api_key', tenantId: row.tenant_id, apiKeyId: row.id, scopes: row.scopes as ApiScope[] };
}
