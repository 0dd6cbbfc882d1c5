import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CatalogItem,
  assignPriceList,
  convertInterventionToInvoice,
  createContract,
  createCustomer,
  createPriceList,
  getPriceList,
  inTenantScope,
  invoiceLines,
  listBillable,
  listPriceLists,
  localDate,
  newId,
  priceListOfCustomers,
  updatePriceList,
  type Identity,
  type Orm,
  type PriceList,
  type ReportInput,
} from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { refusal } from '../../../tests/support/refusal';
import {
  createMaintenanceWorld,
  customerInput,
  interventionThrough,
  simpleReport,
  type MaintenanceWorld,
} from '../../../tests/support/maintenance-world';

const TODAY = localDate(new Date());
const YEAR = TODAY.slice(0, 4);

describe('customer price lists', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  let labourItemId: string;
  let travelItemId: string;
  let contractReference: string;
  let list: PriceList;
  let serial = 0;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 't' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    inTenantTransaction(client, tenant.tenantId, async () => (await client.query(text, params)).rows as T[]);
  const snapshot = () =>
    sql(
      `select (select json_agg(p order by id) from price_lists p) as lists,
              (select json_agg(i order by id) from price_list_items i) as items,
              (select json_agg(c order by customer_id) from customer_price_lists c) as assigned`,
    );

  const closedIntervention = (customerId: string, siteId: string, hours: string, parts: ReportInput['parts']) =>
    interventionThrough(orm, tenant, w, { customerId, siteId, title: 'Entretien', report: simpleReport(w, hours, parts) });
  const detector = () => ({ catalogItemId: w.items['SSI-DET-OPT']!, quantity: '1', serialNumber: `DET-${++serial}` });

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    tenant = await createTestTenant('price-lists');
    w = await createMaintenanceWorld(orm, tenant);
    // The tenant's list rates for normal labour and travel, as catalog services.
    [labourItemId, travelItemId] = await inScope(async (em) => {
      const service = (code: string, label: string, unit: string, salePrice: string) =>
        em.create(CatalogItem, {
          id: newId(),
          tenantId: tenant.tenantId,
          code,
          label,
          kind: 'SERVICE',
          unit,
          salePrice,
          purchaseCost: null,
        });
      const created = [
        service('MO-NORMAL', 'Heure de main-d’œuvre', 'h', '65.00'),
        service('DEP-FORFAIT', 'Forfait déplacement', 'forfait', '45.00'),
      ];
      await em.flush();
      return created.map((c) => c.id) as [string, string];
    });
    const contract = await inScope((em) =>
      createContract(em, tenant.tenantId, {
        customerId: w.customerId,
        title: 'Contrat CVC',
        startsOn: `${YEAR}-01-01`,
        endsOn: `${YEAR}-12-31`,
        tacitRenewal: true,
        noticeDays: 90,
        siteIds: [w.siteId],
        sla: { URGENT: 4, HIGH: 8, NORMAL: 48, LOW: 168 },
        rateCard: {
          labourRates: { NORMAL: '68.00', OVERTIME: '85.00', NIGHT: '102.00', WEEKEND_HOLIDAY: '136.00' },
          travelPricing: 'FLAT',
          travelFlatFee: '45.00',
          travelZones: [],
          partsDiscountPercent: '10.00',
          includedLabourHoursPerYear: '0',
          travelIncluded: false,
          partsIncluded: false,
        },
        plans: [],
      }),
    );
    contractReference = contract.reference;
    list = await inScope((em) =>
      createPriceList(em, tenant.identity, {
        name: '  Grands comptes ',
        notes: 'Négocié en janvier',
        items: [
          { catalogItemId: labourItemId, unitPrice: '58.00' },
          { catalogItemId: travelItemId, unitPrice: '39.50' },
          { catalogItemId: w.items['FIL-G4-592']!, unitPrice: '15.1234' },
        ],
      }),
    );
    await inScope((em) => assignPriceList(em, tenant.identity, w.customerId, list.id));
    await inScope((em) => assignPriceList(em, tenant.identity, w.otherCustomerId, list.id));
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('creates and assigns a price list', async () => {
    expect(list).toMatchObject({ name: 'Grands comptes', notes: 'Négocié en janvier', active: true, version: 1 });
    const assigned = await inScope((em) => priceListOfCustomers(em, [w.customerId, w.otherCustomerId]));
    expect(assigned.map((a) => a.priceList.id)).toEqual([list.id, list.id]);
    expect(await sql('select catalog_item_id, unit_price from price_list_items order by unit_price')).toEqual([
      { catalog_item_id: w.items['FIL-G4-592'], unit_price: '15.1234' },
      { catalog_item_id: travelItemId, unit_price: '39.5000' },
      { catalog_item_id: labourItemId, unit_price: '58.0000' },
    ]);
  });

  it('without a contract, estimates and bills the price list’s prices, saying why, to the cent', async () => {
    const intervention = await closedIntervention(w.otherCustomerId, w.otherCustomerSiteId, '1.5', [
      { catalogItemId: w.items['FIL-G4-592']!, quantity: '3' },
      detector(),
    ]);
    // 1.5 h × 58.00 + 39.50 travel + 3 × 15.1234 (45.37) + 58.00 catalog = 229.87 HT, VAT 45.97
    const billable = await inScope((em) => listBillable(em, { customerId: w.otherCustomerId }));
    expect(billable.map((b) => [b.intervention.id, b.estimate])).toEqual([
      [intervention.id, { net: '229.87', vat: '45.97', gross: '275.84' }],
    ]);
    const invoice = await inScope((em) => convertInterventionToInvoice(em, tenant.identity, intervention.id));
    expect(invoice).toMatchObject({ totalNet: '229.87', totalVat: '45.97', totalGross: '275.84' });
    const lines = await inScope((em) => invoiceLines(em, invoice.id));
    expect(lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.discountPercent, l.lineNet, l.reason])).toEqual([
      ['LABOUR', '1.5000', '58.0000', '0.00', '87.00', 'Tarif « Grands comptes » : 58,00 €/h au lieu de 65,00 €'],
      ['TRAVEL', '1.0000', '39.5000', '0.00', '39.50', 'Tarif « Grands comptes » : 39,50 € au lieu de 45,00 €'],
      ['PART', '3.0000', '15.1234', '0.00', '45.37', 'Tarif « Grands comptes » : 15,1234 € au lieu de 18,50 €'],
      ['PART', '1.0000', '58.0000', '0.00', '58.00', 'Prix catalogue'],
    ]);
  });

  it('with a contract, labour and travel stay at the contract rates and the parts discount applies on the price list’s price', async () => {
    const intervention = await closedIntervention(w.customerId, w.siteId, '2', [{ catalogItemId: w.items['FIL-G4-592']!, quantity: '2' }]);
    expect(intervention.contractId).not.toBeNull();
    const invoice = await inScope((em) => convertInterventionToInvoice(em, tenant.identity, intervention.id));
    // 2 h × 68.00 + 45.00 + 2 × (15.1234 − 10 % = 13.61106) = 27.22: 208.22 HT, VAT 41.64
    expect(invoice).toMatchObject({ totalNet: '208.22', totalVat: '41.64', totalGross: '249.86' });
    const lines = await inScope((em) => invoiceLines(em, invoice.id));
    expect(lines.map((l) => [l.kind, l.unitPrice, l.discountPercent, l.lineNet, l.reason])).toEqual([
      ['LABOUR', '68.0000', '0.00', '136.00', `Taux contractuel ${contractReference} (heures normales)`],
      ['TRAVEL', '45.0000', '0.00', '45.00', `Forfait déplacement du contrat ${contractReference}`],
      [
        'PART',
        '15.1234',
        '10.00',
        '27.22',
        `Tarif « Grands comptes » : 15,1234 € au lieu de 18,50 €, remise contrat 10 % sur pièces (${contractReference})`,
      ],
    ]);
  });

  it('refuses bad input naming the fields, and changes nothing', async () => {
    const before = await snapshot();
    const bad = await refusal(
      inScope((em) =>
        createPriceList(em, tenant.identity, {
          name: ' ',
          items: [
            { catalogItemId: newId(), unitPrice: '10.00' },
            { catalogItemId: labourItemId, unitPrice: '-1.00' },
            { catalogItemId: labourItemId, unitPrice: '1.123456' },
          ],
        }),
      ),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect((bad.details.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'name',
      'items[0].catalogItemId',
      'items[1].unitPrice',
      'items[2].catalogItemId',
      'items[2].unitPrice',
    ]);
    const taken = await refusal(inScope((em) => createPriceList(em, tenant.identity, { name: 'Grands comptes', items: [] })));
    expect(taken).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'name' }] } });
    const unknownItem = await refusal(
      inScope((em) =>
        updatePriceList(em, list.id, list.version, { name: 'Autre', items: [{ catalogItemId: newId(), unitPrice: '1.00' }] }),
      ),
    );
    expect(unknownItem).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'items[0].catalogItemId' }] } });
    const stale = await refusal(inScope((em) => updatePriceList(em, list.id, list.version + 1, { name: 'Autre' })));
    expect(stale).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 1 } });
    const noList = await refusal(inScope((em) => assignPriceList(em, tenant.identity, w.customerId, newId())));
    expect(noList).toMatchObject({ code: 'NOT_FOUND', details: { entity: 'PriceList' } });
    expect(await snapshot()).toEqual(before);
  });

  it('replaces the prices as a whole (a new version); an inactive list leaves the customer at the catalog prices', async () => {
    const updated = await inScope((em) =>
      updatePriceList(em, list.id, list.version, { items: [{ catalogItemId: w.items['FIL-G4-592']!, unitPrice: '16.00' }] }),
    );
    expect(updated).toMatchObject({ name: 'Grands comptes', version: 2 });
    expect(await sql('select unit_price from price_list_items')).toEqual([{ unit_price: '16.0000' }]);
    const inactive = await inScope((em) => updatePriceList(em, list.id, updated.version, { active: false }));
    expect(inactive).toMatchObject({ active: false, version: 3 });
    expect((await inScope((em) => listPriceLists(em, { active: true }))).map((l) => l.id)).toEqual([]);
    const intervention = await closedIntervention(w.otherCustomerId, w.otherCustomerSiteId, '1', [
      { catalogItemId: w.items['FIL-G4-592']!, quantity: '1' },
    ]);
    // 65.00 + 45.00 + 18.50 at the catalog prices
    const [billable] = await inScope((em) => listBillable(em, { customerId: w.otherCustomerId }));
    expect(billable).toMatchObject({ intervention: { id: intervention.id }, estimate: { net: '128.50' } });
    await inScope((em) => assignPriceList(em, tenant.identity, w.otherCustomerId, null));
    expect((await inScope((em) => priceListOfCustomers(em, [w.otherCustomerId, w.customerId]))).map((a) => a.customerId)).toEqual([
      w.customerId,
    ]);
  });

  it('is invisible to another tenant, which can neither read nor assign it', async () => {
    const other = await createTestTenant('price-lists-other');
    const inOther = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, other.identity, { requestId: 't' }, work);
    const customer = await inOther((em) => createCustomer(em, other.tenantId, customerInput('Client ailleurs')));
    const before = await snapshot();
    expect(await inOther((em) => listPriceLists(em))).toEqual([]);
    expect(await inOther((em) => priceListOfCustomers(em, [w.customerId]))).toEqual([]);
    expect(await refusal(inOther((em) => getPriceList(em, list.id)))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(inOther((em) => assignPriceList(em, other.identity, customer.id, list.id)))).toMatchObject({
      code: 'NOT_FOUND',
      details: { entity: 'PriceList' },
    });
    expect(await refusal(inOther((em) => assignPriceList(em, other.identity, w.customerId, null)))).toMatchObject({
      code: 'NOT_FOUND',
      details: { entity: 'Customer' },
    });
    expect(await snapshot()).toEqual(before);
  });
});
