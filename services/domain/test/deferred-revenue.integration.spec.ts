import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Invoice,
  InvoiceLine,
  closePeriod,
  deferredRevenue,
  entryLinesByEntryIds,
  inTenantScope,
  issueInvoice,
  ledgerBalance,
  listAccountingPeriods,
  listJournalEntries,
  openFiscalYear,
  postAllPendingFacts,
  postDeferredRevenue,
  processContractBillingRun,
  runInvoiceIds,
  startContractBillingRun,
  systemIdentity,
  type Orm,
} from '@relais/domain';
import { appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { billedContract } from '../../../tests/support/contract-billing-world';
import { refusal } from '../../../tests/support/refusal';

const CLOSING = '2026-12-31';

describe('deferred revenue (produits constatés d’avance) on a fee billed yearly in advance across a year end', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let invoice: Invoice;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);
  const post = (date: string, expectedTotal: string) => inScope((em) => postDeferredRevenue(em, tenant.identity, { date, expectedTotal }));

  /** Posts the tenant's facts as the worker does (it may be at it too: they take turns on the cursor). */
  const postFacts = () =>
    inTenantScope(orm, systemIdentity(tenant.tenantId, 'test'), { requestId: 't' }, (em) => postAllPendingFacts(em, tenant.tenantId));

  /** What a refusal must leave unchanged: the deferred revenue facts and the OD entries with their lines. */
  const written = () =>
    inScope(async (em) => {
      const facts = await em.execute<{ kind: string; occurred_on: string }[]>(
        `select kind, occurred_on::text from business_facts where kind like 'deferred_revenue.%' order by seq`,
      );
      const entries = await listJournalEntries(em, { journal: 'OD', first: 50 });
      const lines = await entryLinesByEntryIds(
        em,
        entries.nodes.map((e) => e.id),
      );
      return {
        facts,
        entries: entries.nodes.map((e) => ({
          entryDate: e.entryDate,
          pieceRef: e.pieceRef,
          label: e.label,
          sourceType: e.sourceType,
          sourceId: e.sourceId,
          lines: lines.filter((l) => l.entryId === e.id).map((l) => [l.account, l.debit, l.credit]),
        })),
      };
    });

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('deferred-revenue');
    await billedContract(
      orm,
      tenant,
      'Clinique du Parc',
      { startsOn: '2026-10-01', endsOn: '2027-09-30' },
      {
        effectiveOn: '2026-10-01',
        rhythm: 'YEARLY',
        timing: 'ADVANCE',
        feeLines: [{ label: 'Contrat annuel de maintenance CVC', amount: '1200.00', vatRateCode: 'TVA20' }],
      },
    );
    await inScope((em) => openFiscalYear(em, tenant.identity, { startsOn: '2026-01-01', endsOn: '2026-12-31' }));
    // The contract run of 1 October bills the year in advance; the clerk issues its invoice that day.
    const run = await inScope((em) => startContractBillingRun(em, tenant.identity, { billingDate: '2026-10-01', mode: 'DRAFT' }));
    await processContractBillingRun(orm, { runId: run.id, identity: tenant.identity });
    const [draftId] = await inScope((em) => runInvoiceIds(em, run.id));
    invoice = await inScope(async (em) => {
      const draft = await em.findOneOrFail(Invoice, { id: draftId! });
      return issueInvoice(em, draft.id, draft.version, { at: new Date('2026-10-01T09:00:00+02:00') });
    });
    await postFacts();
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  it('bills 1 200,00 € HT for 1 October 2026 to 30 September 2027 on an invoice issued on 1 October', async () => {
    const lines = await inScope((em) => em.find(InvoiceLine, { invoiceId: invoice.id }));
    expect(invoice).toMatchObject({ status: 'ISSUED', issueDate: '2026-10-01', totalNet: '1200.00' });
    expect(lines.map((l) => [l.kind, l.lineNet, l.serviceStart, l.serviceEnd])).toEqual([['FEE', '1200.00', '2026-10-01', '2027-09-30']]);
  });

  it('proposes 897,53 € deferred at 31 December (273 of 365 days), with the OD entry and its reversal on 1 January', async () => {
    const proposal = await inScope((em) => deferredRevenue(em, tenant.tenantId, CLOSING));
    expect(proposal.documents).toEqual([
      {
        invoiceId: invoice.id,
        number: invoice.number,
        creditNote: false,
        issueDate: '2026-10-01',
        customerId: invoice.customerId,
        customerName: 'Clinique du Parc',
        serviceStart: '2026-10-01',
        serviceEnd: '2027-09-30',
        lineNet: '1200.00',
        deferred: '897.53',
        lines: [
          {
            account: '706100',
            serviceStart: '2026-10-01',
            serviceEnd: '2027-09-30',
            lineNet: '1200.00',
            days: 273,
            periodDays: 365,
            deferred: '897.53',
          },
        ],
      },
    ]);
    expect(proposal).toMatchObject({
      closingDate: CLOSING,
      reversalDate: '2027-01-01',
      accounts: [{ account: '706100', amount: '897.53' }],
      total: '897.53',
      deferredAccount: '487000',
      posting: null,
    });
    expect(proposal.entry).toMatchObject({ journal: 'OD', entryDate: CLOSING, pieceRef: 'PCA-2026-12-31' });
    expect(proposal.entry!.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['706100', '897.53', '0.00'],
      ['487000', '0.00', '897.53'],
    ]);
    expect(proposal.reversal!.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['706100', '0.00', '897.53'],
      ['487000', '897.53', '0.00'],
    ]);
  });

  it('refuses to post while no fiscal year covers the reversal’s day (NO_FISCAL_YEAR), writing nothing', async () => {
    const before = await written();
    const error = await refusal(post(CLOSING, '897.53'));
    expect(error).toMatchObject({ code: 'NO_FISCAL_YEAR', details: { date: '2027-01-01' } });
    expect(error.message).toContain('01/01/2027');
    expect(await written()).toEqual(before);
  });

  it('refuses a total other than the preview’s (STALE_PROPOSAL), writing nothing', async () => {
    await inScope((em) => openFiscalYear(em, tenant.identity, { startsOn: '2027-01-01', endsOn: '2027-12-31' }));
    const before = await written();
    const error = await refusal(post(CLOSING, '897.52'));
    expect(error).toMatchObject({ code: 'STALE_PROPOSAL', details: { expectedTotal: '897.52', total: '897.53' } });
    expect(await written()).toEqual(before);
  });

  it('posts the OD entry on 31 December and its reversal on 1 January, balanced; posting again is refused and changes nothing', async () => {
    const posted = await post(CLOSING, '897.53');
    expect(posted.posting).toMatchObject({ total: '897.53' });
    await postFacts();

    const after = await written();
    expect(after.facts).toEqual([
      { kind: 'deferred_revenue.recognised', occurred_on: CLOSING },
      { kind: 'deferred_revenue.reversed', occurred_on: '2027-01-01' },
    ]);
    expect(after.entries).toEqual([
      {
        entryDate: CLOSING,
        pieceRef: 'PCA-2026-12-31',
        label: 'Produits constatés d’avance au 31/12/2026',
        sourceType: 'DEFERRED_REVENUE',
        sourceId: after.entries[0]!.sourceId,
        lines: [
          ['706100', '897.53', '0.00'],
          ['487000', '0.00', '897.53'],
        ],
      },
      {
        entryDate: '2027-01-01',
        pieceRef: 'PCA-2026-12-31',
        label: 'Extourne des produits constatés d’avance au 31/12/2026',
        sourceType: 'DEFERRED_REVENUE',
        sourceId: after.entries[0]!.sourceId,
        lines: [
          ['706100', '0.00', '897.53'],
          ['487000', '897.53', '0.00'],
        ],
      },
    ]);
    // The year 2026 keeps 302,47 € of the fee (1 200,00 − 897,53); 487000 holds the rest at its end, nothing after the reversal.
    const year2026 = await inScope((em) => ledgerBalance(em, { from: '2026-01-01', to: CLOSING, accountPrefix: '706100' }));
    expect(year2026.rows).toMatchObject([{ account: '706100', debit: '897.53', credit: '1200.00', balance: '-302.47' }]);
    const atClosing = await inScope((em) => ledgerBalance(em, { to: CLOSING, accountPrefix: '487' }));
    expect(atClosing.rows).toMatchObject([{ account: '487000', label: 'Produits constatés d’avance', balance: '-897.53' }]);
    const afterReversal = await inScope((em) => ledgerBalance(em, { to: '2027-01-01', accountPrefix: '487' }));
    expect(afterReversal.rows).toMatchObject([{ account: '487000', balance: '0.00' }]);
    const whole = await inScope((em) => ledgerBalance(em, {}));
    expect(whole.totalDebit).toBe(whole.totalCredit);

    expect((await inScope((em) => deferredRevenue(em, tenant.tenantId, CLOSING))).posting).toMatchObject({ total: '897.53' });
    const again = await refusal(post(CLOSING, '897.53'));
    expect(again).toMatchObject({ code: 'DEFERRED_REVENUE_ALREADY_POSTED', details: { closingDate: CLOSING } });
    await postFacts();
    expect(await written()).toEqual(after);
  });

  it('has nothing to defer once the service period is over (NOTHING_TO_DEFER)', async () => {
    const proposal = await inScope((em) => deferredRevenue(em, tenant.tenantId, '2027-09-30'));
    expect(proposal).toMatchObject({ documents: [], total: '0.00', entry: null, reversal: null });
    const before = await written();
    expect(await refusal(post('2027-09-30', '0.00'))).toMatchObject({ code: 'NOTHING_TO_DEFER' });
    expect(await written()).toEqual(before);
  });

  it('refuses a closing date in a closed month (PERIOD_CLOSED), and a date that is not one (VALIDATION_FAILED)', async () => {
    const months = await inScope((em) => listAccountingPeriods(em));
    for (const month of months.filter((m) => m.endsOn <= '2026-10-31'))
      await inScope((em) => closePeriod(em, tenant.identity, month.id, { acknowledgeWarnings: true }));
    // 1 200 × 334 / 365 at the end of October.
    expect((await inScope((em) => deferredRevenue(em, tenant.tenantId, '2026-10-31'))).total).toBe('1098.08');
    const before = await written();
    expect(await refusal(post('2026-10-31', '1098.08'))).toMatchObject({
      code: 'PERIOD_CLOSED',
      details: { period: '2026-10', date: '2026-10-31' },
    });
    expect(await refusal(post('2026-31-12', '897.53'))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'date', message: 'date AAAA-MM-JJ' }] },
    });
    expect(await written()).toEqual(before);
  });
});
