import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ContractBillingRun,
  IndexSeries,
  IndexValue,
  Invoice,
  InvoiceLine,
  JobQueue,
  CONTRACT_BILLING_QUEUE,
  contractBillingPreview,
  importIndexValues,
  inTenantScope,
  localDate,
  processContractBillingRun,
  resumeStaleContractBillingRuns,
  setContractBilling,
  startContractBillingRun,
  type ContractBillingInput,
  type Orm,
} from '@relais/domain';
import { adminClient, appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import {
  MONTHLY_ARREARS,
  QUARTERLY_SYNTEC,
  SYNTEC_CSV,
  YEARLY_ICHT,
  billedContract,
  indexSeriesWith,
} from '../../../tests/support/contract-billing-world';
import { refusal } from '../../../tests/support/refusal';

const BILLING_DATE = '2026-12-01';
const YEAR = localDate(new Date()).slice(0, 4);

const monthly = (amount: string, overrides: Partial<ContractBillingInput> = {}): ContractBillingInput => ({
  effectiveOn: '2026-11-01',
  rhythm: 'MONTHLY',
  timing: 'ADVANCE',
  feeLines: [{ label: 'Redevance mensuelle', amount, vatRateCode: 'TVA20' }],
  ...overrides,
});

describe('contract billing', () => {
  let orm: Orm;
  let tenant: TestTenant;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('contract-billing');
    const syntec = await indexSeriesWith(orm, tenant, 'SYNTEC', SYNTEC_CSV);
    const icht = await indexSeriesWith(orm, tenant, 'ICHT-REV-TS', null);
    ids.quarterly = (
      await billedContract(orm, tenant, 'Clinique du Parc', QUARTERLY_SYNTEC.span, QUARTERLY_SYNTEC.billing(syntec))
    ).contractId;
    ids.arrears = (await billedContract(orm, tenant, 'Mairie de Vertou', MONTHLY_ARREARS.span, MONTHLY_ARREARS.billing())).contractId;
    const blocked = await billedContract(orm, tenant, 'Lycée Livet', YEARLY_ICHT.span, YEARLY_ICHT.billing(icht));
    ids.blocked = blocked.contractId;
    for (let i = 1; i <= 10; i += 1)
      await billedContract(orm, tenant, `Client ${i}`, { startsOn: '2026-11-01', endsOn: '2027-10-31' }, monthly('50.00'));
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  it('previews every period due with proration, revision and the blocking reason', async () => {
    const preview = await inScope((em) => contractBillingPreview(em, BILLING_DATE));
    expect(preview).toMatchObject({ contractCount: 13, invoiceCount: 12, blockedCount: 1 });
    const quarterly = preview.bills.find((b) => b.contract.id === ids.quarterly)!;
    expect(quarterly.periods.map((p) => [p.start, p.end])).toEqual([
      ['2026-01-15', '2026-03-31'],
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
    ]);
    expect(quarterly.periods.flatMap((p) => p.lines.map((l) => l.amount))).toEqual([
      '253.33', // 300 × 76 / 90
      '76.00',
      '300.00',
      '90.00',
      '307.63', // 300 × (0.15 + 0.85 × 296.1 / 287.5 = 1.02543)
      '90.00',
      '307.63',
      '90.00',
    ]);
    const q3 = quarterly.periods[2]!.lines[0]!;
    expect(q3.revision).toMatchObject({ coefficient: '1.02543', indexValue: '296.1000', referencePeriod: '2025-10-01' });
    expect(q3.reason).toContain('I = 296,1 (octobre 2025)');
    expect(quarterly.periods[0]!.lines[0]!.description).toContain('prorata 76 j / 90 j');
    expect([quarterly.totalNet, quarterly.totalVat, quarterly.totalGross]).toEqual(['1514.59', '302.92', '1817.51']);
    const arrears = preview.bills.find((b) => b.contract.id === ids.arrears)!;
    expect(arrears.periods.map((p) => p.end)).toEqual(['2026-10-31', '2026-11-30']);
    const blocked = preview.bills.find((b) => b.contract.id === ids.blocked)!;
    expect(blocked.blocked).toMatchObject({ code: 'INDEX_VALUE_MISSING' });
    expect(blocked.blocked!.message).toContain('ICHT-REV-TS de juin 2026');
    // 1514.59 + 240 + 10 × 100 net.
    expect(preview.totalNet).toBe('2754.59');
    expect(preview.totalGross).toBe('3305.51');
  });

  it('names the line of the file a bad index value is on, blank lines counted, and imports nothing', async () => {
    const series = await inScope((em) => em.findOneOrFail(IndexSeries, { code: 'ICHT-REV-TS' }));
    const error = await refusal(
      inScope((em) => importIndexValues(em, tenant.identity, series.id, 'mois;valeur\n2025-06;131,2\n\n2026-06;-4\n')),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect((error.details.fields as { field: string }[]).map((f) => f.field)).toEqual(['csv.line[4].value']);
    expect(await inScope((em) => em.count(IndexValue, { seriesId: series.id }))).toBe(0);
  });

  it('an excluded line is not billed; excluding every line of a period postpones it', async () => {
    const preview = await inScope((em) =>
      contractBillingPreview(em, BILLING_DATE, [`${ids.arrears}:2026-10-01:0`, `${ids.quarterly}:2026-01-15:1`]),
    );
    const arrears = preview.bills.find((b) => b.contract.id === ids.arrears)!;
    expect(arrears.periods.map((p) => p.start)).toEqual(['2026-11-01']);
    expect(arrears.postponedPeriods.map((p) => [p.start, p.lines.map((l) => [l.amount, l.excluded])])).toEqual([
      ['2026-10-01', [['120.00', true]]],
    ]);
    const quarterly = preview.bills.find((b) => b.contract.id === ids.quarterly)!;
    expect(quarterly.totalNet).toBe('1438.59');
  });

  it('two concurrent runs, then a retry and a third run, bill each period once with contiguous numbers', async () => {
    const [a, b] = await inScope(async (em) => [
      await startContractBillingRun(em, tenant.identity, { billingDate: BILLING_DATE }),
      await startContractBillingRun(em, tenant.identity, { billingDate: BILLING_DATE }),
    ]);
    await Promise.all([
      processContractBillingRun(orm, { runId: a!.id, identity: tenant.identity }, { chunkSize: 2 }),
      processContractBillingRun(orm, { runId: b!.id, identity: tenant.identity }, { chunkSize: 3 }),
    ]);
    await processContractBillingRun(orm, { runId: a!.id, identity: tenant.identity });
    const third = await inScope((em) => startContractBillingRun(em, tenant.identity, { billingDate: BILLING_DATE }));
    const after = await processContractBillingRun(orm, { runId: third.id, identity: tenant.identity });
    expect(after).toMatchObject({ state: 'SUCCEEDED', invoiceCount: 0 });

    const invoices = await inScope((em) => em.find(Invoice, { contractId: { $ne: null } }, { orderBy: { number: 'asc' } }));
    expect(invoices).toHaveLength(12);
    expect(invoices.map((i) => i.number)).toEqual(Array.from({ length: 12 }, (_, i) => `F-${YEAR}-${String(i + 1).padStart(5, '0')}`));
    expect(new Set(invoices.map((i) => i.contractId)).size).toBe(12);
    const runs = await inScope((em) => em.find(ContractBillingRun, { id: { $in: [a!.id, b!.id] } }));
    expect(runs.map((r) => r.state)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(runs.reduce((n, r) => n + r.invoiceCount, 0)).toBe(12);
    expect(runs.every((r) => r.errors.some((e) => e.code === 'INDEX_VALUE_MISSING'))).toBe(true);

    const quarterly = invoices.find((i) => i.contractId === ids.quarterly)!;
    expect(quarterly).toMatchObject({ status: 'ISSUED', totalNet: '1514.59', totalVat: '302.92', totalGross: '1817.51' });
    expect([quarterly.billingPeriodStart, quarterly.billingPeriodEnd]).toEqual(['2026-01-15', '2026-12-31']);
    const lines = await inScope((em) => em.find(InvoiceLine, { invoiceId: quarterly.id }, { orderBy: { position: 'asc' } }));
    expect(lines.map((l) => [l.kind, l.lineNet, l.serviceStart, l.serviceEnd])).toEqual([
      ['FEE', '253.33', '2026-01-15', '2026-03-31'],
      ['FEE', '76.00', '2026-01-15', '2026-03-31'],
      ['FEE', '300.00', '2026-04-01', '2026-06-30'],
      ['FEE', '90.00', '2026-04-01', '2026-06-30'],
      ['FEE', '307.63', '2026-07-01', '2026-09-30'],
      ['FEE', '90.00', '2026-07-01', '2026-09-30'],
      ['FEE', '307.63', '2026-10-01', '2026-12-31'],
      ['FEE', '90.00', '2026-10-01', '2026-12-31'],
    ]);
    expect(lines[0]!.revenueAccount).toBe('706100');
  });

  it('refuses terms taking effect inside a billed period, and changes nothing', async () => {
    const error = await refusal(
      inScope((em) => setContractBilling(em, tenant.identity, ids.arrears!, monthly('130.00', { effectiveOn: '2026-11-15' }))),
    );
    expect(error.code).toBe('PERIOD_ALREADY_BILLED');
    expect(error.details).toMatchObject({ periodStart: '2026-11-01', periodEnd: '2026-11-30' });
    const preview = await inScope((em) => contractBillingPreview(em, '2027-01-01'));
    expect(preview.bills.find((b) => b.contract.id === ids.arrears)!.totalNet).toBe('120.00');
  });
});

describe('a billing run killed midway', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let admin: pg.Client;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  beforeAll(async () => {
    orm = await appOrm();
    admin = await adminClient();
    tenant = await createTestTenant('billing-killed');
    for (let i = 1; i <= 7; i += 1)
      await billedContract(orm, tenant, `Client ${i}`, { startsOn: '2026-11-01', endsOn: '2027-10-31' }, monthly(`${40 + i}.00`));
  });

  afterAll(async () => {
    await admin?.end();
    // Kysely (0.29) releases a transaction's connection only after a successful rollback: the
    // killed one stays checked out, so closing the pool would wait for it forever.
    await Promise.race([orm?.close(true), new Promise((resolve) => setTimeout(resolve, 1000))]);
  });

  it('loses the killed chunk only; resumed, it bills the rest once with no gap in the numbers', async () => {
    const run = await inScope((em) => startContractBillingRun(em, tenant.identity, { billingDate: BILLING_DATE }));
    const killed = processContractBillingRun(
      orm,
      { runId: run.id, identity: tenant.identity },
      {
        chunkSize: 3,
        beforeCommit: async (chunk, em) => {
          if (chunk !== 1) return;
          const [backend] = await em.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
          await admin.query('select pg_terminate_backend($1)', [backend!.pid]);
          await em.execute('select 1');
        },
      },
    );
    await expect(killed).rejects.toThrow();
    const midway = await inScope((em) => em.find(Invoice, {}, { orderBy: { number: 'asc' } }));
    expect(midway.map((i) => i.number)).toEqual([`F-${YEAR}-00001`, `F-${YEAR}-00002`, `F-${YEAR}-00003`]);

    const resumed = await processContractBillingRun(orm, { runId: run.id, identity: tenant.identity }, { chunkSize: 3 });
    expect(resumed).toMatchObject({ state: 'SUCCEEDED', invoiceCount: 7, contractsDone: 7, contractsTotal: 7, attempts: 2 });
    const invoices = await inScope((em) => em.find(Invoice, {}, { orderBy: { number: 'asc' } }));
    expect(invoices.map((i) => i.number)).toEqual(Array.from({ length: 7 }, (_, i) => `F-${YEAR}-${String(i + 1).padStart(5, '0')}`));
    expect(new Set(invoices.map((i) => i.contractId)).size).toBe(7);
    // Two monthly periods each (November, and December billed in advance on the 1st).
    expect(invoices.map((i) => i.totalNet).sort()).toEqual(['82.00', '84.00', '86.00', '88.00', '90.00', '92.00', '94.00']);
    const { rows } = await admin.query('select count(*)::int as n from contract_billing_periods where tenant_id = $1', [tenant.tenantId]);
    expect(rows[0].n).toBe(14);
  });
});

/**
 * Runs the billing run in a process of its own and kills it (SIGKILL) inside its second chunk's
 * transaction, its writes made and not committed: the run is left RUNNING with its first chunk billed.
 */
async function killRunInItsSecondChunk(runId: string, tenant: TestTenant): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'tests/support/billing-run-child.ts',
      inject('appDatabaseUrl'),
      JSON.stringify({ runId, identity: tenant.identity }),
    ],
    { cwd: path.resolve(import.meta.dirname, '../../..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('PAUSED')) resolve();
    });
    child.on('exit', () => reject(new Error('the run process ended before pausing')));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

describe('a billing run whose process is killed (SIGKILL)', () => {
  let orm: Orm;
  let tenant: TestTenant;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('billing-sigkill');
    for (let i = 1; i <= 7; i += 1)
      await billedContract(orm, tenant, `Client ${i}`, { startsOn: '2026-11-01', endsOn: '2027-10-31' }, monthly(`${60 + i}.00`));
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  it('is resumed by another process: the killed chunk is rolled back, nothing is billed twice, numbers have no gap', async () => {
    const run = await inScope((em) => startContractBillingRun(em, tenant.identity, { billingDate: BILLING_DATE }));
    await killRunInItsSecondChunk(run.id, tenant);
    const stranded = await inScope((em) => em.findOneOrFail(ContractBillingRun, { id: run.id }));
    expect(stranded).toMatchObject({ state: 'RUNNING', invoiceCount: 3 });

    const resumed = await processContractBillingRun(orm, { runId: run.id, identity: tenant.identity }, { chunkSize: 3 });
    expect(resumed).toMatchObject({ state: 'SUCCEEDED', invoiceCount: 7, attempts: 2 });
    const invoices = await inScope((em) => em.find(Invoice, {}, { orderBy: { number: 'asc' } }));
    expect(invoices.map((i) => i.number)).toEqual(Array.from({ length: 7 }, (_, i) => `F-${YEAR}-${String(i + 1).padStart(5, '0')}`));
    expect(new Set(invoices.map((i) => i.contractId)).size).toBe(7);
    expect(invoices.map((i) => i.totalNet).sort()).toEqual(['122.00', '124.00', '126.00', '128.00', '130.00', '132.00', '134.00']);
  });
});

describe('a billing run left RUNNING by a killed process, resumed by the sweep', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let queue: JobQueue;
  const queueErrors: Error[] = [];
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('billing-sweep');
    for (let i = 1; i <= 7; i += 1)
      await billedContract(orm, tenant, `Client ${i}`, { startsOn: '2026-11-01', endsOn: '2027-10-31' }, monthly(`${80 + i}.00`));
    // The queue the billing subgraphs' workers take runs from (the stack's one among them).
    queue = await JobQueue.start(inject('appDatabaseUrl'), [CONTRACT_BILLING_QUEUE], (error) => queueErrors.push(error));
  });

  afterAll(async () => {
    await queue?.stop();
    await orm?.close(true);
  });

  it('leaves it alone while recent, queues it again once silent for two minutes, and a worker completes it: each period billed once, no gap', async () => {
    const run = await inScope((em) => startContractBillingRun(em, tenant.identity, { billingDate: BILLING_DATE, send: false }));
    await killRunInItsSecondChunk(run.id, tenant);
    expect(await inScope((em) => em.findOneOrFail(ContractBillingRun, { id: run.id }))).toMatchObject({
      state: 'RUNNING',
      invoiceCount: 3,
    });

    // Its last progress is recent: it could be a live worker's, so the sweep does not take it.
    expect(await resumeStaleContractBillingRuns(orm, queue)).not.toContain(run.id);
    // Two minutes of silence, without waiting them: its last progress moved three minutes back.
    await inScope((em) =>
      em.execute(`update contract_billing_runs set heartbeat_at = heartbeat_at - interval '3 minutes' where id = ?`, [run.id]),
    );
    expect(await resumeStaleContractBillingRuns(orm, queue)).toContain(run.id);

    await expect
      .poll(async () => (await inScope((em) => em.findOneOrFail(ContractBillingRun, { id: run.id }))).state, {
        timeout: 20_000,
        interval: 200,
      })
      .toBe('SUCCEEDED');
    const resumed = await inScope((em) => em.findOneOrFail(ContractBillingRun, { id: run.id }));
    expect(resumed).toMatchObject({ invoiceCount: 7, contractsDone: 7, contractsTotal: 7, attempts: 2, errors: [] });
    // The resumed attempt was the system's job, not this test's call.
    const audit = await inScope((em) =>
      em.execute<{ actor_kind: string }[]>(
        `select actor_kind from audit_log where table_name = 'contract_billing_runs' and row_id = ? and operation = 'contract-billing:start' order by id`,
        [run.id],
      ),
    );
    expect(audit.map((a) => a.actor_kind)).toEqual(['user', 'system']);

    const invoices = await inScope((em) => em.find(Invoice, {}, { orderBy: { number: 'asc' } }));
    expect(invoices.map((i) => i.number)).toEqual(Array.from({ length: 7 }, (_, i) => `F-${YEAR}-${String(i + 1).padStart(5, '0')}`));
    expect(new Set(invoices.map((i) => i.contractId)).size).toBe(7);
    // November and December once each per contract: twice the monthly fee.
    expect(invoices.map((i) => i.totalNet).sort()).toEqual(['162.00', '164.00', '166.00', '168.00', '170.00', '172.00', '174.00']);
    const lines = await inScope((em) => em.find(InvoiceLine, { invoiceId: { $in: invoices.map((i) => i.id) } }));
    expect(lines.map((l) => `${l.invoiceId}:${l.serviceStart}`).sort()).toEqual(
      invoices.flatMap((i) => [`${i.id}:2026-11-01`, `${i.id}:2026-12-01`]).sort(),
    );
    expect(queueErrors).toEqual([]);
  });
});
