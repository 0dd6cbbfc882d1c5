import { createCustomer, createSite, inTenantScope, type Orm } from '@relais/domain';
import { customerInput, interventionThrough, siteInput, simpleReport, type MaintenanceWorld } from './maintenance-world';
import type { TestTenant } from './tenants';

/** A customer of the month-end tests: who its invoices go to, and the closed work waiting to be billed. */
export interface CustomerSpec {
  name: string;
  /** Its contact marked for billing (null: none). */
  billingEmail: string | null;
  /** Its general address. */
  email?: string | null;
  /** Hours of each closed intervention (normal hours by Théo, one travel each). */
  hours: string[];
}

export interface CustomerWithWork {
  spec: CustomerSpec;
  customerId: string;
  siteId: string;
  interventionIds: string[];
}

/**
 * Customers with a technical contact, maybe a billing contact, a site, and closed interventions
 * taken through their real lifecycle. At the default list rates (65,00 € the normal hour, 45,00 €
 * the trip, 20 % VAT), an intervention of h hours bills 65 h + 45 € HT.
 */
export async function customersWithClosedWork(
  orm: Orm,
  tenant: TestTenant,
  w: MaintenanceWorld,
  specs: readonly CustomerSpec[],
): Promise<CustomerWithWork[]> {
  const out: CustomerWithWork[] = [];
  for (const spec of specs) {
    const slug = spec.name
      .normalize('NFD')
      .replace(/[^\w]+/g, '-')
      .toLowerCase();
    const { customerId, siteId } = await inTenantScope(orm, tenant.identity, { requestId: 'test-setup' }, async (em) => {
      const customer = await createCustomer(em, tenant.tenantId, {
        ...customerInput(spec.name),
        email: spec.email ?? null,
        contacts: [
          { fullName: 'Responsable technique', email: `technique@${slug}.test` },
          ...(spec.billingEmail ? [{ fullName: 'Comptabilité fournisseurs', email: spec.billingEmail, isBillingContact: true }] : []),
        ],
      });
      const site = await createSite(em, tenant.tenantId, siteInput(customer.id, 'Siège'));
      return { customerId: customer.id, siteId: site.id };
    });
    const interventionIds: string[] = [];
    for (const hours of spec.hours) {
      const intervention = await interventionThrough(orm, tenant, w, {
        customerId,
        siteId,
        title: `Entretien ${spec.name}`,
        report: simpleReport(w, hours),
      });
      interventionIds.push(intervention.id);
    }
    out.push({ spec, customerId, siteId, interventionIds });
  }
  return out;
}
