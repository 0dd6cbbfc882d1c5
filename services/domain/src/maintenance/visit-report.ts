import type { EntityManager } from '@mikro-orm/postgresql';
import { Tenant } from '../platform/tenant.entity';
import { customerScopeOf, type Identity } from '../shared/identity';
import { hasStringFields, signFileLink, verifyFileLink } from '../shared/file-link';
import { isUuid } from '../shared/ids';
import { scopeTenantId } from '../shared/joined-rows';
import { localClock, localDate } from '../shared/time';
import { Customer } from './customer.entity';
import { Equipment } from './equipment.entity';
import { Intervention, InterventionPhoto, LabourEntry } from './intervention.entity';
import { totalHours, type LabourType } from './intervention.rules';
import { firstName, hasVisitReport } from './portal.rules';
import { Site } from './site.entity';
import type { VisitReportDocument } from './visit-report-pdf';
import { VISIT_REPORT_PATH_PREFIX } from './visit-report-path';

export { VISIT_REPORT_PATH_PREFIX } from './visit-report-path';

/**
 * The signed visit report (rapport d'intervention) of a job finished on site, as the customer and
 * the office download it: a signed link (shared/file-link) served by the maintenance subgraph at
 * `/documents/interventions/<id>/<file>.pdf`, read in the link's tenant scope and, for a portal
 * contact, only among their customer's jobs.
 */

export const VISIT_REPORT_LINK_KEY_PURPOSE = 'relais/visit-report-links/v1';
const AUDIENCE = 'relais-visit-reports';

type VisitReportSubject = { interventionId: string };

export const signVisitReportLink = (interventionId: string, identity: Identity, key: Uint8Array, now = new Date()) =>
  signFileLink<VisitReportSubject>(AUDIENCE, { subject: { interventionId }, identity }, key, now);

/** The claims of a valid, unexpired link; DOCUMENT_LINK_INVALID for anything else. */
export async function verifyVisitReportLink(token: string, key: Uint8Array): Promise<{ interventionId: string; identity: Identity }> {
  const { subject, identity } = await verifyFileLink(AUDIENCE, token, key, hasStringFields<VisitReportSubject>('interventionId'));
  return { interventionId: subject.interventionId, identity };
}

export const visitReportFileName = (number: string) => `rapport-${number}.pdf`;

/** The relative download URL, served by the API origin (gateway, or the back-office proxy). */
export function visitReportPath(intervention: { id: string; number: string }, token: string): string {
  return `${VISIT_REPORT_PATH_PREFIX}${intervention.id}/${encodeURIComponent(visitReportFileName(intervention.number))}?token=${encodeURIComponent(token)}`;
}

const LABOUR_LABELS: Record<LabourType, string> = {
  NORMAL: 'heures normales',
  OVERTIME: 'heures supplémentaires',
  NIGHT: 'nuit',
  WEEKEND_HOLIDAY: 'week-end / jour férié',
};

/** The bytes of a PNG or JPEG data URL; null for another format (WebP, SVG), which the PDF does not draw. */
export function drawableImage(dataUrl: string | null | undefined): Buffer | null {
  const match = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl ?? '');
  return match ? Buffer.from(match[2]!, 'base64') : null;
}

/**
 * Everything the visit report prints, read in the caller's tenant scope; null when the job is not
 * the caller's to see (another customer's, for a portal contact) or has no signed report yet.
 */
export async function loadVisitReport(em: EntityManager, identity: Identity, interventionId: string): Promise<VisitReportDocument | null> {
  if (!isUuid(interventionId)) return null;
  const customerScope = customerScopeOf(identity);
  const intervention = await em.findOne(
    Intervention,
    { id: interventionId, ...(customerScope ? { customerId: customerScope } : {}) },
    { populate: ['signatureDataUrl'] },
  );
  if (!intervention || !hasVisitReport(intervention)) return null;
  const tenantId = scopeTenantId(em);
  const [tenant, customer, site, equipment, labour, parts, photos, technicians] = await Promise.all([
    em.findOneOrFail(Tenant, { id: tenantId }, { populate: ['logoImage'] }),
    em.findOneOrFail(Customer, { id: intervention.customerId }),
    em.findOneOrFail(Site, { id: intervention.siteId }),
    intervention.equipmentId ? em.findOne(Equipment, { id: intervention.equipmentId }) : Promise.resolve(null),
    em.find(LabourEntry, { interventionId }, { orderBy: { position: 'asc' } }),
    // Names and quantities only: the catalog is read (never written) for the part's label, no price.
    em.getConnection().execute<{ label: string; unit: string; quantity: string; serial_number: string | null }[]>(
      `select c.label, c.unit, p.quantity::text as quantity, p.serial_number from intervention_parts p
           join catalog_items c on c.tenant_id = p.tenant_id and c.id = p.catalog_item_id
          where p.tenant_id = ? and p.intervention_id = ? order by p.position`,
      [tenantId, interventionId],
      'all',
      em.getTransactionContext(),
    ),
    em.find(InterventionPhoto, { interventionId, kind: 'REPORT' }, { orderBy: { position: 'asc' } }),
    em.getConnection().execute<{ full_name: string }[]>(
      `select t.full_name from intervention_technicians it join technicians t on t.tenant_id = it.tenant_id and t.id = it.technician_id
          where it.tenant_id = ? and it.intervention_id = ? order by t.full_name`,
      [tenantId, interventionId],
      'all',
      em.getTransactionContext(),
    ),
  ]);
  const signedAt = intervention.signedAt ?? intervention.completedAt ?? new Date();
  return {
    number: intervention.number,
    title: intervention.title,
    date: localDate(intervention.completedAt ?? signedAt),
    company: {
      name: tenant.name,
      address: [tenant.addressLine1, [tenant.postalCode, tenant.city].filter(Boolean).join(' ')].filter((l): l is string => Boolean(l)),
      phone: tenant.phone ?? null,
      email: tenant.billingEmail ?? null,
      logo: tenant.logoImage ? Buffer.from(tenant.logoImage) : null,
    },
    customer: {
      name: customer.name,
      address: [customer.billingAddressLine1, customer.billingAddressLine2, `${customer.billingPostalCode} ${customer.billingCity}`].filter(
        (l): l is string => Boolean(l),
      ),
    },
    site: { name: site.name, address: [site.addressLine1, `${site.postalCode} ${site.city}`] },
    equipment: equipment
      ? {
          name: equipment.name,
          details: [equipment.brand, equipment.model, equipment.serialNumber ? `n° de série ${equipment.serialNumber}` : null].filter(
            (l): l is string => Boolean(l),
          ),
        }
      : null,
    technicians: [...new Set(technicians.map((t) => firstName(t.full_name)))],
    request: intervention.description ?? null,
    workDone: intervention.observations ?? null,
    reservations: intervention.customerReservations ?? null,
    labour: labour.map((l) => ({ date: l.workDate, hours: l.hours, kind: LABOUR_LABELS[l.labourType] })),
    totalHours: totalHours(labour),
    travelCount: intervention.travelCount,
    parts: parts.map((p) => ({ label: p.label, quantity: p.quantity, unit: p.unit, serialNumber: p.serial_number })),
    photos: photos.flatMap((p) => {
      const image = drawableImage(p.dataUrl);
      return image ? [{ caption: p.caption ?? null, image }] : [];
    }),
    signature: {
      name: intervention.signerName!,
      date: localDate(signedAt),
      time: localClock(signedAt).time,
      image: drawableImage(intervention.signatureDataUrl),
    },
  };
}
