import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { createTestTenant } from '../support/tenants';
import { createMaintenanceFixture, type Fixture } from '../support/maintenance-fixtures';

const LIST = `query($first: Int) { interventions(first: $first) { totalCount edges { node {
  id number status customer { name } site { name } equipment { name } contract { reference } technicians { fullName }
  warnings { kind } report { totalHours labour { hours technician { fullName } } parts { quantity item { label } } } } } } }`;

async function sqlStatements(run: () => Promise<unknown>): Promise<number> {
  const metrics = async () =>
    (await (await fetch(inject('subgraphUrls').maintenance!.replace('/graphql', '/metrics'))).json()) as { sqlQueries: number };
  const before = await metrics();
  await run();
  return (await metrics()).sqlQueries - before.sqlQueries;
}

describe('maintenance lists and isolation through the gateway', () => {
  let token: string;
  let fx: Fixture;
  const ids: string[] = [];

  beforeAll(async () => {
    const tenant = await createTestTenant('api-lists');
    token = await login(tenant.adminEmail);
    fx = await createMaintenanceFixture(token, tenant.tenantId, 'lists');
    const equipment = await gql<{ createEquipment: { id: string } }>(
      'mutation($input: EquipmentInput!) { createEquipment(input: $input) { id } }',
      { input: { siteId: fx.siteId, name: 'Chaudière Viessmann', category: 'BOILER', brand: 'Viessmann' } },
      token,
    );
    for (let i = 0; i < 12; i += 1) {
      const created = await gql<{ createInterventionRequest: { id: string; version: number } }>(
        'mutation($input: CreateInterventionRequestInput!) { createInterventionRequest(input: $input) { id version } }',
        {
          input: {
            customerId: fx.customerId,
            siteId: fx.siteId,
            equipmentId: equipment.data!.createEquipment.id,
            title: `Demande ${i + 1}`,
          },
        },
        token,
      );
      const { id, version } = created.data!.createInterventionRequest;
      ids.push(id);
      if (i % 2 === 0) {
        const start = new Date(Date.UTC(2031, 2, 3 + i, 8, 0));
        await gql(
          'mutation($id: ID!, $t: [ID!]!, $s: DateTime!, $e: DateTime!, $v: Int!) { scheduleIntervention(id: $id, technicianIds: $t, start: $s, end: $e, expectedVersion: $v) { id } }',
          { id, t: [fx.technicianId], s: start.toISOString(), e: new Date(start.getTime() + 3600_000).toISOString(), v: version },
          token,
        );
      }
    }
  });

  it('costs the same SQL for 2 or 12 interventions with customer, site, equipment, technicians, warnings and report', async () => {
    const small = await sqlStatements(async () => expect((await gql(LIST, { first: 2 }, token)).errors).toBeUndefined());
    const large = await sqlStatements(async () => {
      const response = await gql<{ interventions: { edges: unknown[] } }>(LIST, { first: 12 }, token);
      expect(response.data!.interventions.edges).toHaveLength(12);
    });
    expect(large).toBe(small);
  });

  it('pages through interventions newest first without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        data?: { interventions: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null;
      } = await gql(
        'query($after: String) { interventions(first: 5, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
        token,
      );
      seen.push(...page.data!.interventions.edges.map((e) => e.node.id));
      after = page.data!.interventions.pageInfo.hasNextPage ? page.data!.interventions.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters by status, technician and period', async () => {
    const scheduled = await gql<{ interventions: { totalCount: number } }>(
      'query($t: ID) { interventions(filter: { status: [SCHEDULED], technicianId: $t, from: "2031-03-01T00:00:00Z", to: "2031-03-08T00:00:00Z" }) { totalCount } }',
      { t: fx.technicianId },
      token,
    );
    // scheduled on March 3, 5 and 7
    expect(scheduled.data!.interventions.totalCount).toBe(3);
  });

  it('tells a signed-in user which technician they are, across subgraphs', async () => {
    const query = '{ me { fullName technician { fullName skills } } }';
    const technician = await gql<{ me: { technician: { fullName: string } | null } }>(query, {}, await login('technicien@demo.relais.fr'));
    expect(technician.data!.me.technician!.fullName).toBe('Théo Le Floch');
    const clerk = await gql<{ me: { technician: null } }>(query, {}, await login('facturation@demo.relais.fr'));
    expect(clerk.data!.me.technician).toBeNull();
  });

  it('lists 50 interventions with their total, customer, site, equipment and technicians in at most 6 statements', async () => {
    const query = `{ interventions(first: 50) { totalCount edges { node { id number customer { name } site { name address { city } }
      equipment { name category } technicians { fullName } } } } }`;
    let response: Awaited<ReturnType<typeof gql<{ interventions: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>>>;
    const statements = await sqlStatements(async () => {
      response = await gql(query, {}, token);
    });
    expect(statements).toBeLessThanOrEqual(6);
    const list = must(response!).interventions;
    expect(list.totalCount).toBe(12);
    expect(list.edges).toHaveLength(12);
    expect(list.edges[0]!.node).toMatchObject({
      id: ids[11],
      customer: { name: 'Client lists' },
      site: { name: 'Site lists', address: { city: 'Nantes' } },
      equipment: { name: 'Chaudière Viessmann', category: 'BOILER' },
      technicians: [],
    });
    expect(list.edges[11]!.node).toMatchObject({ id: ids[0], technicians: [{ fullName: 'Tech lists' }] });
    // A page past the end still counts everything.
    const last = await gql<{ interventions: { totalCount: number; edges: unknown[] } }>(
      'query($after: String) { interventions(first: 5, after: $after) { totalCount edges { node { id } } } }',
      {
        after: (
          await gql<{ interventions: { pageInfo: { endCursor: string } } }>(
            '{ interventions(first: 12) { pageInfo { endCursor } } }',
            {},
            token,
          )
        ).data!.interventions.pageInfo.endCursor,
      },
      token,
    );
    expect(must(last).interventions).toEqual({ totalCount: 12, edges: [] });
  });

  it('shows the dispatch board with the same jobs, technicians, warnings and absences as the single reads, in at most 6 statements', async () => {
    // An absence on March 5 and a job overlapping the one of March 3: the board warns about both.
    must(
      await gql(
        'mutation($input: AbsenceInput!) { addTechnicianAbsence(input: $input) { id } }',
        { input: { technicianId: fx.technicianId, startsAt: '2031-03-05T00:00:00Z', endsAt: '2031-03-06T00:00:00Z', reason: 'Formation' } },
        token,
      ),
    );
    const extra = must(
      await gql<{ createInterventionRequest: { id: string; version: number } }>(
        'mutation($input: CreateInterventionRequestInput!) { createInterventionRequest(input: $input) { id version } }',
        { input: { customerId: fx.customerId, siteId: fx.siteId, title: 'Urgence chevauchante' } },
        token,
      ),
    ).createInterventionRequest;
    must(
      await gql(
        'mutation($id: ID!, $t: [ID!]!, $v: Int!) { scheduleIntervention(id: $id, technicianIds: $t, start: "2031-03-03T08:30:00Z", end: "2031-03-03T09:30:00Z", expectedVersion: $v) { id } }',
        { id: extra.id, t: [fx.technicianId], v: extra.version },
        token,
      ),
    );
    const BOARD = `query($from: DateTime!, $to: DateTime!, $fromDate: LocalDate!, $toDate: LocalDate!) { dispatchBoard(from: $from, to: $to) {
      technicians { id fullName absences(from: $fromDate, to: $toDate) { reason startsAt } }
      scheduled { id number scheduledStart technicians { id } site { name } customer { name } warnings { kind message } }
      unscheduled { id number site { name } customer { name } warnings { kind } } } }`;
    type Job = { id: string; number: string; warnings: { kind: string; message?: string }[] };
    let board: { dispatchBoard: { technicians: { id: string; absences: unknown[] }[]; scheduled: Job[]; unscheduled: Job[] } } | undefined;
    const statements = await sqlStatements(async () => {
      board = must(
        await gql<NonNullable<typeof board>>(
          BOARD,
          { from: '2031-03-02T23:00:00Z', to: '2031-03-16T23:00:00Z', fromDate: '2031-03-03', toDate: '2031-03-16' },
          token,
        ),
      );
    });
    expect(statements).toBeLessThanOrEqual(6);
    const { technicians, scheduled, unscheduled } = board!.dispatchBoard;
    expect(technicians.find((t) => t.id === fx.technicianId)).toEqual({
      id: fx.technicianId,
      fullName: 'Tech lists',
      absences: [{ reason: 'Formation', startsAt: '2031-03-05T00:00:00.000Z' }],
    });
    // The six jobs scheduled from March 3 to 13, and the overlapping one, by start.
    expect(scheduled.map((j) => j.id)).toEqual([ids[0], extra.id, ids[2], ids[4], ids[6], ids[8], ids[10]]);
    expect(scheduled[1]).toMatchObject({
      technicians: [{ id: fx.technicianId }],
      site: { name: 'Site lists' },
      customer: { name: 'Client lists' },
    });
    // Dates of 2031 are past every request's deadline: each job also has SLA_BREACH.
    const kinds = (job: Job) => job.warnings.map((w) => w.kind).filter((kind) => kind !== 'SLA_BREACH');
    expect(kinds(scheduled[0]!)).toEqual(['OVERLAP']);
    expect(kinds(scheduled[1]!)).toEqual(['OVERLAP']);
    expect(kinds(scheduled[2]!)).toEqual(['ABSENCE']);
    expect(kinds(scheduled[3]!)).toEqual([]);
    // The requests still to schedule, most urgent first, without warnings.
    expect(new Set(unscheduled.map((j) => j.id))).toEqual(new Set([ids[1], ids[3], ids[5], ids[7], ids[9], ids[11]]));
    expect(unscheduled.every((j) => j.warnings.length === 0)).toBe(true);
    // The same warnings as each job read on its own.
    const single = must(
      await gql<Record<string, { warnings: { kind: string; message: string }[] }>>(
        `{ ${scheduled.map((j, i) => `j${i}: intervention(id: "${j.id}") { warnings { kind message } }`).join(' ')} }`,
        {},
        token,
      ),
    );
    expect(scheduled.map((j) => j.warnings)).toEqual(scheduled.map((_, i) => single[`j${i}`]!.warnings));
    // Cancelling the extra job (the last test here expects the original twelve) clears the overlap.
    must(
      await gql(
        'mutation($id: ID!) { cancelIntervention(id: $id, reason: "doublon", expectedVersion: 2) { id } }',
        { id: extra.id },
        token,
      ),
    );
  });

  it('shows none of these records to another tenant, by id or in lists, and refuses changes', async () => {
    const other = await login('admin@autre.relais.fr');
    const read = await gql<Record<string, unknown>>(
      'query($i: ID!, $t: ID!) { intervention(id: $i) { id } technician(id: $t) { id } interventions(filter: { technicianId: $t }) { totalCount } }',
      { i: ids[0], t: fx.technicianId },
      other,
    );
    expect(read.data).toEqual({ intervention: null, technician: null, interventions: { totalCount: 0 } });
    const change = await gql(
      'mutation($i: ID!) { cancelIntervention(id: $i, reason: "intrus", expectedVersion: 1) { id } }',
      { i: ids[1] },
      other,
    );
    expect(errorCodes(change)).toEqual(['NOT_FOUND']);
    const schedule = await gql(
      'mutation($i: ID!, $t: ID!) { scheduleIntervention(id: $i, technicianIds: [$t], start: "2031-01-01T08:00:00Z", end: "2031-01-01T09:00:00Z", expectedVersion: 1) { id } }',
      { i: ids[1], t: fx.technicianId },
      other,
    );
    expect(errorCodes(schedule)).toEqual(['NOT_FOUND']);
    const still = await gql<{ intervention: { status: string; version: number } }>(
      'query($i: ID!) { intervention(id: $i) { status version } }',
      { i: ids[1] },
      token,
    );
    expect(still.data!.intervention).toEqual({ status: 'REQUESTED', version: 1 });
  });
});
