import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrap } from '@mikro-orm/core';
import {
  Customer,
  CustomerContact,
  Site,
  createCustomer,
  createSite,
  inTenantScope,
  listCustomers,
  updateCustomer,
  type Orm,
} from '@relais/domain';
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

  it('lists each customer as the entity holds it, and only the scope tenant’s', async () => {
    const other = await createTestTenant('customers-other');
    await inTenantScope(orm, other.identity, { requestId: 't' }, (em) =>
      createCustomer(em, other.tenantId, { ...base, name: 'Liste Autre Locataire' }),
    );
    const created = await inScope((em) =>
      createCustomer(em, tenant.tenantId, {
        ...base,
        name: 'Liste Complète',
        siren: '732829320',
        vatNumber: 'FR44732829320',
        email: 'compta@liste.fr',
        phone: '02 99 11 22 33',
        billingAddressLine2: 'Bâtiment B',
        paymentTermsDays: 45,
        paymentTermsKind: 'END_OF_MONTH',
        notes: 'Accès par la cour',
      }),
    );
    await inScope(async (em) => {
      for (const [name, attestedOn] of [
        ['Dépôt', null],
        ['Atelier', '2026-03-02'],
      ] as const)
        await createSite(em, tenant.tenantId, {
          customerId: created.id,
          name,
          addressLine1: '1 rue du Port',
          postalCode: '56100',
          city: 'Lorient',
          dwellingOverTwoYears: Boolean(attestedOn),
          reducedVatAttestedOn: attestedOn,
        });
    });
    const page = await inScope((em) => listCustomers(em, { search: 'liste' }));
    expect(page.nodes.map((n) => n.name)).toEqual(['Liste Complète']);
    expect(page.totalCount).toBe(1);
    const [customer, sites] = await inScope(async (em) => [
      wrap(await em.findOneOrFail(Customer, { id: created.id })).toObject(),
      (await em.find(Site, { customerId: created.id }, { orderBy: { name: 'asc', id: 'asc' } })).map((site) => wrap(site).toObject()),
    ]);
    expect(page.nodes[0]).toEqual(customer);
    expect(page.nodes[0]!.createdAt).toBeInstanceOf(Date);
    const withSites = await inScope((em) => listCustomers(em, { search: 'liste' }, { withSites: true }));
    expect(withSites.nodes[0]).toEqual({ ...customer, sites });
    expect(withSites.nodes[0]!.sites!.map((s) => [s.name, s.reducedVatAttestedOn])).toEqual([
      ['Atelier', '2026-03-02'],
      ['Dépôt', null],
    ]);
  });

  it('answers the count alone after the last page, and VALIDATION_FAILED for a cursor it did not give', async () => {
    const all = await inScope((em) => listCustomers(em, { first: 200 }));
    const after = all.cursors.at(-1)!;
    expect(await inScope((em) => listCustomers(em, { after }))).toEqual({
      nodes: [],
      cursors: [],
      hasNextPage: false,
      hasPreviousPage: true,
      totalCount: all.totalCount,
    });
    const forged = Buffer.from(JSON.stringify(["x' or true --", 'pas-un-uuid'])).toString('base64url');
    await expect(inScope((em) => listCustomers(em, { after: forged }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
