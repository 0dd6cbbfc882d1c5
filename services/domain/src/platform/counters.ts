import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Next value of a per-tenant counter (customer codes now, legal invoice numbers later). The row
 * stays locked until the transaction ends, so concurrent callers queue and a rolled-back
 * transaction gives its number back: values are gapless among committed transactions.
 */
export async function nextCounterValue(em: EntityManager, tenantId: string, name: string): Promise<number> {
  return reserveCounterValues(em, tenantId, name, 1);
}

/** Reserves `count` consecutive values of the counter in one statement; returns the first. */
export async function reserveCounterValues(em: EntityManager, tenantId: string, name: string, count: number): Promise<number> {
  const [row] = await em.execute<{ value: string }[]>(
    `insert into tenant_counters (tenant_id, name, value) values (?, ?, ?)
     on conflict (tenant_id, name) do update set value = tenant_counters.value + excluded.value
     returning value`,
    [tenantId, name, count],
  );
  return Number(row!.value) - count + 1;
}
