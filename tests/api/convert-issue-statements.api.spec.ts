import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  IDENTITY_HEADER,
  createContract,
  inTenantScope,
  localDate,
  signInternalIdentity,
  type Identity,
  type Intervention,
  type Orm,
} from '@relais/domain';
import { appOrm } from '../support/database';
import { gql, login, must } from '../support/graphql-client';
import { createMaintenanceWorld, interventionThrough, simpleReport, type MaintenanceWorld } from '../support/maintenance-world';
import { createTestTenant, type TestTenant } from '../support/tenants';

const CONVERT = 'mutation($id: ID!) { convertInterventionToInvoice(interventionId: $id) { id version status totalGross } }';
const ISSUE = 'mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { id number status totalGross } }';

/**
 * What converting a closed intervention and issuing the draft cost in SQL statements, per
 * mutation, `begin`, session settings and `commit` included, as the billing subgraph counts them
 * (its `x-sql-queries` header: one request's own statements, whatever else the stack serves).
 * The batch loads of the conversion and the one locking read of the issue keep it a fixed number,
 * whatever the lines: a regression here is a statement that came back.
 */
describe('convert + issue: SQL statements per invoice', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  let identity: Identity;
  let token: string;
  const year = localDate(new Date()).slice(0, 4);
  const inScope = <T>(work: Parameters<typeof inTenantScope<T>>[3]) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  /** One mutation sent to the billing subgraph itself (as the gateway would), with the statements it cost. */
  async function billing<T>(query: string, variables: Record<string, unknown>): Promise<{ data: T; statements: number }> {
    const response = await fetch(inject('subgraphUrls').billing!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await signInternalIdentity(identity, inject('internalSecret')) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return { data: body.data!, statements: Number(response.headers.get('x-sql-queries')) };
  }

  const closed = (siteId: string, hours: string) =>
    interventionThrough(orm, tenant, w, {
      siteId,
      title: 'Entretien groupe froid',
      report: simpleReport(w, hours, [
        { catalogItemId: w.items['FIL-G4-592']!, quantity: '2' },
        { catalogItemId: w.items['FLU-R32']!, quantity: '1.5' },
      ]),
    });

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('convert-issue-cost');
    w = await createMaintenanceWorld(orm, tenant);
    const y = Number(year);
    // The main site is under contract (rate card, 10 included hours a year); the warehouse is not.
    await inScope((em) =>
      createContract(em, tenant.tenantId, {
        customerId: w.customerId,
        title: 'Contrat CVC',
        startsOn: `${y - 1}-01-01`,
        endsOn: `${y + 1}-12-31`,
        tacitRenewal: true,
        noticeDays: 90,
        siteIds: [w.siteId],
        sla: {},
        rateCard: {
          labourRates: { NORMAL: '70.00' },
          travelPricing: 'FLAT',
          travelFlatFee: '40.00',
          travelZones: [],
          partsDiscountPercent: '10',
          includedLabourHoursPerYear: '10',
          travelIncluded: false,
          partsIncluded: false,
        },
        plans: [],
      }),
    );
    token = await login(tenant.adminEmail);
    const me = must(await gql<{ me: { id: string } }>('{ me { id } }', {}, token)).me;
    identity = { kind: 'user', tenantId: tenant.tenantId, userId: me.id, role: 'admin', email: tenant.adminEmail };
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
  });

  async function convertAndIssue(intervention: Intervention) {
    const convert = await billing<{ convertInterventionToInvoice: { id: string; version: number; status: string } }>(CONVERT, {
      id: intervention.id,
    });
    const draft = convert.data.convertInterventionToInvoice;
    expect(draft.status).toBe('DRAFT');
    const issue = await billing<{ issueInvoice: { number: string; status: string; totalGross: string } }>(ISSUE, {
      id: draft.id,
      v: draft.version,
    });
    return { id: draft.id, convert: convert.statements, issue: issue.statements, invoice: issue.data.issueInvoice };
  }

  it('converts and issues in 6 + 5 statements, with or without a contract, numbers following', async () => {
    const closedPlain = await closed(w.otherSiteId, '2');
    const plain = await convertAndIssue(closedPlain);
    // begin, session settings (both in one round trip), lock the intervention (and its contract, if any), read all
    // pricing inputs, insert the invoice with its lines, VAT breakdown and link and move the intervention to INVOICED
    // (one statement), commit.
    expect(plain.convert).toBe(6);
    // begin, session settings, lock and read the draft (lines, breakdown, customer, VAT rates, closed periods),
    // the series lock, the number, the issue and its fact (one statement), with the commit in its message.
    expect(plain.issue).toBe(5);
    expect(plain.invoice).toMatchObject({ number: `F-${year}-00001`, status: 'ISSUED' });
    // The move to INVOICED carried by the invoice's insert is a change like any other: status and version.
    const after = must(
      await gql<{ intervention: { status: string; version: number } }>(
        'query($id: ID!) { intervention(id: $id) { status version } }',
        { id: closedPlain.id },
        token,
      ),
    ).intervention;
    expect(after).toEqual({ status: 'INVOICED', version: closedPlain.version + 1 });

    // Under contract: its row locked as well (included hours are read then given out), by the same statement.
    const underContract = await convertAndIssue(await closed(w.siteId, '3'));
    expect(underContract.convert).toBe(6);
    expect(underContract.issue).toBe(5);
    expect(underContract.invoice).toMatchObject({ number: `F-${year}-00002`, status: 'ISSUED' });
    // 3 h within the 10 included hours, travel 40,00 €, parts at 10 % off: the included hours were read and applied.
    const lines = must(
      await gql<{ invoice: { lines: { kind: string; lineNet: string; reason: string | null }[] } }>(
        'query($id: ID!) { invoice(id: $id) { lines { kind lineNet reason } } }',
        { id: underContract.id },
        token,
      ),
    ).invoice.lines;
    expect(lines.find((l) => l.kind === 'LABOUR')).toMatchObject({ lineNet: '0.00' });
    expect(lines.find((l) => l.kind === 'TRAVEL')).toMatchObject({ lineNet: '40.00' });
  });
});
