import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CatalogItem,
  InvoiceLine,
  cashCollectedByMonth,
  cashForecast,
  cashForecastWeek,
  cashMovements,
  convertInterventionToInvoice,
  closeIntervention,
  createTechnician,
  createContract,
  createCreditNote,
  createDraftInvoice,
  inTenantScope,
  issueInvoice,
  markNotBillable,
  profitability,
  receivablesSummary,
  recordPayment,
  refundPayment,
  replayContractBillingRun,
  revenueByMonth,
  revenueDocuments,
  reversePayment,
  setContractBilling,
  setInvoiceDispute,
  unbilledWork,
  updateProfitabilitySettings,
  updateTechnician,
  type Intervention,
  type Invoice,
  type Orm,
  type ProfitabilityGroup,
  type ReportInput,
} from '@relais/domain';
import { adminClient, appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { contractTerms } from '../../../tests/support/contract-billing-world';
import {
  TINY_PNG_DATA_URL,
  createMaintenanceWorld,
  interventionThrough,
  type MaintenanceWorld,
} from '../../../tests/support/maintenance-world';
import { refusal } from '../../../tests/support/refusal';

/**
 * The dashboards on a small tenant whose every figure is computed by hand below. The figures are
 * read at ASOF, Wednesday 17 June 2026; every document and payment is dated on or before it.
 * Customers pay at 30 days net; every line is n × 100.00 HT at 20 % VAT unless said otherwise.
 *
 *   Hôtel des Ducs (A)                         Boulangerie Morvan (B)
 *   2025-03-10 L1  1000 HT, paid 2025-04-20     2025-06-05 L2 500 HT, paid on its due date 2025-07-05
 *   2025-06-20 L3   300 HT, credit note 100 HT 2025-06-25, rest (240 TTC) paid 2025-08-19, 30 days late
 *   2026-01-12 T1   800 HT, paid 2026-03-13, 30 days late          2026-02-02 T2 400 HT, paid on its due date
 *   2026-04-15 T3   600 HT, credit note 100 HT on 2026-05-10      2026-03-02 T6 100 HT, disputed
 *   2026-05-04 D    deposit invoice 300 HT (360 TTC)                2026-05-20 T4 250 HT, its cheque reversed
 *   2026-06-01 F    contract fee, June (150 HT), by the billing run   2026-05-25 50.00 received on account,
 *   2026-06-10 T5   intervention I1 at contract rates: 3 h × 68 + 45 travel + 2 filters × 18.50 = 286 HT      20.00 refunded
 *
 * Contract K (A, sites Siège and Entrepôt): 150.00 HT a month in advance from June 2026.
 * Interventions: I1 (A, Siège, invoiced): Théo 3 h, 1 trip, 2 filters at 7.20; I2 (A, Entrepôt,
 * closed 2026-06-12): Théo 1.5 h + Maëlle 1 h, 1 trip, a detector without purchase cost; I3 (B,
 * closed 2026-05-01): Maëlle 2 h, 2 trips, 0.5 kg of R32 at 31.00; I4 (B, not billable): Théo 1 h.
 * Théo costs 40.00 an hour, Maëlle has no cost rate; a trip costs 30.00.
 */
const ASOF = '2026-06-17';
const at = (date: string) => new Date(`${date}T09:00:00+02:00`);

describe('dashboards and profitability on PostgreSQL', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  let contract: { id: string; reference: string };
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);
  const ids: Record<string, string> = {};

  async function asAdmin(sql: string, params: unknown[]): Promise<void> {
    const admin = await adminClient();
    try {
      await admin.query('begin');
      await admin.query(`select set_config('app.tenant_id', $1, true)`, [tenant.tenantId]);
      await admin.query(sql, params);
      await admin.query('commit');
    } finally {
      await admin.end();
    }
  }

  async function issued(customerId: string, quantity: string, on: string, typeCode: '380' | '386' = '380'): Promise<Invoice> {
    const draft = await inScope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId,
        typeCode,
        lines: [{ kind: 'OTHER', description: 'Travaux', quantity, unit: 'C62', unitPrice: '100.00', vatRateCode: 'TVA20' }],
      }),
    );
    return inScope((em) => issueInvoice(em, draft.id, draft.version, { at: at(on) }));
  }

  async function credited(invoice: Invoice, quantity: string, on: string): Promise<Invoice> {
    const [line] = await inScope((em) => em.find(InvoiceLine, { invoiceId: invoice.id }));
    const note = await inScope((em) =>
      createCreditNote(em, tenant.identity, invoice.id, { lines: [{ invoiceLineId: line!.id, quantity }], reason: 'Geste commercial' }),
    );
    return inScope((em) => issueInvoice(em, note.id, note.version, { at: at(on) }));
  }

  const pay = (customerId: string, amount: string, on: string, invoice?: Invoice) =>
    inScope((em) =>
      recordPayment(em, tenant.identity, {
        customerId,
        amount,
        receivedOn: on,
        method: 'TRANSFER',
        allocations: invoice ? [{ invoiceId: invoice.id, amount }] : [],
      }),
    );

  /** Through the real lifecycle, then completed (and closed) on the dates given. */
  async function intervention(
    input: { customerId: string; siteId: string; title: string; report: ReportInput },
    completedOn: string,
    closedOn: string,
  ): Promise<Intervention> {
    const done = await interventionThrough(orm, tenant, w, { ...input, until: 'COMPLETED' });
    await asAdmin('update interventions set completed_at = $2 where id = $1', [done.id, at(completedOn)]);
    const closed = await inScope((em) => closeIntervention(em, done.id, done.version));
    await asAdmin('update interventions set closed_at = $2 where id = $1', [closed.id, at(closedOn)]);
    return closed;
  }

  const report = (labour: [string, string][], travelCount: number, parts: ReportInput['parts']): ReportInput => ({
    labour: labour.map(([technicianId, hours]) => ({ technicianId, workDate: ASOF, hours, labourType: 'NORMAL' })),
    travelCount,
    parts,
    observations: 'RAS',
    signerName: 'M. Roy',
    signatureDataUrl: TINY_PNG_DATA_URL,
  });

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('dashboard');
    w = await createMaintenanceWorld(orm, tenant, ['FIL-G4-592', 'SSI-DET-OPT', 'FLU-R32']);
    const a = w.customerId;
    const b = w.otherCustomerId;
    await inScope(async (em) => {
      await updateTechnician(em, w.theoId, { costRate: '40.00' });
      await em.nativeUpdate(CatalogItem, { code: 'SSI-DET-OPT' }, { purchaseCost: null });
      await updateProfitabilitySettings(em, tenant.identity, { travelCostPerTrip: '30.00' });
      const k = await createContract(em, tenant.tenantId, {
        ...contractTerms(w.siteId, { startsOn: '2026-01-01', endsOn: '2026-12-31', siteIds: [w.siteId, w.otherSiteId] }),
        customerId: a,
      });
      await setContractBilling(em, tenant.identity, k.id, {
        effectiveOn: '2026-06-01',
        rhythm: 'MONTHLY',
        timing: 'ADVANCE',
        feeLines: [{ label: 'Maintenance CVC', amount: '150.00', vatRateCode: 'TVA20' }],
      });
      contract = { id: k.id, reference: k.reference };
    });

    const l1 = await issued(a, '10', '2025-03-10');
    await pay(a, '1200.00', '2025-04-20', l1);
    const l2 = await issued(b, '5', '2025-06-05');
    await pay(b, '600.00', '2025-07-05', l2);
    const l3 = await issued(a, '3', '2025-06-20');
    await credited(l3, '1', '2025-06-25');
    await pay(a, '240.00', '2025-08-19', l3);

    const t1 = await issued(a, '8', '2026-01-12');
    const t2 = await issued(b, '4', '2026-02-02');
    const t6 = await issued(b, '1', '2026-03-02');
    await pay(b, '480.00', '2026-03-04', t2);
    await pay(a, '960.00', '2026-03-13', t1);
    const t3 = await issued(a, '6', '2026-04-15');
    ids.t3 = t3.id;
    ids.deposit = (await issued(a, '3', '2026-05-04', '386')).id;
    await credited(t3, '1', '2026-05-10');
    const t4 = await issued(b, '2.5', '2026-05-20');
    ids.t4 = t4.id;
    const onAccount = await pay(b, '50.00', '2026-05-25');
    await inScope((em) => replayContractBillingRun(em, tenant.identity, { billingDate: '2026-06-01', at: at('2026-06-01') }));
    const cheque = await pay(b, '300.00', '2026-06-01', t4);
    await inScope((em) =>
      refundPayment(em, tenant.identity, onAccount.id, { refundedOn: '2026-06-05', amount: '20.00', method: 'TRANSFER' }),
    );
    await inScope((em) => reversePayment(em, tenant.identity, cheque.id, { reversedOn: '2026-06-15', reason: 'Chèque impayé' }));
    await inScope((em) => setInvoiceDispute(em, tenant.identity, t6.id, { disputed: true, reason: 'Heures contestées' }));

    const filter = w.items['FIL-G4-592']!;
    const i1 = await intervention(
      {
        customerId: a,
        siteId: w.siteId,
        title: 'Dépannage CTA',
        report: report([[w.theoId, '3']], 1, [{ catalogItemId: filter, quantity: '2' }]),
      },
      '2026-06-08',
      '2026-06-09',
    );
    ids.i1 = i1.id;
    const t5 = await inScope(async (em) => {
      const draft = await convertInterventionToInvoice(em, tenant.identity, i1.id);
      return issueInvoice(em, draft.id, draft.version, { at: at('2026-06-10') });
    });
    ids.t5 = t5.id;
    await intervention(
      {
        customerId: a,
        siteId: w.otherSiteId,
        title: 'Remplacement détecteur',
        report: report(
          [
            [w.theoId, '1.5'],
            [w.maelleId, '1'],
          ],
          1,
          [{ catalogItemId: w.items['SSI-DET-OPT']!, quantity: '1', serialNumber: 'SN-0042' }],
        ),
      },
      '2026-06-11',
      '2026-06-12',
    );
    await intervention(
      {
        customerId: b,
        siteId: w.otherCustomerSiteId,
        title: 'Recharge en fluide',
        report: report([[w.maelleId, '2']], 2, [{ catalogItemId: w.items['FLU-R32']!, quantity: '0.5' }]),
      },
      '2026-04-30',
      '2026-05-01',
    );
    const i4 = await intervention(
      { customerId: b, siteId: w.otherCustomerSiteId, title: 'Contrôle', report: report([[w.theoId, '1']], 0, []) },
      '2026-03-31',
      '2026-04-01',
    );
    await inScope((em) => markNotBillable(em, tenant.identity, i4.id, 'Sous garantie'));
  }, 120_000);

  afterAll(async () => {
    await orm?.close(true);
  });

  it('bills the revenue by issue month, this year to date beside last year, deposits left out and credit notes deducted', async () => {
    const revenue = await inScope((em) => revenueByMonth(em, ASOF));
    expect(revenue.year).toBe(2026);
    expect(revenue.months.map((m) => [m.month, m.current, m.previous])).toEqual([
      [1, '800.00', '0.00'],
      [2, '400.00', '0.00'],
      [3, '100.00', '1000.00'],
      [4, '600.00', '0.00'],
      [5, '150.00', '0.00'], // T4 250 less the credit note of 100 on T3; the deposit is no revenue
      [6, '436.00', '700.00'], // the June fee 150 + T5 286; in 2025 L2 500 + L3 300 − its credit note 100
      [7, null, '0.00'],
      [8, null, '0.00'],
      [9, null, '0.00'],
      [10, null, '0.00'],
      [11, null, '0.00'],
      [12, null, '0.00'],
    ]);
    // 2025 to 17 June: L1 and L2 (L3 and its credit note came after).
    expect(revenue).toMatchObject({ currentToDate: '2486.00', previousToDate: '1500.00' });
  });

  it('collects cash by month: payments, less the reversed cheque and the refund in their own months', async () => {
    const cash = await inScope((em) => cashCollectedByMonth(em, ASOF));
    expect(cash.months.map((m) => [m.month, m.current, m.previous]).slice(0, 8)).toEqual([
      [1, '0.00', '0.00'],
      [2, '0.00', '0.00'],
      [3, '1440.00', '0.00'],
      [4, '0.00', '1200.00'],
      [5, '50.00', '0.00'],
      [6, '-20.00', '0.00'], // the 300.00 cheque received and reversed, 20.00 refunded
      [7, null, '600.00'],
      [8, null, '240.00'],
    ]);
    expect(cash).toMatchObject({ currentToDate: '1470.00', previousToDate: '1200.00' });
  });

  it('lists the documents and the cash movements behind a month, adding up to its figure', async () => {
    const may = await inScope((em) => revenueDocuments(em, ASOF, '2026-05'));
    expect(may.items.map((d) => [d.kind, d.issueDate, d.customerName, d.net])).toEqual([
      ['CREDIT_NOTE', '2026-05-10', 'Hôtel des Ducs', '-100.00'],
      ['INVOICE', '2026-05-20', 'Boulangerie Morvan', '250.00'],
    ]);
    expect(may).toMatchObject({ totalCount: 2, total: '150.00' });
    const june = await inScope((em) => revenueDocuments(em, ASOF, '2026-06', 1));
    expect(june).toMatchObject({ totalCount: 2, total: '436.00' });
    expect(june.items.map((d) => d.net)).toEqual(['150.00']);

    const cash = await inScope((em) => cashMovements(em, ASOF, '2026-06'));
    expect(cash.items.map((m) => [m.kind, m.date, m.customerName, m.method, m.amount])).toEqual([
      ['RECEIVED', '2026-06-01', 'Boulangerie Morvan', 'TRANSFER', '300.00'],
      ['REFUNDED', '2026-06-05', 'Boulangerie Morvan', 'TRANSFER', '-20.00'],
      ['REVERSED', '2026-06-15', 'Boulangerie Morvan', 'TRANSFER', '-300.00'],
    ]);
    expect(cash).toMatchObject({ totalCount: 3, total: '-20.00' });
    const error = await refusal(inScope((em) => cashMovements(em, ASOF, '2026-13')));
    expect(error.details).toMatchObject({ fields: [{ field: 'month', message: 'mois AAAA-MM attendu' }] });
  });

  it('totals open and overdue receivables as the balance âgée does, and counts the DSO back month by month', async () => {
    // Open: T3 600 + T4 300 + deposit 360 + June fee 180 + T5 343.20 + T6 120 − B's 30.00 of credit.
    // Overdue: T3 (33 days), the deposit (14 days), T6 (77 days).
    // DSO: billed TTC in June to date 523.20, May 540.00 (360 + 300 − 120), April 720, March 120:
    // 1873.20 − 523.20 − 540 − 720 = 90 left after 17 + 31 + 30 days; March covers it: + 31 × 90 / 120.
    const summary = await inScope((em) => receivablesSummary(em, ASOF, ASOF));
    expect(summary).toEqual({ asOf: ASOF, open: '1873.20', overdue: '1080.00', dso: '101.3' });
  });

  it('counts the closed interventions waiting to be billed by age, not those invoiced or marked not billable', async () => {
    const unbilled = await inScope((em) => unbilledWork(em, ASOF));
    expect(unbilled).toEqual({
      asOf: ASOF,
      count: 2,
      oldestDays: 47,
      buckets: [
        { age: 'D0_7', count: 1 },
        { age: 'D8_30', count: 0 },
        { age: 'D31_60', count: 1 },
        { age: 'D60_PLUS', count: 0 },
      ],
    });
    // Before I3 was closed, nothing of it was waiting yet.
    expect(await inScope((em) => unbilledWork(em, '2026-04-30'))).toMatchObject({ count: 0, oldestDays: null });
  });

  it('forecasts 13 weeks of cash: invoices at the customer’s usual lateness, the contract periods to bill, disputes apart', async () => {
    const forecast = await inScope((em) => cashForecast(em, ASOF));
    expect(forecast.weeks).toHaveLength(13);
    expect(forecast.weeks[0]).toMatchObject({ start: '2026-06-15', end: '2026-06-21' });
    const nonEmpty = forecast.weeks.flatMap((week, i) =>
      week.total === '0.00' ? [] : [[i, week.invoices, week.contracts, week.directDebits, week.total]],
    );
    expect(nonEmpty).toEqual([
      [0, '900.00', '0.00', '0.00', '900.00'], // T3 already late (expected now), T4 on its due date (B pays on time)
      [2, '360.00', '0.00', '0.00', '360.00'], // the deposit, due 3 June + A's 30 days
      [6, '180.00', '180.00', '0.00', '360.00'], // June's fee (due 1 July + 30 days); July's period, issued 1 July, due 31 July
      [7, '343.20', '0.00', '0.00', '343.20'], // T5 due 10 July + 30 days: Sunday 9 August
      [11, '0.00', '180.00', '0.00', '180.00'], // August's period, due 31 August; September's falls due after the 13 weeks
    ]);
    expect(forecast.total).toBe('2143.20');
    expect(forecast.disputed).toEqual({ count: 1, amount: '120.00' });
  });

  it('lists what a week of the forecast is made of, with why it is expected then', async () => {
    const first = await inScope((em) => cashForecastWeek(em, ASOF, '2026-06-15'));
    expect(first.map((e) => [e.invoiceId, e.source, e.basis, e.expectedOn, e.amount, e.daysLate])).toEqual([
      [ids.t3, 'INVOICE', 'OVERDUE', '2026-06-17', '600.00', 30],
      [ids.t4, 'INVOICE', 'DUE_DATE', '2026-06-19', '300.00', 0],
    ]);
    const sixth = await inScope((em) => cashForecastWeek(em, ASOF, '2026-07-27'));
    expect(sixth.map((e) => [e.source, e.basis, e.expectedOn, e.amount, e.contractReference, e.periodStart])).toEqual([
      // Same day, same amount: by reference (the contract's CT-… before the invoice's F-…).
      ['CONTRACT', 'CONTRACT_TERMS', '2026-07-31', '180.00', contract.reference, '2026-07-01'],
      ['INVOICE', 'CUSTOMER_BEHAVIOUR', '2026-07-31', '180.00', null, null],
    ]);
    const error = await refusal(inScope((em) => cashForecastWeek(em, ASOF, '2026-06-16')));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toMatchObject({ fields: [{ field: 'weekStart', message: expect.any(String) }] });
  });

  const report6 = (groupBy: ProfitabilityGroup, extra: { orderBy?: 'MARGIN_RATE'; first?: number; after?: string } = {}) =>
    inScope((em) => profitability(em, tenant.tenantId, { groupBy, from: '2026-01-01', to: '2026-06-30', ...extra }));
  const figures = (r: Awaited<ReturnType<typeof report6>>['rows'][number]) => [
    r.label,
    r.revenue,
    r.cost.labour,
    r.cost.parts,
    r.cost.travel,
    r.cost.total,
    r.margin,
    r.marginRate,
    r.interventionCount,
    r.invoiceCount,
    r.costUnknownCount,
  ];

  it('computes profitability by customer: revenue against labour × cost rates, parts at purchase cost and trips', async () => {
    const report = await report6('CUSTOMER');
    expect(report.rows.map(figures)).toEqual([
      // A: T1 800 + T3 600 − 100 + fee 150 + T5 286; I1 (3 h × 40 + 2 × 7.20 + 30) + I2 (1.5 h × 40, Maëlle unknown, detector unknown, 30).
      ['Hôtel des Ducs', '1736.00', '180.00', '14.40', '60.00', '254.40', '1481.60', '85.3', 2, 5, 1],
      // B: T2 400 + T4 250 + T6 100; I3 (Maëlle unknown, 0.5 × 31.00, 2 × 30) + I4 (1 h × 40).
      ['Boulangerie Morvan', '750.00', '40.00', '15.50', '60.00', '115.50', '634.50', '84.6', 2, 3, 1],
    ]);
    expect(report.rows.map((r) => r.hours)).toEqual(['5.50', '3.00']);
    expect(report.totals).toEqual({
      revenue: '2486.00',
      cost: { labour: '220.00', parts: '29.90', travel: '120.00', total: '369.90' },
      margin: '2116.10',
      marginRate: '85.1',
      hours: '8.50',
      interventionCount: 4,
      invoiceCount: 8,
      costUnknownCount: 2,
    });
    expect(report).toMatchObject({ totalCount: 2, hasNextPage: false, travelCostPerTrip: '30.00' });
  });

  it('by technician: only what their interventions billed, shared by hours, their own hours at their own rate', async () => {
    const report = await report6('TECHNICIAN');
    expect(report.rows.map(figures)).toEqual([
      // Théo: T5 286; labour 3 + 1.5 + 1 h × 40; filters 14.40; trips 1 + 1.5/2.5 of I2's.
      ['Théo Le Floch', '286.00', '220.00', '14.40', '48.00', '282.40', '3.60', '1.3', 3, 1, 1],
      // Maëlle: no rate; R32 15.50; trips 1/2.5 of I2's + I3's 2.
      ['Maëlle Quéré', '0.00', '0.00', '15.50', '72.00', '87.50', '-87.50', null, 2, 0, 2],
    ]);
    expect(report.totals).toMatchObject({ revenue: '286.00', margin: '-83.90', marginRate: '-29.3', costUnknownCount: 3 });
  });

  it('shares a job of three technicians in thirds, each at their own rate, to the cent', async () => {
    // In July (outside the other tests' periods): 1 h each for Théo (40.00), Maëlle (no rate) and
    // Kévin (36.00), one trip, one filter at 7.20, completed 5 July and not billed.
    const kevin = await inScope((em) =>
      createTechnician(em, tenant.tenantId, { fullName: 'Kévin Le Goff', costRate: '36.00', workDayStart: '06:00', workDayEnd: '22:00' }),
    );
    await intervention(
      {
        customerId: w.otherCustomerId,
        siteId: w.otherCustomerSiteId,
        title: 'Remplacement CTA',
        report: report(
          [
            [w.theoId, '1'],
            [w.maelleId, '1'],
            [kevin.id, '1'],
          ],
          1,
          [{ catalogItemId: w.items['FIL-G4-592']!, quantity: '1' }],
        ),
      },
      '2026-07-05',
      '2026-07-06',
    );
    const july = await inScope((em) => profitability(em, tenant.tenantId, { groupBy: 'TECHNICIAN', from: '2026-07-01', to: '2026-07-31' }));
    expect(july.rows.map((r) => [r.label, r.cost.labour, r.cost.parts, r.cost.travel, r.cost.total, r.hours, r.costUnknownCount])).toEqual([
      // No revenue: by name.
      ['Kévin Le Goff', '36.00', '2.40', '10.00', '48.40', '1.00', 0],
      ['Maëlle Quéré', '0.00', '2.40', '10.00', '12.40', '1.00', 1],
      ['Théo Le Floch', '40.00', '2.40', '10.00', '52.40', '1.00', 0],
    ]);
    expect(july.totals.cost).toEqual({ labour: '76.00', parts: '7.20', travel: '30.00', total: '113.20' });
  });

  it('by contract and by site: fees to the contract and its sites in equal shares, the rest without contract or site', async () => {
    const byContract = await report6('CONTRACT');
    expect(byContract.rows.map((r) => [r.key, ...figures(r)])).toEqual([
      [null, 'Hors contrat', '2050.00', '40.00', '15.50', '60.00', '115.50', '1934.50', '94.4', 2, 6, 1],
      [contract.id, `${contract.reference} — Maintenance CVC`, '436.00', '180.00', '14.40', '60.00', '254.40', '181.60', '41.7', 2, 2, 1],
    ]);
    expect(byContract.rows[1]!.customerName).toBe('Hôtel des Ducs');

    const bySite = await report6('SITE');
    expect(bySite.rows.map((r) => [r.label, r.revenue, r.cost.total, r.margin, r.marginRate, r.costUnknownCount])).toEqual([
      ['Sans site', '2050.00', '0.00', '2050.00', '100.0', 0],
      ['Siège (Nantes)', '361.00', '164.40', '196.60', '54.5', 0],
      ['Entrepôt (Nantes)', '75.00', '90.00', '-15.00', '-20.0', 1],
      ['Boutique (Nantes)', '0.00', '115.50', '-115.50', null, 1],
    ]);
    const byRate = await report6('SITE', { orderBy: 'MARGIN_RATE' });
    expect(byRate.rows.map((r) => r.marginRate)).toEqual(['100.0', '54.5', '-20.0', null]);
  });

  it('pages the rows with totals over all of them', async () => {
    const page1 = await report6('SITE', { first: 2 });
    expect(page1.rows.map((r) => r.label)).toEqual(['Sans site', 'Siège (Nantes)']);
    expect(page1).toMatchObject({ hasNextPage: true, totalCount: 4 });
    expect(page1.totals.revenue).toBe('2486.00');
    const page2 = await report6('SITE', { first: 2, after: page1.cursors.at(-1)! });
    expect(page2.rows.map((r) => r.label)).toEqual(['Entrepôt (Nantes)', 'Boutique (Nantes)']);
    expect(page2.hasNextPage).toBe(false);
  });

  it('refuses a period that ends before it starts or lasts more than a year, and a negative cost rate', async () => {
    const backwards = await refusal(
      inScope((em) => profitability(em, tenant.tenantId, { groupBy: 'CUSTOMER', from: '2026-07-01', to: '2026-06-01' })),
    );
    expect(backwards.code).toBe('VALIDATION_FAILED');
    expect(backwards.details).toMatchObject({ fields: [{ field: 'to', message: 'la fin de la période suit son début' }] });
    const tooLong = await refusal(
      inScope((em) => profitability(em, tenant.tenantId, { groupBy: 'CUSTOMER', from: '2025-01-01', to: '2026-01-02' })),
    );
    expect(tooLong.details).toMatchObject({ fields: [{ field: 'to', message: 'une période d’un an au plus (366 jours)' }] });
    const year = await inScope((em) => profitability(em, tenant.tenantId, { groupBy: 'CUSTOMER', from: '2025-06-18', to: '2026-06-17' }));
    expect(year.totals.revenue).toBe('2686.00'); // a year to the day: L3 (20 June 2025) and its credit note, then 2026
    const rate = await refusal(inScope((em) => updateTechnician(em, w.theoId, { costRate: '-5.00' })));
    expect(rate.code).toBe('VALIDATION_FAILED');
    expect(rate.details).toMatchObject({ fields: [{ field: 'costRate', message: expect.stringContaining('coût horaire') }] });
  });
});
