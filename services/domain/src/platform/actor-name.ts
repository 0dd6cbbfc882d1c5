import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKey } from './api-key.entity';
import { User } from './user.entity';
import type { Identity } from '../shared/identity';

/** How an action is signed in a history: the user's name, the API key's name, or the system. */
export async function actorName(em: EntityManager, identity: Identity): Promise<string> {
  if (identity.kind === 'user') return (await em.findOne(User, { id: identity.userId }))?.fullName ?? identity.email;
  if (identity.kind === 'api_key') return `Clé API « ${(await em.findOne(ApiKey, { id: identity.apiKeyId }))?.name ?? identity.apiKeyId} »`;
  return 'Système';
}
