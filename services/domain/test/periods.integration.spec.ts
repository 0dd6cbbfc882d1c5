import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AccountingPeriod,
  BankMovement,
  Invoice,
  Payment,
  bookBankMovement,
  camt053Statement,
  closePeriod,
  createCreditNote,
  createDraftInvoice,
  importBankStatement,
  inTenantScope,
  issueInvoice,
  lastDayOfMonth,
  listFiscalYears,
  localDate,
  matchBankMovement,
  monthStart,
  openFiscalYear,
  periodClosingChecks,
  periodErrorFromDatabase,
  periodEventsOf,
  periodKey,
  postAllPendingFacts,
  postPendingFacts,
  recordPayment,
  refundPayment,
  reopenPeriod,
  reversePayment,
  type DraftLineInput,
  type Identity,
  type Orm,
  type PaymentInput,
} from '@relais/domain';
import { adminClient, appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, interventionThrough, simpleReport, type MaintenanceWorld } from '../../../tests/support/maintenance-world';
import { refusal } from '../../../tests/support/refusal';

const TODAY = localDate(new Date());
/** Three months back: the first month of the tenant's first fiscal year, the one closed here. */
const CLOSED = monthStart(TODAY, -3);
const NEXT = monthStart(TODAY, -2);
const CLOSED_KEY = periodKey(CLOSED);
const day = (month: string, d: number) => `${month.slice(0, 8)}${String(d).padStart(2, '0')}`;
/** Noon in Paris on a day, as the instant of an issue. */
const noon = (date: string) => new Date(`${date}T12:00:00+01:00`);
const IBAN = 'FR7630004008280001074251964';

/** 100.00 HT at 20 % = 120.00 TTC per unit. */
const line = (quantity: string): DraftLineInput => ({
  kind: 'LABOUR',
  description: 'Maintenance CVC',
  quantity,
  unit: 'HUR',
  unitPrice: '100.00',
  vatRateCode: 'TVA20',
});

describe('fiscal years and closed periods, enforced by the services and by the database', () => {
  let orm: Orm;
  let client: pg.Client;
  let admin: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 't' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    inTenantTransaction(client, tenant.tenantId, async () => (await client.query(text, params)).rows as T[]);
  const periodOf = async (startsOn: string) => inScope((em) => em.findOneOrFail(AccountingPeriod, { startsOn }));
  const pay = (input: Partial<PaymentInput>) =>
    inScope((em) =>
      recordPayment(em, tenant.identity, { customerId: w.customerId, receivedOn: TODAY, amount: '50.00', method: 'TRANSFER', ...input }),
    );
  const draft = (quantity = '1') =>
    inScope((em) => createDraftInvoice(em, tenant.identity, { customerId: w.customerId, lines: [line(quantity)] }));
  const counts = async () =>
    (
      await sql<{ issued: string; payments: string; allocations: string; facts: string; matched: string }>(
        `select (select count(*) from invoices where status = 'ISSUED') as issued, (select count(*) from payments) as payments,
                (select count(*) from payment_allocations) as allocations, (select count(*) from business_facts) as facts,
                (select count(*) from bank_movements where status in ('MATCHED', 'BOOKED')) as matched`,
      )
    )[0]!;
  const statement = (id: string, entries: { amount: string; bookingDate: string; reference: string; remittance: string }[]) =>
    Buffer.from(
      camt053Statement({
        id,
        iban: IBAN,
        ownerName: 'THERMOCLIM',
        from: entries[0]!.bookingDate,
        to: entries.at(-1)!.bookingDate,
        openingBalance: '1000.00',
        entries,
      }),
    );

  /** What the closed month holds, written while it was open. */
  const before = { invoiceId: '', invoiceNumber: '', paymentId: '', creditPaymentId: '', draftId: '', creditNoteId: '', movementId: '' };
  let interventionNumber = '';

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    admin = await adminClient();
    tenant = await createTestTenant('periods');
    w = await createMaintenanceWorld(orm, tenant);
    await inScope((em) => openFiscalYear(em, tenant.identity, { startsOn: CLOSED, endsOn: lastDayOfMonth(monthStart(TODAY, 8)) }));

    const invoice = await draft('2'); // 240.00
    const issued = await inScope((em) => issueInvoice(em, invoice.id, invoice.version, { at: noon(day(CLOSED, 5)) }));
    Object.assign(before, { invoiceId: issued.id, invoiceNumber: issued.number! });
    before.paymentId = (
      await pay({ receivedOn: day(CLOSED, 10), amount: '100.00', allocations: [{ invoiceId: issued.id, amount: '100.00' }] })
    ).id;
    before.creditPaymentId = (await pay({ receivedOn: day(CLOSED, 12), amount: '80.00' })).id;
    before.draftId = (await draft('3')).id;
    before.creditNoteId = (
      await inScope((em) => createCreditNote(em, tenant.identity, issued.id, { reason: 'Remise commerciale', lines: null }))
    ).id;
    await inScope((em) =>
      importBankStatement(em, tenant.identity, {
        content: statement('PERIODS-1', [
          { amount: '310.00', bookingDate: day(CLOSED, 15), reference: 'R-UNKNOWN', remittance: 'VIR DIVERS' },
        ]),
        fileName: 'releve.xml',
      }),
    );
    before.movementId = (await inScope((em) => em.findOneOrFail(BankMovement, { bankReference: 'R-UNKNOWN' }))).id;
    const intervention = await interventionThrough(orm, tenant, w, { report: simpleReport(w, '2') });
    interventionNumber = intervention.number;
    // Drafts and the intervention were made today: dated back into the month, as if done then.
    await admin.query(`update invoices set created_at = $1 where id = any($2::uuid[])`, [
      noon(day(CLOSED, 18)),
      [before.draftId, before.creditNoteId],
    ]);
    await admin.query(`update interventions set closed_at = $1 where id = $2`, [noon(day(CLOSED, 20)), intervention.id]);
  });

  afterAll(async () => {
    await admin.end();
    await client.end();
    await orm.close(true);
  });

  it('opens the fiscal year with its months, all open, and refuses a second one that overlaps', async () => {
    const [year] = await inScope((em) => listFiscalYears(em));
    expect(year!.year).toMatchObject({ startsOn: CLOSED });
    expect(year!.periods).toHaveLength(12);
    expect(year!.periods.map((p) => p.state)).toEqual(Array(12).fill('OPEN'));
    const overlap = await refusal(
      inScope((em) => openFiscalYear(em, tenant.identity, { startsOn: NEXT, endsOn: lastDayOfMonth(monthStart(TODAY, 9)) })),
    );
    expect(overlap).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'startsOn' })] } });
  });

  it('lists what is left in the month before closing it: unbilled intervention, unmatched movement, drafts', async () => {
    const period = await periodOf(CLOSED);
    const { checks, blocker } = await inScope((em) => periodClosingChecks(em, period.id));
    expect(blocker).toBeNull();
    expect(checks).toEqual([
      {
        kind: 'UNBILLED_INTERVENTIONS',
        count: 1,
        examples: [{ id: expect.any(String), label: `${interventionNumber} — Hôtel des Ducs`, date: day(CLOSED, 20), amount: null }],
      },
      {
        kind: 'UNMATCHED_BANK_MOVEMENTS',
        count: 1,
        examples: [{ id: before.movementId, label: expect.stringContaining('VIR DIVERS'), date: day(CLOSED, 15), amount: '310.00' }],
      },
      {
        kind: 'DRAFT_INVOICES',
        count: 1,
        examples: [{ id: before.draftId, label: 'Hôtel des Ducs', date: day(CLOSED, 18), amount: '360.00' }],
      },
      {
        kind: 'DRAFT_CREDIT_NOTES',
        count: 1,
        examples: [{ id: before.creditNoteId, label: 'Hôtel des Ducs', date: day(CLOSED, 18), amount: '240.00' }],
      },
    ]);
  });

  it('closes months in order, once over, and only with what is left acknowledged', async () => {
    const period = await periodOf(CLOSED);
    const unacknowledged = await refusal(
      inScope((em) => closePeriod(em, tenant.identity, period.id, { expectedVersion: period.version, acknowledgeWarnings: false })),
    );
    expect(unacknowledged).toMatchObject({
      code: 'PERIOD_CHECKS_NOT_ACKNOWLEDGED',
      details: {
        period: CLOSED_KEY,
        checks: [
          { kind: 'UNBILLED_INTERVENTIONS', count: 1 },
          { kind: 'UNMATCHED_BANK_MOVEMENTS', count: 1 },
          { kind: 'DRAFT_INVOICES', count: 1 },
          { kind: 'DRAFT_CREDIT_NOTES', count: 1 },
        ],
      },
    });
    const outOfOrder = await refusal(
      inScope(async (em) => closePeriod(em, tenant.identity, (await periodOf(NEXT)).id, { acknowledgeWarnings: true })),
    );
    expect(outOfOrder).toMatchObject({ code: 'PERIOD_NOT_IN_ORDER', details: { period: periodKey(NEXT), blockingPeriod: CLOSED_KEY } });
    const notOver = await refusal(
      inScope(async (em) => closePeriod(em, tenant.identity, (await periodOf(monthStart(TODAY))).id, { acknowledgeWarnings: true })),
    );
    expect(notOver).toMatchObject({ code: 'PERIOD_NOT_ENDED' });
    expect(await periodOf(CLOSED)).toMatchObject({ state: 'OPEN', version: period.version });

    const closed = await inScope((em) =>
      closePeriod(em, tenant.identity, period.id, { expectedVersion: period.version, acknowledgeWarnings: true }),
    );
    expect(closed).toMatchObject({ state: 'CLOSED', closedByName: 'test@periods.example', closedAt: expect.any(Date) });
    const [event] = await inScope((em) => periodEventsOf(em, [period.id]));
    expect(event).toMatchObject({ action: 'CLOSED', acknowledged: expect.arrayContaining([{ kind: 'DRAFT_INVOICES', count: 1 }]) });
    const stale = await refusal(
      inScope((em) => closePeriod(em, tenant.identity, period.id, { expectedVersion: period.version, acknowledgeWarnings: true })),
    );
    expect(stale.code).toBe('STALE_VERSION');
  });

  it('numbers the closed month’s entries per journal in date order at the closing, once and for good', async () => {
    const entries = await sql<{ journal: string; number: string | null; entry_date: string; validated: boolean }>(
      `select journal, number, entry_date::text, validated_at is not null as validated from ledger_entries order by journal, entry_date`,
    );
    const closed = entries.filter((e) => e.entry_date <= lastDayOfMonth(CLOSED));
    expect(closed.map((e) => [e.journal, e.number, e.entry_date, e.validated])).toEqual([
      ['BQ', 'BQ000001', day(CLOSED, 10), true],
      ['BQ', 'BQ000002', day(CLOSED, 12), true],
      ['VT', 'VT000001', day(CLOSED, 5), true],
    ]);
    expect(entries.filter((e) => e.entry_date > lastDayOfMonth(CLOSED)).every((e) => e.number === null && !e.validated)).toBe(true);
    // Not even the application role's own SQL rewrites a number: the entry never changes.
    const rewrite = await refusal(sql(`update ledger_entries set number = 'VT000099' where number = 'VT000001'`));
    expect(String(rewrite)).toMatch(/never changes|closed/);
    expect((await sql(`select 1 from ledger_entries where number = 'VT000001'`)).length).toBe(1);
  });

  it('refuses to issue, record, reverse or refund anything dated in the closed month, and changes nothing', async () => {
    const start = await counts();
    const waiting = await inScope((em) => em.findOneOrFail(Invoice, { id: before.draftId }));
    const date = day(CLOSED, 25);
    const refused = [
      await refusal(inScope((em) => issueInvoice(em, waiting.id, waiting.version, { at: noon(date) }))),
      await refusal(pay({ receivedOn: date })),
      await refusal(inScope((em) => reversePayment(em, tenant.identity, before.paymentId, { reversedOn: date, reason: 'Chèque impayé' }))),
      await refusal(
        inScope((em) =>
          refundPayment(em, tenant.identity, before.creditPaymentId, { refundedOn: date, amount: '10.00', method: 'TRANSFER' }),
        ),
      ),
    ];
    for (const error of refused) expect(error).toMatchObject({ code: 'PERIOD_CLOSED', details: { period: CLOSED_KEY, date } });
    expect(refused[0]!.message).toContain('est clôturée');

    expect(await counts()).toEqual(start);
    expect(await inScope((em) => em.findOneOrFail(Invoice, { id: waiting.id }))).toMatchObject({ status: 'DRAFT', number: null });
    expect(await inScope((em) => em.findOneOrFail(Payment, { id: before.paymentId }))).toMatchObject({
      reversedOn: null,
      allocatedAmount: '100.00',
    });
    expect(await inScope((em) => em.findOneOrFail(Invoice, { id: before.invoiceId }))).toMatchObject({ paidAmount: '100.00' });
  });

  it('refuses dates before the first fiscal year with NO_FISCAL_YEAR', async () => {
    const date = day(monthStart(TODAY, -4), 20);
    expect(await refusal(pay({ receivedOn: date }))).toMatchObject({
      code: 'NO_FISCAL_YEAR',
      details: { date, firstFiscalYearStart: CLOSED },
    });
  });

  it('lets what happens today follow a document of the closed month: a payment received then is reversed today', async () => {
    const reversed = await inScope((em) =>
      reversePayment(em, tenant.identity, before.creditPaymentId, { reversedOn: TODAY, reason: 'Virement rappelé par la banque' }),
    );
    expect(reversed).toMatchObject({ reversedOn: TODAY, receivedOn: day(CLOSED, 12) });
  });

  it('leaves bank movements of the closed month unmatched: matching or booking one is refused, an import only proposes', async () => {
    const start = await counts();
    const matching = await refusal(
      inScope((em) => matchBankMovement(em, tenant.identity, before.movementId, { customerId: w.customerId, allocations: [] })),
    );
    const booking = await refusal(inScope((em) => bookBankMovement(em, tenant.identity, before.movementId, { kind: 'BANK_FEES' })));
    for (const error of [matching, booking]) expect(error).toMatchObject({ code: 'PERIOD_CLOSED', details: { period: CLOSED_KEY } });

    // One statement with the transfer of the invoice's exact balance, citing it, in the closed month and again last month.
    const invoice = await inScope((em) => em.findOneOrFail(Invoice, { id: before.invoiceId }));
    expect(invoice.openBalance).toBe('140.00'); // 240.00 - 100.00 paid
    const lastMonth = day(monthStart(TODAY, -1), 3);
    const imported = await inScope((em) =>
      importBankStatement(em, tenant.identity, {
        content: statement('PERIODS-2', [
          { amount: '140.00', bookingDate: day(CLOSED, 28), reference: 'R-CLOSED', remittance: `FACTURE ${before.invoiceNumber}` },
          { amount: '140.00', bookingDate: lastMonth, reference: 'R-OPEN', remittance: `FACTURE ${before.invoiceNumber}` },
        ]),
        fileName: 'releve-2.xml',
      }),
    );
    expect(imported).toMatchObject({ newMovementCount: 2, autoMatchedCount: 1 });
    const [closedOne, openOne] = await Promise.all(
      ['R-CLOSED', 'R-OPEN'].map((reference) => inScope((em) => em.findOneOrFail(BankMovement, { bankReference: reference }))),
    );
    expect(closedOne).toMatchObject({ status: 'PROPOSED', paymentId: null });
    expect(openOne).toMatchObject({ status: 'MATCHED' });
    expect(await inScope((em) => em.findOneOrFail(Payment, { id: openOne!.paymentId! }))).toMatchObject({
      receivedOn: lastMonth,
      amount: '140.00',
    });
    expect(await counts()).toMatchObject({ payments: String(Number(start.payments) + 1), matched: String(Number(start.matched) + 1) });
  });

  it('is enforced by the database for SQL that bypasses the services (as the application role)', async () => {
    const date = day(CLOSED, 26);
    const refusedBy = async (text: string, params: unknown[]) => {
      try {
        await sql(text, params);
      } catch (error) {
        return error as { code: string; constraint: string };
      }
      throw new Error(`the database accepted: ${text}`);
    };
    const attempts = [
      await refusedBy(
        `insert into payments (tenant_id, id, customer_id, received_on, amount, method) values ($1, gen_random_uuid(), $2, $3, 10, 'CASH')`,
        [tenant.tenantId, w.customerId, date],
      ),
      await refusedBy(
        `update invoices set status = 'ISSUED', number = 'F-X-1', issue_date = $2, due_date = $2, issued_at = now(), buyer = '{}' where id = $1`,
        [before.draftId, date],
      ),
      await refusedBy(`update payments set reversed_on = $2, reversal_reason = 'x', allocated_amount = 0 where id = $1`, [
        before.paymentId,
        date,
      ]),
      await refusedBy(`update payments set received_on = $2 where id = $1`, [before.paymentId, day(NEXT, 2)]),
      await refusedBy(
        `insert into payment_allocations (tenant_id, id, payment_id, invoice_id, amount, allocated_on) values ($1, gen_random_uuid(), $2, $3, 1, $4)`,
        [tenant.tenantId, before.paymentId, before.invoiceId, date],
      ),
      await refusedBy(`update bank_movements set status = 'BOOKED', booked_as = 'BANK_FEES' where id = $1`, [before.movementId]),
    ];
    for (const error of attempts) expect(error).toMatchObject({ code: '23514', constraint: 'period_closed' });
    // The same refusal as the services give, once mapped (what the API answers when it surfaces).
    expect(periodErrorFromDatabase(attempts[0])).toMatchObject({ code: 'PERIOD_CLOSED', details: { period: CLOSED_KEY, date } });
    // The application role reads the lock but cannot move it.
    expect(await refusedBy(`update accounting_locks set closed_through = '1900-01-01'`, [])).toMatchObject({ code: '42501' });
    // Settling an invoice of the closed month today still works: only its date is closed, not its settlement.
    await expect(sql(`update invoices set paid_amount = paid_amount + 1 where id = $1`, [before.invoiceId])).resolves.toBeDefined();
  });

  it('is the rule the ledger tables will attach to, one line each (entries by their date, lines through their entry)', async () => {
    const suffix = tenant.tenantId.slice(0, 8);
    const [entries, lines] = [`period_test_entries_${suffix}`, `period_test_lines_${suffix}`];
    const [open, closed, closedLine] = [
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
      '00000000-0000-4000-8000-000000000003',
    ];
    // Two entries written before the triggers exist (one in the closed month), then the documented lines.
    await admin.query(`
      create table ${entries} (tenant_id uuid not null, id uuid primary key, entry_date date not null);
      create table ${lines} (tenant_id uuid not null, id uuid primary key, entry_id uuid not null references ${entries} (id), amount numeric not null);
      grant select, insert, update, delete on ${entries}, ${lines} to relais_app;
      insert into ${entries} values ('${tenant.tenantId}', '${open}', '${day(NEXT, 1)}'), ('${tenant.tenantId}', '${closed}', '${day(CLOSED, 1)}');
      insert into ${lines} values ('${tenant.tenantId}', '${closedLine}', '${closed}', 10);
      create trigger ${entries}_period_open before insert or update or delete on ${entries}
        for each row execute function reject_in_closed_period('entry_date');
      create trigger ${lines}_period_open before insert or update or delete on ${lines}
        for each row execute function reject_in_closed_period_of('${entries}', 'entry_id', 'entry_date');`);
    try {
      const attempt = (text: string, params: unknown[] = []) =>
        sql(text, params).then(
          () => 'accepted',
          (error: { constraint?: string }) => error.constraint,
        );
      expect(await attempt(`insert into ${entries} values ($1, gen_random_uuid(), $2)`, [tenant.tenantId, day(CLOSED, 3)])).toBe(
        'period_closed',
      );
      expect(await attempt(`insert into ${entries} values ($1, gen_random_uuid(), $2)`, [tenant.tenantId, day(NEXT, 3)])).toBe('accepted');
      expect(await attempt(`update ${entries} set entry_date = $2 where id = $1`, [open, day(CLOSED, 3)])).toBe('period_closed');
      expect(await attempt(`delete from ${entries} where id = $1`, [closed])).toBe('period_closed');
      expect(await attempt(`insert into ${lines} values ($1, gen_random_uuid(), $2, 5)`, [tenant.tenantId, open])).toBe('accepted');
      expect(await attempt(`insert into ${lines} values ($1, gen_random_uuid(), $2, 5)`, [tenant.tenantId, closed])).toBe('period_closed');
      expect(await attempt(`update ${lines} set amount = 11 where id = $1`, [closedLine])).toBe('period_closed');
      expect(await attempt(`delete from ${lines} where id = $1`, [closedLine])).toBe('period_closed');
    } finally {
      await admin.query(`drop table ${lines}; drop table ${entries};`);
    }
  });

  it('reopens the last closed month for an admin, with the reason in its history and the audit log; then it is writable again', async () => {
    const period = await periodOf(CLOSED);
    expect(await refusal(inScope((em) => reopenPeriod(em, tenant.identity, period.id, { reason: '  ' })))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'reason', message: 'motif obligatoire' }] },
    });
    const next = await periodOf(NEXT);
    expect(await refusal(inScope((em) => reopenPeriod(em, tenant.identity, next.id, { reason: 'Oubli' })))).toMatchObject({
      code: 'PERIOD_NOT_CLOSED',
    });

    const reason = 'Facture de septembre oubliée chez le client';
    const reopened = await inScope((em) => reopenPeriod(em, tenant.identity, period.id, { reason, expectedVersion: period.version }));
    expect(reopened).toMatchObject({ state: 'OPEN', closedAt: null });
    const events = await inScope((em) => periodEventsOf(em, [period.id]));
    expect(events.map((e) => [e.action, e.reason])).toEqual([
      ['CLOSED', null],
      ['REOPENED', reason],
    ]);
    const audit = await sql<{ table_name: string; action: string; changes: Record<string, unknown> }>(
      `select table_name, action, changes from audit_log where table_name in ('accounting_periods', 'accounting_period_events') and row_id = any($1)
        order by id`,
      [[period.id, events[1]!.id]],
    );
    expect(audit.filter((a) => a.table_name === 'accounting_periods').at(-1)).toMatchObject({
      action: 'update',
      changes: { state: { from: 'CLOSED', to: 'OPEN' } },
    });
    expect(audit.find((a) => a.table_name === 'accounting_period_events')).toMatchObject({
      action: 'insert',
      changes: { action: 'REOPENED', reason, actor_name: 'test@periods.example' },
    });

    const waiting = await inScope((em) => em.findOneOrFail(Invoice, { id: before.draftId }));
    const issued = await inScope((em) => issueInvoice(em, waiting.id, waiting.version, { at: noon(day(CLOSED, 25)) }));
    expect(issued).toMatchObject({ status: 'ISSUED', issueDate: day(CLOSED, 25) });
    expect(await pay({ receivedOn: day(CLOSED, 25) })).toMatchObject({ receivedOn: day(CLOSED, 25) });
  });

  it('reopens only the last closed month', async () => {
    for (const startsOn of [CLOSED, NEXT]) {
      const period = await periodOf(startsOn);
      await inScope((em) => closePeriod(em, tenant.identity, period.id, { acknowledgeWarnings: true }));
    }
    const first = await periodOf(CLOSED);
    expect(await refusal(inScope((em) => reopenPeriod(em, tenant.identity, first.id, { reason: 'Erreur' })))).toMatchObject({
      code: 'PERIOD_NOT_IN_ORDER',
      details: { blockingPeriod: periodKey(NEXT) },
    });
  });

  it('makes a closing wait for a write in flight dated in the month, and refuses the writes after it', async () => {
    const month = monthStart(TODAY, -1);
    const period = await periodOf(month);
    const writer = await appClient();
    try {
      await writer.query('begin');
      await writer.query(`select set_config('app.tenant_id', $1, true)`, [tenant.tenantId]);
      await writer.query(
        `insert into payments (tenant_id, id, customer_id, received_on, amount, method) values ($1, gen_random_uuid(), $2, $3, 12, 'CASH')`,
        [tenant.tenantId, w.customerId, day(month, 9)],
      );
      let closedAt: number | null = null;
      const closing = inScope((em) => closePeriod(em, tenant.identity, period.id, { acknowledgeWarnings: true })).then((p) => {
        closedAt = Date.now();
        return p;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(closedAt).toBeNull();
      await writer.query('commit');
      expect(await closing).toMatchObject({ state: 'CLOSED' });
    } finally {
      await writer.end();
    }
    expect(await refusal(pay({ receivedOn: day(month, 9) }))).toMatchObject({
      code: 'PERIOD_CLOSED',
      details: { period: periodKey(month) },
    });
  });

  it('lets the ledger worker post while a closing holds the periods: the worker waits, the closing posts, nothing deadlocks', async () => {
    await pay({ receivedOn: TODAY, amount: '12.34' }); // a fact waiting to be posted, in an open month
    const unposted = async () =>
      Number(
        (
          await sql<{ n: string }>(
            `select count(*)::text as n from business_facts f, ledger_cursors c
              where c.tenant_id = f.tenant_id and (f.xact_id, f.seq) > (c.last_xact_id, c.last_seq)`,
          )
        )[0]!.n,
      );
    // A closing's order: the tenant's period lock, held to its commit, then the posting of what waits.
    const outcome = await inScope(async (closing) => {
      await closing.execute('select pg_advisory_xact_lock(accounting_period_lock_key(?))', [tenant.tenantId]);
      const worker = inScope((em) => postPendingFacts(em, tenant.tenantId));
      worker.catch(() => undefined); // awaited below; it must not be reported unhandled while the closing runs
      await new Promise((resolve) => setTimeout(resolve, 300)); // the worker reaches its locks
      await postAllPendingFacts(closing, tenant.tenantId);
      return { worker };
    });
    // Posted by the closing (unless the stack's own worker, ticking every 2 s, came first); the worker, let through at the
    // closing's commit, finds nothing left. Before the cursor waited for the period lock, this was « deadlock detected ».
    expect(await outcome.worker).toEqual({ facts: 0, entries: 0, more: false });
    expect(await unposted()).toBe(0);
  });
});
