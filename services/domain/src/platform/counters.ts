import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Next value of a per-tenant counter (customer codes now, legal invoice numbers later). The row
 * stays locked until the transaction ends, so concurrent callers queue and a rolled-back
 * transaction gives its number back: values are gapless among committed transactions.
 */
export async function nextCounterValue(em: EntityManager, tenantId: string, name: string): Promise<number> {
  const [row] = await em.execute<{ value: string }[]>(
    `insert into tenant_counters (tenant_id, name, value) values (?, ?, 1)
     on conflict (tenant_id, name) do update set value = tenant_counters.value + 1
     returning value`,
    [tenantId, name],
  );
  return Number(row!.value);
}
