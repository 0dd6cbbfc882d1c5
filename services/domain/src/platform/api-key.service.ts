import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKey } from './api-key.entity';
import { Errors, Validator } from '../shared/errors';
import { API_SCOPES, type ApiScope, type Identity } from '../shared/identity';
import { newId } from '../shared/ids';

const TOKEN_PATTERN = /^rk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** Shown once; only its hash is stored. */
  token: string;
}

export async function createApiKey(
  em: EntityManager,
  identity: Identity,
  input: { name: string; scopes: string[]; expiresAt?: Date | null },
): Promise<CreatedApiKey> {
  new Validator()
    .check(input.name.trim().length > 0, 'name', 'obligatoire', 'REQUIRED')
    .check(input.scopes.length > 0, 'scopes', 'au moins un périmètre')
    .check(
      input.scopes.every((s) => (API_SCOPES as readonly string[]).includes(s)),
      'scopes',
      `valeurs possibles : ${API_SCOPES.join(', ')}`,
    )
    .check(!input.expiresAt || input.expiresAt > new Date(), 'expiresAt', 'doit être dans le futur')
    .throwIfInvalid();
  const prefix = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  const apiKey = em.create(ApiKey, {
    id: newId(),
    tenantId: identity.tenantId,
    name: input.name.trim(),
    prefix,
    secretHash: sha256(secret),
    scopes: input.scopes,
    createdBy: identity.kind === 'user' ? identity.userId : null,
    expiresAt: input.expiresAt ?? null,
  });
  await em.flush();
  return { apiKey, token: `rk_${prefix}_${secret}` };
}

export async function revokeApiKey(em: EntityManager, id: string): Promise<ApiKey> {
  const apiKey = await em.findOne(ApiKey, { id });
  if (!apiKey) throw Errors.notFound('ApiKey', id);
  apiKey.revokedAt ??= new Date();
  await em.flush();
  return apiKey;
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
  const valid = row && timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), Buffer.from(sha256(secret), 'hex'));
  if (!row || !valid) throw Errors.unauthenticated('INVALID_API_KEY', 'Clé d’API invalide');
  if (row.revoked_at) throw Errors.unauthenticated('API_KEY_REVOKED', 'Cette clé d’API a été révoquée');
  if (row.expires_at && row.expires_at <= new Date()) throw Errors.unauthenticated('API_KEY_EXPIRED', 'Cette clé d’API a expiré');
  return { kind: 'api_key', tenantId: row.tenant_id, apiKeyId: row.id, scopes: row.scopes as ApiScope[] };
}
