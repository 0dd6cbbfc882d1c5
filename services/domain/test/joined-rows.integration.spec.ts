import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Intervention, InterventionTechnician, inTenantScope, type Orm } from '@relais/domain';
import { eagerProperties, plainPrefixed, prefixedColumns } from '../src/shared/joined-rows';
import { appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, interventionThrough, simpleReport, type MaintenanceWorld } from '../../../tests/support/maintenance-world';

/** Lists and the board read joined rows as plain objects: they must hold what `em.find` loads, value for value. */
describe('joined rows as plain objects', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  let intervention: Intervention;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('joined-rows');
    w = await createMaintenanceWorld(orm, tenant);
    // Closed: timestamps set and unset, an array, text, numbers, a null equipment.
    intervention = await interventionThrough(orm, tenant, w, { report: simpleReport(w, '2') });
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
  });

  it('gives every eager property of the entity with the value em.find gives, timestamps as dates', async () => {
    const { plain, loaded, properties } = await inScope(async (em) => {
      const [row] = await em.execute<Record<string, unknown>[]>(
        `select ${prefixedColumns(em, Intervention, 'i')} from interventions i where i.id = ?`,
        [intervention.id],
      );
      const entity = await em.fork().findOneOrFail(Intervention, { id: intervention.id });
      return { plain: plainPrefixed(em, Intervention, row!, 'i'), loaded: entity, properties: eagerProperties(em, Intervention) };
    });
    expect(Object.keys(plain!)).toEqual(properties);
    expect(properties).not.toContain('signatureDataUrl');
    for (const property of properties)
      expect([property, plain![property as keyof typeof plain]]).toEqual([property, loaded[property as keyof Intervention]]);
    expect(plain!.closedAt).toBeInstanceOf(Date);
    expect(plain!.cancelledAt).toBeNull();
  });

  it('maps a composite key once per key, and gives null for an outer join that found nothing', async () => {
    const rows = await inScope((em) =>
      em.execute<Record<string, unknown>[]>(
        `select ${prefixedColumns(em, InterventionTechnician, 'it')}
           from interventions i
           left join intervention_technicians it on it.tenant_id = i.tenant_id and it.intervention_id = i.id
           cross join generate_series(1, 2)
          where i.id = ?`,
        [intervention.id],
      ),
    );
    const seen = new Map();
    const plain = await inScope(async (em) => rows.map((row) => plainPrefixed(em, InterventionTechnician, row, 'it', seen)));
    expect(plain[0]).toEqual({ tenantId: tenant.tenantId, interventionId: intervention.id, technicianId: w.theoId });
    expect(plain[1]).toBe(plain[0]);
    const none = await inScope(async (em) =>
      plainPrefixed(em, InterventionTechnician, { it__tenant_id: null, it__intervention_id: null, it__technician_id: null }, 'it'),
    );
    expect(none).toBeNull();
  });
});
