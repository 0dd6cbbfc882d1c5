import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventManager, EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';

const pending = new WeakMap<EntityManager, (() => Promise<void>)[]>();
const listening = new WeakSet<EventManager>();

const subscriber: EventSubscriber = {
  async afterTransactionCommit({ em }: TransactionEventArgs) {
    const tasks = pending.get(em as EntityManager) ?? [];
    pending.delete(em as EntityManager);
    for (const task of tasks) await task().catch(() => {});
  },
  afterTransactionRollback({ em }: TransactionEventArgs) {
    pending.delete(em as EntityManager);
  },
};

/**
 * Runs `task` once the transaction `em` is in has committed (at once when there is none), and
 * never if it rolls back: what is published then always sees the committed rows. The commit has
 * happened whatever the task does, so a failing task is ignored here: it reports its own errors.
 */
export function runAfterCommit(em: EntityManager, task: () => Promise<void>): void {
  if (!em.isInTransaction()) {
    void task().catch(() => {});
    return;
  }
  const events = em.getEventManager();
  if (!listening.has(events)) {
    events.registerSubscriber(subscriber);
    listening.add(events);
  }
  pending.set(em, [...(pending.get(em) ?? []), task]);
}
