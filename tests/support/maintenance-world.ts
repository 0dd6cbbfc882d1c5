import {
  User,
  createCustomer,
  createSite,
  createTechnician,
  inTenantScope,
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
