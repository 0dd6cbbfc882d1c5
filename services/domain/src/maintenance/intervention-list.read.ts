import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Intervention } from './intervention.entity';
import type { InterventionStatus } from './intervention.rules';
import { Customer } from './customer.entity';
import { Equipment } from './equipment.entity';
import { Site } from './site.entity';
import { Technician, TechnicianAbsence } from './technician.entity';
import { uuidArrayLiteral } from '../shared/ids';
import { plainKeysetPage } from '../shared/keyset';
import { plainPrefixed, prefixedColumns, scopeTenantId, type PlainRow } from '../shared/joined-rows';
import type { Page, PageArgs } from '../shared/pagination';
import { containsPattern } from '../shared/search';

/*
 * The interventions list and what it shows beside each job, read as plain rows: the list and the
 * board are read far more than they are changed, and materialising their rows as entities
 * (identity map, change-set snapshots) cost more CPU than the rest of the request
 * (docs/benchmarks.md, "Dispatch board"). Changes go through intervention.service.ts, on entities.
 */

/** An intervention as lists and the board read it (its signature, loaded lazily, left out). */
export type InterventionRow = Omit<PlainRow<Intervention>, 'signatureDataUrl'>;
export type SiteRow = PlainRow<Site>;
export type EquipmentRow = PlainRow<Equipment>;
export type TechnicianRow = PlainRow<Technician>;
export type AbsenceRow = PlainRow<TechnicianAbsence>;

export interface InterventionFilter {
  status?: InterventionStatus[] | null;
  type?: Intervention['type'][] | null;
  technicianId?: string | null;
  customerId?: string | null;
  siteId?: string | null;
  equipmentId?: string | null;
  from?: Date | null;
  to?: Date | null;
  unscheduled?: boolean | null;
  search?: string | null;
}

export type InterventionSort = 'REQUESTED_AT' | 'SCHEDULED_START' | 'DUE_BY' | 'NUMBER';

function filterQuery(filter: InterventionFilter): FilterQuery<Intervention> {
  const and: FilterQuery<Intervention>[] = [];
  if (filter.status?.length) and.push({ status: { $in: filter.status } });
  if (filter.type?.length) and.push({ type: { $in: filter.type } });
  if (filter.customerId) and.push({ customerId: filter.customerId });
  if (filter.siteId) and.push({ siteId: filter.siteId });
  if (filter.equipmentId) and.push({ equipmentId: filter.equipmentId });
  if (filter.unscheduled) and.push({ scheduledStart: null });
  if (filter.from || filter.to) {
    // Scheduled jobs overlapping the window, or unscheduled ones requested within it.
    const before = filter.to ? { $lt: filter.to } : { $ne: null };
    const after = filter.from ? { $gt: filter.from } : { $ne: null };
    const requested = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    and.push({
      $or: [
        { scheduledStart: before, scheduledEnd: after },
        { scheduledStart: null, requestedAt: requested },
      ],
    });
  }
  const search = filter.search?.trim();
  if (search) {
    const like = containsPattern(search);
    and.push({ $or: [{ number: { $ilike: like } }, { title: { $ilike: like } }] });
  }
  return and.length ? { $and: and } : {};
}

async function withTechnicianFilter(em: EntityManager, filter: InterventionFilter): Promise<FilterQuery<Intervention>> {
  const base = filterQuery({ ...filter, technicianId: null });
  if (!filter.technicianId) return base;
  return { $and: [base, { id: { $in: await assignedInterventionIds(em, filter.technicianId) } }] };
}

async function assignedInterventionIds(em: EntityManager, technicianId: string): Promise<string[]> {
  const rows = await em.execute<{ intervention_id: string }[]>(
    'select intervention_id from intervention_technicians where tenant_id = ? and technician_id = ?',
    [scopeTenantId(em), technicianId],
  );
  return rows.map((row) => row.intervention_id);
}

const SORTS: Record<InterventionSort, { field: 'requestedAt' | 'scheduledStart' | 'dueBy' | 'number'; direction: 'asc' | 'desc' }> = {
  REQUESTED_AT: { field: 'requestedAt', direction: 'desc' },
  SCHEDULED_START: { field: 'scheduledStart', direction: 'asc' },
  DUE_BY: { field: 'dueBy', direction: 'asc' },
  NUMBER: { field: 'number', direction: 'desc' },
};

/** A page of the interventions list, as plain rows (one statement for the page and its count). */
export async function listInterventions(
  em: EntityManager,
  args: PageArgs & { filter?: InterventionFilter | null; sort?: InterventionSort | null },
): Promise<Page<InterventionRow>> {
  const sort = SORTS[args.sort ?? 'REQUESTED_AT'];
  return plainKeysetPage(em, Intervention, await withTechnicianFilter(em, args.filter ?? {}), sort.field, args, sort.direction);
}

/** What a list or the board shows beside each intervention. */
export interface InterventionRelations {
  customer: PlainRow<Customer>;
  site: SiteRow;
  equipment: EquipmentRow | null;
  technicians: TechnicianRow[];
}

/**
 * The customer, site, equipment and technicians of each intervention, in one statement whatever
 * the number of interventions (a list page, the board), as plain rows.
 */
export async function interventionRelations(em: EntityManager, ids: readonly string[]): Promise<Map<string, InterventionRelations>> {
  const result = new Map<string, InterventionRelations>();
  if (!ids.length) return result;
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select i.id as intervention_id, ${prefixedColumns(em, Customer, 'c')}, ${prefixedColumns(em, Site, 's')},
            ${prefixedColumns(em, Equipment, 'e')}, ${prefixedColumns(em, Technician, 't')}
       from interventions i
       join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
       join sites s on s.tenant_id = i.tenant_id and s.id = i.site_id
       left join equipment e on e.tenant_id = i.tenant_id and e.id = i.equipment_id
       left join intervention_technicians it on it.tenant_id = i.tenant_id and it.intervention_id = i.id
       left join technicians t on t.tenant_id = it.tenant_id and t.id = it.technician_id
      where i.tenant_id = ? and i.id = any(?::uuid[])`,
    [scopeTenantId(em), uuidArrayLiteral([...new Set(ids)])],
    'all',
    em.getTransactionContext(),
  );
  const seen = { customers: new Map(), sites: new Map(), equipment: new Map(), technicians: new Map() };
  for (const row of rows) {
    const id = row.intervention_id as string;
    let relations = result.get(id);
    if (!relations) {
      relations = {
        customer: plainPrefixed(em, Customer, row, 'c', seen.customers)!,
        site: plainPrefixed(em, Site, row, 's', seen.sites)!,
        equipment: plainPrefixed(em, Equipment, row, 'e', seen.equipment),
        technicians: [],
      };
      result.set(id, relations);
    }
    const technician = plainPrefixed(em, Technician, row, 't', seen.technicians);
    if (technician) relations.technicians.push(technician);
  }
  return result;
}
