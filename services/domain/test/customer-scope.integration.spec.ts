import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { appClient, adminClient } from '../../../tests/support/database';
import { CUSTOMER_SCOPED_TABLES } from '../src/migrations/Migration20261228000000_portal_access';

/**
 * The customer scope of the portal (docs/portal.md, "What a portal caller can reach"): in a
 * transaction of the application role with `app.customer_id` set, the rows of every other customer
 * of the tenant are invisible and cannot be written; with it empty the office sees the whole tenant
 * as before. Run on the demo tenant's data (every statement rolled back).
 */

/** PostgreSQL's refusal by a row-level security policy (42501 is also a missing privilege: the message tells them apart). */
const RLS_REFUSAL = /^42501 new row violates row-level security policy "customer_scope"/;

describe('customer scope (row-level security)', () => {
  let app: pg.Client;
  let admin: pg.Client;
  let tenantId: string;
  let own: string;
  let other: string;

  /** Runs `work` as the application role in one transaction of the tenant, with app.customer_id = `customer` ('' = the office). */
  async function inScope<T>(customer: string, work: () => Promise<T>): Promise<T> {
    await app.query('begin');
    try {
      await app.query(`select set_config('app.tenant_id', $1, true), set_config('app.customer_id', $2, true)`, [tenantId, customer]);
      return await work();
    } finally {
      await app.query('rollback');
    }
  }

  /** What `sql` raises inside a savepoint, as "<code> <message>" (null when it passes), so the transaction goes on. */
  async function errorOf(sql: string, params: unknown[]): Promise<string | null> {
    await app.query('savepoint attempt');
    try {
      await app.query(sql, params);
      await app.query('release savepoint attempt');
      return null;
    } catch (error) {
      await app.query('rollback to savepoint attempt');
      const { code, message } = error as { code?: string; message?: string };
      return `${code ?? 'UNKNOWN'} ${message ?? ''}`;
    }
  }

  const countsByCustomer = async (table: string) =>
    (
      await app.query<{ customer_id: string | null; n: number }>(
        `select customer_id, count(*)::int as n from ${table} group by customer_id`,
      )
    ).rows;

  beforeAll(async () => {
    app = await appClient();
    admin = await adminClient();
    // The demo tenant: two of its customers that both have equipment, interventions, invoices and payments (what
    // the demo has paid moves with today's date: the first customers by code may have none).
    const { rows } = await admin.query<{ tenant_id: string; customer_id: string }>(`
      select c.tenant_id, c.id as customer_id from customers c join tenants t on t.id = c.tenant_id and t.slug = 'climouest'
       where exists (select 1 from equipment e where e.customer_id = c.id)
         and exists (select 1 from interventions i where i.customer_id = c.id)
         and exists (select 1 from invoices v where v.customer_id = c.id)
         and exists (select 1 from payments p where p.customer_id = c.id)
       order by c.code limit 2`);
    expect(rows).toHaveLength(2);
    tenantId = rows[0]!.tenant_id;
    own = rows[0]!.customer_id;
    other = rows[1]!.customer_id;
  });

  afterAll(async () => {
    await app?.end();
    await admin?.end();
  });

  it('covers every tenant table with a customer_id column, and customers, with a restrictive policy', async () => {
    const { rows } = await admin.query<{ table: string; restrictive: boolean | null }>(`
      select c.relname as table, (select not p.polpermissive from pg_policy p where p.polrelid = c.oid and p.polname = 'customer_scope') as restrictive
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
       where c.relkind in ('r', 'p') and not c.relispartition
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
         and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'customer_id' and not a.attisdropped)
              or c.relname = 'customers')
       order by 1`);
    expect(
      rows.filter((r) => r.restrictive !== true).map((r) => r.table),
      'tables without a restrictive customer_scope policy',
    ).toEqual([]);
    expect(rows.map((r) => r.table).sort()).toEqual([...CUSTOMER_SCOPED_TABLES, 'customers'].sort());
  });

  it.each(CUSTOMER_SCOPED_TABLES)('%s: shows the caller’s customer’s rows only; the office sees the whole tenant', async (table) => {
    const { rows: all } = await admin.query<{ customer_id: string | null; n: number }>(
      `select customer_id, count(*)::int as n from ${table} where tenant_id = $1 group by customer_id`,
      [tenantId],
    );
    const ownCount = all.find((r) => r.customer_id === own)?.n ?? 0;
    const total = all.reduce((sum, r) => sum + r.n, 0);

    const seenByCustomer = await inScope(own, () => countsByCustomer(table));
    expect(seenByCustomer.filter((r) => r.customer_id !== own)).toEqual([]);
    expect(seenByCustomer.reduce((sum, r) => sum + r.n, 0)).toBe(ownCount);

    const seenByOffice = await inScope('', () => countsByCustomer(table));
    expect(seenByOffice.reduce((sum, r) => sum + r.n, 0)).toBe(total);
  });

  /** Tables whose copy-insert, and whose move to another customer, the office may make and a portal caller may not. */
  const insertChecked: string[] = [];
  const moveChecked: string[] = [];

  it.each(CUSTOMER_SCOPED_TABLES)('%s: refuses to write a row for another customer, or to move one there', async (table) => {
    const { rows: privileges } = await admin.query<{ may_update: boolean; may_insert: boolean }>(
      `select has_table_privilege('relais_app', $1::regclass, 'UPDATE') as may_update,
              has_table_privilege('relais_app', $1::regclass, 'INSERT') as may_insert`,
      [table],
    );
    const { may_update: mayUpdate, may_insert: mayInsert } = privileges[0]!;
    // A few of the caller's rows, by physical address (some tables have a composite key and no id).
    const { rows } = await admin.query<{ row: string }>(
      `select ctid::text as row from ${table} where tenant_id = $1 and customer_id = $2 order by ctid limit 20`,
      [tenantId, own],
    );
    if (mayUpdate) {
      // Another customer's rows are out of reach: an update finds none.
      const touched = await inScope(own, () => app.query(`update ${table} set customer_id = customer_id where customer_id = $1`, [other]));
      expect(touched.rowCount).toBe(0);
      // Moving a row the office may move (issued invoices and closed reports refuse any change first).
      const move = `update ${table} set customer_id = $2 where ctid = $1::tid`;
      for (const { row } of rows) {
        if ((await inScope('', () => errorOf(move, [row, other]))) !== null) continue;
        expect(await inScope(own, () => errorOf(move, [row, other]))).toMatch(RLS_REFUSAL);
        moveChecked.push(table);
        break;
      }
    }
    if (!mayInsert) return;
    // A copy of the caller's row given to the other customer: when the office may insert it, the portal caller may not.
    const copy = `insert into ${table} select * from jsonb_populate_record(null::${table},
      (select to_jsonb(t) || jsonb_build_object('id', gen_random_uuid(), 'customer_id', $2::uuid) from ${table} t where t.ctid = $1::tid))`;
    for (const { row } of rows) {
      if ((await inScope('', () => errorOf(copy, [row, other]))) !== null) continue;
      expect(await inScope(own, () => errorOf(copy, [row, other]))).toMatch(RLS_REFUSAL);
      insertChecked.push(table);
      break;
    }
  });

  it('checked the refusals on the main records', () => {
    expect(insertChecked).toEqual(expect.arrayContaining(['sites', 'equipment', 'customer_contacts']));
    expect(moveChecked).toEqual(expect.arrayContaining(['sites', 'equipment', 'customer_contacts', 'interventions', 'payments']));
  });

  it('customers: the caller sees and may change only its own customer', async () => {
    await inScope(own, async () => {
      const { rows } = await app.query<{ id: string }>('select id from customers');
      expect(rows.map((r) => r.id)).toEqual([own]);
      expect((await app.query('update customers set notes = notes where id = $1', [other])).rowCount).toBe(0);
      expect((await app.query('update customers set notes = notes where id = $1', [own])).rowCount).toBe(1);
      const copy = `insert into customers select * from jsonb_populate_record(null::customers,
        (select to_jsonb(c) || jsonb_build_object('id', gen_random_uuid(), 'code', 'PORTAIL-X') from customers c where c.id = $1))`;
      expect(await errorOf(copy, [own])).toMatch(/^42501 new row violates row-level security policy/);
    });
    const everyone = await inScope('', () => app.query<{ n: number }>('select count(*)::int as n from customers'));
    expect(everyone.rows[0]!.n).toBeGreaterThan(2);
  });

  it('the main records of the caller’s own customer stay readable and writable', async () => {
    await inScope(own, async () => {
      for (const table of ['sites', 'equipment', 'interventions', 'quotes', 'invoices', 'customer_contacts']) {
        const { rows } = await app.query<{ id: string }>(`select id from ${table} limit 1`);
        if (rows.length === 0) continue;
        const updated = await errorOf(`update ${table} set customer_id = customer_id where id = $1`, [rows[0]!.id]);
        expect(updated, table).toBeNull();
      }
    });
  });
});
