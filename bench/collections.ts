/**
 * The collections scenario (issue 9's speed targets): in a tenant of its own (collections-data.ts)
 * with N open invoices, all overdue, first the dunning preview over them, then the import of a
 * CAMT.053 statement of M movements that records a payment for every sure match, then the same file
 * imported again (nothing new). Each step runs in a child process of its own (collections-child.ts)
 * so its peak RSS is the step's. The outcome is checked in the database, and each step is compared
 * with a floor measured in the same run on the same data: the plain select of the rows the preview
 * reads, and the movement rows written with COPY plus one select of the open invoices for the import.
 * Returns one section of docs/benchmarks.md.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { newId, parseBankFile, type Identity } from '@relais/domain';
import { check, tenantQuery } from './billing';
import type { CollectionsChildOptions, CpuFigures, DunningFigures, ImportFigures, StatementTime } from './collections-child';
import { copyColumns, type CollectionsTenant } from './collections-data';
import { columns, push } from './data';
import { fixed, type SectionResult } from './report';
import type { BenchSettings } from './settings';
import { runStepChild } from './step-child';

export interface CollectionsContext {
  tenant: CollectionsTenant;
  adminUrl: string;
  appUrl: string;
  settings: BenchSettings;
  log(message: string): void;
}

export interface CollectionsScenario {
  /** Short id, for BENCH_SCENARIOS. */
  id: string;
  run(context: CollectionsContext): Promise<SectionResult>;
}

/** Issue 9's targets, on this 2-CPU machine. */
export const COLLECTIONS_GOALS = { importSeconds: 10, importRssMiB: 512, dunningSeconds: 5 };

/** One step in a child process with the finance service's flags: the import and the preview run there in production. */
const runChild = <T>(options: CollectionsChildOptions) =>
  runStepChild<T>('finance', 'collections-child.ts', 'COLLECTIONS_CHILD', options, options.step);

/** Runs `work` in one transaction of the application role scoped to the tenant, as the domain does. */
async function asApp<T>(appUrl: string, tenantId: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    const result = await work(client);
    await client.query('rollback');
    return result;
  } finally {
    await client.end();
  }
}

/** The rows the dunning preview reads: the tenant's open overdue invoices with their customer, in its order. */
const OVERDUE_ROWS = `
  select i.id, i.number, i.issue_date::text, i.due_date::text, i.open_balance::text, i.customer_id, c.name, c.email, c.is_consumer
    from invoices i join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
   where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance > 0 and i.due_date <= $1
   order by c.name, i.due_date, i.number`;

/** The matching index's select of the open invoices (bank-matching.service.ts). */
const OPEN_INVOICES = `
  select i.id as "invoiceId", i.number, i.customer_id as "customerId", c.name as "customerName",
         i.open_balance::text as "openBalance", i.due_date::text as "dueDate"
    from invoices i join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
   where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance > 0`;

interface DunningFloor {
  rows: number;
  ms: number;
}

async function dunningFloor(context: CollectionsContext): Promise<DunningFloor> {
  return asApp(context.appUrl, context.tenant.tenantId, async (client) => {
    const t0 = performance.now();
    const result = await client.query(OVERDUE_ROWS, [context.tenant.today]);
    return { rows: result.rowCount ?? 0, ms: performance.now() - t0 };
  });
}

interface ImportFloor {
  copied: number;
  copyMs: number;
  selected: number;
  selectMs: number;
}

/**
 * The import's floor: the statement's movement rows (as the parser gives them, fingerprints
 * included) written with COPY into a temporary table `LIKE bank_movements INCLUDING ALL`, and one
 * select of the open invoices as the matching index reads them; as the application role, scoped
 * to the tenant, rolled back.
 */
async function importFloor(context: CollectionsContext): Promise<ImportFloor> {
  const { tenantId } = context.tenant;
  const [statement] = parseBankFile(context.tenant.statement.content);
  const accountId = newId();
  const statementId = newId();
  const movements = columns({
    tenant_id: 'uuid',
    id: 'uuid',
    bank_account_id: 'uuid',
    statement_id: 'uuid',
    fingerprint: 'text',
    booking_date: 'date',
    value_date: 'date',
    amount: 'numeric',
    currency: 'text',
    label: 'text',
    remittance_info: 'text',
    counterparty_name: 'text',
    counterparty_iban: 'text',
    bank_reference: 'text',
    end_to_end_id: 'text',
    mandate_id: 'text',
    bank_transaction_code: 'text',
    details: 'jsonb',
  });
  for (const m of statement!.movements)
    push(movements, {
      tenant_id: tenantId,
      id: newId(),
      bank_account_id: accountId,
      statement_id: statementId,
      fingerprint: m.fingerprint,
      booking_date: m.bookingDate,
      value_date: m.valueDate,
      amount: m.amount,
      currency: m.currency,
      label: m.label,
      remittance_info: m.remittanceInfo,
      counterparty_name: m.counterpartyName,
      counterparty_iban: m.counterpartyIban,
      bank_reference: m.bankReference,
      end_to_end_id: m.endToEndId,
      mandate_id: m.mandateId,
      bank_transaction_code: m.bankTransactionCode,
      details: m.details,
    });
  return asApp(context.appUrl, tenantId, async (client) => {
    await client.query('create temp table bench_floor_movements (like bank_movements including all) on commit drop');
    const t0 = performance.now();
    const copied = await copyColumns(client, 'bench_floor_movements', movements);
    const copyMs = performance.now() - t0;
    const t1 = performance.now();
    const selected = (await client.query(OPEN_INVOICES)).rowCount ?? 0;
    return { copied, copyMs, selected, selectMs: performance.now() - t1 };
  });
}

interface Counts {
  movements: number;
  matched: number;
  proposed: number;
  unmatched: number;
  payments: number;
  allocations: number;
  facts: number;
  paidInvoices: number;
  openInvoices: number;
  statements: number;
}

async function counts(context: CollectionsContext): Promise<Counts> {
  const [row] = await tenantQuery<{ [K in keyof Counts]: number }>(
    context.adminUrl,
    context.tenant.tenantId,
    `select (select count(*)::int from bank_movements where tenant_id = $1) as movements,
            (select count(*)::int from bank_movements where tenant_id = $1 and status = 'MATCHED') as matched,
            (select count(*)::int from bank_movements where tenant_id = $1 and status = 'PROPOSED') as proposed,
            (select count(*)::int from bank_movements where tenant_id = $1 and status = 'UNMATCHED') as unmatched,
            (select count(*)::int from payments where tenant_id = $1) as payments,
            (select count(*)::int from payment_allocations where tenant_id = $1) as allocations,
            (select count(*)::int from business_facts where tenant_id = $1) as facts,
            (select count(*)::int from invoices where tenant_id = $1 and settlement_state = 'PAID') as "paidInvoices",
            (select count(*)::int from invoices where tenant_id = $1 and open_balance > 0) as "openInvoices",
            (select count(*)::int from bank_statements where tenant_id = $1) as statements`,
    [context.tenant.tenantId],
  );
  return row!;
}

interface ImportOutcome {
  matched: number;
  proposed: number;
  unmatched: number;
  unrelatedProposed: number;
  paidTotal: string;
}

/**
 * Checks the first import in the database: every movement stored once; exactly the expected
 * invoices paid in full, each by one payment of its movement's amount, from its payer, allocated
 * whole to it, with its three facts and the invoice's `invoice.paid`; the partial payments proposed
 * on their invoice and nothing recorded for them; the debits left unmatched.
 */
async function checkImport(context: CollectionsContext, figures: ImportFigures, before: Counts): Promise<ImportOutcome> {
  const { tenant } = context;
  const { expected } = tenant;
  const n = tenant.statement.movements;
  const paid = [...expected.exactInvoiceIds, ...expected.ibanInvoiceIds];
  const auto = paid.length;
  const q = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    tenantQuery<R>(context.adminUrl, tenant.tenantId, sql, [tenant.tenantId, ...params]);
  check(
    figures.movementCount === n && figures.newMovementCount === n && figures.duplicateCount === 0 && figures.autoMatchedCount === auto,
    `expected the import to take ${n} new movements and match ${auto}, got ${JSON.stringify({ ...figures, statements: undefined })}`,
  );
  const statementId = figures.statementIds[0]!;
  const [statement] = await q<{ movement_count: number; new_movement_count: number; auto_matched_count: number; stored: number }>(
    `select s.movement_count, s.new_movement_count, s.auto_matched_count,
            (select count(*)::int from bank_movements m where m.tenant_id = s.tenant_id and m.statement_id = s.id) as stored
       from bank_statements s where s.tenant_id = $1 and s.id = $2`,
    [statementId],
  );
  check(
    statement?.movement_count === n &&
      statement.new_movement_count === n &&
      statement.auto_matched_count === auto &&
      statement.stored === n,
    `the statement row says ${JSON.stringify(statement)}, expected ${n} movements stored and ${auto} matched`,
  );

  // Each matched movement: one payment of its amount, from its payer, received on its booking date,
  // allocated whole to one invoice of the payment's customer, which is now paid.
  const [matched] = await q<{
    matched: number;
    payments: number;
    invoices: number;
    expected_invoices: number;
    bad_payment: number;
    bad_allocation: number;
    bad_invoice: number;
    bad_reason: number;
    total: string;
  }>(
    `with m as (select * from bank_movements where tenant_id = $1 and statement_id = $2 and status = 'MATCHED'),
          a as (select payment_id, count(*) as n, min(invoice_id::text)::uuid as invoice_id, sum(amount) as amount
                  from payment_allocations where tenant_id = $1 and released_at is null group by payment_id)
     select count(*)::int as matched, count(distinct p.id)::int as payments, count(distinct a.invoice_id)::int as invoices,
            count(*) filter (where a.invoice_id = any($3::uuid[]))::int as expected_invoices,
            count(*) filter (where p.amount <> m.amount or p.received_on <> m.booking_date or p.method <> 'TRANSFER'
                               or p.payer_iban is distinct from m.counterparty_iban or p.allocated_amount <> p.amount
                               or p.unallocated_amount <> 0 or p.reversed_on is not null)::int as bad_payment,
            count(*) filter (where a.n is distinct from 1 or a.amount is distinct from m.amount)::int as bad_allocation,
            count(*) filter (where i.customer_id <> p.customer_id or i.settlement_state <> 'PAID' or i.open_balance <> 0
                               or i.paid_amount <> i.amount_due)::int as bad_invoice,
            count(*) filter (where m.match_reason not like 'Automatique : %' or m.matched_at is null or m.matched_by is null)::int as bad_reason,
            coalesce(sum(m.amount), 0)::text as total
       from m join payments p on p.tenant_id = m.tenant_id and p.id = m.payment_id
       left join a on a.payment_id = p.id
       left join invoices i on i.tenant_id = p.tenant_id and i.id = a.invoice_id`,
    [statementId, paid],
  );
  const mt = matched!;
  check(
    mt.matched === auto && mt.payments === auto && mt.invoices === auto && mt.expected_invoices === auto,
    `expected ${auto} matched movements, each with its own payment settling one of the ${auto} expected invoices, got ${JSON.stringify(mt)}`,
  );
  check(
    mt.bad_payment === 0 && mt.bad_allocation === 0 && mt.bad_invoice === 0 && mt.bad_reason === 0,
    `matched movements whose payment (${mt.bad_payment}), allocation (${mt.bad_allocation}), invoice (${mt.bad_invoice}) or reason (${mt.bad_reason}) is wrong`,
  );

  // The facts: one of each kind per recorded payment and matched movement.
  const facts = await q<{ kind: string; n: number; subjects: number }>(
    `select f.kind, count(*)::int as n, count(distinct f.subject_id)::int as subjects
       from business_facts f
      where f.tenant_id = $1 and (f.subject_id in (select payment_id from bank_movements where tenant_id = $1 and statement_id = $2 and payment_id is not null)
                                  or f.subject_id in (select id from bank_movements where tenant_id = $1 and statement_id = $2))
      group by f.kind order by f.kind`,
    [statementId],
  );
  const factCount = (kind: string) => facts.find((f) => f.kind === kind);
  for (const kind of ['bank_movement.matched', 'payment.allocated', 'payment.recorded'])
    check(
      factCount(kind)?.n === auto && factCount(kind)?.subjects === auto,
      `expected ${auto} '${kind}' facts, one per subject; got ${JSON.stringify(facts)}`,
    );
  check(facts.length === 3, `unexpected facts: ${JSON.stringify(facts)}`);
  // And each invoice paid in full its `invoice.paid` (the fact webhooks announce), once.
  const [paidFacts] = await q<{ n: number; subjects: number }>(
    `select count(*)::int as n, count(distinct f.subject_id)::int as subjects from business_facts f
      where f.tenant_id = $1 and f.kind = 'invoice.paid'
        and f.subject_id in (select a.invoice_id from bank_movements m join payment_allocations a on a.tenant_id = m.tenant_id and a.payment_id = m.payment_id
                              where m.tenant_id = $1 and m.statement_id = $2)`,
    [statementId],
  );
  check(
    paidFacts!.n === auto && paidFacts!.subjects === auto,
    `expected ${auto} 'invoice.paid' facts, one per invoice; got ${JSON.stringify(paidFacts)}`,
  );

  // Partial payments: proposed on the cited invoice for their amount; that invoice still fully open.
  const [partial] = await q<{ proposed: number; untouched: number }>(
    `with p as (select * from unnest($2::text[], $3::uuid[], $4::numeric[]) as p(reference, invoice_id, amount))
     select count(*) filter (where m.status = 'PROPOSED' and (m.proposals -> 0 ->> 'score')::int = 80
                               and m.proposals -> 0 -> 'allocations' = jsonb_build_array(jsonb_build_object('invoiceId', p.invoice_id, 'amount', p.amount::text)))::int as proposed,
            count(*) filter (where i.paid_amount = 0 and i.open_balance = i.amount_due)::int as untouched
       from p join bank_movements m on m.tenant_id = $1 and m.bank_reference = p.reference
       join invoices i on i.tenant_id = $1 and i.id = p.invoice_id`,
    [expected.partial.map((p) => p.reference), expected.partial.map((p) => p.invoiceId), expected.partial.map((p) => p.amount)],
  );
  check(
    partial!.proposed === expected.partial.length && partial!.untouched === expected.partial.length,
    `expected the ${expected.partial.length} partial payments proposed on their invoice and nothing recorded, got ${JSON.stringify(partial)}`,
  );
  const [debits] = await q<{ unmatched: number }>(
    `select count(*)::int as unmatched from bank_movements
      where tenant_id = $1 and bank_reference = any($2::text[]) and status = 'UNMATCHED' and amount < 0 and proposals = '[]'`,
    [expected.debitReferences],
  );
  check(debits!.unmatched === expected.debitReferences.length, `debits not left unmatched: ${JSON.stringify(debits)}`);
  const [unrelated] = await q<{ proposed: number; matched: number }>(
    `select count(*) filter (where status = 'PROPOSED')::int as proposed, count(*) filter (where status = 'MATCHED')::int as matched
       from bank_movements where tenant_id = $1 and bank_reference = any($2::text[])`,
    [expected.unrelatedReferences],
  );
  check(unrelated!.matched === 0, `${unrelated!.matched} unrelated credits were matched`);

  const after = await counts(context);
  check(
    after.movements === before.movements + n &&
      after.payments === before.payments + auto &&
      after.allocations === before.allocations + auto &&
      after.facts === before.facts + 4 * auto &&
      after.paidInvoices === before.paidInvoices + auto &&
      after.openInvoices === before.openInvoices - auto,
    `counts before ${JSON.stringify(before)}, after ${JSON.stringify(after)}: expected ${n} movements, ${auto} payments, allocations and paid invoices, ${4 * auto} facts more`,
  );
  return {
    matched: after.matched,
    proposed: after.proposed,
    unmatched: after.unmatched,
    unrelatedProposed: unrelated!.proposed,
    paidTotal: mt.total,
  };
}

/** "label 1.23 s (40×)" for the statements taking the most time, and the total. */
function statementSummary(statements: StatementTime[], top: number): { totalMs: number; text: string } {
  const totalMs = statements.find((s) => s.label === '*')?.ms ?? 0;
  const text = statements
    .filter((s) => s.label !== '*')
    .slice(0, top)
    .map(
      (s) =>
        `${s.label} ${fixed(s.ms / 1000, 2)} s (${s.count}×` +
        `${s.postgresCpuMs === null ? '' : `, ${fixed(s.postgresCpuMs / 1000, 2)} s of PostgreSQL CPU`})`,
    )
    .join(', ');
  return { totalMs, text };
}

const yes = (met: boolean) => (met ? 'yes' : '**no**');
/** "4.52 + 5.01" seconds of CPU, this process's and its PostgreSQL backend's. */
const cpuText = (cpu: CpuFigures) => `${fixed(cpu.nodeMs / 1000, 2)} + ${cpu.postgresMs === null ? '?' : fixed(cpu.postgresMs / 1000, 2)}`;
const MiB = 1024 * 1024;

const collections: CollectionsScenario = {
  id: 'collections',
  async run(context) {
    const { tenant, log } = context;
    const identity: Identity = { kind: 'user', tenantId: tenant.tenantId, userId: tenant.userId, role: 'accountant', email: tenant.email };
    const load = os.loadavg()[0]!;
    const n = tenant.statement.movements;
    const auto = tenant.expected.exactInvoiceIds.length + tenant.expected.ibanInvoiceIds.length;
    log(`collections: 1-minute load average ${load.toFixed(2)} on ${os.availableParallelism()} CPUs`);

    // Dunning preview over the open invoices, all overdue, before any of them is paid.
    const dFloor = await dunningFloor(context);
    check(dFloor.rows === tenant.openInvoices, `the floor selected ${dFloor.rows} overdue invoices, expected ${tenant.openInvoices}`);
    log(`collections: dunning floor ${fixed(dFloor.ms, 0)} ms for ${dFloor.rows} rows; previewing ${tenant.today} (child process)`);
    const dunning = await runChild<DunningFigures>({ step: 'dunning', appUrl: context.appUrl, identity, date: tenant.today });
    check(
      dunning.reminders + dunning.held <= tenant.openInvoices && dunning.reminders > 0,
      `the preview planned ${dunning.reminders} reminders and held ${dunning.held} for ${tenant.openInvoices} overdue invoices`,
    );
    const heldExpected = tenant.disputes + tenant.promises;
    check(
      (dunning.heldByReason.DISPUTED ?? 0) === tenant.disputes && (dunning.heldByReason.PROMISE ?? 0) === tenant.promises,
      `expected ${tenant.disputes} disputed and ${tenant.promises} promised invoices held, got ${JSON.stringify(dunning.heldByReason)}`,
    );
    log(
      `collections: dunning preview ${fixed(dunning.coldMs / 1000, 2)} s (CPU ${cpuText(dunning.cpu)} s, warm ${fixed(dunning.warmMs / 1000, 2)} s), ` +
        `${dunning.reminders} reminders, ${dunning.held} held, peak RSS ${fixed(dunning.peakRssMiB, 0)} MiB`,
    );

    // The import, its floor first.
    const file = path.join(os.tmpdir(), `relais-bench-${randomBytes(6).toString('hex')}-${tenant.statement.fileName}`);
    await writeFile(file, tenant.statement.content);
    try {
      const iFloor = await importFloor(context);
      check(
        iFloor.copied === n && iFloor.selected === tenant.openInvoices,
        `the floor copied ${iFloor.copied} movements and selected ${iFloor.selected} open invoices, expected ${n} and ${tenant.openInvoices}`,
      );
      log(`collections: import floor COPY ${fixed(iFloor.copyMs, 0)} ms + select ${fixed(iFloor.selectMs, 0)} ms`);

      const before = await counts(context);
      log(`collections: importing ${n} movements against ${tenant.openInvoices} open invoices (child process)`);
      const first = await runChild<ImportFigures>({
        step: 'import',
        appUrl: context.appUrl,
        identity,
        file,
        fileName: tenant.statement.fileName,
      });
      log(
        `collections: import ${fixed(first.ms / 1000, 2)} s (CPU ${cpuText(first.cpu)} s), ${first.autoMatchedCount} matched, ` +
          `peak RSS ${fixed(first.peakRssMiB, 0)} MiB; ` +
          `SQL ${statementSummary(first.statements, 99).text}`,
      );
      const outcome = await checkImport(context, first, before);
      const [{ rows: auditRows } = { rows: 0 }] = await tenantQuery<{ rows: number }>(
        context.adminUrl,
        tenant.tenantId,
        `select count(*)::int as rows from audit_log where tenant_id = $1 and operation = 'importBankStatement'`,
        [tenant.tenantId],
      );
      log(`collections: import checked in the database; importing the same file again (child process)`);

      const afterFirst = await counts(context);
      const again = await runChild<ImportFigures>({
        step: 'reimport',
        appUrl: context.appUrl,
        identity,
        file,
        fileName: `copie-${tenant.statement.fileName}`,
      });
      check(
        again.movementCount === n && again.newMovementCount === 0 && again.duplicateCount === n && again.autoMatchedCount === 0,
        `expected the second import to find ${n} duplicates and nothing new, got ${JSON.stringify({ ...again, statements: undefined })}`,
      );
      const afterAgain = await counts(context);
      check(
        JSON.stringify({ ...afterAgain, statements: 0 }) === JSON.stringify({ ...afterFirst, statements: 0 }) &&
          afterAgain.statements === afterFirst.statements + 1,
        `the second import changed something: before ${JSON.stringify(afterFirst)}, after ${JSON.stringify(afterAgain)}`,
      );
      log(`collections: re-import ${fixed(again.ms / 1000, 2)} s (CPU ${cpuText(again.cpu)} s), nothing added`);

      const importSeconds = first.ms / 1000;
      const floorSeconds = (iFloor.copyMs + iFloor.selectMs) / 1000;
      const dunningSeconds = dunning.coldMs / 1000;
      const met = {
        import: importSeconds <= COLLECTIONS_GOALS.importSeconds,
        importRss: first.peakRssMiB <= COLLECTIONS_GOALS.importRssMiB,
        reimport: again.ms / 1000 <= COLLECTIONS_GOALS.importSeconds,
        reimportRss: again.peakRssMiB <= COLLECTIONS_GOALS.importRssMiB,
        dunning: dunningSeconds <= COLLECTIONS_GOALS.dunningSeconds,
      };
      const importSql = statementSummary(first.statements, 8);
      const againSql = statementSummary(again.statements, 4);
      const dunningSql = statementSummary(dunning.statements, 3);
      const st = tenant.statement;
      const mix = st.byKind;
      const levels = Object.entries(dunning.byLevel)
        .sort()
        .map(([rank, count]) => `${count} at level ${rank}`)
        .join(', ');
      const heldText = Object.entries(dunning.heldByReason)
        .map(([reason, count]) => `${count} ${reason.toLowerCase().replace('_', ' ')}`)
        .join(', ');
      return {
        title: 'Collections: bank statement import and dunning preview',
        description:
          `The accountant’s collection work in a tenant of its own: ${tenant.openInvoices} issued invoices, all unpaid and overdue today ` +
          `(${tenant.today}), over ${tenant.customers} customers, ${tenant.ibanCustomers} of whom paid an earlier invoice from an IBAN ` +
          `now known (${tenant.paidInvoices} paid invoices with their payment); ${tenant.reminders} reminders already sent (levels 1–3), ` +
          `${tenant.disputes} disputes, ${tenant.promises} payment promises. First the dunning preview (\`dunningPreview\`, what the ` +
          'accountant opens before a dunning run), then the import of one CAMT.053 statement (`importBankStatement`, what the ' +
          `\`importBankStatement\` mutation calls) of ${n} movements booked over 30 days, written by \`camt053Statement\`: ` +
          `${mix.exact} cite one invoice number with its exact open balance and ${mix.iban} come from a customer’s known IBAN with the ` +
          `exact balance of one of its invoices (both sure: a payment is recorded and allocated), ${mix.partial} cite a number with a ` +
          `partial amount (proposed), ${mix.unrelated} are unrelated credits and ${mix.debit} debits. Then the same file again, which ` +
          'must add nothing. Each step runs in a child process of its own started with tsx and connected as the application role, in ' +
          'one tenant-scoped transaction, so its peak RSS (`process.resourceUsage().maxRSS`) is the step’s own. Floors, measured in the ' +
          'same run as the same role on the same data: for the preview, the plain select of the overdue invoices with their customer; ' +
          'for the import, the statement’s movement rows (as the parser gives them) written with `COPY … FROM STDIN` into a temporary ' +
          'table `LIKE bank_movements INCLUDING ALL`, plus one select of the open invoices as the matching index reads them. ' +
          `Targets (issue 9): import and auto-match a CAMT.053 statement of 10,000 movements against 50,000 open invoices in ` +
          `≤ ${COLLECTIONS_GOALS.importSeconds} s with a peak RSS ≤ ${COLLECTIONS_GOALS.importRssMiB} MB; dunning preview over 50,000 ` +
          `open overdue invoices in ≤ ${COLLECTIONS_GOALS.dunningSeconds} s.`,
        headings: ['step', 'seconds', 'CPU s (Node + PostgreSQL)', 'rows', 'rows/s', 'SQL statements', 'peak RSS MiB', 'goal', 'met'],
        rows: [
          [
            'dunning preview (`dunningPreview`, first call of the process)',
            fixed(dunningSeconds, 2),
            cpuText(dunning.cpu),
            `${tenant.openInvoices} invoices`,
            fixed(tenant.openInvoices / dunningSeconds, 0),
            String(dunning.sqlStatements),
            fixed(dunning.peakRssMiB, 0),
            `≤ ${COLLECTIONS_GOALS.dunningSeconds} s`,
            yes(met.dunning),
          ],
          [
            'floor: select of the same overdue invoices',
            fixed(dFloor.ms / 1000, 2),
            '–',
            `${dFloor.rows} invoices`,
            fixed(dFloor.rows / (dFloor.ms / 1000), 0),
            '1',
            '–',
            '–',
            '–',
          ],
          [
            `import (\`importBankStatement\`: ${n} new, ${first.autoMatchedCount} payments recorded)`,
            fixed(importSeconds, 2),
            cpuText(first.cpu),
            `${n} movements`,
            fixed(n / importSeconds, 0),
            String(first.sqlStatements),
            fixed(first.peakRssMiB, 0),
            `≤ ${COLLECTIONS_GOALS.importSeconds} s, ≤ ${COLLECTIONS_GOALS.importRssMiB} MB`,
            `${yes(met.import)}, ${yes(met.importRss)}`,
          ],
          [
            'import of the same file again (nothing new)',
            fixed(again.ms / 1000, 2),
            cpuText(again.cpu),
            `${n} movements`,
            fixed(n / (again.ms / 1000), 0),
            String(again.sqlStatements),
            fixed(again.peakRssMiB, 0),
            `≤ ${COLLECTIONS_GOALS.importSeconds} s, ≤ ${COLLECTIONS_GOALS.importRssMiB} MB`,
            `${yes(met.reimport)}, ${yes(met.reimportRss)}`,
          ],
          [
            'floor: COPY of the movement rows + select of the open invoices',
            fixed(floorSeconds, 2),
            '–',
            `${n} movements`,
            fixed(n / floorSeconds, 0),
            '2',
            '–',
            '–',
            '–',
          ],
        ],
        ratio:
          `import / floor time = ${(importSeconds / floorSeconds).toFixed(1)}; ` +
          `dunning preview / floor time = ${(dunningSeconds / (dFloor.ms / 1000)).toFixed(1)}`,
        notes: [
          `1-minute load average when the scenario started: ${load.toFixed(2)} on ${os.availableParallelism()} CPUs (the machine was shared with other work; the figures move with it).`,
          `Goals: import ${fixed(importSeconds, 2)} s for ≤ ${COLLECTIONS_GOALS.importSeconds} s — ${met.import ? 'met' : 'not met'}, ` +
            `peak RSS ${fixed(first.peakRssMiB, 0)} MiB for ≤ ${COLLECTIONS_GOALS.importRssMiB} MB — ${met.importRss ? 'met' : 'not met'} ` +
            `(the process holds ${fixed(first.rssAfterInitMiB, 0)} MiB once the ORM is initialised); dunning preview ` +
            `${fixed(dunningSeconds, 2)} s for ≤ ${COLLECTIONS_GOALS.dunningSeconds} s — ${met.dunning ? 'met' : 'not met'} (a second ` +
            `preview in the same process: ${fixed(dunning.warmMs / 1000, 2)} s).`,
          `Checked in the database: the import stored the ${n} movements once and matched exactly the ${auto} sure ones ` +
            `(${mix.exact} by number, ${mix.iban} by IBAN), each with a payment of its amount from its payer on its booking date, ` +
            `allocated whole to the expected invoice, now PAID, and its three facts (\`payment.recorded\`, \`payment.allocated\`, ` +
            `\`bank_movement.matched\`; ${3 * auto} in all) and the invoice's \`invoice.paid\` — ${outcome.paidTotal} € collected; the ${mix.partial} partial payments are ` +
            `PROPOSED on their invoice for their amount with nothing recorded; the ${mix.debit} debits are UNMATCHED; ` +
            `${outcome.unrelatedProposed} of the ${mix.unrelated} unrelated credits got proposals (amount or payer name), none was ` +
            `matched. The second import of the file found ${again.duplicateCount} duplicates and changed nothing but its own statement row.`,
          `Dunning preview: ${dunning.reminders} reminders planned (${levels}), ${dunning.held} invoices held (${heldText}; ` +
            `${heldExpected} disputed or promised were expected among them), ${dunning.openBalance} € open, ` +
            `${dunning.lateInterest} € late interest, ${dunning.indemnity} € indemnities.`,
          `Time in SQL (each statement from sent to answered, by the ORM’s query log): the import ${fixed(importSql.totalMs / 1000, 2)} s ` +
            `of its ${fixed(importSeconds, 2)} s — ${importSql.text}; parsing the file alone takes ${fixed(first.parseMs / 1000, 2)} s ` +
            `(parsed again, warm, in the same process after the import); the second import ${fixed(againSql.totalMs / 1000, 2)} s of ` +
            `${fixed(again.ms / 1000, 2)} s — ${againSql.text}; the preview ${fixed(dunningSql.totalMs / 1000, 2)} s of ` +
            `${fixed(dunningSeconds, 2)} s — ${dunningSql.text}. SQL statements count the ORM’s, \`begin\`/\`commit\` and session ` +
            'settings included.',
          'CPU s: user and system time of the step’s process (all its threads, the garbage collector’s included) + its PostgreSQL ' +
            'backend’s (read from /proc), whatever else runs on the machine. The import’s database writes overlap its own work (a ' +
            'batch of sure matches is written while the next is checked), so on an otherwise idle machine its time comes close to ' +
            `the sum or below. Parsing the file is ${fixed(first.parseCpuMs / 1000, 2)} s of the import’s CPU (parsed again after it), ` +
            `and every row the import writes is logged by the audit trigger (${auditRows} audit rows).`,
          `The statement file is ${fixed(st.content.length / MiB, 1)} MiB as imported: \`camt053Statement\` writes it indented ` +
            `(${fixed(st.indentedBytes / MiB, 1)} MiB); the indentation between tags is dropped, as banks send it, which keeps a ` +
            `statement of 10,000 movements under the import’s 10 MB limit (\`MAX_STATEMENT_BYTES\`).`,
          `Floor detail: COPY of ${iFloor.copied} movement rows ${fixed(iFloor.copyMs, 0)} ms, select of ${iFloor.selected} open ` +
            `invoices ${fixed(iFloor.selectMs, 0)} ms; the temporary table has no trigger (the real one audits every row), no ` +
            'foreign key and no row-level security.',
        ],
      };
    } finally {
      await rm(file, { force: true });
    }
  },
};

export const COLLECTIONS_SCENARIOS: readonly CollectionsScenario[] = [collections];
