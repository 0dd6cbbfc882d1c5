import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { errorCodes, gql, login, type GraphQLResponse } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';

const PAGE = `query Page($after: String, $first: Int) {
  customers(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id code name accountingAuxiliaryCode sites { id name } contacts { fullName } } }
  }
}`;

type PageData = {
  customers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; code: string; name: string; accountingAuxiliaryCode: string; sites: unknown[] } }[];
  };
};

async function subgraphMetrics(name: string): Promise<{ requests: number; sqlQueries: number }> {
  const response = await fetch(inject('subgraphUrls')[name]!.replace('/graphql', '/metrics'));
  return (await response.json()) as { requests: number; sqlQueries: number };
}

describe('customers through the gateway', () => {
  let token: string;
  beforeAll(async () => {
    token = await login('facturation@demo.relais.fr');
  });

  it('pages through all 60 demo customers once, with fields from three subgraphs', async () => {
    const ids = new Set<string>();
    let after: string | null = null;
    do {
      const response: GraphQLResponse<PageData> = await gql<PageData>(PAGE, { after, first: 25 }, token);
      expect(response.errors).toBeUndefined();
      const page = response.data!.customers;
      expect(page.totalCount).toBe(60);
      for (const { node } of page.edges) {
        ids.add(node.id);
        expect(node.accountingAuxiliaryCode).toBe(`411${node.code}`);
        expect(node.sites.length).toBeGreaterThan(0);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(ids.size).toBe(60);
  });

  it('costs the same number of SQL statements for 5 or 50 customers with their sites and contacts', async () => {
    const cost = async (first: number) => {
      const before = await subgraphMetrics('maintenance');
      const response = await gql<PageData>(PAGE, { first }, token);
      expect(response.data!.customers.edges).toHaveLength(first);
      const after = await subgraphMetrics('maintenance');
      return after.sqlQueries - before.sqlQueries;
    };
    const small = await cost(5);
    const large = await cost(50);
    expect(large).toBe(small);
    // begin + session settings, page, count, sites, contacts, commit
    expect(large).toBeLessThanOrEqual(7);
  });

  it('creates a customer, and refuses invalid input naming the fields, writing nothing', async () => {
    const CREATE =
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id code name vatNumber paymentTermsDays version } }';
    // A tenant of its own, so the demo data other tests and the browser test count stays as seeded.
    const planner = await login((await createTestTenant('api-customers')).adminEmail);
    const refused = await gql<unknown>(
      CREATE,
      {
        input: {
          name: 'Test API refusé',
          siren: '123456789',
          billingAddressLine1: 'x',
          billingPostalCode: '123',
          billingCity: 'Nantes',
          paymentTermsDays: 90,
        },
      },
      planner,
    );
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    const fields = (refused.errors![0]!.extensions!.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['billingPostalCode', 'paymentTermsDays', 'siren']);
    const search = await gql<PageData>(
      '{ customers(search: "Test API refusé") { totalCount edges { cursor node { id code name accountingAuxiliaryCode sites { id name } } } pageInfo { hasNextPage endCursor } } }',
      {},
      planner,
    );
    expect(search.data!.customers.totalCount).toBe(0);

    const created = await gql<{ createCustomer: { code: string; vatNumber: string; paymentTermsDays: number; version: number } }>(
      CREATE,
      {
        input: {
          name: 'Test API SAS',
          siren: '552 032 534',
          vatNumber: 'fr27552032534',
          billingAddressLine1: '1 rue Test',
          billingPostalCode: '44000',
          billingCity: 'Nantes',
        },
      },
      planner,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createCustomer).toMatchObject({ code: 'C00001', vatNumber: 'FR27552032534', paymentTermsDays: 30, version: 1 });
  });

  it('lets the accountant read but not write customers', async () => {
    const response = await gql(
      'mutation { createCustomer(input: { name: "x", billingAddressLine1: "x", billingPostalCode: "44000", billingCity: "Nantes" }) { id } }',
      {},
      await login('compta@demo.relais.fr'),
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('answers NOT_FOUND-free null for an unknown customer and VALIDATION_FAILED for a tampered cursor', async () => {
    const missing = await gql<{ customer: null }>('{ customer(id: "01a20000-0000-7000-8000-000000000000") { id } }', {}, token);
    expect(missing.data).toEqual({ customer: null });
    const tampered = await gql(PAGE, { after: 'bm90LWEtY3Vyc29y' }, token);
    expect(errorCodes(tampered)).toEqual(['VALIDATION_FAILED']);
  });
});
