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

/** Syntec values for I0 (October 2024) and the revision of July 2026 (October 2025). */
export const SYNTEC_CSV = 'mois;valeur\n2024-10;287,5\n2025-10;296,1\n';

/** From 15 January 2026, quarters billed in advance: 300.00 revised on Syntec from 1 July 2026, and 90.00 not indexed. */
export const QUARTERLY_SYNTEC = {
  span: { startsOn: '2026-01-15', endsOn: '2026-12-31' },
  billing: (syntecId: string): ContractBillingInput => ({
    effectiveOn: '2026-01-15',
    rhythm: 'QUARTERLY',
    timing: 'ADVANCE',
    anchorDate: '2026-01-01',
    feeLines: [
      { label: 'Maintenance préventive CVC', amount: '300.00', vatRateCode: 'TVA20', revenueAccount: '706100' },
      { label: 'Astreinte', amount: '90.00', vatRateCode: 'TVA20', indexed: false },
    ],
    indexation: {
      seriesId: syntecId,
      fixedPart: '0.15',
      variablePart: '0.85',
      baseIndexValue: '287.5',
      baseIndexPeriod: '2024-10-01',
      firstRevisionOn: '2026-07-01',
    },
  }),
};

/** From 1 July 2026, a year billed in advance and revised on ICHT-rev-TS of June 2026 (not entered: blocked). */
export const YEARLY_ICHT = {
  span: { startsOn: '2025-07-01', endsOn: '2026-06-30' },
  billing: (ichtId: string): ContractBillingInput => ({
    effectiveOn: '2026-07-01',
    rhythm: 'YEARLY',
    timing: 'ADVANCE',
    feeLines: [{ label: 'Contrat annuel', amount: '2400.00', vatRateCode: 'TVA20' }],
    indexation: {
      seriesId: ichtId,
      fixedPart: '0.125',
      variablePart: '0.875',
      baseIndexValue: '131.2',
      baseIndexPeriod: '2025-06-01',
      firstRevisionOn: '2026-07-01',
    },
  }),
};

/** From 1 October 2026, 120.00 a month billed in arrears. */
export const MONTHLY_ARREARS = {
  span: { startsOn: '2026-10-01', endsOn: '2027-09-30' },
  billing: (): ContractBillingInput => ({
    effectiveOn: '2026-10-01',
    rhythm: 'MONTHLY',
    timing: 'ARREARS',
    feeLines: [{ label: 'Forfait', amount: '120.00', vatRateCode: 'TVA20' }],
  }),
};
