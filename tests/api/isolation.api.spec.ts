import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, login } from '../support/graphql-client';

/** admin@autre.relais.fr belongs to the second demo tenant and must see nothing of Clim’Ouest. */
describe('tenant isolation through the API', () => {
  let climouest: string;
  let autre: string;
  let climouestCustomer: { id: string; name: string; version: number };

  beforeAll(async () => {
    climouest = await login('admin@demo.relais.fr');
    autre = await login('admin@autre.relais.fr');
    const page = await gql<{ customers: { edges: { node: { id: string; name: string; version: number } }[] } }>(
      '{ customers(first: 1) { edges { node { id name version } } } }',
      {},
      climouest,
    );
    climouestCustomer = page.data!.customers.edges[0]!.node;
  });

  it('lists only its own customers and tenant', async () => {
    const response = await gql<{ tenant: { name: string }; customers: { totalCount: number; edges: { node: { id: string } }[] } }>(
      '{ tenant { name } customers(first: 200) { totalCount edges { node { id } } } }',
      {},
      autre,
    );
    expect(response.data!.tenant.name).toBe('Autre Entreprise Services');
    expect(response.data!.customers.totalCount).toBe(8);
    expect(response.data!.customers.edges.map((e) => e.node.id)).not.toContain(climouestCustomer.id);
  });

  it('cannot read another tenant’s customer by id, directly or by search', async () => {
    expect((await gql('query($id: ID!) { customer(id: $id) { id name } }', { id: climouestCustomer.id }, autre)).data).toEqual({
      customer: null,
    });
    const search = await gql<{ customers: { totalCount: number } }>(
      'query($s: String) { customers(search: $s) { totalCount } }',
      { s: climouestCustomer.name },
      autre,
    );
    expect(search.data!.customers.totalCount).toBe(0);
  });

  it('cannot change another tenant’s customer or attach a site to it, and nothing changes', async () => {
    const update = await gql(
      'mutation($id: ID!) { updateCustomer(id: $id, input: { name: "Piraté" }) { id } }',
      { id: climouestCustomer.id },
      autre,
    );
    expect(errorCodes(update)).toEqual(['NOT_FOUND']);
    const site = await gql(
      'mutation($id: ID!) { createSite(input: { customerId: $id, name: "Intrus", addressLine1: "x", postalCode: "44000", city: "Nantes" }) { id } }',
      { id: climouestCustomer.id },
      autre,
    );
    expect(errorCodes(site)).toEqual(['NOT_FOUND']);
    const after = await gql<{ customer: { name: string; version: number; sites: { name: string }[] } }>(
      'query($id: ID!) { customer(id: $id) { name version sites { name } } }',
      { id: climouestCustomer.id },
      climouest,
    );
    expect(after.data!.customer.name).toBe(climouestCustomer.name);
    expect(after.data!.customer.version).toBe(climouestCustomer.version);
    expect(after.data!.customer.sites.map((s) => s.name)).not.toContain('Intrus');
  });

  it('cannot read another tenant’s audit trail or API keys', async () => {
    const audit = await gql<{ auditLog: unknown[] }>('query($id: ID) { auditLog(rowId: $id) { id } }', { id: climouestCustomer.id }, autre);
    expect(audit.data!.auditLog).toEqual([]);
    const own = await gql<{ auditLog: { action: string }[] }>(
      'query($id: ID) { auditLog(rowId: $id) { action } }',
      { id: climouestCustomer.id },
      climouest,
    );
    expect(own.data!.auditLog.map((e) => e.action)).toContain('insert');
  });
});
