import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  convertInterventionsToInvoice,
  createContract,
  inTenantScope,
  invoiceLines,
  localDate,
  Money,
  type Intervention,
  type Orm,
} from '@relais/domain';
import { appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, interventionThrough, simpleReport, type MaintenanceWorld } from '../../../tests/support/maintenance-world';

const YEAR = localDate(new Date()).slice(0, 4);

/**
 * Conversions lock their interventions, then their contracts, in one statement: conversions under
 * one contract queue on it (its included hours are read then given out), and conversions that
 * share contracts never deadlock, whatever their interventions' order.
 */
describe('converting under contracts, concurrently', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  const contractOn = (siteId: string, title: string) =>
    inScope((em) =>
      createContract(em, tenant.tenantId, {
        customerId: w.customerId,
        title,
        startsOn: `${YEAR}-01-01`,
        endsOn: `${YEAR}-12-31`,
        tacitRenewal: true,
        noticeDays: 90,
        siteIds: [siteId],
        sla: {},
        rateCard: {
          labourRates: { NORMAL: '70.00' },
          travelPricing: 'FLAT',
          travelFlatFee: '40.00',
          travelZones: [],
          partsDiscountPercent: '0',
          includedLabourHoursPerYear: '2.00',
          travelIncluded: false,
          partsIncluded: false,
        },
        plans: [],
      }),
    );

  const closedAt = (siteId: string, hours: string) => interventionThrough(orm, tenant, w, { siteId, report: simpleReport(w, hours) });

  /** Hours given as included by the contract on the invoices of these conversions. */
  async function includedHours(invoiceIds: readonly string[]): Promise<string> {
    const lines = (await Promise.all(invoiceIds.map((id) => inScope((em) => invoiceLines(em, id))))).flat();
    return lines
      .filter((l) => l.coveredByContract)
      .reduce((sum, l) => sum.plus(l.quantity), new Money('0'))
      .toFixed(2);
  }

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('conversion-locks');
    w = await createMaintenanceWorld(orm, tenant);
    await contractOn(w.siteId, 'Contrat site principal');
    await contractOn(w.otherSiteId, 'Contrat entrepôt');
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
  });

  it('gives a contract’s 2 included hours once when two conversions under it race', async () => {
    const [a, b] = [await closedAt(w.siteId, '1.5'), await closedAt(w.siteId, '1.5')];
    expect(a!.contractId).not.toBeNull();
    // The first conversion has given 1.5 h and not committed yet when the second one starts.
    let converted!: () => void;
    const firstConverted = new Promise<void>((resolve) => (converted = resolve));
    const first = inScope(async (em) => {
      const invoice = await convertInterventionsToInvoice(em, tenant.identity, [a!.id]);
      converted();
      await setTimeout(300);
      return invoice;
    });
    await firstConverted;
    const second = inScope((em) => convertInterventionsToInvoice(em, tenant.identity, [b!.id]));
    const invoices = await Promise.all([first, second]);
    // 1.5 h on the first, 0.5 h on the second (it waited for the first to commit): never 1.5 h on both.
    expect(await includedHours(invoices.map((i) => i.id))).toBe('2.00');
    expect(invoices.map((i) => i.totalNet).sort()).toEqual(['110.00', '40.00']);
  });

  it('never deadlocks conversions that share two contracts, whatever the order of their interventions', async () => {
    // Each conversion takes one job of each site: both contracts, locked by every conversion.
    const groups: Intervention[][] = [];
    for (let n = 0; n < 4; n += 1) groups.push([await closedAt(w.otherSiteId, '0.5'), await closedAt(w.siteId, '0.5')]);
    const outcomes = await Promise.allSettled(
      groups.map((group, n) =>
        inScope((em) =>
          convertInterventionsToInvoice(
            em,
            tenant.identity,
            (n % 2 ? [...group].reverse() : group).map((i) => i.id),
          ),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as unknown)).toEqual([]);
    // The warehouse contract had its 2 hours left: all four half hours are included. The main site's were given above.
    const invoiceIds = outcomes.map((o) => (o as PromiseFulfilledResult<{ id: string }>).value.id);
    expect(await includedHours(invoiceIds)).toBe('2.00');
  });
});
