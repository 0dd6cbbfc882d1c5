import type { EntityManager } from '@mikro-orm/postgresql';
import { Errors } from '../shared/errors';
import { customerScopeOf, type Identity } from '../shared/identity';
import { isUuid, uuidArrayLiteral } from '../shared/ids';
import { scopeTenantId } from '../shared/joined-rows';
import type { InterventionStatus } from './intervention.rules';
import type { Intervention } from './intervention.entity';
import {
  firstName,
  hasVisitReport,
  portalVisitDate,
  portalVisitKind,
  portalVisitStatus,
  type PortalVisitKind,
  type PortalVisitStatus,
} from './portal.rules';

/**
 * The customer portal's reads of sites, equipment and visits (docs/portal.md). Every statement
 * names the caller's customer itself: the row-level security by `app.customer_id` is a second line.
 */

/** The customer a portal caller is confined to; anyone else is refused (the portal's fields are theirs alone). */
export function portalCustomerId(identity: Identity): string {
  const customerId = customerScopeOf(identity);
  if (!customerId) throw Errors.forbidden('Réservé aux contacts des clients (portail)');
  return customerId;
}

export interface PortalEquipmentRow {
  id: string;
  name: string;
  category: string;
  brand: string | null;
  model: string | null;
  serialNumber: string | null;
  siteName: string;
}

export interface PortalSiteRow {
  id: string;
  name: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  equipment: PortalEquipmentRow[];
}

export interface PortalVisitRow {
  id: string;
  equipmentId: string;
  reference: string;
  kind: PortalVisitKind;
  status: PortalVisitStatus;
  date: string;
  workDone: string | null;
  technicians: string[];
  signedBy: string | null;
  hasReport: boolean;
}

const run = <T extends object>(em: EntityManager, sql: string, params: unknown[]) =>
  em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());

type EquipmentColumns = {
  e_id: string | null;
  e_name: string;
  e_category: string;
  e_brand: string | null;
  e_model: string | null;
  e_serial_number: string | null;
};
const EQUIPMENT_COLUMNS =
  'e.id as e_id, e.name as e_name, e.category as e_category, e.brand as e_brand, e.model as e_model, e.serial_number as e_serial_number';

const equipmentOf = (row: EquipmentColumns, siteName: string): PortalEquipmentRow => ({
  id: row.e_id!,
  name: row.e_name,
  category: row.e_category,
  brand: row.e_brand,
  model: row.e_model,
  serialNumber: row.e_serial_number,
  siteName,
});

/** The caller's sites, by name, each with its equipment in service or out of service (decommissioned left out): one statement. */
export async function portalSites(em: EntityManager, identity: Identity): Promise<PortalSiteRow[]> {
  const customerId = portalCustomerId(identity);
  const rows = await run<{ id: string; name: string; address_line1: string; postal_code: string; city: string } & EquipmentColumns>(
    em,
    `select s.id, s.name, s.address_line1, s.postal_code, s.city, ${EQUIPMENT_COLUMNS}
       from sites s
       left join equipment e on e.tenant_id = s.tenant_id and e.site_id = s.id and e.customer_id = s.customer_id
                            and e.status <> 'DECOMMISSIONED'
      where s.tenant_id = ? and s.customer_id = ?
      order by s.name, s.id, e.name, e.id`,
    [scopeTenantId(em), customerId],
  );
  const sites = new Map<string, PortalSiteRow>();
  for (const row of rows) {
    let site = sites.get(row.id);
    if (!site) {
      site = { id: row.id, name: row.name, addressLine1: row.address_line1, postalCode: row.postal_code, city: row.city, equipment: [] };
      sites.set(row.id, site);
    }
    if (row.e_id) site.equipment.push(equipmentOf(row, row.name));
  }
  return [...sites.values()];
}

/** One piece of the caller's equipment; null for an unknown id or another customer's (nobody learns it exists). */
export async function portalEquipment(em: EntityManager, identity: Identity, id: string): Promise<PortalEquipmentRow | null> {
  const customerId = portalCustomerId(identity);
  if (!isUuid(id)) return null;
  const [row] = await run<{ site_name: string } & EquipmentColumns>(
    em,
    `select ${EQUIPMENT_COLUMNS}, s.name as site_name
       from equipment e join sites s on s.tenant_id = e.tenant_id and s.id = e.site_id
      where e.tenant_id = ? and e.customer_id = ? and e.id = ?`,
    [scopeTenantId(em), customerId, id],
  );
  return row ? equipmentOf(row, row.site_name) : null;
}

/**
 * The visits of the caller's equipment (every job past the request, newest first), each with its
 * technicians' first names: one statement for all the equipment asked.
 */
export async function portalVisitsByEquipmentIds(
  em: EntityManager,
  identity: Identity,
  equipmentIds: readonly string[],
): Promise<PortalVisitRow[]> {
  const customerId = portalCustomerId(identity);
  if (!equipmentIds.length) return [];
  const rows = await run<{
    id: string;
    equipment_id: string;
    number: string;
    type: Intervention['type'];
    status: InterventionStatus;
    requested_at: Date;
    scheduled_start: Date | null;
    completed_at: Date | null;
    observations: string | null;
    signer_name: string | null;
    technicians: string[];
  }>(
    em,
    `select i.id, i.equipment_id, i.number, i.type, i.status, i.requested_at, i.scheduled_start, i.completed_at,
            i.observations, i.signer_name,
            array(select t.full_name from intervention_technicians it
                    join technicians t on t.tenant_id = it.tenant_id and t.id = it.technician_id
                   where it.tenant_id = i.tenant_id and it.intervention_id = i.id order by t.full_name) as technicians
       from interventions i
      where i.tenant_id = ? and i.customer_id = ? and i.equipment_id = any(?::uuid[]) and i.status <> 'REQUESTED'
      order by coalesce(case when i.status in ('COMPLETED', 'CLOSED', 'INVOICED') then i.completed_at end, i.scheduled_start, i.requested_at) desc,
               i.number desc`,
    [scopeTenantId(em), customerId, uuidArrayLiteral([...new Set(equipmentIds)])],
  );
  return rows.map((row) => {
    const visit = {
      status: row.status,
      requestedAt: new Date(row.requested_at),
      scheduledStart: row.scheduled_start ? new Date(row.scheduled_start) : null,
      completedAt: row.completed_at ? new Date(row.completed_at) : null,
      signerName: row.signer_name,
    };
    return {
      id: row.id,
      equipmentId: row.equipment_id,
      reference: row.number,
      kind: portalVisitKind(row.type),
      status: portalVisitStatus(row.status),
      date: portalVisitDate(visit),
      workDone: row.observations,
      technicians: row.technicians.map(firstName),
      signedBy: row.signer_name,
      hasReport: hasVisitReport(visit),
    };
  });
}
