import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';

const CONTRACT = `id version rateCard {
  labourRates { labourType hourlyRate }
  travelFlatFee
  visitInclusions { interventionType includedHours travelIncluded }
}`;

type ContractRead = {
  id: string;
  version: number;
  rateCard: {
    labourRates: { labourType: string; hourlyRate: string }[];
    travelFlatFee: string | null;
    visitInclusions: { interventionType: string; includedHours: string; travelIncluded: boolean }[];
  };
};

/** Contracts with a partial rate card and inclusions per intervention type, through the gateway. */
describe('contract rate cards through the gateway', () => {
  let token: string;
  let siteId: string;
  let customerId: string;
  const call = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, token);

  const terms = (rateCard: Record<string, unknown>) => ({
    title: 'Maintenance CVC',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    siteIds: [siteId],
    rateCard: { travelPricing: 'FLAT', travelFlatFee: '40.00', ...rateCard },
  });
  const partial = {
    labourRates: [{ labourType: 'NORMAL', hourlyRate: '62.00' }],
    visitInclusions: [
      { interventionType: 'PREVENTIVE', includedHours: '2', travelIncluded: true },
      { interventionType: 'CORRECTIVE', includedHours: '0', travelIncluded: true },
    ],
  };

  beforeAll(async () => {
    const tenant = await createTestTenant('api-contract-rate-cards');
    token = await login(tenant.adminEmail);
    customerId = must(
      await call<{ createCustomer: { id: string } }>('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
        input: { name: 'Hôtel des Ducs', billingAddressLine1: '1 rue du Test', billingPostalCode: '44000', billingCity: 'Nantes' },
      }),
    ).createCustomer.id;
    siteId = must(
      await call<{ createSite: { id: string } }>('mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }', {
        input: { customerId, name: 'Siège', addressLine1: '2 rue du Test', postalCode: '44000', city: 'Nantes' },
      }),
    ).createSite.id;
  });

  it('accepts a card with the normal rate only and inclusions per intervention type, and reads them back', async () => {
    const created = await call<{ createContract: ContractRead }>(
      `mutation($c: ID!, $terms: ContractTermsInput!) { createContract(customerId: $c, terms: $terms) { ${CONTRACT} } }`,
      { c: customerId, terms: terms(partial) },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createContract.rateCard).toEqual({
      labourRates: [{ labourType: 'NORMAL', hourlyRate: '62.00' }],
      travelFlatFee: '40.00',
      visitInclusions: partial.visitInclusions,
    });
  });

  it('refuses a wrong rate or inclusion naming the field and the reason, the contract unchanged', async () => {
    const contract = must(
      await call<{ createContract: ContractRead }>(
        `mutation($c: ID!, $terms: ContractTermsInput!) { createContract(customerId: $c, terms: $terms) { ${CONTRACT} } }`,
        { c: customerId, terms: terms(partial) },
      ),
    ).createContract;
    const amend = (rateCard: Record<string, unknown>) =>
      call(
        `mutation($id: ID!, $terms: ContractTermsInput!, $v: Int!) {
          amendContract(id: $id, terms: $terms, effectiveOn: "2026-06-01", reason: "Révision", expectedVersion: $v) { id }
        }`,
        { id: contract.id, terms: terms(rateCard), v: contract.version },
      );
    const cases: [Record<string, unknown>, { field: string; reason: string }][] = [
      [
        { labourRates: [{ labourType: 'NIGHT', hourlyRate: '-95.00' }] },
        { field: 'rateCard.labourRates.NIGHT', reason: 'MUST_BE_POSITIVE' },
      ],
      [
        { labourRates: [{ labourType: 'OVERTIME', hourlyRate: '81.125' }] },
        { field: 'rateCard.labourRates.OVERTIME', reason: 'TOO_MANY_DECIMALS' },
      ],
      [
        { labourRates: [], visitInclusions: [{ interventionType: 'PREVENTIVE', includedHours: '1.555' }] },
        { field: 'rateCard.visitInclusions[0].includedHours', reason: 'TOO_MANY_DECIMALS' },
      ],
      [
        {
          labourRates: [
            { labourType: 'NORMAL', hourlyRate: '60.00' },
            { labourType: 'NORMAL', hourlyRate: '65.00' },
          ],
        },
        { field: 'rateCard.labourRates', reason: 'INVALID' },
      ],
    ];
    for (const [rateCard, problem] of cases) {
      const refused = await amend(rateCard);
      expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
      expect(refused.errors![0]!.extensions!['fields']).toEqual([expect.objectContaining(problem)]);
    }
    // Not a number: the Decimal scalar refuses it before the service, with the same code.
    const notANumber = await amend({ labourRates: [{ labourType: 'NIGHT', hourlyRate: 'quatre-vingts' }] });
    expect(errorCodes(notANumber)).toEqual(['VALIDATION_FAILED']);

    const after = must(
      await call<{ contract: ContractRead }>(`query($id: ID!) { contract(id: $id) { ${CONTRACT} } }`, { id: contract.id }),
    );
    expect(after.contract).toEqual(contract);
  });
});
