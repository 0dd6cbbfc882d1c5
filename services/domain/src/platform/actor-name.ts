import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKey } from './api-key.entity';
import { User } from './user.entity';
import { CustomerContact } from '../maintenance/customer-contact.entity';
import type { Identity } from '../shared/identity';

/** A customer's contact acting on the portal, as histories name them. */
export const portalActorName = (contactName: string): string => `${contactName} (portail client)`;

/** How an action is signed in a history: the user's name, the API key's name, the portal contact's name, or the system. */
export async function actorName(em: EntityManager, identity: Identity): Promise<string> {
  if (identity.kind === 'user') return (await em.findOne(User, { id: identity.userId }))?.fullName ?? identity.email;
  if (identity.kind === 'api_key') return `Clé API « ${(await em.findOne(ApiKey, { id: identity.apiKeyId }))?.name ?? identity.apiKeyId} »`;
  if (identity.kind === 'customer')
    return portalActorName((await em.findOne(CustomerContact, { id: identity.contactId }))?.fullName ?? identity.email);
  return 'Système';
}

/** The names of the users, API keys or portal contacts behind some actor ids (as `actorId` records them); unknown ids are left out. */
export async function actorNames(em: EntityManager, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const [users, keys, contacts] = await Promise.all([
    em.find(User, { id: { $in: [...ids] } }),
    em.find(ApiKey, { id: { $in: [...ids] } }),
    em.find(CustomerContact, { id: { $in: [...ids] } }),
  ]);
  return [
    ...users.map((u) => ({ id: u.id, name: u.fullName })),
    ...keys.map((k) => ({ id: k.id, name: `Clé API « ${k.name} »` })),
    ...contacts.map((c) => ({ id: c.id, name: portalActorName(c.fullName) })),
  ];
}
