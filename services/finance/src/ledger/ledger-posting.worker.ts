import { ledgerTenantsToPost, postTenantFacts, type Orm } from '@relais/domain';
import type { SubgraphDefinition } from '@relais/subgraph-kit';

type Resources = Parameters<NonNullable<SubgraphDefinition['onStart']>>[0];

/** Facts are posted within this delay; a look costs one indexed probe per tenant. */
const TICK_MS = 2000;

/** One pass: every tenant with facts waiting, each on its own (one tenant's failure does not hold the others). */
async function postWaitingFacts(orm: Orm, log: Resources['log']): Promise<void> {
  for (const tenantId of await ledgerTenantsToPost(orm.em.fork())) {
    try {
      await postTenantFacts(orm, tenantId);
    } catch (error) {
      log.error({ err: error, tenantId }, 'ledger posting failed');
    }
  }
}

/**
 * The ledger's consumer of business facts. The facts table is its queue and each tenant's cursor
 * its claim (locked while posting), so replicas can all run it: they take turns per tenant.
 */
export const startLedgerPostingWorker: NonNullable<SubgraphDefinition['onStart']> = async ({ orm, log }) => {
  let pass: Promise<void> | null = null;
  const tick = () => {
    if (pass) return;
    pass = postWaitingFacts(orm, log)
      .catch((error: unknown) => log.error({ err: error }, 'ledger posting pass failed'))
      .finally(() => {
        pass = null;
      });
  };
  const timer = setInterval(tick, TICK_MS);
  tick();
  return async () => {
    clearInterval(timer);
    await pass;
  };
};
