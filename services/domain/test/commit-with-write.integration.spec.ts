import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  closeTenantScope,
  createCustomer,
  createDraftInvoice,
  inTenantScope,
  issueInvoice,
  newId,
  openTenantScope,
  Invoice,
  type Orm,
} from '@relais/domain';
import { flushInOneStatement, inOneStatementAndCommit } from '../src/db/session-begin.driver';
import { adminClient, appOrm, messagesSent } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';

/**
 * `issueInvoice(…, { commit: true })`, as the `issueInvoice` mutation calls it: the issue's write and
 * `commit` go in one message (db/commit-with-write.client.ts), so the series lock is let go as soon as
 * the invoice is written, and the request's scope goes on in a transaction of its own.
 */
describe('an issue that commits with its write', () => {
  let orm: Orm;
  let admin: pg.Client;
  let tenant: TestTenant;
  let customerId: string;

  const inScope = <T>(work: (em: EntityManager) => Promise<T>) =>
    inTenantScope(orm, tenant.identity, { requestId: newId(), operation: 'test' }, work);

  const draft = (unitPrice: string) =>
    inScope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId,
        lines: [{ kind: 'LABOUR', description: 'Entretien chaudière', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
      }),
    );

  const stored = async (id: string) =>
    (
      await admin.query<{ status: string; number: string | null }>('select status, number from invoices where tenant_id = $1 and id = $2', [
        tenant.tenantId,
        id,
      ])
    ).rows[0]!;

  beforeAll(async () => {
    orm = await appOrm();
    admin = await adminClient();
    tenant = await createTestTenant('commit-with-write');
    customerId = (
      await inScope((em) =>
        createCustomer(em, tenant.tenantId, {
          name: 'Résidence Les Tilleuls',
          billingAddressLine1: '8 rue des Tilleuls',
          billingPostalCode: '44000',
          billingCity: 'Nantes',
        }),
      )
    ).id;
  });

  afterAll(async () => {
    await admin.end();
    await orm.close(true);
  });

  it('lets the series go at the write: the next issue gets its number while the first request is still running', async () => {
    const first = await draft('100.00');
    const second = await draft('200.00');
    const em = await openTenantScope(orm, tenant.identity, { requestId: newId() });
    try {
      const issued = await issueInvoice(em, first.id, first.version, { commit: true });
      // The first request has not ended, yet its issue is visible to others and the series is free.
      expect(await stored(first.id)).toEqual({ status: 'ISSUED', number: issued.number });
      const next = await inScope((other) => issueInvoice(other, second.id, second.version));
      expect(Number(next.number!.slice(-5))).toBe(Number(issued.number!.slice(-5)) + 1);
      // The scope goes on in a new transaction with the same tenant and actor settings.
      const [settings] = await em.execute<{ tenant: string }[]>(`select current_setting('app.tenant_id') as tenant`);
      expect(settings!.tenant).toBe(tenant.tenantId);
      expect(await em.count(Invoice, { status: 'ISSUED' })).toBeGreaterThanOrEqual(2);
    } finally {
      // A failure later in the request rolls back what came after the issue, not the issue.
      await closeTenantScope(em, 'rollback');
    }
    expect(await stored(first.id)).toMatchObject({ status: 'ISSUED' });
  });

  it('sends the write and its commit as one message, and no commit of its own when nothing follows', async () => {
    const pending = await draft('150.00');
    const em = await openTenantScope(orm, tenant.identity, { requestId: newId() });
    const { sent } = await messagesSent(async () => {
      await issueInvoice(em, pending.id, pending.version, { commit: true });
      await closeTenantScope(em, 'commit');
    });
    // Lock and read the draft, then the series lock, the number, the invoice's update and its fact with the commit: nothing after it.
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(
      /^with g as materialized .*pg_advisory_xact_lock.* u as \(update invoices .* f as \(insert into business_facts .*;\ncommit$/s,
    );
    expect(await stored(pending.id)).toMatchObject({ status: 'ISSUED' });
  });

  it('opens the next transaction, with the same settings, for a statement after the write', async () => {
    const pending = await draft('175.00');
    const em = await openTenantScope(orm, tenant.identity, { requestId: newId(), operation: 'IssueThenRead' });
    const { result, sent } = await messagesSent(async () => {
      await issueInvoice(em, pending.id, pending.version, { commit: true });
      const rows = await em.execute<{ operation: string }[]>(`select current_setting('app.operation') as operation`);
      await closeTenantScope(em, 'commit');
      return rows[0]!.operation;
    });
    expect(result).toBe('IssueThenRead');
    expect(sent.slice(2)).toEqual([
      expect.stringMatching(/^begin; select set_config\('app\.tenant_id', /),
      `select current_setting('app.operation') as operation`,
      'commit',
    ]);
  });

  it('refuses a stale draft before taking a number: the series stays without gaps', async () => {
    const pending = await draft('120.00');
    // Another request changed the draft meanwhile: the version the caller saw is stale.
    const error = await inScope((em) => issueInvoice(em, pending.id, pending.version - 1, { commit: true })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STALE_VERSION' });
    expect(await stored(pending.id)).toEqual({ status: 'DRAFT', number: null });
    const after = await inScope((em) => issueInvoice(em, pending.id, pending.version, { commit: true }));
    const numbers = (
      await admin.query<{ number: string }>(`select number from invoices where tenant_id = $1 and status = 'ISSUED' order by number`, [
        tenant.tenantId,
      ])
    ).rows.map((r) => Number(r.number.slice(-5)));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(after.number).toMatch(/-0000\d$/);
  });

  it('refuses, before sending it, a statement other than the write in the work of a write that commits', async () => {
    const [one, two] = [await draft('130.00'), await draft('140.00')];
    const error = await inScope(async (em) => {
      // Two drafts changed: the ORM checks their versions with a read, then writes both; the read is refused, unsent.
      const [a, b] = await Promise.all([em.findOneOrFail(Invoice, { id: one.id }), em.findOneOrFail(Invoice, { id: two.id })]);
      a.notes = 'première';
      b.notes = 'seconde';
      await inOneStatementAndCommit(em, () => flushInOneStatement(em));
    }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/must be the only statement/);
    const notes = await admin.query<{ notes: string | null }>('select notes from invoices where tenant_id = $1 and id = any($2)', [
      tenant.tenantId,
      [one.id, two.id],
    ]);
    expect(notes.rows.map((r) => r.notes)).toEqual([null, null]);
  });
});
