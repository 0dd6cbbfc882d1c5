import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { Customer, createCustomer, inTenantScope, type Orm } from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';

const TENANT_TABLES = [
  'users',
  'api_keys',
  'audit_log',
  'customers',
  'customer_contacts',
  'sites',
  'vat_rates',
  'ledger_accounts',
  'tenant_counters',
];

const customerInput = (name: string) => ({
  name,
  billingAddressLine1: '1 rue de la Paix',
  billingPostalCode: '44000',
  billingCity: 'Nantes',
  contacts: [{ fullName: 'Jeanne Test' }],
});

describe('tenant isolation in the database', () => {
  let orm: Orm;
  let client: pg.Client;
  let a: TestTenant;
  let b: TestTenant;
  let customerOfA: Customer;

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    [a, b] = await Promise.all([createTestTenant('iso-a'), createTestTenant('iso-b')]);
    customerOfA = await inTenantScope(orm, a.identity, { requestId: 't' }, (em) =>
      createCustomer(em, a.tenantId, customerInput('Client de A')),
    );
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('shows no tenant row at all to SQL run without a tenant', async () => {
    for (const table of [...TENANT_TABLES, 'tenants']) {
      const { rows } = await client.query(`select count(*)::int as n from ${table}`);
      expect(rows[0].n, table).toBe(0);
    }
  });

  it('shows only the current tenant’s rows to SQL run inside a tenant', async () => {
    await inTenantTransaction(client, b.tenantId, async () => {
      const { rows: tenants } = await client.query('select id from tenants');
      expect(tenants.map((r) => r.id)).toEqual([b.tenantId]);
      for (const table of TENANT_TABLES) {
        const { rows } = await client.query(`select count(*)::int as n from ${table} where tenant_id <> $1`, [b.tenantId]);
        expect(rows[0].n, table).toBe(0);
      }
      const { rows: found } = await client.query('select id from customers where id = $1', [customerOfA.id]);
      expect(found).toEqual([]);
    });
  });

  it('refuses to write a row into another tenant and cannot touch its rows', async () => {
    await inTenantTransaction(client, b.tenantId, async () => {
      const updated = await client.query(`update customers set name = 'piraté' where id = $1`, [customerOfA.id]);
      expect(updated.rowCount).toBe(0);
      const deleted = await client.query('delete from customer_contacts where customer_id = $1', [customerOfA.id]);
      expect(deleted.rowCount).toBe(0);
      await expect(
        client.query(
          `insert into customers (tenant_id, id, code, name, billing_address_line1, billing_postal_code, billing_city)
           values ($1, gen_random_uuid(), 'X1', 'Intrus', 'a', '44000', 'Nantes')`,
          [a.tenantId],
        ),
      ).rejects.toThrow(/row-level security/);
    });
    const { name } = await inTenantScope(orm, a.identity, { requestId: 't' }, (em) => em.findOneOrFail(Customer, { id: customerOfA.id }));
    expect(name).toBe('Client de A');
  });

  it('keeps a reference inside its tenant: a site of B cannot point at a customer of A', async () => {
    await client.query('begin');
    try {
      await client.query(`select set_config('app.tenant_id', $1, true)`, [b.tenantId]);
      await client.query(
        `insert into sites (tenant_id, id, customer_id, name, address_line1, postal_code, city)
         values ($1, gen_random_uuid(), $2, 'Site', 'a', '44000', 'Nantes')`,
        [b.tenantId, customerOfA.id],
      );
      await expect(client.query('commit')).rejects.toThrow(/foreign key/);
    } finally {
      await client.query('rollback').catch(() => {});
    }
  });

  it('makes an ORM query that forgets the tenant fail instead of reading across tenants', async () => {
    const em = orm.em.fork();
    await expect(em.find(Customer, {})).rejects.toThrow(/tenant/);
  });

  it('lets the ORM, inside a tenant scope, see that tenant’s customers only', async () => {
    const seenByB = await inTenantScope(orm, b.identity, { requestId: 't' }, (em) => em.find(Customer, {}, { filters: false }));
    expect(seenByB.map((c) => c.id)).not.toContain(customerOfA.id);
  });
});
