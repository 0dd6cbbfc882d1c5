import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Contract,
  ContractAmendment,
  ContractSite,
  Equipment,
  MaintenancePlan,
  amendContract,
  closeIntervention,
  completeIntervention,
  createContract,
  createEquipment,
  createInterventionRequest,
  createSite,
  equipmentHistory,
  getContract,
  inTenantScope,
  localDate,
  recordInterventionReport,
  scheduleIntervention,
  startIntervention,
  updateEquipment,
  type ContractTermsInput,
  type Orm,
} from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import {
  TINY_PNG_DATA_URL as PNG,
  createMaintenanceWorld,
  siteInput,
  type MaintenanceWorld,
} from '../../../tests/support/maintenance-world';

const terms = (w: MaintenanceWorld, overrides: Partial<ContractTermsInput> = {}): ContractTermsInput => ({
  title: 'Contrat de maintenance CVC',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  tacitRenewal: true,
  noticeDays: 90,
  siteIds: [w.siteId, w.otherSiteId],
  sla: { URGENT: 4, HIGH: 8, NORMAL: 48, LOW: 168 },
  rateCard: {
    labourRates: { NORMAL: '68.00', OVERTIME: '85.00', NIGHT: '102.00', WEEKEND_HOLIDAY: '136.00' },
    travelPricing: 'FLAT',
    travelFlatFee: '45.00',
    travelZones: [],
    partsDiscountPercent: '10.00',
    includedLabourHoursPerYear: '8.00',
    travelIncluded: false,
    partsIncluded: false,
  },
  plans: [
    { equipmentCategory: 'AIR_CONDITIONING', visitsPerYear: 2, estimatedDurationMinutes: 90, requiredSkills: ['FLUIDES_CAT1'] },
    { equipmentCategory: 'FIRE_EXTINGUISHER', visitsPerYear: 1 },
  ],
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<{ code: string; fields: string[]; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; details: { fields?: { field: string }[] } };
    return { code: e.code, fields: (e.details.fields ?? []).map((f) => f.field), details: e.details };
  }
  throw new Error('expected a refusal');
}

describe('contracts and equipment', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);
  const contractRows = (id: string) =>
    inTenantTransaction(client, tenant.tenantId, async () => ({
      contract: (await client.query('select reference, title, version, rate_card, sla from contracts where id = $1', [id])).rows[0],
      sites: (await client.query('select site_id from contract_sites where contract_id = $1 order by site_id', [id])).rows.map(
        (r) => r.site_id,
      ),
      plans: (
        await client.query(
          'select equipment_category, visits_per_year from maintenance_plans where contract_id = $1 order by equipment_category',
          [id],
        )
      ).rows,
      amendments: (await client.query('select version from contract_amendments where contract_id = $1', [id])).rows.length,
    }));

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    tenant = await createTestTenant('contracts');
    w = await createMaintenanceWorld(orm, tenant);
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('references contracts CT-YYYY-0001, 0002… by start year, with their sites and plans, without gaps after refusals', async () => {
    const first = await inScope((em) => createContract(em, tenant.tenantId, { ...terms(w), customerId: w.customerId }));
    const refused = await refusal(
      inScope((em) => createContract(em, tenant.tenantId, { ...terms(w, { siteIds: [w.otherCustomerSiteId] }), customerId: w.customerId })),
    );
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['siteIds'] });
    const second = await inScope((em) =>
      createContract(em, tenant.tenantId, { ...terms(w, { siteIds: [w.otherCustomerSiteId] }), customerId: w.otherCustomerId }),
    );
    const nextYear = await inScope((em) =>
      createContract(em, tenant.tenantId, { ...terms(w, { startsOn: '2027-01-01', endsOn: '2027-12-31' }), customerId: w.customerId }),
    );
    expect([first.reference, second.reference, nextYear.reference]).toEqual(['CT-2026-0001', 'CT-2026-0002', 'CT-2027-0001']);
    const stored = await contractRows(first.id);
    expect(stored.sites).toEqual([w.siteId, w.otherSiteId].sort());
    expect(stored.plans).toEqual([
      { equipment_category: 'AIR_CONDITIONING', visits_per_year: 2 },
      { equipment_category: 'FIRE_EXTINGUISHER', visits_per_year: 1 },
    ]);
    expect(stored.contract).toMatchObject({ version: 1, sla: { URGENT: 4, HIGH: 8, NORMAL: 48, LOW: 168 } });
  });

  it('refuses invalid terms with the names of the fields, creating nothing', async () => {
    const count = () => inScope((em) => em.count(Contract, {}));
    const before = await count();
    const bad = terms(w, {
      title: ' ',
      endsOn: '2025-12-31',
      sla: { URGENT: 0 },
      rateCard: { ...terms(w).rateCard, travelFlatFee: null, partsDiscountPercent: '120' },
      plans: [{ equipmentCategory: 'SPACESHIP', visitsPerYear: 60 }],
    });
    const error = await refusal(inScope((em) => createContract(em, tenant.tenantId, { ...bad, customerId: w.customerId })));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(error.fields).toEqual([
      'title',
      'endsOn',
      'sla.URGENT',
      'rateCard.travelFlatFee',
      'rateCard.partsDiscountPercent',
      'plans[0].equipmentCategory',
      'plans[0].visitsPerYear',
    ]);
    expect(await count()).toBe(before);
  });

  it('amends a contract: previous terms kept as amendment n° 1, version bumped, sites and plans replaced', async () => {
    const contract = await inScope((em) => createContract(em, tenant.tenantId, { ...terms(w), customerId: w.customerId }));
    const raised = terms(w, {
      siteIds: [w.siteId],
      rateCard: { ...terms(w).rateCard, labourRates: { NORMAL: '70.38', OVERTIME: '87.98', NIGHT: '105.57', WEEKEND_HOLIDAY: '140.76' } },
      plans: [{ equipmentCategory: 'AIR_CONDITIONING', visitsPerYear: 4 }],
    });
    const amended = await inScope((em) =>
      amendContract(em, contract.id, { ...raised, effectiveOn: '2026-07-01', reason: 'Révision annuelle des taux', expectedVersion: 1 }),
    );
    expect(amended.version).toBe(2);
    const stored = await contractRows(contract.id);
    expect(stored.contract.rate_card.labourRates.NORMAL).toBe('70.38');
    expect(stored.sites).toEqual([w.siteId]);
    expect(stored.plans).toEqual([{ equipment_category: 'AIR_CONDITIONING', visits_per_year: 4 }]);
    const [amendment] = await inScope((em) => em.find(ContractAmendment, { contractId: contract.id }));
    expect(amendment).toMatchObject({ version: 1, effectiveOn: '2026-07-01', reason: 'Révision annuelle des taux' });
    expect(amendment!.previousTerms).toMatchObject({
      rateCard: { labourRates: { NORMAL: '68.00' } },
      siteIds: expect.arrayContaining([w.siteId, w.otherSiteId]),
      plans: expect.arrayContaining([
        { equipmentCategory: 'AIR_CONDITIONING', visitsPerYear: 2, estimatedDurationMinutes: 90, requiredSkills: ['FLUIDES_CAT1'] },
        { equipmentCategory: 'FIRE_EXTINGUISHER', visitsPerYear: 1, estimatedDurationMinutes: 120, requiredSkills: [] },
      ]),
    });
    expect((amendment!.previousTerms.siteIds as string[]).length).toBe(2);

    // a second amendment keeps the first
    await inScope((em) =>
      amendContract(em, contract.id, {
        ...raised,
        title: 'Contrat renégocié',
        effectiveOn: '2027-01-01',
        reason: 'Avenant n° 2',
        expectedVersion: 2,
      }),
    );
    expect(
      (await inScope((em) => em.find(ContractAmendment, { contractId: contract.id }, { orderBy: { version: 'asc' } }))).map((a) => [
        a.version,
        a.reason,
      ]),
    ).toEqual([
      [1, 'Révision annuelle des taux'],
      [2, 'Avenant n° 2'],
    ]);
  });

  it('refuses an amendment on a stale version or with an invalid rate card and leaves the contract as it was', async () => {
    const contract = await inScope((em) => createContract(em, tenant.tenantId, { ...terms(w), customerId: w.customerId }));
    await inScope((em) =>
      amendContract(em, contract.id, { ...terms(w), effectiveOn: '2026-03-01', reason: 'Avenant', expectedVersion: 1 }),
    );
    const before = await contractRows(contract.id);
    const stale = await refusal(
      inScope((em) =>
        amendContract(em, contract.id, {
          ...terms(w, { title: 'Écrasé' }),
          effectiveOn: '2026-04-01',
          reason: 'Trop tard',
          expectedVersion: 1,
        }),
      ),
    );
    expect(stale).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
    const invalid = await refusal(
      inScope((em) =>
        amendContract(em, contract.id, {
          ...terms(w, {
            rateCard: {
              ...terms(w).rateCard,
              labourRates: { ...terms(w).rateCard.labourRates, NIGHT: '-3' },
              travelPricing: 'ZONE',
              travelZones: [],
            },
          }),
          effectiveOn: '2026-04-01',
          reason: '',
          expectedVersion: 2,
        }),
      ),
    );
    expect(invalid).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['rateCard.labourRates.NIGHT', 'rateCard.travelZones'] });
    const noReason = await refusal(
      inScope((em) => amendContract(em, contract.id, { ...terms(w), effectiveOn: '2026-13-01', reason: ' ', expectedVersion: 2 })),
    );
    expect(noReason).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['effectiveOn', 'reason'] });
    const otherSite = await refusal(
      inScope((em) =>
        amendContract(em, contract.id, {
          ...terms(w, { siteIds: [w.otherCustomerSiteId] }),
          effectiveOn: '2026-04-01',
          reason: 'x',
          expectedVersion: 2,
        }),
      ),
    );
    expect(otherSite).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['siteIds'] });
    expect(await contractRows(contract.id)).toEqual(before);
    expect(before.amendments).toBe(1);
  });

  it('uses the covering contract’s SLA for a request on its site or its equipment', async () => {
    const site = await inScope((em) => createSite(em, tenant.tenantId, siteInput(w.otherCustomerId, 'Atelier')));
    const contract = await inScope((em) =>
      createContract(em, tenant.tenantId, {
        ...terms(w, { startsOn: '2026-01-01', sla: { HIGH: 6 } }),
        customerId: w.otherCustomerId,
        siteIds: [site.id],
      }),
    );
    const requestedAt = new Date();
    const i = await inScope((em) =>
      createInterventionRequest(
        em,
        tenant.identity,
        { customerId: w.otherCustomerId, siteId: site.id, title: 'Clim HS', priority: 'HIGH' },
        { requestedAt },
      ),
    );
    expect(i.contractId).toBe(contract.id);
    expect(i.dueBy!.getTime() - requestedAt.getTime()).toBe(6 * 3600_000);
    // NORMAL is not in this contract's SLA: the default 72 h applies
    const normal = await inScope((em) =>
      createInterventionRequest(em, tenant.identity, { customerId: w.otherCustomerId, siteId: site.id, title: 'Bruit' }, { requestedAt }),
    );
    expect(normal.contractId).toBe(contract.id);
    expect(normal.dueBy!.getTime() - requestedAt.getTime()).toBe(72 * 3600_000);
  });

  describe('equipment', () => {
    let contractId: string;
    let otherContractId: string;
    beforeAll(async () => {
      contractId = (await inScope((em) => createContract(em, tenant.tenantId, { ...terms(w), customerId: w.customerId }))).id;
      otherContractId = (
        await inScope((em) =>
          createContract(em, tenant.tenantId, { ...terms(w, { siteIds: [w.otherCustomerSiteId] }), customerId: w.otherCustomerId }),
        )
      ).id;
    });
    const base = () => ({
      siteId: w.siteId,
      name: 'Groupe extérieur VRV',
      category: 'AIR_CONDITIONING',
      brand: 'Daikin',
      refrigerantType: 'R410A',
      refrigerantChargeKg: '11.5',
    });

    it('records an equipment with its customer taken from the site and its charge to the hundredth', async () => {
      const e = await inScope((em) => createEquipment(em, tenant.tenantId, { ...base(), contractId }));
      expect(e).toMatchObject({ customerId: w.customerId, contractId, refrigerantChargeKg: '11.50', status: 'IN_SERVICE', version: 1 });
      const child = await inScope((em) =>
        createEquipment(em, tenant.tenantId, { siteId: w.siteId, parentId: e.id, name: 'Cassette bureau 1', category: 'AIR_CONDITIONING' }),
      );
      expect(child.parentId).toBe(e.id);
    });

    it('refuses a site, parent or contract of another customer, and other invalid values, creating nothing', async () => {
      const count = () => inScope((em) => em.count(Equipment, {}));
      const before = await count();
      const parentElsewhere = await inScope((em) =>
        createEquipment(em, tenant.tenantId, { siteId: w.otherSiteId, name: 'TGBT', category: 'ELECTRICAL_PANEL' }),
      );
      const n = before + 1;
      expect(
        await refusal(inScope((em) => createEquipment(em, tenant.tenantId, { ...base(), contractId: otherContractId }))),
      ).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['contractId'] });
      expect(
        await refusal(inScope((em) => createEquipment(em, tenant.tenantId, { ...base(), parentId: parentElsewhere.id }))),
      ).toMatchObject({ fields: ['parentId'] });
      expect(
        await refusal(inScope((em) => createEquipment(em, tenant.tenantId, { ...base(), siteId: '00000000-0000-7000-8000-000000000000' }))),
      ).toMatchObject({ fields: ['siteId'] });
      expect(
        await refusal(
          inScope((em) =>
            createEquipment(em, tenant.tenantId, {
              ...base(),
              name: '',
              category: 'TOASTER',
              refrigerantType: null,
              refrigerantChargeKg: '1.234',
              installedOn: '2026-02-30',
            }),
          ),
        ),
      ).toMatchObject({ fields: ['name', 'category', 'installedOn', 'refrigerantChargeKg', 'refrigerantType'] });
      expect(await count()).toBe(n);
    });

    it('keeps an equipment consistent when moved: a contract of the former customer is refused, a stale version too', async () => {
      const e = await inScope((em) => createEquipment(em, tenant.tenantId, { ...base(), contractId }));
      expect(await refusal(inScope((em) => updateEquipment(em, e.id, { siteId: w.otherCustomerSiteId }, 1)))).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: ['contractId'],
      });
      const moved = await inScope((em) => updateEquipment(em, e.id, { siteId: w.otherCustomerSiteId, contractId: otherContractId }, 1));
      expect(moved).toMatchObject({
        customerId: w.otherCustomerId,
        siteId: w.otherCustomerSiteId,
        contractId: otherContractId,
        version: 2,
      });
      expect(await refusal(inScope((em) => updateEquipment(em, e.id, { name: 'Écrasé' }, 1)))).toMatchObject({
        code: 'STALE_VERSION',
        details: { currentVersion: 2 },
      });
      expect(await refusal(inScope((em) => updateEquipment(em, e.id, { parentId: e.id })))).toMatchObject({ fields: ['parentId'] });
      expect((await inScope((em) => em.findOneOrFail(Equipment, { id: e.id }))).name).toBe('Groupe extérieur VRV');
    });

    it('tells an equipment’s history: interventions, parts replaced with serials, observations, newest first', async () => {
      const e = await inScope((em) => createEquipment(em, tenant.tenantId, { ...base(), name: 'Climatiseur salle 3', contractId }));
      let i = await inScope((em) =>
        createInterventionRequest(em, tenant.identity, {
          customerId: w.customerId,
          siteId: w.siteId,
          equipmentId: e.id,
          title: 'Fuite',
          priority: 'HIGH',
        }),
      );
      expect(i.contractId).toBe(contractId);
      const start = new Date(Date.now() + 3600_000);
      i = await inScope((em) =>
        scheduleIntervention(em, i.id, {
          technicianIds: [w.theoId],
          start,
          end: new Date(start.getTime() + 3600_000),
          expectedVersion: i.version,
        }),
      );
      i = await inScope((em) => startIntervention(em, tenant.identity, i.id, i.version));
      i = await inScope((em) =>
        recordInterventionReport(
          em,
          tenant.identity,
          i.id,
          {
            labour: [{ technicianId: w.theoId, workDate: localDate(new Date()), hours: '1.5', labourType: 'NORMAL' }],
            travelCount: 1,
            parts: [
              { catalogItemId: w.items['FLU-R32']!, quantity: '1.25' },
              { catalogItemId: w.items['SSI-DET-OPT']!, quantity: '1', serialNumber: 'DET-77' },
            ],
            observations: 'Raccord flare refait, complément de charge.',
            signerName: 'M. Kerbrat',
            signatureDataUrl: PNG,
          },
          i.version,
        ),
      );
      i = await inScope((em) => completeIntervention(em, tenant.identity, i.id, i.version));
      i = await inScope((em) => closeIntervention(em, i.id, i.version));
      const later = await inScope((em) =>
        createInterventionRequest(em, tenant.identity, {
          customerId: w.customerId,
          siteId: w.siteId,
          equipmentId: e.id,
          title: 'Contrôle',
        }),
      );

      const history = await inScope((em) => equipmentHistory(em, e.id, 10));
      const events = history.map((h) => [h.kind, h.summary]);
      expect(events.slice(0, 3)).toEqual([
        ['INTERVENTION', `${later.number} · Contrôle (à planifier)`],
        ['INTERVENTION', `${i.number} · Fuite (clôturée)`],
        ['OBSERVATION', 'Raccord flare refait, complément de charge.'],
      ]);
      // the two parts share the completion time: their order between them is not specified
      expect(events.slice(3).sort()).toEqual([
        ['PART_REPLACED', '1 × Détecteur optique de fumée (n° DET-77)'],
        ['PART_REPLACED', '1.25 × Fluide frigorigène R32'],
      ]);
      expect(history.every((h) => h.interventionId === (h.summary.startsWith(later.number) ? later.id : i.id))).toBe(true);
      expect(await inScope((em) => equipmentHistory(em, e.id, 2))).toHaveLength(2);
    });
  });

  it('keeps contracts of another tenant out of reach', async () => {
    const contract = await inScope((em) => createContract(em, tenant.tenantId, { ...terms(w), customerId: w.customerId }));
    const intruder = await createTestTenant('contracts-intruder');
    await expect(inTenantScope(orm, intruder.identity, { requestId: 'x' }, (em) => getContract(em, contract.id))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const counts = await inTenantScope(orm, intruder.identity, { requestId: 'x' }, async (em) => [
      await em.count(Contract, {}),
      await em.count(ContractSite, {}),
      await em.count(MaintenancePlan, {}),
      await em.count(Equipment, {}),
    ]);
    expect(counts).toEqual([0, 0, 0, 0]);
  });
});
