import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrm, inTenantScope, postAllPendingFacts, systemIdentity, type Orm } from '@relais/domain';
import { errorCodes, gql, login, type GraphQLResponse } from '../support/graphql-client';
import { createTestTenant, type TestTenant } from '../support/tenants';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';

import { TODAY } from '../support/dates';

interface Entry {
  id: string;
  journal: string;
  pieceRef: string;
  sourceType: string;
  invoice: { number: string } | null;
  payment: { amount: string } | null;
  lines: { account: string; accountLabel: string | null; auxiliaryAccount: string | null; debit: string; credit: string }[];
}

interface EntriesPage {
  journalEntries: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Entry }[] };
}

const ENTRIES = `query($first: Int, $after: String, $journal: Journal, $account: String) {
  journalEntries(first: $first, after: $after, journal: $journal, account: $account) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id journal pieceRef sourceType invoice { number } payment { amount }
      lines { account accountLabel auxiliaryAccount debit credit } } }
  }
}`;

describe('the ledger through the gateway', () => {
  let admin: string;
  let fx: Fixture;
  let tenant: TestTenant;
  let orm: Orm;

  async function apiKey(scopes: string[]): Promise<string> {
    const created = await gql<{ createApiKey: { token: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
      { input: { name: `Cabinet comptable ${scopes.join(' ')}`, scopes } },
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
    await gql('mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { id } }', { id, v: version }, admin);
    return id;
  }

  /** Posts the tenant's facts now, as the finance worker would within seconds (it may be at it too: they take turns). */
  async function posted(): Promise<void> {
    const identity = systemIdentity(tenant.tenantId, 'test');
    for (let attempt = 0; attempt < 100; attempt += 1) {
      await inTenantScope(orm, identity, { requestId: 't' }, (em) => postAllPendingFacts(em, tenant.tenantId));
      const waiting = await inTenantScope(orm, identity, { requestId: 't' }, (em) =>
        em.execute<{ n: number }[]>(
          `select count(*)::int as n from business_facts f
            where not exists (select 1 from ledger_cursors c where (f.xact_id, f.seq) <= (c.last_xact_id, c.last_seq))`,
        ),
      );
      if (waiting[0]!.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('facts still waiting to be posted');
  }

  beforeAll(async () => {
    tenant = await createTestTenant('ledger-api');
    admin = await login(tenant.adminEmail);
    fx = await createMaintenanceFixture(admin, tenant.tenantId, 'ledger-api');
    orm = await createOrm(inject('appDatabaseUrl'), { pool: { min: 0, max: 2 } });
  });

  afterAll(async () => {
    await orm.close(true);
  });

  it('lists the journal page by page with its documents, and the trial balance evens out', async () => {
    const accountant = await apiKey(['finance:read', 'billing:read']);
    const first = await issuedInvoice('100.00'); // 120.00 TTC
    await issuedInvoice('250.00'); // 300.00 TTC
    await issuedInvoice('40.00'); // 48.00 TTC
    const payment = await gql<{ recordPayment: { id: string } }>(
      'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
      {
        input: {
          customerId: fx.customerId,
          receivedOn: TODAY,
          amount: '120.00',
          method: 'TRANSFER',
          reference: 'VIR FACTURE',
          allocations: [{ invoiceId: first, amount: '120.00' }],
        },
      },
      admin,
    );
    expect(payment.errors).toBeUndefined();
    await posted();

    const seen: Entry[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: GraphQLResponse<EntriesPage> = await gql<EntriesPage>(ENTRIES, { first: 2, after }, accountant);
      expect(page.errors).toBeUndefined();
      const { totalCount, pageInfo, edges } = page.data!.journalEntries;
      expect(totalCount).toBe(4);
      seen.push(...edges.map((e) => e.node));
      pages += 1;
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(2);
    expect(new Set(seen.map((e) => e.id)).size).toBe(4);
    expect(seen.map((e) => [e.journal, e.sourceType]).sort()).toEqual([
      ['BQ', 'PAYMENT'],
      ['VT', 'INVOICE'],
      ['VT', 'INVOICE'],
      ['VT', 'INVOICE'],
    ]);
    const sale = seen.find((e) => e.invoice && e.lines.some((l) => l.debit === '120.00'))!;
    expect(sale.invoice!.number).toBe(sale.pieceRef);
    expect(sale.lines).toEqual([
      { account: '411000', accountLabel: 'Clients', auxiliaryAccount: expect.stringMatching(/^411/), debit: '120.00', credit: '0.00' },
      { account: '706000', accountLabel: 'Prestations de services', auxiliaryAccount: null, debit: '0.00', credit: '100.00' },
      { account: '445711', accountLabel: 'TVA collectée 20 %', auxiliaryAccount: null, debit: '0.00', credit: '20.00' },
    ]);
    expect(seen.find((e) => e.journal === 'BQ')!.payment).toEqual({ amount: '120.00' });

    const bank = await gql<{ journalEntries: { totalCount: number } }>(ENTRIES, { journal: 'BQ', account: '512' }, accountant);
    expect(bank.data!.journalEntries.totalCount).toBe(1);

    const balance = await gql<{ ledgerBalance: { totalDebit: string; totalCredit: string; rows: { account: string; balance: string }[] } }>(
      `query { ledgerBalance(to: "${TODAY}") { totalDebit totalCredit rows { account debit credit balance } } }`,
      {},
      accountant,
    );
    expect(balance.errors).toBeUndefined();
    expect(balance.data!.ledgerBalance).toMatchObject({ totalDebit: '588.00', totalCredit: '588.00' });
    expect(balance.data!.ledgerBalance.rows.find((r) => r.account === '411000')!.balance).toBe('348.00');

    const invoiceSide = await gql<{ invoice: { journalEntries: { pieceRef: string }[] } }>(
      'query($id: ID!) { invoice(id: $id) { journalEntries { pieceRef } } }',
      { id: first },
      accountant,
    );
    expect(invoiceSide.errors).toBeUndefined();
    expect(invoiceSide.data!.invoice.journalEntries).toHaveLength(1);
  });

  it('refuses a key without finance:read, and bad input with the field named', async () => {
    const billingOnly = await apiKey(['billing:read']);
    expect(errorCodes(await gql(ENTRIES, { first: 10 }, billingOnly))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql('{ ledgerBalance { totalDebit } }', {}, billingOnly))).toEqual(['FORBIDDEN']);

    const accountant = await apiKey(['finance:read']);
    const tooMany = await gql(ENTRIES, { first: 500 }, accountant);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'first' }] });
    const badAccount = await gql(ENTRIES, { account: '411%' }, accountant);
    expect(badAccount.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'account' }] });
    const mapping = await gql<{ updateLedgerMapping: unknown }>(
      `mutation { updateLedgerMapping(input: {
          labourAccount: "706000", travelAccount: "708500", partsAccount: "707000", contractFeeAccount: "706100",
          otherRevenueAccount: "706000", allowanceAccount: "709000", chargeAccount: "708500", depositAccount: "419100",
          receivableAccount: "411000", retentionAccount: "411700", bankAccount: "512000", bankFeesAccount: "627000",
          internalTransferAccount: "580000", supplierAccount: "401000", suspenseAccount: "471000",
          vatAccounts: [{ rate: "20.00", account: "445711" }], defaultVatAccount: "445710" }) { version } }`,
      {},
      accountant,
    );
    expect(errorCodes(mapping)).toEqual(['FORBIDDEN']);
  });
});
