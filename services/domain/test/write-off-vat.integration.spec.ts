import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  cancelWriteOff,
  createDraftInvoice,
  inTenantScope,
  issueInvoice,
  lastDayOfMonth,
  localDate,
  monthStart,
  postAllPendingFacts,
  previewWriteOff,
  recordPayment,
  systemIdentity,
  vatReport,
  writeOffInvoice,
  type Orm,
} from '@relais/domain';
import { adminClient, appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, type MaintenanceWorld } from '../../../tests/support/maintenance-world';

const TODAY = localDate(new Date());
const MONTH = { from: monthStart(TODAY, 0), to: lastDayOfMonth(monthStart(TODAY, 0)) };

/**
 * The VAT report with irrecoverable write-offs: on debits, the VAT declared with the invoice is
 * recovered in the write-off's period (and owed again when it is cancelled); on receipts, the
 * written-off part's VAT never becomes due, only the paid part's.
 */
describe('write-offs in the VAT report', () => {
  let orm: Orm;
  let admin: pg.Client;

  async function world(label: string, vatOnDebits: boolean) {
    const tenant = await createTestTenant(label);
    await admin.query('update tenants set vat_on_debits = $2 where id = $1', [tenant.tenantId, vatOnDebits]);
    const w = await createMaintenanceWorld(orm, tenant);
    const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);
    return { tenant, w, inScope };
  }

  const post = (tenant: TestTenant) =>
    inTenantScope(orm, systemIdentity(tenant.tenantId, 'test'), { requestId: 't' }, (em) => postAllPendingFacts(em, tenant.tenantId));

  /** 100.00 HT of labour at 20 %: 120.00 TTC, 20.00 of VAT. */
  async function issued(inScope: Awaited<ReturnType<typeof world>>['inScope'], w: MaintenanceWorld, tenant: TestTenant) {
    const draft = await inScope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId: w.customerId,
        lines: [{ kind: 'LABOUR', description: 'Maintenance CVC', quantity: '1', unit: 'HUR', unitPrice: '100.00', vatRateCode: 'TVA20' }],
      }),
    );
    return inScope((em) => issueInvoice(em, draft.id, draft.version));
  }

  beforeAll(async () => {
    orm = await appOrm();
    admin = await adminClient();
  });

  afterAll(async () => {
    await admin.end();
    await orm.close(true);
  });

  it('on debits, recovers the VAT of an irrecoverable write-off in its period, and owes it again once cancelled', async () => {
    const { tenant, w, inScope } = await world('write-off-vat-debits', true);
    const invoice = await issued(inScope, w, tenant);
    await post(tenant);
    const report = async () => (await inScope((em) => vatReport(em, MONTH))).totals;
    expect(await report()).toMatchObject({ dueOnIssue: '20.00', dueOnPayment: '0.00', due: '20.00' });

    const writeOff = await inScope((em) =>
      writeOffInvoice(em, tenant.identity, invoice.id, {
        kind: 'IRRECOVERABLE',
        amount: '60.00',
        reason: 'Liquidation',
        writtenOffOn: TODAY,
      }),
    );
    await post(tenant);
    // 60.00 of 120.00 owed: half the VAT, 10.00, recovered.
    expect(await report()).toMatchObject({ dueOnIssue: '10.00', due: '10.00' });

    await inScope((em) => cancelWriteOff(em, tenant.identity, writeOff.id));
    await post(tenant);
    expect(await report()).toMatchObject({ dueOnIssue: '20.00', due: '20.00' });
  });

  it('previews the amount and the entry the ledger then posts, writing nothing', async () => {
    const { tenant, w, inScope } = await world('write-off-preview', true);
    const invoice = await issued(inScope, w, tenant);
    await post(tenant);
    const input = { kind: 'IRRECOVERABLE' as const, amount: '30.00', reason: 'Liquidation', writtenOffOn: TODAY };
    const preview = await inScope((em) => previewWriteOff(em, tenant.identity, invoice.id, input));
    expect(preview.amount).toBe('30.00');
    expect(preview.entry?.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['654000', '25.00', '0.00'],
      ['445711', '5.00', '0.00'],
      ['411000', '0.00', '30.00'],
    ]);
    const facts = async () =>
      Number((await inScope((em) => em.execute<{ n: string }[]>('select count(*)::text as n from business_facts')))[0]!.n);
    const before = await facts();
    await inScope((em) => previewWriteOff(em, tenant.identity, invoice.id, { ...input, kind: 'SMALL_BALANCE', amount: '4.50' }));
    expect(await facts()).toBe(before);

    const writeOff = await inScope((em) => writeOffInvoice(em, tenant.identity, invoice.id, input));
    await post(tenant);
    const posted = await inScope((em) =>
      em.execute<{ account: string; debit: string; credit: string }[]>(
        `select l.account, l.debit::text, l.credit::text from ledger_entries e
           join ledger_entry_lines l on l.tenant_id = e.tenant_id and l.entry_id = e.id
          where e.source_id = ? order by l.position`,
        [writeOff.id],
      ),
    );
    expect(posted.map((l) => [l.account, l.debit, l.credit])).toEqual(preview.entry?.lines.map((l) => [l.account, l.debit, l.credit]));
  });

  it('on receipts, owes the VAT of what was paid only: the written-off part’s never becomes due', async () => {
    const { tenant, w, inScope } = await world('write-off-vat-receipts', false);
    const invoice = await issued(inScope, w, tenant);
    await inScope((em) =>
      recordPayment(em, tenant.identity, {
        customerId: w.customerId,
        receivedOn: TODAY,
        amount: '72.00',
        method: 'TRANSFER',
        allocations: [{ invoiceId: invoice.id, amount: '72.00' }],
      }),
    );
    await inScope((em) =>
      writeOffInvoice(em, tenant.identity, invoice.id, { kind: 'IRRECOVERABLE', reason: 'Liquidation', writtenOffOn: TODAY }),
    );
    await post(tenant);
    // 72.00 of 120.00 paid: 12.00 of the 20.00 due; the 8.00 inside the 48.00 written off never is.
    expect((await inScope((em) => vatReport(em, MONTH))).totals).toMatchObject({
      dueOnIssue: '0.00',
      invoicedOnPayment: '20.00',
      dueOnPayment: '12.00',
      due: '12.00',
    });
  });
});
