import { beforeAll, describe, expect, it } from 'vitest';
import { localDate, shiftDate } from '@relais/domain';
import { errorCodes, gql, login } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';

const TODAY = localDate(new Date());
const YEAR_START = `${TODAY.slice(0, 4)}-01-01`;

/**
 * The dashboards through the gateway, on a tenant of its own: two invoices issued today (120.00 and
 * 300.00 TTC, due in 30 days), a payment of 150.00 of which 100.00 settles the first.
 */
describe('dashboards and profitability through the gateway', () => {
  let admin: string;
  let fx: Fixture;

  async function apiKey(scopes: string[]): Promise<string> {
    const created = await gql<{ createApiKey: { token: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
      { input: { name: `Tableau de bord ${scopes.join(' ')}`, scopes } },
      admin,
    );
    return created.data!.createApiKey.token;
  }

  async function issuedInvoice(unitPrice: string): Promise<string> {
    const draft = await gql<{ createInvoice: { id: string; version: number } }>(
      'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id version } }',
      {
        input: {
          customerId: fx.customerId,
          lines: [{ kind: 'LABOUR', description: 'Maintenance', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
        },
      },
      admin,
    );
    const { id, version } = draft.data!.createInvoice;
    const issued = await gql(
      'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { number } }',
      { id, v: version },
      admin,
    );
    expect(issued.errors).toBeUndefined();
    return id;
  }

  beforeAll(async () => {
    const tenant = await createTestTenant('dashboard-api');
    admin = await login(tenant.adminEmail);
    fx = await createMaintenanceFixture(admin, tenant.tenantId, 'dashboard-api');
    const first = await issuedInvoice('100.00');
    await issuedInvoice('250.00');
    const paid = await gql(
      `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`,
      {
        input: {
          customerId: fx.customerId,
          receivedOn: TODAY,
          amount: '150.00',
          method: 'TRANSFER',
          reference: 'VIR 0042',
          allocations: [{ invoiceId: first, amount: '100.00' }],
        },
      },
      admin,
    );
    expect(paid.errors).toBeUndefined();
  });

  const HOME = `query {
    dashboard {
      asOf
      revenueByMonth { year currentToDate previousToDate months { month current previous } }
      cashCollectedByMonth { currentToDate }
      receivables { open overdue dso }
      unbilledWork { count oldestDays buckets { age count } }
      cashForecast { total disputedCount weeks { start end invoices contracts directDebits total } }
    }
  }`;

  interface Home {
    dashboard: {
      asOf: string;
      revenueByMonth: {
        year: number;
        currentToDate: string;
        previousToDate: string;
        months: { month: number; current: string | null; previous: string }[];
      };
      cashCollectedByMonth: { currentToDate: string };
      receivables: { open: string; overdue: string; dso: string | null };
      unbilledWork: { count: number; oldestDays: number | null };
      cashForecast: { total: string; disputedCount: number; weeks: { start: string; end: string; invoices: string; total: string }[] };
    };
  }

  it('answers the home with a finance:read key, each figure to the cent', async () => {
    const response = await gql<Home>(HOME, {}, await apiKey(['finance:read']));
    expect(response.errors).toBeUndefined();
    const home = response.data!.dashboard;
    expect(home.asOf).toBe(TODAY);
    const month = Number(TODAY.slice(5, 7));
    expect(home.revenueByMonth).toMatchObject({ year: Number(TODAY.slice(0, 4)), currentToDate: '350.00', previousToDate: '0.00' });
    expect(home.revenueByMonth.months[month - 1]).toEqual({ month, current: '350.00', previous: '0.00' });
    expect(home.cashCollectedByMonth.currentToDate).toBe('150.00');
    // 420.00 billed less 100.00 paid less the 50.00 left of the payment (the customer's credit).
    expect(home.receivables).toMatchObject({ open: '270.00', overdue: '0.00' });
    // Count-back: the days of this month so far × 270 / 420 (billed this month), one decimal.
    const day = Number(TODAY.slice(8, 10));
    expect(home.receivables.dso).toBe((Math.round((day * 45) / 7) / 10).toFixed(1));
    expect(home.unbilledWork).toMatchObject({ count: 0, oldestDays: null });
    // No payment history: both open balances (20.00 and 300.00) are expected on their due date.
    const due = shiftDate(TODAY, 30);
    const week = home.cashForecast.weeks.find((w) => w.start <= due && due <= w.end);
    expect(week).toMatchObject({ invoices: '320.00', total: '320.00' });
    expect(home.cashForecast).toMatchObject({ total: '320.00', disputedCount: 0 });
  });

  it('lists the documents behind a month and what a week of the forecast is made of', async () => {
    const token = await apiKey(['finance:read', 'billing:read']);
    const response = await gql<{
      dashboard: {
        revenueDocuments: { totalCount: number; total: string; items: { net: string; invoice: { number: string } }[] };
        cashMovements: { total: string; items: { kind: string; amount: string }[] };
      };
    }>(
      `query($month: String!) { dashboard {
         revenueDocuments(month: $month) { totalCount total items { net invoice { number } } }
         cashMovements(month: $month) { total items { kind amount } }
       } }`,
      { month: TODAY.slice(0, 7) },
      token,
    );
    expect(response.errors).toBeUndefined();
    const { revenueDocuments, cashMovements } = response.data!.dashboard;
    expect(revenueDocuments).toMatchObject({ totalCount: 2, total: '350.00' });
    expect(revenueDocuments.items.map((d) => d.net)).toEqual(['100.00', '250.00']);
    expect(revenueDocuments.items[0]!.invoice.number).toMatch(/^F-\d{4}-\d{5}$/);
    expect(cashMovements).toEqual({ total: '150.00', items: [{ kind: 'RECEIVED', amount: '150.00' }] });
  });

  it('computes profitability over the year to date, and refuses a period the wrong way round', async () => {
    const query = `query($groupBy: ProfitabilityGroup!, $from: LocalDate!, $to: LocalDate!) {
      profitability(groupBy: $groupBy, from: $from, to: $to) {
        totalCount edges { node { key label revenue cost { total } margin marginRate costUnknownCount } }
        totals { revenue margin marginRate }
      }
    }`;
    const ok = await gql<{ profitability: { totalCount: number; edges: { node: Record<string, unknown> }[]; totals: unknown } }>(
      query,
      { groupBy: 'CUSTOMER', from: YEAR_START, to: TODAY },
      admin,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.profitability.edges.map((e) => e.node)).toEqual([
      {
        key: fx.customerId,
        label: 'Client dashboard-api',
        revenue: '350.00',
        cost: { total: '0.00' },
        margin: '350.00',
        marginRate: '100.0',
        costUnknownCount: 0,
      },
    ]);
    expect(ok.data!.profitability.totals).toEqual({ revenue: '350.00', margin: '350.00', marginRate: '100.0' });

    const backwards = await gql(query, { groupBy: 'SITE', from: TODAY, to: shiftDate(TODAY, -1) }, admin);
    expect(errorCodes(backwards)).toEqual(['VALIDATION_FAILED']);
    expect(backwards.errors![0]!.extensions).toMatchObject({ fields: [{ field: 'to' }] });
    const tooLong = await gql(query, { groupBy: 'SITE', from: shiftDate(TODAY, -400), to: TODAY }, admin);
    expect(errorCodes(tooLong)).toEqual(['VALIDATION_FAILED']);
  });

  it('refuses the dashboards without finance:read, and bad dates with VALIDATION_FAILED', async () => {
    const billingOnly = await apiKey(['billing:read', 'maintenance:read']);
    const refused = await gql('{ dashboard { receivables { open } } }', {}, billingOnly);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.data).toBeNull();
    const noProfitability = await gql(
      `{ profitability(groupBy: CUSTOMER, from: "${YEAR_START}", to: "${TODAY}") { totalCount } }`,
      {},
      billingOnly,
    );
    expect(errorCodes(noProfitability)).toEqual(['FORBIDDEN']);

    const badDate = await gql('{ dashboard(asOf: "2026-02-30") { asOf } }', {}, admin);
    expect(errorCodes(badDate)).toEqual(['VALIDATION_FAILED']);
    const notAMonday = await gql(
      `query($start: LocalDate!) { dashboard { cashForecastWeek(start: $start) { amount } } }`,
      { start: shiftDate(TODAY, 400) },
      admin,
    );
    expect(errorCodes(notAMonday)).toEqual(['VALIDATION_FAILED']);
    expect(notAMonday.errors![0]!.extensions).toMatchObject({ fields: [{ field: 'weekStart' }] });
  });

  it('keeps the cost of a trip and the technicians’ cost rates, refusing bad ones and changing nothing', async () => {
    const reader = await apiKey(['finance:read']);
    const set = `mutation($cost: Decimal) { updateProfitabilitySettings(input: { travelCostPerTrip: $cost }) { travelCostPerTrip version } }`;
    expect(errorCodes(await gql(set, { cost: '30.00' }, reader))).toEqual(['FORBIDDEN']);
    const negative = await gql(set, { cost: '-1.00' }, admin);
    expect(errorCodes(negative)).toEqual(['VALIDATION_FAILED']);
    const saved = await gql<{ updateProfitabilitySettings: { travelCostPerTrip: string; version: number } }>(set, { cost: '27.5' }, admin);
    expect(saved.data!.updateProfitabilitySettings).toEqual({ travelCostPerTrip: '27.50', version: 1 });
    const read = await gql<{ profitabilitySettings: unknown }>('{ profitabilitySettings { travelCostPerTrip version } }', {}, reader);
    expect(read.data!.profitabilitySettings).toEqual({ travelCostPerTrip: '27.50', version: 1 });

    const rate = `mutation($id: ID!, $rate: Decimal) { updateTechnician(id: $id, input: { costRate: $rate }) { costRate } }`;
    const refused = await gql(rate, { id: fx.technicianId, rate: '38.505' }, admin);
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    expect(refused.errors![0]!.extensions).toMatchObject({ fields: [{ field: 'costRate' }] });
    const before = await gql<{ technician: { costRate: string | null } }>(
      'query($id: ID!) { technician(id: $id) { costRate } }',
      {
        id: fx.technicianId,
      },
      admin,
    );
    expect(before.data!.technician.costRate).toBeNull();
    const updated = await gql<{ updateTechnician: { costRate: string } }>(rate, { id: fx.technicianId, rate: '42.50' }, admin);
    expect(updated.data!.updateTechnician.costRate).toBe('42.50');
  });
});
