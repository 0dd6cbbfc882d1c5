import type { EntityManager } from '@mikro-orm/postgresql';
import { Contract } from './contract.entity';
import { Intervention } from './intervention.entity';
import { assertTransition } from './intervention.rules';
import { executePrepared, prepared } from '../db/prepared-statements';
import type { CarriedStatement } from '../db/session-begin.driver';
import { prefixedColumns, prefixedRaw, scopeTenantId } from '../shared/joined-rows';
import { uuidArrayLiteral } from '../shared/ids';

/**
 * What maintenance lets billing do to its interventions when it puts them on an invoice: lock them
 * with their contracts, then move them to INVOICED. Billing never writes these tables itself.
 */

/**
 * Locks the interventions (in id order, so concurrent conversions queue rather than deadlock) and
 * then their contracts (in id order too: a contract's included hours are read then given out, so
 * conversions under one contract queue on it), in one statement. The contracts' ids come from an
 * aggregate over every locked intervention, which PostgreSQL computes before the contracts are
 * scanned: no contract is locked before all the interventions are. Both come back at their latest
 * committed version, as entities.
 */
export async function lockInterventionsAndContracts(
  em: EntityManager,
  ids: readonly string[],
): Promise<{ interventions: Intervention[]; contracts: Contract[] }> {
  const tenantId = scopeTenantId(em);
  const lock = prepared(
    `with i as (select * from interventions where tenant_id = ? and id = any(?::uuid[]) order by id for update),
          c as (select * from contracts where tenant_id = ? and id = any((select array_agg(contract_id) from i)::uuid[])
                 order by id for update)
     select ${prefixedColumns(em, Intervention, 'i')}, ${prefixedColumns(em, Contract, 'c')}
       from i left join c on c.id = i.contract_id
      order by i.id`,
  );
  const rows = await executePrepared<Record<string, unknown>>(em, lock, [tenantId, uuidArrayLiteral(ids), tenantId]);
  const contracts = new Map<string, Contract>();
  const interventions = rows.map((row) => {
    const contract = prefixedRaw(em, Contract, row, 'c');
    if (contract && !contracts.has(contract.id as string)) contracts.set(contract.id as string, em.map(Contract, contract));
    return em.map(Intervention, prefixedRaw(em, Intervention, row, 'i')!);
  });
  return { interventions, contracts: [...contracts.values()] };
}

/**
 * Billing put the interventions (locked by `lockInterventionsAndContracts`, all CLOSED) on an
 * invoice: they are INVOICED. The change is returned as a statement for the invoice's own write to
 * carry (`flushInOneStatement`), and the entities already show it, so the flush does not send it
 * again. The rows are locked, so each one's version is known.
 */
export function markInterventionsInvoiced(em: EntityManager, interventions: readonly Intervention[]): CarriedStatement {
  for (const intervention of interventions) assertTransition(intervention.status, 'INVOICED');
  for (const intervention of interventions)
    em.merge(Intervention, { id: intervention.id, status: 'INVOICED', version: intervention.version + 1 }, { refresh: true });
  return {
    sql: `update interventions set status = 'INVOICED', version = version + 1 where tenant_id = ? and id = any(?::uuid[])`,
    params: [scopeTenantId(em), uuidArrayLiteral(interventions.map((i) => i.id))],
  };
}
