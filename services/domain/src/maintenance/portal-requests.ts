import type { EntityManager } from '@mikro-orm/postgresql';
import { Errors } from '../shared/errors';
import type { Identity } from '../shared/identity';
import { isUuid, newId, uuidArrayLiteral } from '../shared/ids';
import { scopeTenantId } from '../shared/joined-rows';
import { CustomerContact } from './customer-contact.entity';
import { Equipment } from './equipment.entity';
import { InterventionPhoto } from './intervention.entity';
import type { InterventionStatus } from './intervention.rules';
import { createInterventionRequest } from './intervention.service';
import { portalCustomerId } from './portal-equipment';
import { breakdownTitle, portalRequestStatus, validateBreakdown, type BreakdownInput, type PortalRequestStatus } from './portal.rules';
import { Site } from './site.entity';

/** Where a portal request comes from (`Intervention.source`). */
export const PORTAL_SOURCE = 'PORTAL';

export interface PortalRequestRow {
  id: string;
  reference: string;
  createdAt: Date;
  siteName: string;
  equipmentName: string | null;
  description: string | null;
  status: PortalRequestStatus;
  scheduledFor: Date | null;
  photoCount: number;
}

/** The caller's requests made on the portal (one statement), newest first; or the one named. */
async function requestRows(em: EntityManager, customerId: string, id?: string): Promise<PortalRequestRow[]> {
  const rows = await em.getConnection().execute<
    {
      id: string;
      number: string;
      requested_at: Date;
      site_name: string;
      equipment_name: string | null;
      description: string | null;
      status: InterventionStatus;
      scheduled_start: Date | null;
      photo_count: number;
    }[]
  >(
    `select i.id, i.number, i.requested_at, s.name as site_name, e.name as equipment_name, i.description, i.status, i.scheduled_start,
            (select count(*)::int from intervention_photos p
              where p.tenant_id = i.tenant_id and p.intervention_id = i.id and p.kind = 'REQUEST') as photo_count
       from interventions i
       join sites s on s.tenant_id = i.tenant_id and s.id = i.site_id
       left join equipment e on e.tenant_id = i.tenant_id and e.id = i.equipment_id
      where i.tenant_id = ? and i.customer_id = ? and i.source = ? ${id ? 'and i.id = ?' : ''}
      order by i.requested_at desc, i.number desc`,
    [scopeTenantId(em), customerId, PORTAL_SOURCE, ...(id ? [id] : [])],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((row) => ({
    id: row.id,
    reference: row.number,
    createdAt: new Date(row.requested_at),
    siteName: row.site_name,
    equipmentName: row.equipment_name,
    description: row.description,
    status: portalRequestStatus(row.status),
    scheduledFor: row.scheduled_start ? new Date(row.scheduled_start) : null,
    photoCount: row.photo_count,
  }));
}

export function portalRequests(em: EntityManager, identity: Identity): Promise<PortalRequestRow[]> {
  return requestRows(em, portalCustomerId(identity));
}

/** The site (and equipment) named, if they are the caller's; NOT_FOUND otherwise, as for an unknown id. */
async function placeOf(
  em: EntityManager,
  customerId: string,
  input: BreakdownInput,
): Promise<{ siteId: string; equipmentId: string | null }> {
  if (input.equipmentId) {
    const equipment = isUuid(input.equipmentId) ? await em.findOne(Equipment, { id: input.equipmentId, customerId }) : null;
    if (!equipment) throw Errors.notFound('Equipment', input.equipmentId);
    return { siteId: equipment.siteId, equipmentId: equipment.id };
  }
  const site = isUuid(input.siteId!) ? await em.findOne(Site, { id: input.siteId!, customerId }) : null;
  if (!site) throw Errors.notFound('Site', input.siteId!);
  return { siteId: site.id, equipmentId: null };
}

/**
 * A contact reports a breakdown: an intervention request (REQUESTED, source PORTAL, the contact's
 * name as who asked) on their customer's equipment or site, with its photos, which the planner finds
 * in « À planifier »; the `intervention.requested` fact is recorded as for any request.
 */
export async function reportBreakdown(em: EntityManager, identity: Identity, input: BreakdownInput): Promise<PortalRequestRow> {
  const customerId = portalCustomerId(identity);
  validateBreakdown(input);
  const place = await placeOf(em, customerId, input);
  const contact = identity.kind === 'customer' ? await em.findOne(CustomerContact, { id: identity.contactId, customerId }) : null;
  const description = input.description.trim();
  const request = await createInterventionRequest(
    em,
    identity,
    { customerId, ...place, type: 'CORRECTIVE', title: breakdownTitle(description), description },
    { source: PORTAL_SOURCE, requestedBy: contact?.fullName ?? (identity.kind === 'customer' ? identity.email : null) },
  );
  (input.photos ?? []).forEach((photo, position) =>
    em.create(InterventionPhoto, {
      id: newId(),
      tenantId: request.tenantId,
      interventionId: request.id,
      caption: photo.caption?.trim() || null,
      dataUrl: photo.dataUrl,
      kind: 'REQUEST',
      position,
    }),
  );
  await em.flush();
  return (await requestRows(em, customerId, request.id))[0]!;
}

/** How many photos came with each request that has some (the planner's list): one statement for all. */
export function requestPhotoCounts(em: EntityManager, interventionIds: readonly string[]): Promise<{ id: string; count: number }[]> {
  return em.getConnection().execute<{ id: string; count: number }[]>(
    `select intervention_id as id, count(*)::int as count from intervention_photos
      where tenant_id = ? and intervention_id = any(?::uuid[]) and kind = 'REQUEST'
      group by intervention_id`,
    [scopeTenantId(em), uuidArrayLiteral([...new Set(interventionIds)])],
    'all',
    em.getTransactionContext(),
  );
}
