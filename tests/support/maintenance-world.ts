import {
  User,
  closeIntervention,
  completeIntervention,
  createInterventionRequest,
  recordInterventionReport,
  scheduleIntervention,
  startIntervention,
  type Intervention,
  type ReportInput,
  createCustomer,
  createSite,
  createTechnician,
  inTenantScope,
  localDate,
  newId,
  type Identity,
  type Orm,
  type TechnicianInput,
} from '@relais/domain';
import { seedCatalog, DEMO_CATALOG, TINY_PNG_DATA_URL } from '@relais/domain/seed/maintenance-demo';
import type { TestTenant } from './tenants';

export { TINY_PNG_DATA_URL };

/** What the maintenance integration tests need in their own tenant, created through the domain services. */
export interface MaintenanceWorld {
  customerId: string;
  siteId: string;
  otherSiteId: string;
  /** A second customer with its own site, to test cross-customer refusals. */
  otherCustomerId: string;
  otherCustomerSiteId: string;
  /** Théo (FLUIDES_CAT1, CVC) signs in as a technician; Maëlle (SSI) has no user. */
  theoId: string;
  theoUserId: string;
  maelleId: string;
  /** catalog item ids by code (FIL-G4-592 untracked, SSI-DET-OPT tracked by serial, FLU-R32 per kg). */
  items: Record<string, string>;
  technicianIdentity: Identity;
}

const ALL_WEEK: Partial<TechnicianInput> = { workDayStart: '06:00', workDayEnd: '22:00', workDays: [1, 2, 3, 4, 5, 6, 7] };

export const customerInput = (name: string) => ({
  name,
  billingAddressLine1: '1 rue de la Paix',
  billingPostalCode: '44000',
  billingCity: 'Nantes',
});
export const siteInput = (customerId: string, name: string) => ({
  customerId,
  name,
  addressLine1: '3 quai de la Fosse',
  postalCode: '44000',
  city: 'Nantes',
});

export async function createMaintenanceWorld(
  orm: Orm,
  tenant: TestTenant,
  codes = ['FIL-G4-592', 'SSI-DET-OPT', 'FLU-R32'],
): Promise<MaintenanceWorld> {
  return inTenantScope(orm, tenant.identity, { requestId: 'test-setup' }, async (em) => {
    const { tenantId } = tenant;
    const customer = await createCustomer(em, tenantId, customerInput('Hôtel des Ducs'));
    const site = await createSite(em, tenantId, siteInput(customer.id, 'Siège'));
    const otherSite = await createSite(em, tenantId, siteInput(customer.id, 'Entrepôt'));
    const other = await createCustomer(em, tenantId, customerInput('Boulangerie Morvan'));
    const otherCustomerSite = await createSite(em, tenantId, siteInput(other.id, 'Boutique'));
    const theoUser = em.create(User, {
      id: newId(),
      tenantId,
      email: `theo.${tenantId}@test.example`,
      fullName: 'Théo Le Floch',
      role: 'technician',
      passwordHash: 'x',
    });
    await em.flush();
    const theo = await createTechnician(em, tenantId, {
      fullName: 'Théo Le Floch',
      skills: ['FLUIDES_CAT1', 'CVC'],
      userId: theoUser.id,
      ...ALL_WEEK,
    });
    const maelle = await createTechnician(em, tenantId, { fullName: 'Maëlle Quéré', skills: ['SSI'], ...ALL_WEEK });
    const catalog = await seedCatalog(
      em,
      tenantId,
      DEMO_CATALOG.filter((c) => codes.includes(c.code)),
    );
    return {
      customerId: customer.id,
      siteId: site.id,
      otherSiteId: otherSite.id,
      otherCustomerId: other.id,
      otherCustomerSiteId: otherCustomerSite.id,
      theoId: theo.id,
      theoUserId: theoUser.id,
      maelleId: maelle.id,
      items: Object.fromEntries(catalog.map((c) => [c.code, c.id])),
      technicianIdentity: { kind: 'user', tenantId, userId: theoUser.id, role: 'technician', email: theoUser.email },
    };
  });
}

/**
 * An intervention taken through the real lifecycle (request, scheduled tomorrow for Théo, started,
 * reported, completed, and closed unless `until` says COMPLETED), each step in its own transaction.
 */
export async function interventionThrough(
  orm: Orm,
  tenant: TestTenant,
  w: MaintenanceWorld,
  input: {
    customerId?: string;
    siteId?: string;
    equipmentId?: string;
    title?: string;
    type?: 'PREVENTIVE' | 'CORRECTIVE' | 'INSTALLATION' | 'INSPECTION';
    report: ReportInput;
    until?: 'COMPLETED' | 'CLOSED';
  },
): Promise<Intervention> {
  const scope = <T>(work: Parameters<typeof inTenantScope<T>>[3]) => inTenantScope(orm, tenant.identity, { requestId: 'test' }, work);
  let i = await scope((em) =>
    createInterventionRequest(em, tenant.identity, {
      customerId: input.customerId ?? w.customerId,
      siteId: input.siteId ?? w.siteId,
      equipmentId: input.equipmentId,
      title: input.title ?? 'Entretien climatisation',
      type: input.type,
    }),
  );
  const start = new Date(Date.now() + 24 * 3600_000);
  i = await scope((em) =>
    scheduleIntervention(em, i.id, {
      technicianIds: [w.theoId],
      start,
      end: new Date(start.getTime() + 2 * 3600_000),
      expectedVersion: i.version,
    }),
  );
  i = await scope((em) => startIntervention(em, tenant.identity, i.id, i.version));
  i = await scope((em) => recordInterventionReport(em, tenant.identity, i.id, input.report, i.version));
  i = await scope((em) => completeIntervention(em, tenant.identity, i.id, i.version));
  if (input.until === 'COMPLETED') return i;
  return scope((em) => closeIntervention(em, i.id, i.version));
}

/** A report of `hours` normal hours by Théo today, one travel, the parts given, signed. */
export function simpleReport(w: MaintenanceWorld, hours: string, parts: ReportInput['parts'] = [], observations = 'RAS'): ReportInput {
  return {
    labour: [{ technicianId: w.theoId, workDate: localDate(new Date()), hours, labourType: 'NORMAL' }],
    travelCount: 1,
    parts,
    observations,
    signerName: 'M. Roy',
    signatureDataUrl: TINY_PNG_DATA_URL,
  };
}
