import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTenantScope, openTenantScope, type Identity, type Orm } from '@relais/domain';
import { appOrm, messagesSent } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';

/**
 * A tenant scope's `begin` and its session settings travel in one message (db/session-begin.driver.ts):
 * one round trip before the first query, the settings exactly as given (quotes and backslashes included),
 * and none of them left on the pooled connection once the transaction ends.
 */
describe('tenant scope: begin and session settings in one round trip', () => {
  let orm: Orm;
  let tenant: TestTenant;

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('session-begin');
  });

  afterAll(async () => {
    await orm.close(true);
  });

  it('opens the transaction with its settings in one message and reads them back unchanged', async () => {
    const identity: Identity = { ...tenant.identity };
    const operation = `Liste d'O'Brien \\ "x" ; select 1`;
    // A first scope opens the pool's connection (and sets its time zone): not what is measured.
    await closeTenantScope(await openTenantScope(orm, identity, { requestId: 'warm-up' }), 'commit');
    const { result: em, sent } = await messagesSent(() => openTenantScope(orm, identity, { requestId: 'req-1', operation }));
    try {
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/^begin; select set_config\('app\.tenant_id', /);
      const [settings] = await em.execute<{ tenant: string; operation: string; request: string; customer: string }[]>(
        `select current_setting('app.tenant_id') as tenant, current_setting('app.operation') as operation,
                current_setting('app.request_id') as request, current_setting('app.customer_id') as customer`,
      );
      expect(settings).toEqual({ tenant: tenant.tenantId, operation, request: 'req-1', customer: '' });
    } finally {
      await closeTenantScope(em, 'commit');
    }
  });

  it('leaves nothing of the settings on the connection after the transaction', async () => {
    const em = await openTenantScope(orm, tenant.identity, { requestId: 'req-2' });
    await closeTenantScope(em, 'commit');
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute<{ tenant: string | null }[]>(`select nullif(current_setting('app.tenant_id', true), '') as tenant`);
    expect(rows[0]!.tenant).toBeNull();
  });
});
