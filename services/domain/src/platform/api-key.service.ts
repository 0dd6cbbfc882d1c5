import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKey } from './api-key.entity';
import { Errors, Validator } from '../shared/errors';
import { API_SCOPES, type Identity } from '../shared/identity';
import { newId } from '../shared/ids';
import { hashApiKeySecret } from './api-key-token';

export { authenticateApiKey, type ApiKeyRow } from './api-key-token';

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
    secretHash: hashApiKeySecret(secret),
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
