import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, login } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';

const FIELDS = 'id name notes active version items { catalogItemId code label unitPrice catalogPrice }';

type PriceList = {
  id: string;
  name: string;
  active: boolean;
  version: number;
  items: { catalogItemId: string; code: string; label: string; unitPrice: string; catalogPrice: string }[];
};

describe('price lists through the gateway', () => {
  let token: string;
  let fx: Fixture;

  beforeAll(async () => {
    const tenant = await createTestTenant('api-price-lists');
    token = await login(tenant.adminEmail);
    fx = await createMaintenanceFixture(token, tenant.tenantId, 'price-lists');
  });

  const call = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, token);

  it('creates, lists, assigns and edits a price list with the catalog prices it replaces', async () => {
    const created = await call<{ createPriceList: PriceList }>(
      `mutation($input: CreatePriceListInput!) { createPriceList(input: $input) { ${FIELDS} } }`,
      { input: { name: 'Grands comptes', items: [{ catalogItemId: fx.partIds[0], unitPrice: '15.50' }] } },
    );
    expect(created.errors).toBeUndefined();
    const list = created.data!.createPriceList;
    expect(list).toMatchObject({
      name: 'Grands comptes',
      active: true,
      version: 1,
      items: [{ catalogItemId: fx.partIds[0], code: 'FILTRE-G4', label: 'Filtre G4 592×592', unitPrice: '15.5000', catalogPrice: '18.50' }],
    });

    const assigned = await call<{ assignPriceList: { id: string } }>(
      'mutation($c: ID!, $p: ID) { assignPriceList(customerId: $c, priceListId: $p) { id } }',
      { c: fx.customerId, p: list.id },
    );
    expect(assigned.data!.assignPriceList).toEqual({ id: list.id });
    const read = await call<{ priceLists: PriceList[]; customerPriceList: { id: string } | null }>(
      `query($c: ID!) { priceLists { ${FIELDS} } customerPriceList(customerId: $c) { id name } }`,
      { c: fx.customerId },
    );
    expect(read.data!.priceLists.map((l) => [l.name, l.items.length])).toEqual([['Grands comptes', 1]]);
    expect(read.data!.customerPriceList).toEqual({ id: list.id, name: 'Grands comptes' });

    const stale = await call(`mutation($id: ID!) { updatePriceList(id: $id, expectedVersion: 99, input: { name: "x" }) { id } }`, {
      id: list.id,
    });
    expect(errorCodes(stale)).toEqual(['STALE_VERSION']);
    const invalid = await call(
      `mutation($id: ID!, $items: [PriceListItemInput!]) { updatePriceList(id: $id, expectedVersion: 1, input: { items: $items }) { id } }`,
      { id: list.id, items: [{ catalogItemId: fx.customerId, unitPrice: '1.00' }] },
    );
    expect(errorCodes(invalid)).toEqual(['VALIDATION_FAILED']);
    const updated = await call<{ updatePriceList: PriceList }>(
      `mutation($id: ID!, $items: [PriceListItemInput!]) { updatePriceList(id: $id, expectedVersion: 1, input: { items: $items }) { ${FIELDS} } }`,
      { id: list.id, items: [{ catalogItemId: fx.partIds[1], unitPrice: '11.00' }] },
    );
    expect(updated.data!.updatePriceList).toMatchObject({
      version: 2,
      items: [{ code: 'COURROIE-A38', unitPrice: '11.0000', catalogPrice: '12.90' }],
    });

    const removed = await call<{ assignPriceList: null }>(
      'mutation($c: ID!) { assignPriceList(customerId: $c, priceListId: null) { id } }',
      {
        c: fx.customerId,
      },
    );
    expect(removed.data).toEqual({ assignPriceList: null });
  });

  it('is refused without a session', async () => {
    expect(errorCodes(await gql('{ priceLists { id } }'))).toEqual(['UNAUTHENTICATED']);
  });
});
