import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  amendContract,
  convertInterventionToInvoice,
  createContract,
  DEFAULT_LIST_RATES,
  getContract,
  inTenantScope,
  invoiceLines,
  listBillable,
  type Contract,
  type ContractTermsInput,
  type Intervention,
  type Orm,
  type RateCard,
  type ReportInput,
} from '@relais/domain';
import { appOrm } from '../../../tests/support/database';
import { refusal } from '../../../tests/support/refusal';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, interventionThrough, simpleReport, type MaintenanceWorld } from '../../../tests/support/maintenance-world';

/** Normal hours only at the contract rate; 2 h and the travel included per preventive visit, the travel per corrective one. */
const partialCard = (includedLabourHoursPerYear: string): RateCard => ({
  labourRates: { NORMAL: '70.00' },
  travelPricing: 'FLAT',
  travelFlatFee: '40.00',
  travelZones: [],
  partsDiscountPercent: '0',
  includedLabourHoursPerYear,
  travelIncluded: false,
  partsIncluded: false,
  visitInclusions: [
    { interventionType: 'PREVENTIVE', includedHours: '2', travelIncluded: true },
    { interventionType: 'CORRECTIVE', includedHours: '0', travelIncluded: false },
  ],
});

describe('contracts with a partial rate card and inclusions per intervention type', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  let contract: Contract;
  let terms: ContractTermsInput;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  const closed = (type: Intervention['type'], report: ReportInput, siteId = w.siteId) =>
    interventionThrough(orm, tenant, w, { type, report, siteId, title: `Visite ${type}` });

  async function invoiced(intervention: Intervention) {
    const invoice = await inScope((em) => convertInterventionToInvoice(em, tenant.identity, intervention.id));
    const lines = await inScope((em) => invoiceLines(em, invoice.id));
    return {
      invoice,
      lines: lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.discountPercent, l.lineNet]),
      reasons: lines.map((l) => l.reason),
    };
  }

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('visit-inclusions');
    w = await createMaintenanceWorld(orm, tenant);
    const year = new Date().getFullYear();
    terms = {
      title: 'Contrat CVC préventif',
      startsOn: `${year - 1}-01-01`,
      endsOn: `${year + 1}-12-31`,
      tacitRenewal: true,
      noticeDays: 90,
      siteIds: [w.siteId],
      sla: {},
      rateCard: partialCard('0'),
      plans: [],
    };
    contract = await inScope((em) => createContract(em, tenant.tenantId, { ...terms, customerId: w.customerId }));
  });

  afterAll(async () => {
    await orm.close(true);
  });

  it('keeps the partial card as given', () => {
    expect(contract.rateCard.labourRates).toEqual({ NORMAL: '70.00' });
    expect(contract.rateCard.visitInclusions).toHaveLength(2);
  });

  it('bills a 3 h preventive visit with travel as 1 h at the contract rate, the 2 h and the travel at zero', async () => {
    const visit = await closed('PREVENTIVE', simpleReport(w, '3'));
    const estimate = (await inScope((em) => listBillable(em))).find((b) => b.intervention.id === visit.id)!.estimate;
    expect(estimate).toEqual({ net: '70.00', vat: '14.00', gross: '84.00' });
    const { invoice, lines, reasons } = await invoiced(visit);
    expect(lines).toEqual([
      ['LABOUR', '2.0000', '70.0000', '100.00', '0.00'],
      ['LABOUR', '1.0000', '70.0000', '0.00', '70.00'],
      ['TRAVEL', '1.0000', '40.0000', '100.00', '0.00'],
    ]);
    expect(reasons[0]).toBe(`Inclus par intervention préventive au contrat ${contract.reference} : 2,00 h par intervention`);
    expect(invoice).toMatchObject({ totalNet: '70.00', totalVat: '14.00', totalGross: '84.00' });
  });

  it('bills a corrective intervention at full price, night hours at the list rate the card leaves out', async () => {
    const report = simpleReport(w, '2');
    report.labour.push({ ...report.labour[0]!, hours: '1', labourType: 'NIGHT' });
    const { invoice, lines, reasons } = await invoiced(await closed('CORRECTIVE', report));
    const night = DEFAULT_LIST_RATES.labourRates.NIGHT!;
    expect(night).toBe('97.50');
    expect(lines).toEqual([
      ['LABOUR', '2.0000', '70.0000', '0.00', '140.00'],
      ['LABOUR', '1.0000', '97.5000', '0.00', '97.50'],
      ['TRAVEL', '1.0000', '40.0000', '0.00', '40.00'],
    ]);
    expect(reasons[1]).toBe(`Tarif catalogue (heures de nuit), le contrat ${contract.reference} n’ayant pas de taux pour ces heures`);
    // 277.50 HT, VAT 20 % 55.50
    expect(invoice).toMatchObject({ totalNet: '277.50', totalVat: '55.50', totalGross: '333.00' });
  });

  it('gives the per-visit hours to every visit, without eating into the yearly allowance', async () => {
    const yearly = await inScope((em) =>
      createContract(em, tenant.tenantId, { ...terms, siteIds: [w.otherSiteId], rateCard: partialCard('3'), customerId: w.customerId }),
    );
    const first = await invoiced(await closed('PREVENTIVE', simpleReport(w, '3'), w.otherSiteId));
    const second = await invoiced(await closed('PREVENTIVE', simpleReport(w, '3.5'), w.otherSiteId));
    // each visit: 2 h per visit first, then the yearly allowance (3 h a year: 1 h, then 1.5 h of the 2 h left)
    expect(first.lines.map((l) => [l[1], l[3]])).toEqual([
      ['2.0000', '100.00'],
      ['1.0000', '100.00'],
      ['1.0000', '100.00'],
    ]);
    expect(second.lines.map((l) => [l[1], l[3]])).toEqual([
      ['2.0000', '100.00'],
      ['1.5000', '100.00'],
      ['1.0000', '100.00'],
    ]);
    expect(second.reasons[1]).toBe(`Inclus au contrat ${yearly.reference} : 1,50 h sur 2,00 h restantes (3,00 h/an)`);
    expect(second.invoice).toMatchObject({ totalNet: '0.00', totalGross: '0.00' });
  });

  it('refuses a bad rate or inclusion naming the field and the reason, and leaves the contract unchanged', async () => {
    const amend = (rateCard: RateCard) =>
      inScope((em) =>
        amendContract(em, contract.id, {
          ...terms,
          rateCard,
          effectiveOn: terms.startsOn,
          reason: 'Révision',
          expectedVersion: contract.version,
        }),
      );
    const cases: [RateCard, string, string][] = [
      [{ ...partialCard('0'), labourRates: { NORMAL: '-70.00' } }, 'rateCard.labourRates.NORMAL', 'MUST_BE_POSITIVE'],
      [{ ...partialCard('0'), labourRates: { NORMAL: '70', NIGHT: '95.125' } }, 'rateCard.labourRates.NIGHT', 'TOO_MANY_DECIMALS'],
      [{ ...partialCard('0'), labourRates: { OVERTIME: 'quatre-vingts' } }, 'rateCard.labourRates.OVERTIME', 'DECIMAL_EXPECTED'],
      [
        { ...partialCard('0'), visitInclusions: [{ interventionType: 'PREVENTIVE', includedHours: '-1', travelIncluded: true }] },
        'rateCard.visitInclusions[0].includedHours',
        'MUST_BE_POSITIVE',
      ],
    ];
    for (const [card, field, reason] of cases) {
      const error = await refusal(amend(card));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.fields).toEqual([expect.objectContaining({ field, reason })]);
    }
    const after = await inScope((em) => getContract(em, contract.id));
    expect(after.version).toBe(contract.version);
    expect(after.rateCard).toEqual(contract.rateCard);
  });
});
