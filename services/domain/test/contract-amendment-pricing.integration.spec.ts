import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  amendContract,
  convertInterventionToInvoice,
  createContract,
  frenchDate,
  inTenantScope,
  invoiceLines,
  listBillable,
  localDate,
  localDayBounds,
  type Contract,
  type ContractTermsInput,
  type Identity,
  type Intervention,
  type Orm,
  type RateCard,
} from '@relais/domain';
import { appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, interventionThrough, simpleReport, type MaintenanceWorld } from '../../../tests/support/maintenance-world';

const TODAY = localDate(new Date());
const YEAR = Number(TODAY.slice(0, 4));
/** The day the amendment's new rates take effect: ten days ago, in Europe/Paris. */
const EFFECTIVE_ON = localDate(new Date(Date.now() - 10 * 24 * 3600_000));
const { from: EFFECTIVE_FROM } = localDayBounds(EFFECTIVE_ON);
/** 23:30 in Paris the day before the amendment takes effect. */
const CLOSED_BEFORE = new Date(EFFECTIVE_FROM.getTime() - 30 * 60_000);
/** 00:30 in Paris the day it takes effect (still the day before in UTC). */
const CLOSED_ON = new Date(EFFECTIVE_FROM.getTime() + 30 * 60_000);

const rateCard = (normal: string): RateCard => ({
  labourRates: { NORMAL: normal, OVERTIME: '90.00', NIGHT: '110.00', WEEKEND_HOLIDAY: '130.00' },
  travelPricing: 'FLAT',
  travelFlatFee: '30.00',
  travelZones: [],
  partsDiscountPercent: '0.00',
  includedLabourHoursPerYear: '0.00',
  travelIncluded: false,
  partsIncluded: false,
});

describe('pricing interventions with the contract terms in force on their closing date', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  let contract: Contract;
  let before: Intervention;
  let after: Intervention;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 't' }, work);

  /** A closed intervention of 2 normal hours and one trip, closed at `closedAt` (set in the database). */
  async function closedAt(title: string, at: Date): Promise<Intervention> {
    const report = simpleReport(w, '2', [], title);
    report.labour = report.labour.map((l) => ({ ...l, workDate: localDate(at) }));
    const intervention = await interventionThrough(orm, tenant, w, { title, report });
    await inScope((em) => em.execute('update interventions set closed_at = ? where id = ?', [at, intervention.id]));
    return intervention;
  }

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('amendment-pricing');
    w = await createMaintenanceWorld(orm, tenant);
    const terms: ContractTermsInput = {
      title: 'Contrat CVC',
      startsOn: `${YEAR - 1}-01-01`,
      endsOn: `${YEAR}-12-31`,
      tacitRenewal: true,
      noticeDays: 90,
      siteIds: [w.siteId],
      sla: { URGENT: 4, HIGH: 8, NORMAL: 48, LOW: 168 },
      rateCard: rateCard('60.00'),
      plans: [],
    };
    contract = await inScope((em) => createContract(em, tenant.tenantId, { ...terms, customerId: w.customerId }));
    before = await closedAt('Dépannage avant avenant', CLOSED_BEFORE);
    after = await closedAt('Dépannage après avenant', CLOSED_ON);
    contract = await inScope((em) =>
      amendContract(em, contract.id, {
        ...terms,
        rateCard: rateCard('80.00'),
        effectiveOn: EFFECTIVE_ON,
        reason: 'Révision des taux horaires',
        expectedVersion: contract.version,
      }),
    );
  });

  afterAll(async () => {
    await orm.close(true);
  });

  it('estimates "À facturer" with the rates in force on each closing date (Europe/Paris)', async () => {
    const estimates = new Map((await inScope((em) => listBillable(em))).map((b) => [b.intervention.id, b.estimate]));
    // 2 h × 60.00 + 30.00 travel = 150.00 HT, VAT 20 % 30.00
    expect(estimates.get(before.id)).toEqual({ net: '150.00', vat: '30.00', gross: '180.00' });
    // 2 h × 80.00 + 30.00 travel = 190.00 HT, VAT 20 % 38.00
    expect(estimates.get(after.id)).toEqual({ net: '190.00', vat: '38.00', gross: '228.00' });
  });

  it('converts an intervention closed the day before the amendment takes effect at the previous rate, and says so', async () => {
    const invoice = await inScope((em) => convertInterventionToInvoice(em, tenant.identity, before.id));
    expect(invoice).toMatchObject({ totalNet: '150.00', totalVat: '30.00', totalGross: '180.00' });
    const lines = await inScope((em) => invoiceLines(em, invoice.id));
    expect(lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.lineNet])).toEqual([
      ['LABOUR', '2.0000', '60.0000', '120.00'],
      ['TRAVEL', '1.0000', '30.0000', '30.00'],
    ]);
    expect(lines[0]!.reason).toContain(`Taux contractuel ${contract.reference}`);
    expect(invoice.notes).toContain(`Contrat : ${contract.reference}`);
    expect(invoice.notes).toContain(
      `Tarifs du contrat ${contract.reference} en vigueur le ${frenchDate(localDate(CLOSED_BEFORE))} (avant l’avenant du ${frenchDate(EFFECTIVE_ON)})`,
    );
  });

  it('converts an intervention closed on the day the amendment takes effect at the new rate', async () => {
    const invoice = await inScope((em) => convertInterventionToInvoice(em, tenant.identity, after.id));
    expect(invoice).toMatchObject({ totalNet: '190.00', totalVat: '38.00', totalGross: '228.00' });
    const lines = await inScope((em) => invoiceLines(em, invoice.id));
    expect(lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.lineNet])).toEqual([
      ['LABOUR', '2.0000', '80.0000', '160.00'],
      ['TRAVEL', '1.0000', '30.0000', '30.00'],
    ]);
    expect(lines[0]!.reason).toContain(`Taux contractuel ${contract.reference}`);
    expect(invoice.notes).toContain(`Contrat : ${contract.reference}`);
    expect(invoice.notes).not.toContain('avant l’avenant');
  });
});
