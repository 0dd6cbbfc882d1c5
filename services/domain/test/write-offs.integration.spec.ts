import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AccountingPeriod,
  Invoice,
  cancelWriteOff,
  closePeriod,
  createCreditNote,
  createDraftInvoice,
  inTenantScope,
  invoicesToCollect,
  issueInvoice,
  lastDayOfMonth,
  localDate,
  monthStart,
  openFiscalYear,
  postAllPendingFacts,
  recordPayment,
  systemIdentity,
  writeOffInvoice,
  type DraftLineInput,
  type Identity,
  type Orm,
} from '@relais/domain';
import { adminClient, appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, type MaintenanceWorld } from '../../../tests/support/maintenance-world';
import { refusal } from '../../../tests/support/refusal';

const TODAY = localDate(new Date());
const CLOSED = monthStart(TODAY, -3);
const day = (month: string, d: number) => `${month.slice(0, 8)}${String(d).padStart(2, '0')}`;
const noon = (date: string) => new Date(`${date}T12:00:00+01:00`);

/** 100.00 HT per unit: at 20 % 120.00 TTC, at 10 % 110.00 TTC. */
const line = (quantity: string, vatRateCode = 'TVA20'): DraftLineInput => ({
  kind: 'LABOUR',
  description: 'Maintenance CVC',
  quantity,
  unit: 'HUR',
  unitPrice: '100.00',
  vatRateCode,
});

describe('write-offs: settlement, ledger, receivables, closed periods', () => {
  let orm: Orm;
  let client: pg.Client;
  let admin: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 't' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    inTenantTransaction(client, tenant.tenantId, async () => (await client.query(text, params)).rows as T[]);
  const post = () => inScope((em) => postAllPendingFacts(em, tenant.tenantId), systemIdentity(tenant.tenantId, 'test'));
  const invoice = (id: string) => inScope((em) => em.findOneOrFail(Invoice, { id }, { refresh: true }));
  const entryLines = (sourceId: string) =>
    sql<{
      journal: string;
      entry_date: string;
      account: string;
      auxiliary_account: string | null;
      debit: string;
      credit: string;
      vat_rate: string | null;
    }>(
      `select e.journal, e.entry_date::text, l.account, l.auxiliary_account, l.debit::text, l.credit::text, l.vat_rate::text
         from ledger_entries e join ledger_entry_lines l on l.tenant_id = e.tenant_id and l.entry_id = e.id
        where e.source_id = $1 order by e.posted_at, l.position`,
      [sourceId],
    );
  const collected = async () => (await inScope((em) => invoicesToCollect(em, shiftDays(TODAY, 60), w.customerId))).map((i) => i.invoiceId);
  const shiftDays = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const counts = async () =>
    (
      await sql<{ writeOffs: string; facts: string; writtenOff: string }>(
        `select (select count(*) from invoice_write_offs) as "writeOffs", (select count(*) from business_facts) as facts,
                (select coalesce(sum(written_off_amount), 0)::text from invoices) as "writtenOff"`,
      )
    )[0]!;

  async function issued(lines: DraftLineInput[], at?: Date): Promise<Invoice> {
    const draft = await inScope((em) => createDraftInvoice(em, tenant.identity, { customerId: w.customerId, lines }));
    return inScope((em) => issueInvoice(em, draft.id, draft.version, { at: at }));
  }

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    admin = await adminClient();
    tenant = await createTestTenant('write-offs');
    w = await createMaintenanceWorld(orm, tenant);
    await inScope((em) => openFiscalYear(em, tenant.identity, { startsOn: CLOSED, endsOn: lastDayOfMonth(monthStart(TODAY, 8)) }));
  });

  afterAll(async () => {
    await client.end();
    await admin.end();
    await orm.close(true);
  });

  it('writes an irrecoverable invoice off: 654 and the VAT per rate debited, 411 credited, out of receivables; cancelled, open again', async () => {
    const target = await issued([line('2'), line('1', 'TVA10')]); // 240.00 + 110.00 = 350.00 TTC
    expect(await collected()).toContain(target.id);

    const writeOff = await inScope((em) =>
      writeOffInvoice(em, tenant.identity, target.id, { kind: 'IRRECOVERABLE', reason: 'Liquidation judiciaire', writtenOffOn: TODAY }),
    );
    expect(writeOff).toMatchObject({ amount: '350.00', kind: 'IRRECOVERABLE', cancelledOn: null });
    expect(await invoice(target.id)).toMatchObject({ writtenOffAmount: '350.00', openBalance: '0.00', settlementState: 'WRITTEN_OFF' });
    expect(await collected()).not.toContain(target.id);

    await post();
    expect(await entryLines(writeOff.id)).toEqual([
      { journal: 'OD', entry_date: TODAY, account: '654000', auxiliary_account: null, debit: '300.00', credit: '0.00', vat_rate: null },
      { journal: 'OD', entry_date: TODAY, account: '445711', auxiliary_account: null, debit: '40.00', credit: '0.00', vat_rate: '20.00' },
      { journal: 'OD', entry_date: TODAY, account: '445712', auxiliary_account: null, debit: '10.00', credit: '0.00', vat_rate: '10.00' },
      {
        journal: 'OD',
        entry_date: TODAY,
        account: '411000',
        auxiliary_account: expect.stringMatching(/^411/),
        debit: '0.00',
        credit: '350.00',
        vat_rate: null,
      },
    ]);

    const cancelled = await inScope((em) => cancelWriteOff(em, tenant.identity, writeOff.id));
    expect(cancelled.cancelledOn).toBe(TODAY);
    expect(await invoice(target.id)).toMatchObject({ writtenOffAmount: '0.00', openBalance: '350.00', settlementState: 'UNPAID' });
    expect(await collected()).toContain(target.id);
    await post();
    const lines = await entryLines(writeOff.id);
    expect(lines).toHaveLength(8);
    expect(lines.slice(4).map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['654000', '0.00', '300.00'],
      ['445711', '0.00', '40.00'],
      ['445712', '0.00', '10.00'],
      ['411000', '350.00', '0.00'],
    ]);
    expect(await refusal(inScope((em) => cancelWriteOff(em, tenant.identity, writeOff.id)))).toMatchObject({ code: 'WRITE_OFF_CANCELLED' });
  });

  it('writes a small remainder off to 658 within the tenant’s limit, never more than the balance', async () => {
    const target = await issued([line('1')]); // 120.00
    await inScope((em) =>
      recordPayment(em, tenant.identity, {
        customerId: w.customerId,
        receivedOn: TODAY,
        amount: '116.50',
        method: 'TRANSFER',
        allocations: [{ invoiceId: target.id, amount: '116.50' }],
      }),
    );
    const before = await counts();
    const tooMuch = await refusal(
      inScope((em) =>
        writeOffInvoice(em, tenant.identity, target.id, { kind: 'IRRECOVERABLE', amount: '3.51', reason: 'Reliquat', writtenOffOn: TODAY }),
      ),
    );
    expect(tooMuch).toMatchObject({ code: 'WRITE_OFF_EXCEEDS_BALANCE', details: { openBalance: '3.50' } });
    await admin.query('update tenants set small_balance_write_off_limit = 3.00 where id = $1', [tenant.tenantId]);
    const overLimit = await refusal(
      inScope((em) => writeOffInvoice(em, tenant.identity, target.id, { kind: 'SMALL_BALANCE', reason: 'Reliquat', writtenOffOn: TODAY })),
    );
    expect(overLimit).toMatchObject({ code: 'SMALL_BALANCE_OVER_THRESHOLD', details: { amount: '3.50', threshold: '3.00' } });
    expect(await counts()).toEqual(before);
    await admin.query('update tenants set small_balance_write_off_limit = 5.00 where id = $1', [tenant.tenantId]);

    const writeOff = await inScope((em) =>
      writeOffInvoice(em, tenant.identity, target.id, { kind: 'SMALL_BALANCE', reason: 'Reliquat après virement', writtenOffOn: TODAY }),
    );
    expect(writeOff.amount).toBe('3.50');
    expect(await invoice(target.id)).toMatchObject({ paidAmount: '116.50', openBalance: '0.00', settlementState: 'WRITTEN_OFF' });
    await post();
    expect((await entryLines(writeOff.id)).map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['658000', '3.50', '0.00'],
      ['411000', '0.00', '3.50'],
    ]);
    const nothingLeft = await refusal(
      inScope((em) => writeOffInvoice(em, tenant.identity, target.id, { kind: 'SMALL_BALANCE', reason: 'Encore', writtenOffOn: TODAY })),
    );
    expect(nothingLeft).toMatchObject({ code: 'NOT_PAYABLE' });
  });

  it('refuses a credit note, and a date in a closed period, changing nothing', async () => {
    const old = await issued([line('1')], noon(day(CLOSED, 5)));
    const creditNote = await inScope((em) => createCreditNote(em, tenant.identity, old.id, { reason: 'Geste commercial', lines: null }));
    const issuedNote = await inScope((em) => issueInvoice(em, creditNote.id, creditNote.version, { at: noon(day(CLOSED, 6)) }));
    expect(
      await refusal(
        inScope((em) => writeOffInvoice(em, tenant.identity, issuedNote.id, { kind: 'IRRECOVERABLE', reason: 'x', writtenOffOn: TODAY })),
      ),
    ).toMatchObject({ code: 'NOT_PAYABLE' });

    const other = await issued([line('1')], noon(day(CLOSED, 7)));
    await post();
    const period = await inScope((em) => em.findOneOrFail(AccountingPeriod, { startsOn: CLOSED }));
    await inScope((em) => closePeriod(em, tenant.identity, period.id, { acknowledgeWarnings: true }));

    const before = await counts();
    const closed = await refusal(
      inScope((em) =>
        writeOffInvoice(em, tenant.identity, other.id, { kind: 'IRRECOVERABLE', reason: 'Liquidation', writtenOffOn: day(CLOSED, 20) }),
      ),
    );
    expect(closed).toMatchObject({ code: 'PERIOD_CLOSED' });
    expect(await counts()).toEqual(before);
    expect(await invoice(other.id)).toMatchObject({ writtenOffAmount: '0.00', openBalance: '120.00' });
  });
});
