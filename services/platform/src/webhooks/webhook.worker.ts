import { deliverDueWebhooks, dispatchTenantFacts, webhookTenantsToDispatch, type Orm } from '@relais/domain';
import type { SubgraphDefinition } from '@relais/subgraph-kit';

type Resources = Parameters<NonNullable<SubgraphDefinition['onStart']>>[0];

/** Events leave within about this delay; a look costs one indexed probe per tenant with endpoints. */
const TICK_MS = 1000;

/** One pass: facts of every tenant with endpoints turned into deliveries (each tenant on its own), then the deliveries due sent. */
async function pass(orm: Orm, log: Resources['log']): Promise<void> {
  for (const tenantId of await webhookTenantsToDispatch(orm.em.fork())) {
    try {
      await dispatchTenantFacts(orm, tenantId);
    } catch (error) {
      log.error({ err: error, tenantId }, 'webhook dispatch failed');
    }
  }
  while ((await deliverDueWebhooks(orm)) > 0);
}

/**
 * The webhooks' workers: the facts table is the consumer's queue and each tenant's cursor its
 * claim; a delivery is claimed for the time of its attempt. Replicas can all run it.
 */
export const startWebhookWorker: NonNullable<SubgraphDefinition['onStart']> = async ({ orm, log }) => {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = pass(orm, log)
      .catch((error: unknown) => log.error({ err: error }, 'webhook pass failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, TICK_MS);
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
};
