import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Customer,
  DunningRun,
  Invoice,
  createDraftInvoice,
  dunningPreview,
  inTenantScope,
  issueInvoice,
  newId,
  processDunningRun,
  recordPayment,
  setInvoiceDispute,
  setPaymentPromise,
  shiftDate,
  updateDunningSettings,
  DEFAULT_DUNNING_LEVELS,
  type Identity,
  type Orm,
} from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, type MaintenanceWorld } from '../../../tests/support/maintenance-world';
import { refusal } from '../../../tests/support/refusal';

describe('dunning: one reminder per invoice and level, at the right level after an outage', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 't' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    inTenantTransaction(client, tenant.tenantId, async () => (await client.query(text, params)).rows as T[]);

  /** 1 000.00 HT at 20 %: 1 200.00 TTC. */
  async function issued(customerId = w.customerId): Promise<Invoice> {
    const draft = await inScope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId,
        lines: [{ kind: 'LABOUR', description: 'Contrat', quantity: '10', unit: 'HUR', unitPrice: '100.00', vatRateCode: 'TVA20' }],
      }),
    );
    return inScope((em) => issueInvoice(em, draft.id, draft.version));
  }

  /** A run as the daily job would start it on `date` (the clock of the test moves forward, not the invoices back). */
  async function runOn(date: string, excludedInvoiceIds: string[] = []) {
    const id = newId();
    await inScope(async (em) => {
      em.create(DunningRun, { id, tenantId: tenant.tenantId, runOn: date, trigger: 'MANUAL', state: 'QUEUED', excludedInvoiceIds });
      await em.flush();
    });
    return (await processDunningRun(orm, { runId: id, identity: tenant.identity }))!;
  }
  const remindersOf = (invoiceId: string) =>
    sql<{
      level_rank: number;
      sent_on: string;
      late_interest: string;
      indemnity: string;
      has_letter: boolean;
      subject: string | null;
      files: string[];
    }>(
      `select r.level_rank, r.sent_on::text, r.late_interest::text, r.indemnity::text, r.letter_pdf is not null as has_letter, m.subject,
              array(select filename from outbox_attachments a where a.message_id = m.id order by position) as files
         from reminders r left join outbox_messages m on m.id = r.mail_message_id
        where r.invoice_id = $1 order by r.level_rank`,
      [invoiceId],
    );

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    tenant = await createTestTenant('dunning');
    w = await createMaintenanceWorld(orm, tenant);
    await inScope(async (em) => {
      await em.nativeUpdate(Customer, { id: { $in: [w.customerId, w.otherCustomerId] } }, { email: 'compta@client.example' });
      await em.nativeUpdate(Customer, { id: w.otherCustomerId }, { isConsumer: true });
    });
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('catches up after 20 days without a run with one level-2 reminder carrying the invoice, and never sends it twice', async () => {
    const invoice = await issued();
    const day = shiftDate(invoice.dueDate!, 20);
    const preview = await inScope((em) => dunningPreview(em, tenant.tenantId, day, { onlyInvoiceIds: [invoice.id] }));
    expect(preview.reminders).toHaveLength(1);
    expect(preview.reminders[0]).toMatchObject({
      level: { rank: 2 },
      daysLate: 20,
      skippedRanks: [1],
      lateInterest: '0.00',
      indemnity: '0.00',
    });

    const run = await runOn(day);
    expect(run.errors).toEqual([]);
    expect(run).toMatchObject({ state: 'SUCCEEDED', failed: 0 });
    const sent = await remindersOf(invoice.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ level_rank: 2, sent_on: day, has_letter: false });
    expect(sent[0]!.subject).toMatch(/^Relance : facture F-\d{4}-\d{5} impayée/);
    expect(sent[0]!.files).toEqual([expect.stringMatching(/\.pdf$/)]);

    await runOn(day);
    await runOn(shiftDate(day, 1));
    expect(await remindersOf(invoice.id)).toHaveLength(1);
  });

  it('sends the formal notice at +35 with interest by days and the 40 € indemnity to a professional, not to a consumer', async () => {
    const pro = await issued();
    const consumer = await issued(w.otherCustomerId);
    const day = shiftDate(pro.dueDate!, 35);
    await runOn(day);
    // 1 200.00 x 12.15 % x 35 / 365 = 13.98
    expect(await remindersOf(pro.id)).toEqual([
      expect.objectContaining({ level_rank: 3, late_interest: '13.98', indemnity: '40.00', has_letter: true }),
    ]);
    const [notice] = await remindersOf(pro.id);
    expect(notice!.subject).toMatch(/^Mise en demeure de payer/);
    expect(notice!.files).toHaveLength(2);
    expect(await remindersOf(consumer.id)).toEqual([expect.objectContaining({ level_rank: 3, late_interest: '13.98', indemnity: '0.00' })]);
  });

  it('holds back disputed and promised invoices, and reminds a partly paid invoice of its balance only', async () => {
    const disputed = await issued();
    const promised = await issued();
    const partly = await issued();
    await inScope((em) => setInvoiceDispute(em, tenant.identity, disputed.id, { disputed: true, reason: 'Conteste la dernière visite' }));
    const day = shiftDate(promised.dueDate!, 8);
    await inScope((em) => setPaymentPromise(em, tenant.identity, promised.id, { until: shiftDate(day, 3), note: 'Virement annoncé' }));
    await inScope((em) =>
      recordPayment(em, tenant.identity, {
        customerId: w.customerId,
        receivedOn: partly.issueDate!,
        amount: '700.00',
        method: 'TRANSFER',
        allocations: [{ invoiceId: partly.id, amount: '700.00' }],
      }),
    );
    const ids = [disputed.id, promised.id, partly.id];
    const preview = await inScope((em) => dunningPreview(em, tenant.tenantId, day, { onlyInvoiceIds: ids }));
    expect(preview.held.map((h) => [h.invoiceId, h.reason])).toEqual(
      expect.arrayContaining([
        [disputed.id, 'DISPUTED'],
        [promised.id, 'PROMISE'],
      ]),
    );
    expect(preview.reminders.map((r) => [r.invoiceId, r.openBalance, r.level.rank])).toEqual([[partly.id, '500.00', 1]]);
    expect(
      (await refusal(inScope((em) => setInvoiceDispute(em, tenant.identity, promised.id, { disputed: true, reason: ' ' })))).code,
    ).toBe('VALIDATION_FAILED');
  });

  it('waits the minimum gap after a reminder before the next level, then sends it', async () => {
    const invoice = await issued();
    await runOn(shiftDate(invoice.dueDate!, 12)); // level 1 (due + 7 reached)
    const tooSoon = await inScope((em) =>
      dunningPreview(em, tenant.tenantId, shiftDate(invoice.dueDate!, 15), { onlyInvoiceIds: [invoice.id] }),
    );
    expect(tooSoon.held).toEqual([expect.objectContaining({ reason: 'TOO_SOON' })]);
    await runOn(shiftDate(invoice.dueDate!, 17));
    expect((await remindersOf(invoice.id)).map((r) => r.level_rank)).toEqual([1, 2]);
  });

  it('refuses levels out of order and keeps the settings unchanged', async () => {
    const levels = DEFAULT_DUNNING_LEVELS.map((l) => ({ ...l }));
    const saved = await inScope((em) =>
      updateDunningSettings(em, tenant.identity, { levels, lateInterestRate: '10.50', minimumDaysBetween: 5, mode: 'PREVIEW' }),
    );
    expect(saved).toMatchObject({ lateInterestRate: '10.5000', version: 1 });
    const swapped = [levels[1]!, levels[0]!, levels[2]!];
    const refused = await refusal(
      inScope((em) =>
        updateDunningSettings(em, tenant.identity, { levels: swapped, lateInterestRate: '10.50', minimumDaysBetween: 5, mode: 'AUTO' }),
      ),
    );
    expect(refused.code).toBe('VALIDATION_FAILED');
    const [row] = await sql<{ mode: string; late_interest_rate: string }>('select mode, late_interest_rate::text from dunning_settings');
    expect(row).toEqual({ mode: 'PREVIEW', late_interest_rate: '10.5000' });
    await inScope((em) =>
      updateDunningSettings(em, tenant.identity, {
        levels,
        lateInterestRate: '12.15',
        minimumDaysBetween: 5,
        mode: 'PREVIEW',
        expectedVersion: 1,
      }),
    );
  });
});
