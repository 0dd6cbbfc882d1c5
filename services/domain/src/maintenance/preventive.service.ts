import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { Contract, MaintenancePlan } from './contract.entity';
import { contractStatus, preventiveDueDates } from './contract.rules';
import { Equipment } from './equipment.entity';
import { Intervention } from './intervention.entity';
import { createInterventionRequest } from './intervention.service';
import type { Identity } from '../shared/identity';
import { localDate, localDayBounds } from '../shared/time';

export const PREVENTIVE_QUEUE = 'preventive-generation';

export interface PreventiveWindow {
  from: string;
  to: string;
}

export function preventiveWindow(today: string, horizonDays: number): PreventiveWindow {
  return { from: today, to: format(addDays(parseISO(today), horizonDays), 'yyyy-MM-dd') };
}

/** Contracts whose preventive visits may fall in the window. */
export async function contractsToPlan(em: EntityManager, window: PreventiveWindow): Promise<string[]> {
  const contracts = await em.find(Contract, { startsOn: { $lte: window.to } }, { orderBy: { reference: 'asc' } });
  return contracts.filter((c) => contractStatus(c, window.from) === 'ACTIVE' || contractStatus(c, window.to) === 'ACTIVE').map((c) => c.id);
}

/**
 * Creates the contract's preventive interventions due in the window, one per covered equipment
 * and due date, unscheduled. Each carries a plan key (contract:equipment:date) that is unique, so
 * a second run, or a run resumed after a crash, creates nothing twice.
 */
export async function generateForContract(
  em: EntityManager,
  identity: Identity,
  contractId: string,
  window: PreventiveWindow,
): Promise<{ created: number; existing: number }> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`preventive:${contractId}`]);
  const contract = await em.findOneOrFail(Contract, { id: contractId });
  const plans = await em.find(MaintenancePlan, { contractId });
  const equipment = await em.find(Equipment, { contractId, status: 'IN_SERVICE' }, { orderBy: { name: 'asc' } });
  const wanted: { key: string; due: string; plan: MaintenancePlan; equipment: Equipment }[] = [];
  for (const plan of plans) {
    const endsOn = contract.tacitRenewal ? null : contract.endsOn;
    const dueDates = preventiveDueDates(contract.startsOn, plan.visitsPerYear, window.from, window.to, endsOn);
    for (const item of equipment.filter((e) => e.category === plan.equipmentCategory)) {
      for (const due of dueDates) wanted.push({ key: `${contract.id}:${item.id}:${due}`, due, plan, equipment: item });
    }
  }
  if (!wanted.length) return { created: 0, existing: 0 };
  const existing = new Set(
    (await em.find(Intervention, { planKey: { $in: wanted.map((w) => w.key) } }, { fields: ['planKey'] })).map((i) => i.planKey),
  );
  let created = 0;
  for (const visit of wanted.filter((w) => !existing.has(w.key))) {
    const intervention = await createInterventionRequest(
      em,
      identity,
      {
        customerId: contract.customerId,
        siteId: visit.equipment.siteId,
        equipmentId: visit.equipment.id,
        type: 'PREVENTIVE',
        priority: 'NORMAL',
        title: `Visite préventive – ${visit.equipment.name}`,
        description: `Contrat ${contract.reference}, visite du ${visit.due}`,
        requiredSkills: visit.plan.requiredSkills as string[],
        estimatedDurationMinutes: visit.plan.estimatedDurationMinutes,
      },
      { source: 'PREVENTIVE_PLAN', planKey: visit.key, contractId: contract.id },
    );
    intervention.dueBy = localDayBounds(visit.due).to;
    created += 1;
  }
  await em.flush();
  return { created, existing: existing.size };
}

export function todayLocal(): string {
  return localDate(new Date());
}
