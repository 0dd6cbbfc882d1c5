import { beforeAll, describe, expect, it } from 'vitest';
import { createInterventionRequest, inTenantScope, recordInterventionReport, type Orm } from '@relais/domain';
import { appOrm } from '../support/database';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { createMaintenanceWorld, interventionThrough, simpleReport, type MaintenanceWorld } from '../support/maintenance-world';
import { createTestTenant, type TestTenant } from '../support/tenants';

type Result = {
  interventionId: string;
  outcome: string;
  code: string | null;
  intervention: { number: string; status: string; version: number } | null;
};
const RESULT = 'interventionId outcome code intervention { number status version }';
const CLOSE = `mutation($ids: [ID!]!) { closeInterventions(ids: $ids) { ${RESULT} } }`;
const PREVIEW = `query($ids: [ID!]!) { closeInterventionsPreview(ids: $ids) { ${RESULT} } }`;
const STATES = `query { interventions(first: 50, filter: { status: [REQUESTED, COMPLETED, CLOSED] }) { edges { node { id status version closedAt } } } }`;
const UNKNOWN = '0190a0a0-0000-7000-8000-000000000000';

/**
 * The office closes the day's finished jobs in one call through the gateway: each id gets its own
 * result, refused jobs (not finished, signature taken off, customer's reservations, unknown) stay
 * exactly as they were, closing again changes nothing; « Clôture automatique » closes at completion.
 */
describe('closing interventions in bulk through the gateway', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  let token: string;
  const ids: Record<string, string> = {};
  const call = <T>(query: string, variables: Record<string, unknown> = {}, as = token) => gql<T>(query, variables, as);
  const states = async () =>
    new Map(
      must(
        await call<{ interventions: { edges: { node: { id: string; status: string; version: number } }[] } }>(STATES),
      ).interventions.edges.map(({ node }) => [node.id, `${node.status} v${node.version}`]),
    );

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('closing-api');
    w = await createMaintenanceWorld(orm, tenant, []);
    token = await login(tenant.adminEmail);
    const report = simpleReport(w, '2');
    for (const name of ['first', 'second', 'third'])
      ids[name] = (await interventionThrough(orm, tenant, w, { title: `Entretien ${name}`, report, until: 'COMPLETED' })).id;
    ids['reserved'] = (
      await interventionThrough(orm, tenant, w, {
        report: { ...report, customerReservations: 'Bruit au redémarrage à surveiller' },
        until: 'COMPLETED',
      })
    ).id;
    const unsigned = await interventionThrough(orm, tenant, w, { report, until: 'COMPLETED' });
    ids['unsigned'] = unsigned.id;
    await inTenantScope(orm, tenant.identity, { requestId: 'test' }, (em) =>
      recordInterventionReport(em, tenant.identity, unsigned.id, { ...report, signerName: null, signatureDataUrl: null }, unsigned.version),
    );
    ids['requested'] = (
      await inTenantScope(orm, tenant.identity, { requestId: 'test' }, (em) =>
        createInterventionRequest(em, tenant.identity, { customerId: w.customerId, siteId: w.siteId, title: 'Pas encore faite' }),
      )
    ).id;
    ids['closed'] = (await interventionThrough(orm, tenant, w, { report, until: 'CLOSED' })).id;
  });

  it('refuses a caller without the office’s permission, and changes nothing', async () => {
    const key = must(
      await call<{ createApiKey: { token: string } }>(
        'mutation { createApiKey(input: { name: "Lecture seule", scopes: ["maintenance:read"] }) { token } }',
      ),
    ).createApiKey.token;
    const before = await states();
    expect(errorCodes(await call(CLOSE, { ids: [ids['first']] }, key))).toEqual(['FORBIDDEN']);
    expect(await states()).toEqual(before);
  });

  it('previews, closes the finished signed jobs, reports each refusal with its code, and leaves refused rows untouched', async () => {
    const asked = [ids['first'], ids['second'], ids['reserved'], ids['unsigned'], ids['requested'], ids['closed'], ids['third'], UNKNOWN];
    const before = await states();
    const preview = must(await call<{ closeInterventionsPreview: Result[] }>(PREVIEW, { ids: asked })).closeInterventionsPreview;
    const summary = (results: Result[]) => results.map((r) => [r.interventionId, r.outcome, r.code]);
    const expected = [
      [ids['first'], 'CLOSED', null],
      [ids['second'], 'CLOSED', null],
      [ids['reserved'], 'REFUSED', 'CUSTOMER_RESERVATIONS'],
      [ids['unsigned'], 'REFUSED', 'SIGNATURE_MISSING'],
      [ids['requested'], 'REFUSED', 'NOT_COMPLETED'],
      [ids['closed'], 'ALREADY_CLOSED', null],
      [ids['third'], 'CLOSED', null],
      [UNKNOWN, 'REFUSED', 'NOT_FOUND'],
    ];
    expect(summary(preview)).toEqual(expected);
    expect(await states()).toEqual(before);

    const results = must(await call<{ closeInterventions: Result[] }>(CLOSE, { ids: asked })).closeInterventions;
    expect(summary(results)).toEqual(expected);
    expect(results.filter((r) => r.outcome === 'CLOSED').map((r) => r.intervention!.status)).toEqual(['CLOSED', 'CLOSED', 'CLOSED']);
    expect(results.find((r) => r.interventionId === UNKNOWN)!.intervention).toBeNull();

    const after = await states();
    for (const name of ['reserved', 'unsigned', 'requested', 'closed']) expect(after.get(ids[name]!), name).toBe(before.get(ids[name]!));
    for (const name of ['first', 'second', 'third']) expect(after.get(ids[name]!)).toMatch(/^CLOSED v/);

    const again = must(await call<{ closeInterventions: Result[] }>(CLOSE, { ids: [ids['first'], ids['second']] })).closeInterventions;
    expect(again.map((r) => r.outcome)).toEqual(['ALREADY_CLOSED', 'ALREADY_CLOSED']);
    expect(await states()).toEqual(after);
  });

  it('refuses more than 200 ids as a field problem, closing nothing', async () => {
    const many = Array.from({ length: 201 }, () => ids['third']);
    const response = await call(CLOSE, { ids: many });
    expect(errorCodes(response)).toEqual(['VALIDATION_FAILED']);
  });

  it('with « Clôture automatique » on, a job completed signed without reservations closes itself; one with reservations waits', async () => {
    const settings = `{ interventionSettings { autoCloseInterventions } }`;
    expect(must(await call<{ interventionSettings: { autoCloseInterventions: boolean } }>(settings)).interventionSettings).toEqual({
      autoCloseInterventions: false,
    });
    must(await call('mutation { updateInterventionSettings(input: { autoCloseInterventions: true }) { autoCloseInterventions } }'));
    const report = simpleReport(w, '1.5');
    const clean = await interventionThrough(orm, tenant, w, { report, until: 'COMPLETED' });
    expect(clean.status).toBe('CLOSED');
    expect(clean.closedAt).toEqual(clean.completedAt);
    const reserved = await interventionThrough(orm, tenant, w, {
      report: { ...report, customerReservations: 'Réglage à reprendre' },
      until: 'COMPLETED',
    });
    expect(reserved.status).toBe('COMPLETED');
    must(await call('mutation { updateInterventionSettings(input: { autoCloseInterventions: false }) { autoCloseInterventions } }'));
  });
});
