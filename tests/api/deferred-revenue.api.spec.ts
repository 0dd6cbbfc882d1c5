import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Invoice,
  inTenantScope,
  issueInvoice,
  postAllPendingFacts,
  processContractBillingRun,
  runInvoiceIds,
  startContractBillingRun,
  systemIdentity,
  type Orm,
} from '@relais/domain';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { appOrm } from '../support/database';
import { createTestTenant, type TestTenant } from '../support/tenants';
import { billedContract } from '../support/contract-billing-world';

const DEFERRED = `closingDate reversalDate total deferredAccount
  documents { invoiceId number creditNote customerName serviceStart serviceEnd lineNet deferred lines { account days periodDays } }
  accounts { account amount }
  entry { journal entryDate pieceRef label lines { account accountLabel debit credit } }
  reversal { journal entryDate lines { account debit credit } }
  posting { total }`;

interface Proposal {
  total: string;
  documents: { number: string; deferred: string }[];
  posting: { total: string } | null;
}

interface JournalEntry {
  entryDate: string;
  pieceRef: string;
  sourceType: string;
  lines: { account: string; debit: string; credit: string }[];
}

const POST = `mutation($date: LocalDate!, $total: Decimal!) { postDeferredRevenue(date: $date, expectedTotal: $total) { ${DEFERRED} } }`;

describe('deferred revenue through the gateway', () => {
  let tenant: TestTenant;
  let orm: Orm;
  let admin: string;
  let reader: string;
  let invoiceNumber: string;

  /** The journal's OD entries as an accountant reads them (the worker posts within seconds: the test posts now too). */
  async function odEntries() {
    const identity = systemIdentity(tenant.tenantId, 'test');
    await inTenantScope(orm, identity, { requestId: 't' }, (em) => postAllPendingFacts(em, tenant.tenantId));
    const page = must(
      await gql<{ journalEntries: { edges: { node: JournalEntry }[] } }>(
        '{ journalEntries(journal: OD, first: 10) { edges { node { entryDate pieceRef sourceType lines { account debit credit } } } } }',
        {},
        reader,
      ),
    );
    return page.journalEntries.edges.map((e) => e.node);
  }

  beforeAll(async () => {
    tenant = await createTestTenant('deferred-revenue-api');
    orm = await appOrm();
    admin = await login(tenant.adminEmail);
    reader = must(
      await gql<{ createApiKey: { token: string } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token } }',
        { input: { name: 'Cabinet comptable', scopes: ['finance:read'] } },
        admin,
      ),
    ).createApiKey.token;
    for (const year of ['2026', '2027'])
      must(
        await gql(
          'mutation($input: OpenFiscalYearInput!) { openFiscalYear(input: $input) { id } }',
          { input: { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` } },
          admin,
        ),
      );
    // A yearly fee billed in advance by the contract run of 1 October, issued that day.
    await billedContract(
      orm,
      tenant,
      'Résidence Les Tilleuls',
      { startsOn: '2026-10-01', endsOn: '2027-09-30' },
      {
        effectiveOn: '2026-10-01',
        rhythm: 'YEARLY',
        timing: 'ADVANCE',
        feeLines: [{ label: 'Contrat annuel', amount: '1200.00', vatRateCode: 'TVA20' }],
      },
    );
    const meta = { requestId: 't' };
    const run = await inTenantScope(orm, tenant.identity, meta, (em) =>
      startContractBillingRun(em, tenant.identity, { billingDate: '2026-10-01', mode: 'DRAFT' }),
    );
    await processContractBillingRun(orm, { runId: run.id, identity: tenant.identity });
    const issued = await inTenantScope(orm, tenant.identity, meta, async (em) => {
      const [draftId] = await runInvoiceIds(em, run.id);
      const draft = await em.findOneOrFail(Invoice, { id: draftId! });
      return issueInvoice(em, draft.id, draft.version, { at: new Date('2026-10-01T09:00:00+02:00') });
    });
    invoiceNumber = issued.number!;
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  it('previews the deferred revenue at 31 December for a finance:read key, with the entry and its reversal', async () => {
    const { deferredRevenue } = must(
      await gql<{ deferredRevenue: Record<string, unknown> }>(
        `query($date: LocalDate!) { deferredRevenue(date: $date) { ${DEFERRED} } }`,
        { date: '2026-12-31' },
        reader,
      ),
    );
    expect(deferredRevenue).toEqual({
      closingDate: '2026-12-31',
      reversalDate: '2027-01-01',
      total: '897.53',
      deferredAccount: '487000',
      documents: [
        {
          invoiceId: expect.any(String),
          number: invoiceNumber,
          creditNote: false,
          customerName: 'Résidence Les Tilleuls',
          serviceStart: '2026-10-01',
          serviceEnd: '2027-09-30',
          lineNet: '1200.00',
          deferred: '897.53',
          lines: [{ account: '706100', days: 273, periodDays: 365 }],
        },
      ],
      accounts: [{ account: '706100', amount: '897.53' }],
      entry: {
        journal: 'OD',
        entryDate: '2026-12-31',
        pieceRef: 'PCA-2026-12-31',
        label: 'Produits constatés d’avance au 31/12/2026',
        lines: [
          { account: '706100', accountLabel: 'Prestations de services – contrats de maintenance', debit: '897.53', credit: '0.00' },
          { account: '487000', accountLabel: 'Produits constatés d’avance', debit: '0.00', credit: '897.53' },
        ],
      },
      reversal: {
        journal: 'OD',
        entryDate: '2027-01-01',
        lines: [
          { account: '706100', debit: '0.00', credit: '897.53' },
          { account: '487000', debit: '897.53', credit: '0.00' },
        ],
      },
      posting: null,
    });
  });

  it('posts only with finance:write and the total previewed, once; the OD entries follow in the journal', async () => {
    const forbidden = await gql(POST, { date: '2026-12-31', total: '897.53' }, reader);
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);
    const stale = await gql(POST, { date: '2026-12-31', total: '897.52' }, admin);
    expect(errorCodes(stale)).toEqual(['STALE_PROPOSAL']);
    expect(stale.errors![0]!.extensions).toMatchObject({ expectedTotal: '897.52', total: '897.53' });
    expect(stale.errors![0]!.message).toContain('897,53 € au lieu de 897,52 €');
    expect(await odEntries()).toEqual([]);

    const posted = must(await gql<{ postDeferredRevenue: Proposal }>(POST, { date: '2026-12-31', total: '897.53' }, admin));
    expect(posted.postDeferredRevenue).toMatchObject({ total: '897.53', posting: { total: '897.53' } });
    expect(await odEntries()).toEqual([
      {
        entryDate: '2026-12-31',
        pieceRef: 'PCA-2026-12-31',
        sourceType: 'DEFERRED_REVENUE',
        lines: [
          { account: '706100', debit: '897.53', credit: '0.00' },
          { account: '487000', debit: '0.00', credit: '897.53' },
        ],
      },
      {
        entryDate: '2027-01-01',
        pieceRef: 'PCA-2026-12-31',
        sourceType: 'DEFERRED_REVENUE',
        lines: [
          { account: '706100', debit: '0.00', credit: '897.53' },
          { account: '487000', debit: '897.53', credit: '0.00' },
        ],
      },
    ]);

    const again = await gql(POST, { date: '2026-12-31', total: '897.53' }, admin);
    expect(errorCodes(again)).toEqual(['DEFERRED_REVENUE_ALREADY_POSTED']);
    expect(await odEntries()).toHaveLength(2);
  });
});
