import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { monthEnd, monthStart } from '../support/dates';

const FIRST = monthStart(-2);
const SECOND = monthStart(-1);

const PERIOD = 'id month startsOn endsOn state closedAt closedBy version history { action reason actorName acknowledged { kind count } }';

interface Period {
  id: string;
  month: string;
  startsOn: string;
  state: string;
  closedBy: string | null;
  version: number;
  history: { action: string; reason: string | null; actorName: string }[];
}

describe('fiscal years and closed periods through the gateway', () => {
  let admin: string;
  let customerId: string;
  const periods = new Map<string, Period>();

  const fiscalYears = async (token: string) =>
    must(
      await gql<{ fiscalYears: { startsOn: string; endsOn: string; state: string; periods: Period[] }[] }>(
        `{ fiscalYears { startsOn endsOn state periods { ${PERIOD} } } }`,
        {},
        token,
      ),
    ).fiscalYears;
  const recordPayment = (receivedOn: string) =>
    gql<{ recordPayment: { id: string; receivedOn: string } }>(
      'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id receivedOn } }',
      { input: { customerId, receivedOn, amount: '250.00', method: 'CHECK', reference: 'CHQ 1234567' } },
      admin,
    );
  const paymentCount = async () =>
    must(
      await gql<{ payments: { totalCount: number } }>(
        'query($c: ID) { payments(customerId: $c) { totalCount } }',
        { c: customerId },
        admin,
      ),
    ).payments.totalCount;
  const closePeriod = (token: string, periodId: string, variables: Record<string, unknown> = {}) =>
    gql<{ closePeriod: Period }>(
      `mutation($id: ID!, $v: Int, $ack: Boolean!) { closePeriod(periodId: $id, expectedVersion: $v, acknowledgeWarnings: $ack) { ${PERIOD} } }`,
      { id: periodId, ack: false, ...variables },
      token,
    );
  const reopenPeriod = (token: string, periodId: string, reason: string) =>
    gql<{ reopenPeriod: Period }>(
      `mutation($id: ID!, $r: String!) { reopenPeriod(periodId: $id, reason: $r) { ${PERIOD} } }`,
      { id: periodId, r: reason },
      token,
    );

  beforeAll(async () => {
    const tenant = await createTestTenant('periods-api');
    admin = await login(tenant.adminEmail);
    customerId = must(
      await gql<{ createCustomer: { id: string } }>(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
        { input: { name: 'Syndic Erdre', billingAddressLine1: '4 quai Ceineray', billingPostalCode: '44000', billingCity: 'Nantes' } },
        admin,
      ),
    ).createCustomer.id;
  });

  it('opens a fiscal year with its twelve months, and refuses one that does not follow it, naming the field', async () => {
    const opened = must(
      await gql<{ openFiscalYear: { state: string; periods: Period[] } }>(
        `mutation($input: OpenFiscalYearInput!) { openFiscalYear(input: $input) { state periods { ${PERIOD} } } }`,
        { input: { startsOn: FIRST, endsOn: monthEnd(9) } },
        admin,
      ),
    ).openFiscalYear;
    expect(opened.state).toBe('OPEN');
    expect(opened.periods.map((p) => p.month)).toEqual(Array.from({ length: 12 }, (_, i) => monthStart(i - 2).slice(0, 7)));
    for (const p of opened.periods) periods.set(p.startsOn, p);

    const overlapping = await gql(
      'mutation($input: OpenFiscalYearInput!) { openFiscalYear(input: $input) { id } }',
      { input: { startsOn: SECOND, endsOn: monthEnd(10) } },
      admin,
    );
    expect(overlapping.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ field: 'startsOn' })],
    });
    const tooLong = await gql(
      'mutation($input: OpenFiscalYearInput!) { openFiscalYear(input: $input) { id } }',
      { input: { startsOn: monthStart(10), endsOn: monthEnd(40) } },
      admin,
    );
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'endsOn', message: 'un exercice dure 24 mois au plus' }],
    });
    expect(await fiscalYears(admin)).toHaveLength(1);
  });

  it('shows a month’s checks, refuses to close out of order, then closes the first month', async () => {
    expect((await recordPayment(`${FIRST.slice(0, 8)}05`)).data?.recordPayment.receivedOn).toBe(`${FIRST.slice(0, 8)}05`);
    const first = periods.get(FIRST)!;
    const checks = must(
      await gql<{ periodClosingChecks: { checks: { kind: string; count: number }[]; blocker: { code: string } | null } }>(
        'query($id: ID!) { periodClosingChecks(periodId: $id) { checks { kind count examples { id label date amount } } blocker { code message } } }',
        { id: first.id },
        admin,
      ),
    ).periodClosingChecks;
    expect(checks).toEqual({
      checks: ['UNBILLED_INTERVENTIONS', 'UNMATCHED_BANK_MOVEMENTS', 'DRAFT_INVOICES', 'DRAFT_CREDIT_NOTES'].map((kind) => ({
        kind,
        count: 0,
        examples: [],
      })),
      blocker: null,
    });

    const outOfOrder = await closePeriod(admin, periods.get(SECOND)!.id);
    expect(outOfOrder.errors?.[0]?.extensions).toMatchObject({ code: 'PERIOD_NOT_IN_ORDER', blockingPeriod: FIRST.slice(0, 7) });

    const closed = must(await closePeriod(admin, first.id, { v: first.version })).closePeriod;
    expect(closed).toMatchObject({
      state: 'CLOSED',
      closedBy: 'Anne Le Bihan',
      history: [{ action: 'CLOSED', actorName: 'Anne Le Bihan' }],
    });
    periods.set(FIRST, closed);
  });

  it('refuses a payment dated in the closed month with PERIOD_CLOSED, recording nothing', async () => {
    const before = await paymentCount();
    const date = `${FIRST.slice(0, 8)}20`;
    const refused = await recordPayment(date);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'PERIOD_CLOSED', category: 'CONFLICT', period: FIRST.slice(0, 7), date });
    expect(await paymentCount()).toBe(before);
  });

  it('lets neither a partner key nor a non-admin user reopen a month: FORBIDDEN, and the month stays closed', async () => {
    const key = must(
      await gql<{ createApiKey: { token: string } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
        { input: { name: 'Logiciel comptable', scopes: ['finance:read', 'finance:write'] } },
        admin,
      ),
    ).createApiKey.token;
    const byKey = await reopenPeriod(key, periods.get(FIRST)!.id, 'Correction');
    expect(byKey.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', permissions: ['platform:admin'] });

    // The demo's accountant, in the demo company whose month before last is closed (its years come latest first).
    const accountant = await login('compta@demo.relais.fr');
    const demoPeriods = (await fiscalYears(accountant)).flatMap((y) => y.periods).sort((a, b) => a.month.localeCompare(b.month));
    const lastClosed = demoPeriods.filter((p) => p.state === 'CLOSED').at(-1)!;
    expect(lastClosed.month).toBe(monthStart(-2).slice(0, 7));
    expect(lastClosed.closedBy).toBe('Christophe Daniel');
    expect(errorCodes(await reopenPeriod(accountant, lastClosed.id, 'Correction'))).toEqual(['FORBIDDEN']);
    expect((await fiscalYears(accountant)).flatMap((y) => y.periods).find((p) => p.id === lastClosed.id)?.state).toBe('CLOSED');
    // Nor can another company's admin see it.
    const other = await login('admin@autre.relais.fr');
    expect(
      errorCodes(await gql('query($id: ID!) { periodClosingChecks(periodId: $id) { blocker { code } } }', { id: lastClosed.id }, other)),
    ).toEqual(['NOT_FOUND']);
  });

  it('lets the admin reopen it with a reason, kept in its history and the audit log; the payment then goes through', async () => {
    const missing = await reopenPeriod(admin, periods.get(FIRST)!.id, ' ');
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'reason', message: 'motif obligatoire' }],
    });

    const reason = 'Chèque reçu le 20 et oublié dans le tiroir';
    const reopened = must(await reopenPeriod(admin, periods.get(FIRST)!.id, reason)).reopenPeriod;
    expect(reopened).toMatchObject({
      state: 'OPEN',
      closedBy: null,
      history: [
        { action: 'CLOSED', reason: null },
        { action: 'REOPENED', reason, actorName: 'Anne Le Bihan' },
      ],
    });
    const audit = must(
      await gql<{ auditLog: { tableName: string; action: string; changes: Record<string, unknown> }[] }>(
        'query($row: ID) { auditLog(rowId: $row) { tableName action changes } }',
        { row: reopened.id },
        admin,
      ),
    ).auditLog;
    expect(audit[0]).toMatchObject({
      tableName: 'accounting_periods',
      action: 'update',
      changes: { state: { from: 'CLOSED', to: 'OPEN' } },
    });

    const date = `${FIRST.slice(0, 8)}20`;
    expect(must(await recordPayment(date)).recordPayment.receivedOn).toBe(date);
  });
});
