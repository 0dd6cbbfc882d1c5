import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { AuditEntry, createCustomer, inTenantScope, updateCustomer, type Orm } from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';

describe('audit log', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    tenant = await createTestTenant('audit');
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('records who created and changed a customer, when, and which fields changed', async () => {
    const meta = { requestId: 'req-audit-1', operation: 'CreateCustomer' };
    const customer = await inTenantScope(orm, tenant.identity, meta, (em) =>
      createCustomer(em, tenant.tenantId, {
        name: 'Hôtel du Port',
        billingAddressLine1: '2 quai',
        billingPostalCode: '56100',
        billingCity: 'Lorient',
      }),
    );
    await inTenantScope(orm, tenant.identity, { requestId: 'req-audit-2', operation: 'UpdateCustomer' }, (em) =>
      updateCustomer(em, customer.id, { paymentTermsDays: 45 }),
    );
    const entries = await inTenantScope(orm, tenant.identity, meta, (em) =>
      em.find(AuditEntry, { rowId: customer.id }, { orderBy: { id: 'asc' } }),
    );
    expect(entries.map((e) => [e.action, e.operation, e.requestId, e.actorKind, e.actorId])).toEqual([
      ['insert', 'CreateCustomer', 'req-audit-1', 'user', (tenant.identity as { userId: string }).userId],
      ['update', 'UpdateCustomer', 'req-audit-2', 'user', (tenant.identity as { userId: string }).userId],
    ]);
    expect(entries[1]!.changes).toMatchObject({ payment_terms_days: { from: 30, to: 45 }, version: { from: 1, to: 2 } });
  });

  it('is append-only for the application', async () => {
    await inTenantTransaction(client, tenant.tenantId, () =>
      expect(client.query('update audit_log set action = action')).rejects.toThrow(/permission denied/),
    );
    await inTenantTransaction(client, tenant.tenantId, () =>
      expect(client.query('delete from audit_log')).rejects.toThrow(/permission denied/),
    );
  });

  it('never stores secrets', async () => {
    await client.query('begin');
    try {
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant.tenantId]);
      const { rows } = await client.query(
        `select count(*)::int as n from audit_log where changes ? 'password_hash' or changes ? 'secret_hash'`,
      );
      expect(rows[0].n).toBe(0);
      const { rows: users } = await client.query(`select count(*)::int as n from audit_log where table_name = 'users'`);
      expect(users[0].n).toBeGreaterThan(0);
    } finally {
      await client.query('rollback');
    }
  });
});
