import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from './orm';
import { actorId, customerScopeOf, type Identity } from '../shared/identity';

export interface ScopeMeta {
  requestId: string;
  operation?: string | null;
}

/**
 * Opens one unit of work for one tenant: a forked EntityManager whose queries all run in one
 * transaction with `app.tenant_id` (read by row-level security) and the actor (read by the audit
 * trigger) set locally, and with the ORM's tenant filter bound to the same tenant. A portal caller
 * also sets `app.customer_id`, which the customer-scope policies read (docs/portal.md).
 */
export async function openTenantScope(orm: Orm, identity: Identity, meta: ScopeMeta): Promise<EntityManager> {
  const em = orm.em.fork({ clear: true, useContext: false });
  em.setFilterParams('tenant', { tenantId: identity.tenantId });
  em.setSessionContext({
    variables: {
      'app.tenant_id': identity.tenantId,
      'app.customer_id': customerScopeOf(identity) ?? '',
      'app.actor_kind': identity.kind,
      'app.actor_id': actorId(identity) ?? '',
      'app.request_id': meta.requestId,
      'app.operation': meta.operation ?? '',
    },
  });
  await em.begin();
  return em;
}

export async function closeTenantScope(em: EntityManager, outcome: 'commit' | 'rollback'): Promise<void> {
  if (!em.isInTransaction()) return;
  if (outcome === 'commit') await em.commit();
  else await em.rollback();
}

/** Runs `work` in a tenant scope: commits when it resolves, rolls everything back when it throws. */
export async function inTenantScope<T>(orm: Orm, identity: Identity, meta: ScopeMeta, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const em = await openTenantScope(orm, identity, meta);
  try {
    const result = await work(em);
    await closeTenantScope(em, 'commit');
    return result;
  } catch (error) {
    await closeTenantScope(em, 'rollback');
    throw error;
  }
}
