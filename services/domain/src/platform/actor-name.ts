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

/** The names of the users or API keys behind some actor ids (as `actorId` records them); unknown ids are left out. */
export async function actorNames(em: EntityManager, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const [users, keys] = await Promise.all([em.find(User, { id: { $in: [...ids] } }), em.find(ApiKey, { id: { $in: [...ids] } })]);
  return [...users.map((u) => ({ id: u.id, name: u.fullName })), ...keys.map((k) => ({ id: k.id, name: `Clé API « ${k.name} »` }))];
}
