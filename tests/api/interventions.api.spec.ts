import { beforeAll, describe, expect, it } from 'vitest';
import { TODAY } from '../support/dates';
import { errorCodes, gql, login } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';

/** Legal numbers carry the year of the Paris date they are given on, not the UTC one (they differ on New Year's Eve after 23:00 UTC). */
const YEAR = TODAY.slice(0, 4);
const FIELDS = 'id number status version dueBy scheduledStart scheduledEnd warnings { kind message } technicians { id fullName }';
const REPORT = `report { frozen travelCount totalHours signerName signedAt signatureDataUrl
  labour { hours labourType workDate technician { id } } parts { quantity serialNumber item { code label salePrice } } observations }`;
type Intervention = {
  id: string;
  number: string;
  status: string;
  version: number;
  dueBy: string;
  warnings: { kind: string }[];
  technicians: { id: string }[];
  report?: {
    frozen: boolean;
    totalHours: string;
    travelCount: number;
    labour: { hours: string }[];
    parts: { quantity: string; item: { code: string } }[];
    signerName: string | null;
  };
};
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('an intervention from request to closing, through the gateway', () => {
  let token: string;
  let fx: Fixture;
  let partnerKey: string;

  beforeAll(async () => {
    const tenant = await createTestTenant('api-interventions');
    token = await login(tenant.adminEmail);
    fx = await createMaintenanceFixture(token, tenant.tenantId, 'interventions');
    const key = await gql<{ createApiKey: { token: string } }>(
      'mutation { createApiKey(input: { name: "GTB du client", scopes: ["maintenance:read", "maintenance:write"] }) { token } }',
      {},
      token,
    );
    partnerKey = key.data!.createApiKey.token;
  });

  const call = async <T>(query: string, variables: Record<string, unknown>, as = token) => gql<T>(query, variables, as);

  it('goes requested → scheduled → in progress → completed → closed, and the partner reads the frozen report', async () => {
    const created = await call<{ createInterventionRequest: Intervention }>(
      `mutation($input: CreateInterventionRequestInput!) { createInterventionRequest(input: $input) { ${FIELDS} } }`,
      { input: { customerId: fx.customerId, siteId: fx.siteId, title: 'Fuite sur groupe froid', priority: 'URGENT' } },
      partnerKey,
    );
    expect(created.errors).toBeUndefined();
    let job = created.data!.createInterventionRequest;
    expect(job).toMatchObject({ number: `I-${YEAR}-00001`, status: 'REQUESTED', version: 1, technicians: [] });
    // no contract: the default SLA for an urgent request is 4 hours
    expect(new Date(job.dueBy).getTime() - Date.now()).toBeGreaterThan(3.9 * 3600_000);

    const start = new Date(Date.now() + 3600_000);
    const scheduled = await call<{ scheduleIntervention: Intervention }>(
      `mutation($id: ID!, $t: [ID!]!, $s: DateTime!, $e: DateTime!, $v: Int!) { scheduleIntervention(id: $id, technicianIds: $t, start: $s, end: $e, expectedVersion: $v) { ${FIELDS} } }`,
      {
        id: job.id,
        t: [fx.technicianId],
        s: start.toISOString(),
        e: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        v: job.version,
      },
    );
    expect(scheduled.errors).toBeUndefined();
    job = scheduled.data!.scheduleIntervention;
    expect(job.status).toBe('SCHEDULED');
    expect(job.technicians.map((t) => t.id)).toEqual([fx.technicianId]);

    const stale = await call(`mutation($id: ID!) { startIntervention(id: $id, expectedVersion: 1) { id } }`, { id: job.id });
    expect(errorCodes(stale)).toEqual(['STALE_VERSION']);

    job = (
      await call<{ startIntervention: Intervention }>(
        `mutation($id: ID!, $v: Int!) { startIntervention(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
        { id: job.id, v: job.version },
      )
    ).data!.startIntervention;
    expect(job.status).toBe('IN_PROGRESS');

    const early = await call(`mutation($id: ID!, $v: Int!) { completeIntervention(id: $id, expectedVersion: $v) { id } }`, {
      id: job.id,
      v: job.version,
    });
    expect(errorCodes(early)).toEqual(['VALIDATION_FAILED']);

    const today = new Date().toISOString().slice(0, 10);
    const reported = await call<{ recordInterventionReport: Intervention }>(
      `mutation($id: ID!, $r: InterventionReportInput!, $v: Int!) { recordInterventionReport(id: $id, report: $r, expectedVersion: $v) { ${FIELDS} ${REPORT} } }`,
      {
        id: job.id,
        v: job.version,
        r: {
          labour: [{ technicianId: fx.technicianId, workDate: today, hours: '2.5', labourType: 'NORMAL' }],
          travelCount: 1,
          parts: [
            { catalogItemId: fx.partIds[0], quantity: '2' },
            { catalogItemId: fx.partIds[1], quantity: '1' },
          ],
          observations: 'Joint remplacé, pression contrôlée',
          signerName: 'M. Durand',
          signatureDataUrl: SIGNATURE,
        },
      },
    );
    expect(reported.errors).toBeUndefined();
    job = reported.data!.recordInterventionReport;
    expect(job.report).toMatchObject({ totalHours: '2.50', travelCount: 1, signerName: 'M. Durand', frozen: false });

    job = (
      await call<{ completeIntervention: Intervention }>(
        `mutation($id: ID!, $v: Int!) { completeIntervention(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
        { id: job.id, v: job.version },
      )
    ).data!.completeIntervention;
    expect(job.status).toBe('COMPLETED');
    job = (
      await call<{ closeIntervention: Intervention }>(
        `mutation($id: ID!, $v: Int!) { closeIntervention(id: $id, expectedVersion: $v) { ${FIELDS} } }`,
        { id: job.id, v: job.version },
      )
    ).data!.closeIntervention;
    expect(job.status).toBe('CLOSED');

    const frozen = await call(
      `mutation($id: ID!, $v: Int!) { recordInterventionReport(id: $id, report: { labour: [], parts: [] }, expectedVersion: $v) { id } }`,
      { id: job.id, v: job.version },
    );
    expect(errorCodes(frozen)).toEqual(['REPORT_FROZEN']);
    const reopened = await call(`mutation($id: ID!, $v: Int!) { cancelIntervention(id: $id, reason: "x", expectedVersion: $v) { id } }`, {
      id: job.id,
      v: job.version,
    });
    expect(errorCodes(reopened)).toEqual(['INVALID_TRANSITION']);

    const asPartner = await call<{ intervention: Intervention }>(
      `query($id: ID!) { intervention(id: $id) { ${FIELDS} ${REPORT} } }`,
      { id: job.id },
      partnerKey,
    );
    expect(asPartner.data!.intervention.status).toBe('CLOSED');
    expect(asPartner.data!.intervention.report).toMatchObject({
      frozen: true,
      totalHours: '2.50',
      parts: [
        { quantity: '2.00', item: { code: 'FILTRE-G4' } },
        { quantity: '1.00', item: { code: 'COURROIE-A38' } },
      ],
    });
  });

  it('bills a closed intervention once: draft at list rates, legal number at issue, linked both ways', async () => {
    const closed = await call<{ interventions: { edges: { node: { id: string } }[] } }>(
      '{ interventions(filter: { status: [CLOSED] }) { edges { node { id } } } }',
      {},
    );
    const interventionId = closed.data!.interventions.edges[0]!.node.id;
    const billable = await call<{ billable: { intervention: { id: string }; estimatedNet: string; estimatedGross: string }[] }>(
      '{ billable { intervention { id } estimatedNet estimatedGross } }',
      {},
    );
    // À facturer shows what the conversion will bill, to the cent.
    expect(billable.data!.billable.find((b) => b.intervention.id === interventionId)).toMatchObject({
      estimatedNet: '257.40',
      estimatedGross: '308.88',
    });

    const INVOICE =
      'id number status version totalNet totalVat totalGross lines { description lineNet } vatBreakdown { rate basis tax } interventions { id number status }';
    const draft = await call<{
      convertInterventionToInvoice: {
        id: string;
        number: string | null;
        version: number;
        totalNet: string;
        totalVat: string;
        totalGross: string;
        interventions: { status: string }[];
      };
    }>(`mutation($id: ID!) { convertInterventionToInvoice(interventionId: $id) { ${INVOICE} } }`, { id: interventionId });
    expect(draft.errors).toBeUndefined();
    // no contract: list rates. 2.5 h × 65.00 + 1 trip × 45.00 + 2 × 18.50 + 1 × 12.90 = 257.40, VAT 20 % = 51.48
    expect(draft.data!.convertInterventionToInvoice).toMatchObject({
      number: null,
      totalNet: '257.40',
      totalVat: '51.48',
      totalGross: '308.88',
    });
    expect(draft.data!.convertInterventionToInvoice.interventions).toEqual([expect.objectContaining({ status: 'INVOICED' })]);

    const again = await call(`mutation($id: ID!) { convertInterventionToInvoice(interventionId: $id) { id } }`, { id: interventionId });
    expect(errorCodes(again)).toEqual(['ALREADY_INVOICED']);

    const { id, version } = draft.data!.convertInterventionToInvoice;
    const issued = await call<{ issueInvoice: { number: string; status: string } }>(
      `mutation($id: ID!, $v: Int!) { issueInvoice(id: $id, expectedVersion: $v) { number status } }`,
      { id, v: version },
    );
    expect(issued.data!.issueInvoice).toEqual({ number: `F-${YEAR}-00001`, status: 'ISSUED' });
    const fromIntervention = await call<{ intervention: { status: string; invoice: { number: string; totalGross: string } } }>(
      'query($id: ID!) { intervention(id: $id) { status invoice { number totalGross } } }',
      { id: interventionId },
    );
    expect(fromIntervention.data!.intervention).toEqual({
      status: 'INVOICED',
      invoice: { number: issued.data!.issueInvoice.number, totalGross: '308.88' },
    });
    const asClerk = await call('{ billable { intervention { id } } }', {}, partnerKey);
    expect(errorCodes(asClerk)).toEqual(['FORBIDDEN']);
  });

  it('warns about an overlap on the same technician without refusing it', async () => {
    const start = new Date(Date.UTC(2030, 0, 8, 9, 0));
    const plan = async (title: string) => {
      const created = (
        await call<{ createInterventionRequest: Intervention }>(
          `mutation($input: CreateInterventionRequestInput!) { createInterventionRequest(input: $input) { ${FIELDS} } }`,
          { input: { customerId: fx.customerId, siteId: fx.siteId, title } },
        )
      ).data!.createInterventionRequest;
      return (
        await call<{ scheduleIntervention: Intervention }>(
          `mutation($id: ID!, $t: [ID!]!, $s: DateTime!, $e: DateTime!, $v: Int!) { scheduleIntervention(id: $id, technicianIds: $t, start: $s, end: $e, expectedVersion: $v) { ${FIELDS} } }`,
          {
            id: created.id,
            t: [fx.technicianId],
            s: start.toISOString(),
            e: new Date(start.getTime() + 3600_000).toISOString(),
            v: created.version,
          },
        )
      ).data!.scheduleIntervention;
    };
    await plan('Premier');
    const second = await plan('Second');
    expect(second.status).toBe('SCHEDULED');
    // 2030 is also far past the 72-hour default deadline of a normal request
    expect(second.warnings.map((w) => w.kind)).toEqual(['OVERLAP', 'SLA_BREACH']);
  });

  it('refuses bad input with the fields named and creates nothing', async () => {
    const before = (await call<{ interventions: { totalCount: number } }>('{ interventions { totalCount } }', {})).data!.interventions
      .totalCount;
    const refused = await call(`mutation($input: CreateInterventionRequestInput!) { createInterventionRequest(input: $input) { id } }`, {
      input: { customerId: fx.customerId, siteId: fx.customerId, title: ' ' },
    });
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    expect((refused.errors![0]!.extensions!.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['siteId', 'title']);
    const after = (await call<{ interventions: { totalCount: number } }>('{ interventions { totalCount } }', {})).data!.interventions
      .totalCount;
    expect(after).toBe(before);
  });
});

describe('preventive generation as a job', () => {
  it('creates the visits due within the horizon once, and nothing the second time', async () => {
    const tenant = await createTestTenant('api-preventive');
    const token = await login(tenant.adminEmail);
    const fx = await createMaintenanceFixture(token, tenant.tenantId, 'preventive');
    const today = new Date().toISOString().slice(0, 10);
    const contract = await gql<{ createContract: { id: string } }>(
      `mutation($c: ID!, $terms: ContractTermsInput!) { createContract(customerId: $c, terms: $terms) { id reference status } }`,
      {
        c: fx.customerId,
        terms: {
          title: 'Maintenance CVC',
          startsOn: today,
          endsOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
          siteIds: [fx.siteId],
          rateCard: {
            labourRates: ['NORMAL', 'OVERTIME', 'NIGHT', 'WEEKEND_HOLIDAY'].map((t, i) => ({
              labourType: t,
              hourlyRate: String(65 + i * 16),
            })),
            travelPricing: 'FLAT',
            travelFlatFee: '45.00',
          },
          plans: [{ equipmentCategory: 'HEAT_PUMP', visitsPerYear: 12 }],
        },
      },
      token,
    );
    expect(contract.errors).toBeUndefined();
    for (const name of ['PAC Daikin bureau', 'PAC Atlantic atelier']) {
      const equipment = await gql(
        `mutation($input: EquipmentInput!) { createEquipment(input: $input) { id } }`,
        { input: { siteId: fx.siteId, contractId: contract.data!.createContract.id, name, category: 'HEAT_PUMP' } },
        token,
      );
      expect(equipment.errors).toBeUndefined();
    }
    const run = async () => {
      const started = await gql<{ generatePreventiveInterventions: { id: string; state: string } }>(
        'mutation { generatePreventiveInterventions(horizonDays: 90) { id state } }',
        {},
        token,
      );
      expect(started.data!.generatePreventiveInterventions.state).toBe('QUEUED');
      for (let i = 0; i < 100; i += 1) {
        const polled = await gql<{ jobRun: { state: string; progress: number; total: number; result: string } }>(
          'query($id: ID!) { jobRun(id: $id) { state progress total result error } }',
          { id: started.data!.generatePreventiveInterventions.id },
          token,
        );
        if (polled.data!.jobRun.state === 'SUCCEEDED' || polled.data!.jobRun.state === 'FAILED') return polled.data!.jobRun;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('job did not finish');
    };
    const first = await run();
    // monthly visits from today over 90 days: today, +1 month, +2 months, +3 months when it falls inside
    expect(first.state).toBe('SUCCEEDED');
    expect(first.progress).toBe(first.total);
    const count = async () =>
      (
        await gql<{ interventions: { totalCount: number } }>(
          '{ interventions(filter: { type: [PREVENTIVE], unscheduled: true }) { totalCount } }',
          {},
          token,
        )
      ).data!.interventions.totalCount;
    const created = await count();
    expect(created % 2).toBe(0);
    expect(created).toBeGreaterThanOrEqual(6);
    expect(first.result).toMatch(new RegExp(`^${created} intervention`));
    const second = await run();
    expect(second.result).toMatch(/^0 intervention/);
    expect(await count()).toBe(created);
  });
});
