import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer, CustomerContact, createCustomer, inTenantScope, listCustomers, updateCustomer, type Orm } from '@relais/domain';
import { appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';

const base = { billingAddressLine1: '5 rue Pasteur', billingPostalCode: '35000', billingCity: 'Rennes' };

describe('customers', () => {
  let orm: Orm;
  let tenant: TestTenant;
  const inScope = <T>(work: Parameters<typeof inTenantScope<T>>[3]) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('customers');
  });

  afterAll(() => orm.close(true));

  it('numbers customers C00001, C00002… and gives a number back when the creation is refused', async () => {
    const first = await inScope((em) => createCustomer(em, tenant.tenantId, { ...base, name: 'Premier' }));
    await expect(
      inScope((em) => createCustomer(em, tenant.tenantId, { ...base, name: 'Refusé', siren: '123456789' })),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      inScope(async (em) => {
        await createCustomer(em, tenant.tenantId, { ...base, name: 'Annulé' });
        throw new Error('rolled back after the insert');
      }),
    ).rejects.toThrow('rolled back');
    const second = await inScope((em) => createCustomer(em, tenant.tenantId, { ...base, name: 'Second' }));
    expect([first.code, second.code]).toEqual(['C00001', 'C00002']);
    const names = await inScope(async (em) => (await em.find(Customer, {})).map((c) => c.name).sort());
    expect(names).toEqual(['Premier', 'Second']);
  });

  it('refuses a stale update and leaves the customer as it was', async () => {
    const customer = await inScope((em) => createCustomer(em, tenant.tenantId, { ...base, name: 'Concurrence' }));
    await inScope((em) => updateCustomer(em, customer.id, { billingCity: 'Vannes', billingPostalCode: '56000' }, 1));
    await expect(inScope((em) => updateCustomer(em, customer.id, { name: 'Écrasé' }, 1))).rejects.toMatchObject({
      code: 'STALE_VERSION',
      details: { expectedVersion: 1, currentVersion: 2 },
    });
    const reloaded = await inScope((em) => em.findOneOrFail(Customer, { id: customer.id }));
    expect([reloaded.name, reloaded.billingCity, reloaded.version]).toEqual(['Concurrence', 'Vannes', 2]);
  });

  it('replaces contacts when given and keeps them when not', async () => {
    const customer = await inScope((em) =>
      createCustomer(em, tenant.tenantId, {
        ...base,
        name: 'Contacts',
        contacts: [{ fullName: 'A' }, { fullName: 'B', email: 'b@example.fr', isBillingContact: true }],
      }),
    );
    await inScope((em) => updateCustomer(em, customer.id, { phone: '02 99 00 00 00' }));
    expect(
      await inScope(async (em) =>
        (await em.find(CustomerContact, { customerId: customer.id }, { orderBy: { position: 'asc' } })).map((c) => c.fullName),
      ),
    ).toEqual(['A', 'B']);
    await inScope((em) => updateCustomer(em, customer.id, { contacts: [{ fullName: 'C' }] }));
    expect(await inScope(async (em) => (await em.find(CustomerContact, { customerId: customer.id })).map((c) => c.fullName))).toEqual([
      'C',
    ]);
  });

  it('pages through every customer once, in name order, with keyset cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total: number;
    do {
      const page = await inScope((em) => listCustomers(em, { first: 2, after }));
      seen.push(...page.nodes.map((n) => n.name));
      total = page.totalCount;
      after = page.hasNextPage ? page.cursors.at(-1)! : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort());
  });

  it('searches by name, city or SIREN prefix, treating % and _ literally', async () => {
    await inScope((em) => createCustomer(em, tenant.tenantId, { ...base, name: 'Pharmacie 100% Santé', siren: '552100554' }));
    const byName = await inScope((em) => listCustomers(em, { search: 'pharmacie' }));
    expect(byName.nodes.map((n) => n.name)).toEqual(['Pharmacie 100% Santé']);
    expect((await inScope((em) => listCustomers(em, { search: '552 100' }))).totalCount).toBe(1);
    expect((await inScope((em) => listCustomers(em, { search: '%' }))).nodes.map((n) => n.name)).toEqual(['Pharmacie 100% Santé']);
  });
});
