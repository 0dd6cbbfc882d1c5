import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createCustomer,
  createDraftInvoice,
  formatInvoiceNumber,
  inTenantScope,
  issueInvoice,
  newId,
  paymentDueDate,
  type Orm,
} from '@relais/domain';
import { issueStatement } from '../src/billing/invoice-issue-statement';
import { adminClient, appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';

/**
 * The issue's one statement (`issueStatement`): the number, the dates and the fact are decided in
 * the database under the series lock, so what PostgreSQL writes must be what the rules in the
 * service say (`formatInvoiceNumber`, `paymentDueDate`, the tenant's day).
 */
/** Quotes, a backslash and a question mark: the statement's values are written into its text as literals. */
const BUYER = "Syndic de l’Anse d'Yeu ? \\ Port";

describe('the statement that issues an invoice', () => {
  let orm: Orm;
  let admin: pg.Client;
  let tenant: TestTenant;
  let customerId: string;

  const inScope = <T>(work: (em: EntityManager) => Promise<T>) =>
    inTenantScope(orm, tenant.identity, { requestId: newId(), operation: 'test' }, work);

  const draft = () =>
    inScope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId,
        lines: [{ kind: 'LABOUR', description: 'Ramonage', quantity: '1.5', unit: 'HUR', unitPrice: '66.67', vatRateCode: 'TVA20' }],
      }),
    );

  beforeAll(async () => {
    orm = await appOrm();
    admin = await adminClient();
    tenant = await createTestTenant('issue-statement');
    customerId = (
      await inScope((em) =>
        createCustomer(em, tenant.tenantId, {
          name: BUYER,
          billingAddressLine1: '2 quai de la Fosse',
          billingPostalCode: '44000',
          billingCity: 'Nantes',
          paymentTermsKind: 'END_OF_MONTH',
          paymentTermsDays: 30,
        }),
      )
    ).id;
  });

  afterAll(async () => {
    await admin.end();
    await orm.close(true);
  });

  it('dates an issue at 00:30 in Paris on New Year’s Day in the new year: number, dates and fact', async () => {
    const pending = await draft();
    // 23:30 UTC on 31 December is 00:30 on 1 January in Paris.
    const issued = await inScope((em) => issueInvoice(em, pending.id, pending.version, { at: new Date('2026-12-31T23:30:00Z') }));
    expect(issued).toMatchObject({
      number: 'F-2027-00001',
      status: 'ISSUED',
      issueDate: '2027-01-01',
      dueDate: paymentDueDate('2027-01-01', { kind: 'END_OF_MONTH', days: 30 }),
      totalNet: '100.01',
      totalVat: '20.00',
      totalGross: '120.01',
      amountDue: '120.01',
      settlementState: 'UNPAID',
      version: pending.version + 1,
    });
    expect(issued.issuedAt!.toISOString()).toBe('2026-12-31T23:30:00.000Z');
    expect(issued.buyer).toMatchObject({ name: BUYER, address: { city: 'Nantes' } });
    const stored = await admin.query<{
      number: string;
      issue_date: string;
      due_date: string;
      total_gross: string;
      buyer: { name: string };
    }>(`select number, issue_date::text, due_date::text, total_gross::text, buyer from invoices where tenant_id = $1 and id = $2`, [
      tenant.tenantId,
      pending.id,
    ]);
    expect(stored.rows[0]).toEqual({
      number: 'F-2027-00001',
      issue_date: '2027-01-01',
      due_date: '2027-01-31',
      total_gross: '120.01',
      buyer: expect.objectContaining({ name: BUYER }),
    });
    const facts = await admin.query<{ kind: string; occurred_on: string; actor_id: string; payload: Record<string, unknown> }>(
      `select kind, occurred_on::text, actor_id, payload from business_facts where tenant_id = $1 and subject_id = $2`,
      [tenant.tenantId, pending.id],
    );
    expect(facts.rows).toEqual([
      {
        kind: 'invoice.issued',
        occurred_on: '2027-01-01',
        actor_id: tenant.identity.kind === 'user' ? tenant.identity.userId : null,
        payload: { number: 'F-2027-00001', typeCode: '380', customerId, totalGross: '120.01', amountDue: '120.01' },
      },
    ]);
  });

  it('numbers past 99999 with every digit, as formatInvoiceNumber writes them', async () => {
    await admin.query(`insert into tenant_counters (tenant_id, name, value) values ($1, 'invoice:F:2025', 99998)`, [tenant.tenantId]);
    const at = new Date('2025-06-15T10:00:00Z');
    const numbers = [];
    for (const pending of [await draft(), await draft()])
      numbers.push((await inScope((em) => issueInvoice(em, pending.id, pending.version, { at }))).number);
    expect(numbers).toEqual([formatInvoiceNumber('F', '2025', 99999), formatInvoiceNumber('F', '2025', 100000)]);
    expect(numbers).toEqual(['F-2025-99999', 'F-2025-100000']);
  });

  /** `issueStatement` run as it is, for what `issueInvoice` never sends: the answer or the refusal, and whether anything was written. */
  async function runStatement(change: { version?: number; dueDates?: Record<string, string> }) {
    const pending = await draft();
    const counter = () =>
      admin
        .query(`select value from tenant_counters where tenant_id = $1 and name = 'invoice:F:2028'`, [tenant.tenantId])
        .then((r) => r.rows);
    const before = await counter();
    const outcome = await inScope((em) => {
      const write = issueStatement(
        em,
        { ...pending, version: change.version ?? pending.version },
        {
          at: new Date('2028-03-01T09:00:00Z'),
          dueDates: change.dueDates ?? { '2028-03-01': '2028-03-31' },
          buyer: {
            name: BUYER,
            siren: null,
            siret: null,
            vatNumber: null,
            address: { line1: '2 quai de la Fosse', line2: null, postalCode: '44000', city: 'Nantes', country: 'FR' },
          },
          totals: { totalNet: '100.01', totalVat: '20.00', totalGross: '120.01', amountDue: '120.01', retentionAmount: '0.00' },
          updatedAt: new Date(),
        },
      );
      return em.execute(write.sql, write.params);
    }).catch((error: unknown) => error);
    const stored = await admin.query(`select status, number from invoices where tenant_id = $1 and id = $2`, [tenant.tenantId, pending.id]);
    const facts = await admin.query(`select 1 from business_facts where tenant_id = $1 and subject_id = $2`, [tenant.tenantId, pending.id]);
    return {
      outcome,
      counterMoved: JSON.stringify(await counter()) !== JSON.stringify(before),
      invoice: stored.rows[0] as unknown,
      facts: facts.rowCount,
      version: pending.version,
    };
  }

  it('locks, counts and writes nothing for a draft that is not at the version it names', async () => {
    const run = await runStatement({ version: 99 });
    expect(run.outcome).toEqual([]);
    expect(run).toMatchObject({ counterMoved: false, invoice: { status: 'DRAFT', number: null }, facts: 0 });
  });

  it('is refused whole, number included, on an issue date it has no due date for', async () => {
    const run = await runStatement({ dueDates: { '2028-02-29': '2028-03-31' } });
    expect(run.outcome).toMatchObject({ code: '23514' });
    expect(run).toMatchObject({ counterMoved: false, invoice: { status: 'DRAFT', number: null }, facts: 0 });
  });

  it('answers what it wrote for a draft at its version', async () => {
    const run = await runStatement({});
    expect(run.outcome).toEqual([
      expect.objectContaining({ number: 'F-2028-00001', issue_date: '2028-03-01', due_date: '2028-03-31', open_balance: '120.01' }),
    ]);
    expect(run).toMatchObject({ counterMoved: true, invoice: { status: 'ISSUED', number: 'F-2028-00001' }, facts: 1 });
  });
});
