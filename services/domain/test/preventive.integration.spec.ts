import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import {
  Intervention,
  JobRun,
  createContract,
  createEquipment,
  createJobRun,
  generateForContract,
  inTenantScope,
  localDate,
  localDayBounds,
  runPreventiveJob,
  type ContractTermsInput,
  type Orm,
} from '@relais/domain';
import { adminClient, appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, type MaintenanceWorld } from '../../../tests/support/maintenance-world';

const MAINTENANCE_TABLES = [
  'catalog_items',
  'technicians',
  'technician_absences',
  'contracts',
  'contract_sites',
  'contract_amendments',
  'maintenance_plans',
  'equipment',
  'interventions',
  'intervention_technicians',
  'intervention_labour',
  'intervention_parts',
  'intervention_photos',
  'job_runs',
];

const terms = (w: MaintenanceWorld, overrides: Partial<ContractTermsInput> = {}): ContractTermsInput => ({
  title: 'Contrat multitechnique',
  startsOn: '2026-01-10',
  endsOn: '2027-01-09',
  tacitRenewal: true,
  noticeDays: 90,
  siteIds: [w.siteId, w.otherSiteId],
  sla: { URGENT: 4, HIGH: 24, NORMAL: 72, LOW: 168 },
  rateCard: {
    labourRates: { NORMAL: '65.00', OVERTIME: '81.25', NIGHT: '97.50', WEEKEND_HOLIDAY: '130.00' },
    travelPricing: 'ZONE',
    travelFlatFee: null,
    travelZones: [
      { code: 'Z1', label: 'Nantes', fee: '35.00' },
      { code: 'Z2', label: '15–40 km', fee: '49.00' },
    ],
    partsDiscountPercent: '5.00',
    includedLabourHoursPerYear: '0.00',
    travelIncluded: false,
    partsIncluded: false,
  },
  plans: [
    { equipmentCategory: 'FIRE_EXTINGUISHER', visitsPerYear: 1, estimatedDurationMinutes: 30, requiredSkills: ['SSI'] },
    { equipmentCategory: 'AIR_CONDITIONING', visitsPerYear: 4, estimatedDurationMinutes: 90, requiredSkills: ['FLUIDES_CAT1'] },
    { equipmentCategory: 'BOILER', visitsPerYear: 2 },
  ],
  ...overrides,
});

describe('preventive plans', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, t = tenant) => inTenantScope(orm, t.identity, { requestId: 't' }, work);

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    tenant = await createTestTenant('preventive');
    w = await createMaintenanceWorld(orm, tenant);
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('creates one unscheduled visit per covered equipment and due date in the window, and nothing twice', async () => {
    const window = { from: '2027-01-01', to: '2027-12-31' };
    const { contractId, equipment } = await inScope(async (em) => {
      const contract = await createContract(em, tenant.tenantId, { ...terms(w), customerId: w.customerId });
      const make = (name: string, category: string, extra: Record<string, unknown> = {}) =>
        createEquipment(em, tenant.tenantId, { siteId: w.siteId, name, category, contractId: contract.id, ...extra });
      return {
        contractId: contract.id,
        equipment: {
          ext1: await make('Extincteur RDC', 'FIRE_EXTINGUISHER'),
          ext2: await make('Extincteur 1er', 'FIRE_EXTINGUISHER'),
          ext3: await make('Extincteur cuisine', 'FIRE_EXTINGUISHER', { siteId: w.otherSiteId }),
          clim: await make('Climatiseur salle 2', 'AIR_CONDITIONING', { refrigerantType: 'R32', refrigerantChargeKg: '1.1' }),
          boiler: await make('Chaudière', 'BOILER'),
          // not generated: out of service, not covered, category without plan
          broken: await make('Climatiseur en panne', 'AIR_CONDITIONING', { status: 'OUT_OF_SERVICE' }),
          uncovered: await make('Climatiseur hors contrat', 'AIR_CONDITIONING', { contractId: null }),
          panel: await make('TGBT', 'ELECTRICAL_PANEL'),
        },
      };
    });

    const first = await inScope((em) => generateForContract(em, tenant.identity, contractId, window));
    expect(first).toEqual({ created: 9, existing: 0 });
    const visits = await inScope((em) => em.find(Intervention, { contractId }, { orderBy: { planKey: 'asc' } }));
    expect(visits).toHaveLength(9);
    const byEquipment = (id: string) =>
      visits
        .filter((v) => v.equipmentId === id)
        .map((v) => v.planKey!.split(':')[2])
        .sort();
    expect(byEquipment(equipment.ext1.id)).toEqual(['2027-01-10']);
    expect(byEquipment(equipment.ext3.id)).toEqual(['2027-01-10']);
    expect(byEquipment(equipment.clim.id)).toEqual(['2027-01-10', '2027-04-10', '2027-07-10', '2027-10-10']);
    expect(byEquipment(equipment.boiler.id)).toEqual(['2027-01-10', '2027-07-10']);
    expect(byEquipment(equipment.broken.id)).toEqual([]);
    expect(byEquipment(equipment.uncovered.id)).toEqual([]);
    const clim = visits.find((v) => v.planKey === `${contractId}:${equipment.clim.id}:2027-04-10`)!;
    expect(clim).toMatchObject({
      type: 'PREVENTIVE',
      status: 'REQUESTED',
      priority: 'NORMAL',
      source: 'PREVENTIVE_PLAN',
      siteId: w.siteId,
      customerId: w.customerId,
      scheduledStart: null,
      title: 'Visite préventive – Climatiseur salle 2',
      requiredSkills: ['FLUIDES_CAT1'],
      estimatedDurationMinutes: 90,
      dueBy: localDayBounds('2027-04-10').to,
    });
    expect(visits.find((v) => v.equipmentId === equipment.ext3.id)!.siteId).toBe(w.otherSiteId);

    expect(await inScope((em) => generateForContract(em, tenant.identity, contractId, window))).toEqual({ created: 0, existing: 9 });
    // a wider window adds only what is new
    expect(await inScope((em) => generateForContract(em, tenant.identity, contractId, { from: '2027-01-01', to: '2028-01-10' }))).toEqual({
      created: 5,
      existing: 9,
    });
    expect(await inScope((em) => em.count(Intervention, { contractId }))).toBe(14);
  });

  it('stops at the end of a contract that is not tacitly renewed', async () => {
    const created = await inScope(async (em) => {
      const contract = await createContract(em, tenant.tenantId, {
        ...terms(w, { tacitRenewal: false, endsOn: '2027-06-30' }),
        customerId: w.customerId,
      });
      await createEquipment(em, tenant.tenantId, {
        siteId: w.siteId,
        name: 'Clim accueil',
        category: 'AIR_CONDITIONING',
        contractId: contract.id,
      });
      return generateForContract(em, tenant.identity, contract.id, { from: '2027-01-01', to: '2027-12-31' });
    });
    expect(created).toEqual({ created: 2, existing: 0 });
  });

  describe('the generation job', () => {
    let jobTenant: TestTenant;
    let jw: MaintenanceWorld;
    const today = localDate(new Date());
    const horizonEnd = format(addDays(parseISO(today), 90), 'yyyy-MM-dd');

    beforeAll(async () => {
      jobTenant = await createTestTenant('preventive-job');
      jw = await createMaintenanceWorld(orm, jobTenant);
      await inScope(async (em) => {
        // starts today: one yearly visit due today for each extinguisher, the next one in a year
        const active = await createContract(em, jobTenant.tenantId, {
          ...terms(jw, {
            startsOn: today,
            endsOn: format(addDays(parseISO(today), 364), 'yyyy-MM-dd'),
            plans: [{ equipmentCategory: 'FIRE_EXTINGUISHER', visitsPerYear: 1 }],
          }),
          customerId: jw.customerId,
        });
        await createEquipment(em, jobTenant.tenantId, {
          siteId: jw.siteId,
          name: 'Extincteur A',
          category: 'FIRE_EXTINGUISHER',
          contractId: active.id,
        });
        await createEquipment(em, jobTenant.tenantId, {
          siteId: jw.otherSiteId,
          name: 'Extincteur B',
          category: 'FIRE_EXTINGUISHER',
          contractId: active.id,
        });
        // expired long ago and not renewed: not planned at all
        const expired = await createContract(em, jobTenant.tenantId, {
          ...terms(jw, {
            startsOn: '2020-01-01',
            endsOn: '2020-12-31',
            tacitRenewal: false,
            plans: [{ equipmentCategory: 'FIRE_EXTINGUISHER', visitsPerYear: 12 }],
          }),
          customerId: jw.customerId,
        });
        await createEquipment(em, jobTenant.tenantId, {
          siteId: jw.siteId,
          name: 'Extincteur C',
          category: 'FIRE_EXTINGUISHER',
          contractId: expired.id,
        });
      }, jobTenant);
    });

    const runJob = async () => {
      const run = await inScope((em) => createJobRun(em, jobTenant.identity, 'preventive-generation', { horizonDays: 90 }), jobTenant);
      expect(run.state).toBe('QUEUED');
      await runPreventiveJob(orm, { jobRunId: run.id, identity: jobTenant.identity, horizonDays: 90 });
      return inScope((em) => em.findOneOrFail(JobRun, { id: run.id }), jobTenant);
    };

    it('runs to SUCCEEDED with its progress at the total and a result a planner can read; a second run creates nothing', async () => {
      const run = await runJob();
      expect(run).toMatchObject({ state: 'SUCCEEDED', progress: 1, total: 1, error: null });
      expect(run.result).toBe(`2 intervention(s) préventive(s) créée(s), 0 déjà planifiée(s), du ${today} au ${horizonEnd}`);
      expect(run.finishedAt).toBeInstanceOf(Date);
      const queue = await inScope(
        (em) => em.find(Intervention, { status: 'REQUESTED', scheduledStart: null }, { orderBy: { title: 'asc' } }),
        jobTenant,
      );
      expect(queue.map((i) => [i.title, i.source, i.dueBy?.toISOString()])).toEqual([
        ['Visite préventive – Extincteur A', 'PREVENTIVE_PLAN', localDayBounds(today).to.toISOString()],
        ['Visite préventive – Extincteur B', 'PREVENTIVE_PLAN', localDayBounds(today).to.toISOString()],
      ]);

      const again = await runJob();
      expect(again).toMatchObject({ state: 'SUCCEEDED', progress: 1, total: 1 });
      expect(again.result).toBe(`0 intervention(s) préventive(s) créée(s), 2 déjà planifiée(s), du ${today} au ${horizonEnd}`);
      expect(await inScope((em) => em.count(Intervention, {}), jobTenant)).toBe(2);
    });

    it('does nothing when asked to run a job that already succeeded', async () => {
      const run = await runJob();
      await runPreventiveJob(orm, { jobRunId: run.id, identity: jobTenant.identity, horizonDays: 90 });
      const reloaded = await inScope((em) => em.findOneOrFail(JobRun, { id: run.id }), jobTenant);
      expect([reloaded.state, reloaded.result]).toEqual(['SUCCEEDED', run.result]);
      expect(await inScope((em) => em.count(Intervention, {}), jobTenant)).toBe(2);
    });
  });

  it('isolates every maintenance table by tenant in the database', async () => {
    const admin = await adminClient();
    try {
      // every table holds rows somewhere (demo data and this file's tenants), so zero below means hidden
      for (const table of MAINTENANCE_TABLES) {
        const { rows } = await admin.query(`select count(*)::int as n from ${table}`);
        expect(rows[0].n, `${table} has rows`).toBeGreaterThan(0);
      }
    } finally {
      await admin.end();
    }
    for (const table of MAINTENANCE_TABLES) {
      const { rows } = await client.query(`select count(*)::int as n from ${table}`);
      expect(rows[0].n, `${table} without a tenant`).toBe(0);
    }
    await inTenantTransaction(client, tenant.tenantId, async () => {
      for (const table of MAINTENANCE_TABLES) {
        const { rows } = await client.query(`select count(*)::int as n from ${table} where tenant_id <> $1`, [tenant.tenantId]);
        expect(rows[0].n, `${table} of other tenants`).toBe(0);
      }
      const { rows } = await client.query('select count(*)::int as n from interventions');
      expect(rows[0].n).toBe(16);
      await expect(
        client.query(
          `insert into catalog_items (tenant_id, id, code, label, kind, sale_price) values ($1, gen_random_uuid(), 'X', 'Intrus', 'PART', 1)`,
          [w.theoId],
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });
});
