import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTenantScope, executePrepared, openTenantScope, prepared, preparedName, type Orm } from '@relais/domain';
import { appOrm, queriesSent } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';

/**
 * A prepared statement (db/prepared-statements.ts) runs in the tenant scope like any other, with its
 * values bound as given, and PostgreSQL parses it once per connection, under one name.
 */
describe('prepared statements', () => {
  let orm: Orm;
  let tenants: [TestTenant, TestTenant];
  const customers = prepared(`select code, ?::text as said from customers where name like ? order by code`);

  beforeAll(async () => {
    orm = await appOrm();
    tenants = [await createTestTenant('prepared-a'), await createTestTenant('prepared-b')];
    for (const [i, tenant] of tenants.entries()) {
      const em = await openTenantScope(orm, tenant.identity, { requestId: 'setup' });
      await em.execute(
        `insert into customers (tenant_id, id, code, name, billing_address_line1, billing_postal_code, billing_city)
         values (?, gen_random_uuid(), ?, ?, '1 rue de la Paix', '75002', 'Paris')`,
        [tenant.tenantId, `C-PREP-${i}`, `Préparé ${i}`],
      );
      await closeTenantScope(em, 'commit');
    }
  });

  afterAll(async () => {
    await orm.close(true);
  });

  it('reads only the scope’s tenant, with its values bound unchanged', async () => {
    const said = `d'O'Brien \\ "x" ; select 1`;
    for (const [i, tenant] of tenants.entries()) {
      const em = await openTenantScope(orm, tenant.identity, { requestId: 'read' });
      try {
        expect(await executePrepared(em, customers, [said, 'Préparé %'])).toEqual([{ code: `C-PREP-${i}`, said }]);
      } finally {
        await closeTenantScope(em, 'commit');
      }
    }
  });

  it('is sent under its name, prepared once on its connection and planned for any values', async () => {
    const run = async () => {
      const em = await openTenantScope(orm, tenants[0].identity, { requestId: 'named' });
      try {
        const { sent } = await queriesSent(() => executePrepared(em, customers, ['x', '%']));
        const [listed] = await em.execute<{ count: string; custom: string }[]>(
          `select count(*), coalesce(sum(custom_plans), 0) as custom from pg_prepared_statements where name = ?`,
          [preparedName(customers.text)],
        );
        return { sent, listed: Number(listed!.count), customPlans: Number(listed!.custom) };
      } finally {
        await closeTenantScope(em, 'commit');
      }
    };
    const first = await run();
    const second = await run();
    expect(first.sent).toEqual([{ name: preparedName(customers.text), text: customers.text, values: ['x', '%'] }]);
    expect(customers.text).toContain('$1::text');
    expect([first.listed, second.listed]).toEqual([1, 1]);
    // Planned once for any values (PostgreSQL would otherwise plan it anew at each run: see session-begin.driver.ts).
    expect(second.customPlans).toBe(0);
  });
});
