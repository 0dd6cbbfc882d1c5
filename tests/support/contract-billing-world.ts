import {
  createContract,
  createCustomer,
  createIndexSeries,
  createSite,
  importIndexValues,
  inTenantScope,
  setContractBilling,
  type ContractBillingInput,
  type ContractTermsInput,
  type Orm,
} from '@relais/domain';
import type { TestTenant } from './tenants';
import { customerInput, siteInput } from './maintenance-world';

export const contractTerms = (siteId: string, overrides: Partial<ContractTermsInput> = {}): ContractTermsInput => ({
  title: 'Maintenance CVC',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  tacitRenewal: true,
  noticeDays: 90,
  siteIds: [siteId],
  sla: {},
  rateCard: {
    labourRates: { NORMAL: '68.00', OVERTIME: '85.00', NIGHT: '102.00', WEEKEND_HOLIDAY: '136.00' },
    travelPricing: 'FLAT',
    travelFlatFee: '45.00',
    travelZones: [],
    partsDiscountPercent: '0',
    includedLabourHoursPerYear: '0',
    travelIncluded: false,
    partsIncluded: false,
  },
  plans: [],
  ...overrides,
});

/** A customer with one site and one contract, billed on the given terms. */
export async function billedContract(
  orm: Orm,
  tenant: TestTenant,
  name: string,
  terms: Partial<ContractTermsInput>,
  billing: ContractBillingInput | null,
): Promise<{ customerId: string; siteId: string; contractId: string; reference: string }> {
  return inTenantScope(orm, tenant.identity, { requestId: 'test-setup' }, async (em) => {
    const customer = await createCustomer(em, tenant.tenantId, { ...customerInput(name), email: 'compta@client.example' });
    const site = await createSite(em, tenant.tenantId, siteInput(customer.id, 'Siège'));
    const contract = await createContract(em, tenant.tenantId, { ...contractTerms(site.id, terms), customerId: customer.id });
    if (billing) await setContractBilling(em, tenant.identity, contract.id, billing);
    return { customerId: customer.id, siteId: site.id, contractId: contract.id, reference: contract.reference };
  });
}

/** An index series with monthly values ("2025-10;296,1" lines). */
export async function indexSeriesWith(orm: Orm, tenant: TestTenant, code: string, csv: string | null): Promise<string> {
  return inTenantScope(orm, tenant.identity, { requestId: 'test-setup' }, async (em) => {
    const series = await createIndexSeries(em, tenant.tenantId, { code, name: `Indice ${code}` });
    if (csv) await importIndexValues(em, tenant.identity, series.id, csv);
    return series.id;
  });
}
