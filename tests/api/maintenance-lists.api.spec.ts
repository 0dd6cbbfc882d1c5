import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { errorCodes, gql, login } from '../support/graphql-client';
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
