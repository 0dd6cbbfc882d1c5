import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { TZDate } from '@date-fns/tz';
import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Intervention,
  InterventionPhoto,
  LabourEntry,
  PartUsed,
  addTechnicianAbsence,
  cancelIntervention,
  closeIntervention,
  closeTenantScope,
  completeIntervention,
  createInterventionRequest,
  getIntervention,
  inTenantScope,
  localDate,
  openTenantScope,
  recordInterventionReport,
  scheduleIntervention,
  startIntervention,
  totalHours,
  unscheduleIntervention,
  warningsForInterventions,
  type Identity,
  type Orm,
  type ReportInput,
} from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { TINY_PNG_DATA_URL as PNG, createMaintenanceWorld, type MaintenanceWorld } from '../../../tests/support/maintenance-world';

const YEAR = localDate(new Date()).slice(0, 4);
const HOUR = 3600_000;

/** 09:00 in Paris, `days` days from today, plus `hours`. */
function parisAt(days: number, hours = 9): Date {
  const [y, m, d] = localDate(new Date(Date.now() + days * 24 * HOUR))
    .split('-')
    .map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hours, 0, 'Europe/Paris').getTime());
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; details: Record<string, unknown> };
  }
  throw new Error('expected the call to be refused');
}

describe('interventions', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 't' }, work);
  const request = (title = 'Climatisation en panne', extra: Partial<Parameters<typeof createInterventionRequest>[2]> = {}) =>
    inScope((em) => createInterventionRequest(em, tenant.identity, { customerId: w.customerId, siteId: w.siteId, title, ...extra }));
  const report = (overrides: Partial<ReportInput> = {}): ReportInput => ({
    labour: [
      { technicianId: w.theoId, workDate: localDate(new Date()), hours: '2.5', labourType: 'NORMAL' },
      { technicianId: w.theoId, workDate: localDate(new Date()), hours: '1.25', labourType: 'OVERTIME' },
    ],
    travelCount: 1,
    parts: [
      { catalogItemId: w.items['FIL-G4-592']!, quantity: '2' },
      { catalogItemId: w.items['SSI-DET-OPT']!, quantity: '1', serialNumber: 'DET-0001' },
    ],
    observations: 'Filtres changés, détecteur remplacé.',
    photos: [{ caption: 'Avant', dataUrl: PNG }],
    signerName: 'Mme Guérin',
    signatureDataUrl: PNG,
    ...overrides,
  });
  const schedule = (i: Intervention, technicianIds = [w.theoId], start = parisAt(1), hours = 2) =>
    inScope((em) =>
      scheduleIntervention(em, i.id, { technicianIds, start, end: new Date(start.getTime() + hours * HOUR), expectedVersion: i.version }),
    );
  const start = (i: Intervention) => inScope((em) => startIntervention(em, tenant.identity, i.id, i.version));
  const record = (i: Intervention, r = report()) => inScope((em) => recordInterventionReport(em, tenant.identity, i.id, r, i.version));
  const complete = (i: Intervention) => inScope((em) => completeIntervention(em, tenant.identity, i.id, i.version));
  const close = (i: Intervention) => inScope((em) => closeIntervention(em, i.id, i.version));
  const cancel = (i: Intervention) => inScope((em) => cancelIntervention(em, i.id, 'Client injoignable', i.version));
  /** The row as the database has it, every column. */
  const row = async (id: string) =>
    (await client.query('select * from interventions where id = $1', [id])).rows[0] as Record<string, unknown>;
  const snapshot = (id: string) => inTenantTransaction(client, tenant.tenantId, () => row(id));

  async function inState(state: 'REQUESTED' | 'SCHEDULED' | 'IN_PROGRESS' | 'COMPLETED' | 'CLOSED' | 'CANCELLED'): Promise<Intervention> {
    let i = await request(`Job ${state}`);
    if (state === 'REQUESTED') return i;
    if (state === 'CANCELLED') return cancel(i);
    i = await schedule(i);
    if (state === 'SCHEDULED') return i;
    i = await start(i);
    if (state === 'IN_PROGRESS') return i;
    i = await complete(await record(i));
    if (state === 'COMPLETED') return i;
    return close(i);
  }

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    tenant = await createTestTenant('interventions');
    w = await createMaintenanceWorld(orm, tenant);
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('numbers requests I-YYYY-00001, 00002… without gaps, even when a creation is refused or rolled back', async () => {
    const first = await request('Première');
    await expect(
      inScope((em) =>
        createInterventionRequest(em, tenant.identity, { customerId: w.customerId, siteId: w.otherCustomerSiteId, title: 'Mauvais site' }),
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'siteId', message: 'ce site n’appartient pas à ce client' }] },
    });
    await expect(
      inScope(async (em) => {
        await createInterventionRequest(em, tenant.identity, { customerId: w.customerId, siteId: w.siteId, title: 'Annulée par rollback' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const second = await request('Seconde');
    expect([first.number, second.number]).toEqual([`I-${YEAR}-00001`, `I-${YEAR}-00002`]);
    expect((await inScope((em) => em.find(Intervention, {}))).map((i) => i.title).sort()).toEqual(['Première', 'Seconde']);
  });

  it('goes requested → scheduled → in progress → completed → closed, recording the whole report', async () => {
    const before = Date.now();
    let i = await request('Fuite sur groupe froid', { priority: 'URGENT', requiredSkills: ['FLUIDES_CAT1'] });
    expect(i).toMatchObject({ status: 'REQUESTED', version: 1, source: 'PLANNER', priority: 'URGENT', contractId: null });
    // no contract: the default 4 hours for an urgent request
    expect(i.dueBy!.getTime() - i.requestedAt.getTime()).toBe(4 * HOUR);
    expect(i.requestedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const slot = parisAt(1);
    i = await schedule(i, [w.theoId, w.maelleId], slot);
    expect(i).toMatchObject({ status: 'SCHEDULED', version: 2, scheduledStart: slot, scheduledEnd: new Date(slot.getTime() + 2 * HOUR) });
    const assigned = await inTenantTransaction(client, tenant.tenantId, async () =>
      (
        await client.query('select technician_id from intervention_technicians where intervention_id = $1 order by technician_id', [i.id])
      ).rows.map((r) => r.technician_id),
    );
    expect(assigned).toEqual([w.theoId, w.maelleId].sort());

    i = await schedule(i, [w.theoId], slot); // reassigned to Théo alone
    expect(i.version).toBe(3);
    i = await start(i);
    expect(i.status).toBe('IN_PROGRESS');
    expect(i.startedAt).toBeInstanceOf(Date);
    i = await record(i);
    i = await complete(i);
    expect(i.status).toBe('COMPLETED');
    i = await close(i);
    expect(i.status).toBe('CLOSED');

    const stored = await inScope(async (em) => ({
      i: await getIntervention(em, i.id),
      labour: await em.find(LabourEntry, { interventionId: i.id }, { orderBy: { position: 'asc' } }),
      parts: await em.find(PartUsed, { interventionId: i.id }, { orderBy: { position: 'asc' } }),
      photos: await em.count(InterventionPhoto, { interventionId: i.id }),
    }));
    expect(stored.labour.map((l) => [l.hours, l.labourType])).toEqual([
      ['2.50', 'NORMAL'],
      ['1.25', 'OVERTIME'],
    ]);
    expect(totalHours(stored.labour)).toBe('3.75');
    expect(stored.parts.map((p) => [p.catalogItemId, p.quantity, p.serialNumber])).toEqual([
      [w.items['FIL-G4-592'], '2.00', null],
      [w.items['SSI-DET-OPT'], '1.00', 'DET-0001'],
    ]);
    expect(stored.photos).toBe(1);
    expect(stored.i).toMatchObject({
      status: 'CLOSED',
      travelCount: 1,
      observations: 'Filtres changés, détecteur remplacé.',
      signerName: 'Mme Guérin',
    });
    expect(stored.i.signedAt).toBeInstanceOf(Date);
    expect(stored.i.completedAt).toBeInstanceOf(Date);
    expect(stored.i.closedAt).toBeInstanceOf(Date);
  });

  it('puts a scheduled job back in the queue and lets a completed one be reopened', async () => {
    let i = await inState('SCHEDULED');
    i = await inScope((em) => unscheduleIntervention(em, i.id, i.version));
    expect(i).toMatchObject({ status: 'REQUESTED', scheduledStart: null, scheduledEnd: null });
    expect(
      await inTenantTransaction(
        client,
        tenant.tenantId,
        async () =>
          (await client.query('select count(*)::int n from intervention_technicians where intervention_id = $1', [i.id])).rows[0].n,
      ),
    ).toBe(0);
    const done = await inState('COMPLETED');
    expect((await start(done)).status).toBe('IN_PROGRESS');
  });

  const REFUSED: [
    string,
    'REQUESTED' | 'SCHEDULED' | 'IN_PROGRESS' | 'COMPLETED' | 'CLOSED' | 'CANCELLED',
    string,
    (i: Intervention) => Promise<unknown>,
  ][] = [
    ['start', 'REQUESTED', 'IN_PROGRESS', (i) => start(i)],
    ['complete', 'REQUESTED', 'COMPLETED', (i) => complete(i)],
    ['close', 'REQUESTED', 'CLOSED', (i) => close(i)],
    ['unschedule', 'REQUESTED', 'REQUESTED', (i) => inScope((em) => unscheduleIntervention(em, i.id, i.version))],
    ['complete', 'SCHEDULED', 'COMPLETED', (i) => complete(i)],
    ['close', 'SCHEDULED', 'CLOSED', (i) => close(i)],
    ['schedule', 'IN_PROGRESS', 'SCHEDULED', (i) => schedule(i)],
    ['start', 'IN_PROGRESS', 'IN_PROGRESS', (i) => start(i)],
    ['close', 'IN_PROGRESS', 'CLOSED', (i) => close(i)],
    ['schedule', 'COMPLETED', 'SCHEDULED', (i) => schedule(i)],
    ['cancel', 'COMPLETED', 'CANCELLED', (i) => cancel(i)],
    ['complete', 'COMPLETED', 'COMPLETED', (i) => complete(i)],
    ['schedule', 'CLOSED', 'SCHEDULED', (i) => schedule(i)],
    ['start', 'CLOSED', 'IN_PROGRESS', (i) => start(i)],
    ['complete', 'CLOSED', 'COMPLETED', (i) => complete(i)],
    ['cancel', 'CLOSED', 'CANCELLED', (i) => cancel(i)],
    ['close', 'CLOSED', 'CLOSED', (i) => close(i)],
    ['schedule', 'CANCELLED', 'SCHEDULED', (i) => schedule(i)],
    ['start', 'CANCELLED', 'IN_PROGRESS', (i) => start(i)],
    ['cancel', 'CANCELLED', 'CANCELLED', (i) => cancel(i)],
  ];

  it.each(REFUSED)(
    'refuses to %s a %s intervention (INVALID_TRANSITION) and leaves the row unchanged',
    async (_op, state, to, operation) => {
      const i = await inState(state);
      const before = await snapshot(i.id);
      const error = await codeOf(operation(i));
      expect(error.code).toBe('INVALID_TRANSITION');
      expect(error.details).toMatchObject({ from: state, to });
      expect(await snapshot(i.id)).toEqual(before);
    },
  );

  it('refuses a change made on a stale version (STALE_VERSION) and keeps the newer one', async () => {
    const v1 = await request('Deux planificateurs');
    const v2 = await schedule(v1, [w.theoId], parisAt(1));
    const before = await snapshot(v1.id);
    const error = await codeOf(schedule(v1, [w.maelleId], parisAt(2)));
    expect(error).toMatchObject({ code: 'STALE_VERSION', details: { expectedVersion: 1, currentVersion: 2 } });
    await expect(cancel(v1)).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect(await snapshot(v1.id)).toEqual(before);
    expect(before).toMatchObject({ status: 'SCHEDULED', version: v2.version, scheduled_start: parisAt(1) });
  });

  it('lets exactly one of two planners scheduling the same version at the same time win; the other gets STALE_VERSION', async () => {
    const job = await request('Course entre deux planificateurs');
    const [a, b] = await Promise.all([
      openTenantScope(orm, tenant.identity, { requestId: 'a' }),
      openTenantScope(orm, tenant.identity, { requestId: 'b' }),
    ]);
    // Both planners have loaded version 1 before either writes.
    await Promise.all([getIntervention(a, job.id), getIntervention(b, job.id)]);
    const attempt = async (em: EntityManager, technicianId: string, at: Date) => {
      try {
        const result = await scheduleIntervention(em, job.id, {
          technicianIds: [technicianId],
          start: at,
          end: new Date(at.getTime() + HOUR),
          expectedVersion: 1,
        });
        await closeTenantScope(em, 'commit');
        return result;
      } catch (error) {
        await closeTenantScope(em, 'rollback');
        throw error;
      }
    };
    const outcomes = await Promise.allSettled([attempt(a, w.theoId, parisAt(1)), attempt(b, w.maelleId, parisAt(2))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    // The loser either sees the new version when loading (STALE_VERSION from the service) or loses the
    // race at the UPDATE (MikroORM's OptimisticLockError, which the API maps to STALE_VERSION).
    const reason = rejected.reason as { code?: string };
    expect(reason instanceof OptimisticLockError ? 'STALE_VERSION' : reason.code).toBe('STALE_VERSION');
    const winner = (outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<Intervention>).value;
    const stored = await snapshot(job.id);
    expect(stored).toMatchObject({ status: 'SCHEDULED', version: 2, scheduled_start: winner.scheduledStart });
    const assigned = await inTenantTransaction(client, tenant.tenantId, async () =>
      (await client.query('select technician_id from intervention_technicians where intervention_id = $1', [job.id])).rows.map(
        (r) => r.technician_id,
      ),
    );
    expect(assigned).toHaveLength(1);
  });

  it('freezes the report once closed: the service answers REPORT_FROZEN and the database refuses direct writes', async () => {
    const i = await inState('CLOSED');
    const before = await snapshot(i.id);
    const error = await codeOf(record(i, report({ travelCount: 3, observations: 'Réécrit après coup' })));
    expect(error).toMatchObject({ code: 'REPORT_FROZEN', details: { status: 'CLOSED' } });

    const attempts = [
      ['update intervention_labour set hours = 9 where intervention_id = $1', [i.id]],
      ['delete from intervention_labour where intervention_id = $1', [i.id]],
      [
        `insert into intervention_labour (tenant_id, id, intervention_id, technician_id, work_date, hours, labour_type) values ($2, gen_random_uuid(), $1, $3, current_date, 1, 'NORMAL')`,
        [i.id, tenant.tenantId, w.theoId],
      ],
      ['update intervention_parts set quantity = 10 where intervention_id = $1', [i.id]],
      [
        `insert into intervention_parts (tenant_id, id, intervention_id, catalog_item_id, quantity) values ($2, gen_random_uuid(), $1, $3, 1)`,
        [i.id, tenant.tenantId, w.items['FIL-G4-592']],
      ],
      [
        `insert into intervention_photos (tenant_id, id, intervention_id, data_url) values ($2, gen_random_uuid(), $1, 'data:image/png;base64,AA==')`,
        [i.id, tenant.tenantId],
      ],
      [`update interventions set observations = 'modifié en SQL', travel_count = 5 where id = $1`, [i.id]],
    ] as const;
    for (const [sql, params] of attempts) {
      await expect(
        inTenantTransaction(client, tenant.tenantId, () => client.query(sql, [...params])),
        sql,
      ).rejects.toThrow('the report of a closed intervention is frozen');
    }
    const lines = await inTenantTransaction(client, tenant.tenantId, async () => ({
      labour: (await client.query('select hours from intervention_labour where intervention_id = $1 order by position', [i.id])).rows.map(
        (r) => r.hours,
      ),
      parts: (await client.query('select quantity from intervention_parts where intervention_id = $1 order by position', [i.id])).rows.map(
        (r) => r.quantity,
      ),
    }));
    expect(lines).toEqual({ labour: ['2.50', '1.25'], parts: ['2.00', '1.00'] });
    expect(await snapshot(i.id)).toEqual(before);
  });

  it('freezes the report of a cancelled intervention too', async () => {
    const i = await inState('CANCELLED');
    expect(await codeOf(record(i))).toMatchObject({ code: 'REPORT_FROZEN', details: { status: 'CANCELLED' } });
  });

  it('refuses to complete without labour or without the customer’s signature, and the job stays in progress', async () => {
    let i = await inState('IN_PROGRESS');
    const noLabour = await codeOf(complete(i));
    expect(noLabour).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'labour' }, { field: 'signature' }] } });
    i = await record(i, report({ signerName: null, signatureDataUrl: null }));
    expect(await codeOf(complete(i))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'signature' }] } });
    const before = await snapshot(i.id);
    expect(before.status).toBe('IN_PROGRESS');
    i = await record(i, report({ labour: [] }));
    expect(await codeOf(complete(i))).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'labour' }] } });
    expect((await snapshot(i.id)).status).toBe('IN_PROGRESS');
  });

  it('refuses a report with a tracked part without serial, unknown items or technicians, and changes nothing', async () => {
    let i = await inState('IN_PROGRESS');
    i = await record(i);
    const before = await snapshot(i.id);
    const noSerial = await codeOf(record(i, report({ parts: [{ catalogItemId: w.items['SSI-DET-OPT']!, quantity: '1' }] })));
    expect(noSerial).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'parts[0].serialNumber' }] } });
    const unknown = await codeOf(record(i, report({ parts: [{ catalogItemId: '00000000-0000-7000-8000-000000000000', quantity: '1' }] })));
    expect(unknown).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'parts' }] } });
    expect(await snapshot(i.id)).toEqual(before);
    const count = await inTenantTransaction(
      client,
      tenant.tenantId,
      async () => (await client.query('select count(*)::int n from intervention_parts where intervention_id = $1', [i.id])).rows[0].n,
    );
    expect(count).toBe(2);
  });

  it('lets a technician start, report and complete only the jobs assigned to them (FORBIDDEN otherwise)', async () => {
    const asTheo = w.technicianIdentity;
    let mine = await schedule(await request('Pour Théo'), [w.theoId]);
    let hers = await schedule(await request('Pour Maëlle'), [w.maelleId]);
    const before = await snapshot(hers.id);
    expect(await codeOf(inScope((em) => startIntervention(em, asTheo, hers.id, hers.version), asTheo))).toMatchObject({
      code: 'FORBIDDEN',
    });
    hers = await start(hers); // the office may
    expect(await codeOf(inScope((em) => recordInterventionReport(em, asTheo, hers.id, report(), hers.version), asTheo))).toMatchObject({
      code: 'FORBIDDEN',
    });
    hers = await record(hers);
    expect(await codeOf(inScope((em) => completeIntervention(em, asTheo, hers.id, hers.version), asTheo))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await snapshot(hers.id)).status).toBe('IN_PROGRESS');
    expect(before.status).toBe('SCHEDULED');

    mine = await inScope((em) => startIntervention(em, asTheo, mine.id, mine.version), asTheo);
    mine = await inScope((em) => recordInterventionReport(em, asTheo, mine.id, report(), mine.version), asTheo);
    mine = await inScope((em) => completeIntervention(em, asTheo, mine.id, mine.version), asTheo);
    expect(mine.status).toBe('COMPLETED');

    const stranger: Identity = {
      kind: 'user',
      tenantId: tenant.tenantId,
      userId: (tenant.identity as { userId: string }).userId,
      role: 'technician',
      email: 'x@test.example',
    };
    const other = await schedule(await request('Technicien sans fiche'), [w.theoId]);
    expect(await codeOf(inScope((em) => startIntervention(em, stranger, other.id, other.version), stranger))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('warns the planner of overlaps, absences, missing skills and hours outside the day, and of nothing on a good slot', async () => {
    const day = 3;
    const a = await schedule(await request('A', { requiredSkills: ['CVC'], priority: 'LOW' }), [w.theoId], parisAt(day, 9), 2);
    const b = await schedule(await request('B', { requiredSkills: ['CVC'], priority: 'LOW' }), [w.theoId], parisAt(day, 10), 2);
    const fine = await schedule(
      await request('Sans souci', { requiredSkills: ['FLUIDES_CAT1'], priority: 'LOW' }),
      [w.theoId],
      parisAt(day, 13),
      1,
    );
    const gas = await schedule(await request('Chaudière', { requiredSkills: ['GAZ'], priority: 'LOW' }), [w.theoId], parisAt(day, 15), 1);
    const late = await schedule(await request('Tard', { priority: 'LOW' }), [w.theoId], parisAt(day, 21), 2);
    await inScope((em) =>
      addTechnicianAbsence(em, tenant.tenantId, {
        technicianId: w.maelleId,
        startsAt: parisAt(day, 0),
        endsAt: parisAt(day + 1, 0),
        reason: 'Formation SSI',
      }),
    );
    const absent = await schedule(
      await request('Pendant la formation', { requiredSkills: ['SSI'], priority: 'LOW' }),
      [w.maelleId],
      parisAt(day, 9),
      1,
    );
    const cancelled = await cancel(await schedule(await request('Annulée'), [w.theoId], parisAt(day, 9), 1));

    const warnings = await inScope(async (em) =>
      warningsForInterventions(
        em,
        await em.find(Intervention, { id: { $in: [a.id, b.id, fine.id, gas.id, late.id, absent.id, cancelled.id] } }),
      ),
    );
    const summary = (id: string) => warnings.get(id)!.map((x) => [x.kind, x.technicianId ?? null, x.message]);
    expect(summary(a.id)).toEqual([['OVERLAP', w.theoId, `Théo Le Floch est déjà sur ${b.number} à ce moment`]]);
    expect(summary(b.id)).toEqual([['OVERLAP', w.theoId, `Théo Le Floch est déjà sur ${a.number} à ce moment`]]);
    expect(summary(fine.id)).toEqual([]);
    expect(summary(gas.id)).toEqual([['MISSING_SKILL', w.theoId, 'Théo Le Floch n’a pas : GAZ']]);
    expect(summary(late.id)).toEqual([['OUTSIDE_WORKING_HOURS', w.theoId, 'Hors des horaires de Théo Le Floch (06:00–22:00)']]);
    expect(summary(absent.id)).toEqual([['ABSENCE', w.maelleId, 'Maëlle Quéré est absent (Formation SSI)']]);
    // a cancelled job neither gets warnings nor causes overlaps
    expect(summary(cancelled.id)).toEqual([]);
  });

  it('keeps another tenant’s interventions out of reach (NOT_FOUND)', async () => {
    const mine = await request('Chez moi');
    const intruder = await createTestTenant('interventions-intruder');
    const as = (work: (em: EntityManager) => Promise<unknown>) => inTenantScope(orm, intruder.identity, { requestId: 'x' }, work);
    await expect(as((em) => getIntervention(em, mine.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      as((em) =>
        scheduleIntervention(em, mine.id, { technicianIds: [w.theoId], start: parisAt(1), end: parisAt(1, 11), expectedVersion: 1 }),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as((em) => cancelIntervention(em, mine.id, 'intrusion', 1))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await as((em) => em.count(Intervention, {}))).toBe(0);
    expect((await snapshot(mine.id)).status).toBe('REQUESTED');
  });
});
