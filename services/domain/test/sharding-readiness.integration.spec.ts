import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { adminClient } from '../../../tests/support/database';

/**
 * The schema stays ready to be distributed by `tenant_id` (Citus, docs/scaling.md): read from
 * pg_catalog after every migration has run, so that a new table or key that would keep a tenant's
 * rows from living on one node fails here rather than on the day the database is sharded.
 *
 * A tenant table is an ordinary or partitioned table of the public schema with a `tenant_id`
 * column. Citus places the rows of co-located tables with the same `tenant_id` on the same node and
 * can only enforce, on each node, the keys that contain `tenant_id`.
 */

/**
 * Unique keys without `tenant_id` that are kept on purpose, each with its reason. Before the
 * database is distributed they become lookups in a small global table (docs/scaling.md, "Sharding
 * by tenant"); a new entry here needs the same justification.
 */
const GLOBAL_UNIQUE_KEYS: Record<string, string> = {
  // The gateway checks an `rk_...` key by its prefix before it knows the tenant.
  api_keys_prefix_key: 'api_keys (prefix): found by the gateway before the tenant is known',
  // Login finds the user by e-mail before it knows the tenant; one e-mail is one login.
  users_email_key: 'users (lower(email)): login finds the user before the tenant is known',
  // A customer opens a public quote link that carries no tenant.
  quote_public_links_token_key: 'quote_public_links (token): a public link names no tenant',
  // A portal sign-in link carries only its token; the sign-in finds the tenant by the token's hash.
  portal_sign_in_links_token_hash_key: 'portal_sign_in_links (token_hash): a sign-in link names no tenant',
};

/** Tables without `tenant_id` that tenant tables may reference: replicated to every node (Citus reference tables). */
const REFERENCE_TABLES = ['tenants'];

const TENANT_TABLES = `
  select c.oid, c.relname as table
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
   where c.relkind in ('r', 'p') and not c.relispartition`;

/** Whether the unique index `i` covers the table's tenant_id as a plain column. */
const INCLUDES_TENANT_ID = `exists (
  select 1 from pg_attribute a
   where a.attrelid = i.indrelid and a.attname = 'tenant_id' and a.attnum = any (i.indkey::smallint[]))`;

describe('schema ready for sharding by tenant_id', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = await adminClient();
  });

  afterAll(async () => {
    await client.end();
  });

  it('finds the tenant tables (the catalogue query reads the migrated schema)', async () => {
    const { rows } = await client.query<{ table: string }>(`${TENANT_TABLES} order by 2`);
    const tables = rows.map((r) => r.table);
    expect(tables.length).toBeGreaterThan(50);
    expect(tables).toEqual(expect.arrayContaining(['customers', 'sites', 'interventions', 'invoices', 'invoice_lines', 'payments']));
  });

  it('gives every tenant table a primary or unique key that contains tenant_id', async () => {
    const { rows } = await client.query<{ table: string; primary_key: string | null }>(`
      with tenant_tables as (${TENANT_TABLES})
      select t.table, (select pg_get_constraintdef(k.oid) from pg_constraint k where k.conrelid = t.oid and k.contype = 'p') as primary_key
        from tenant_tables t
       where not exists (
         select 1 from pg_index i
          where i.indrelid = t.oid and i.indisunique and i.indpred is null and ${INCLUDES_TENANT_ID})
       order by 1`);
    expect(rows, 'tenant tables without a key containing tenant_id').toEqual([]);
  });

  it('includes tenant_id in every foreign key between tenant tables', async () => {
    const { rows } = await client.query<{ name: string; from: string; to: string; definition: string }>(`
      with tenant_tables as (${TENANT_TABLES})
      select k.conname as name, s.table as from, r.table as to, pg_get_constraintdef(k.oid) as definition
        from pg_constraint k
        join tenant_tables s on s.oid = k.conrelid
        join tenant_tables r on r.oid = k.confrelid
       where k.contype = 'f'
         and not exists (
           select 1
             from unnest(k.conkey, k.confkey) as pair (referencing, referenced)
             join pg_attribute x on x.attrelid = k.conrelid and x.attnum = pair.referencing
             join pg_attribute y on y.attrelid = k.confrelid and y.attnum = pair.referenced
            where x.attname = 'tenant_id' and y.attname = 'tenant_id')
       order by 2, 1`);
    expect(rows, 'foreign keys between tenant tables that do not pair tenant_id with tenant_id').toEqual([]);
  });

  it('lets tenant tables reference no other table than the reference tables', async () => {
    const { rows } = await client.query<{ from: string; to: string }>(
      `
      with tenant_tables as (${TENANT_TABLES})
      select distinct s.table as from, k.confrelid::regclass::text as to
        from pg_constraint k
        join tenant_tables s on s.oid = k.conrelid
       where k.contype = 'f' and k.confrelid not in (select oid from tenant_tables) and k.confrelid::regclass::text <> all ($1)
       order by 1, 2`,
      [REFERENCE_TABLES],
    );
    expect(rows, 'foreign keys from tenant tables to tables that are neither tenant nor reference tables').toEqual([]);
  });

  it('keeps unique keys without tenant_id to the global id keys and the listed exceptions', async () => {
    const { rows } = await client.query<{ table: string; index: string; definition: string; id_only: boolean }>(`
      with tenant_tables as (${TENANT_TABLES})
      select t.table, i.indexrelid::regclass::text as index, pg_get_indexdef(i.indexrelid) as definition,
             i.indnatts = 1 and i.indexprs is null and i.indpred is null
               and (select a.attname from pg_attribute a where a.attrelid = t.oid and a.attnum = i.indkey[0]) = 'id' as id_only
        from tenant_tables t
        join pg_index i on i.indrelid = t.oid
       where i.indisunique and not ${INCLUDES_TENANT_ID}
       order by 1, 2`);
    // `unique (id)` beside the (tenant_id, id) primary key: ids are UUIDs, unique across tenants by construction; the
    // key backs lookups by id alone and is dropped (the primary key remains) before distribution (docs/scaling.md).
    const unexpected = rows.filter((r) => !r.id_only && !(r.index in GLOBAL_UNIQUE_KEYS)).map((r) => `${r.table}: ${r.definition}`);
    expect(unexpected, 'unique keys without tenant_id (add tenant_id, or list them in GLOBAL_UNIQUE_KEYS with the reason)').toEqual([]);
    const stale = Object.keys(GLOBAL_UNIQUE_KEYS).filter((index) => !rows.some((r) => r.index === index));
    expect(stale, 'GLOBAL_UNIQUE_KEYS entries that no longer exist').toEqual([]);
  });
});
