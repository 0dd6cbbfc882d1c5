import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CustomerContact,
  Site,
  addCustomerContact,
  convertInterventionToInvoice,
  createContract,
  createCustomer,
  createEquipment,
  createSite,
  customerHistory,
  inTenantScope,
  invoiceLines,
  localDate,
  removeCustomerContact,
  updateCustomer,
  updateCustomerContact,
  updateEquipment,
  updateSite,
  type Orm,
} from '@relais/domain';
import { appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, interventionThrough, simpleReport, type MaintenanceWorld } from '../../../tests/support/maintenance-world';

const home = { billingAddressLine1: '4 impasse des Lilas', billingPostalCode: '29200', billingCity: 'Brest' };
const TODAY = localDate(new Date());
const YEAR = Number(TODAY.slice(0, 4));

describe('master data: contacts, sites, equipment and their history', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('master-data');
    w = await createMaintenanceWorld(orm, tenant);
  });

  afterAll(() => orm.close(true));

  it('adds, edits and removes contacts with their roles, refusing a stale edit and changing nothing', async () => {
    const customer = await inScope((em) => createCustomer(em, tenant.tenantId, { ...home, name: 'Jeanne Morvan', isConsumer: true }));
    const first = await inScope((em) => addCustomerContact(em, customer.id, { fullName: 'Jeanne Morvan', roles: ['SIGNATORY'] }));
    const second = await inScope((em) =>
      addCustomerContact(em, customer.id, { fullName: 'Yann Morvan', email: 'Yann@Example.fr ', roles: ['BILLING', 'SITE'] }),
    );
    expect([first.position, second.position]).toEqual([0, 1]);
    expect(second).toMatchObject({ email: 'yann@example.fr', isBillingContact: true, isSiteContact: true, isSignatory: false, version: 1 });

    await expect(
      inScope((em) => addCustomerContact(em, customer.id, { fullName: 'Sans e-mail', roles: ['BILLING'] })),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'email' }] } });

    await inScope((em) =>
      updateCustomerContact(em, first.id, { fullName: 'Jeanne Morvan', phone: '06 12 34 56 78', roles: ['SIGNATORY'] }, 1),
    );
    await expect(inScope((em) => updateCustomerContact(em, first.id, { fullName: 'Écrasé', roles: [] }, 1))).rejects.toMatchObject({
      code: 'STALE_VERSION',
      details: { expectedVersion: 1, currentVersion: 2 },
    });
    await expect(inScope((em) => removeCustomerContact(em, second.id, 3))).rejects.toMatchObject({ code: 'STALE_VERSION' });

    await inScope((em) => removeCustomerContact(em, second.id, 1));
    const left = await inScope((em) => em.find(CustomerContact, { customerId: customer.id }));
    expect(left.map((c) => [c.fullName, c.phone, c.version])).toEqual([['Jeanne Morvan', '06 12 34 56 78', 2]]);
  });

  it('refuses company identifiers on a private person, naming them', async () => {
    const customer = await inScope((em) => createCustomer(em, tenant.tenantId, { ...home, name: 'Pierre Riou', isConsumer: true }));
    await expect(inScope((em) => updateCustomer(em, customer.id, { siren: '552 100 554' }, customer.version))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'siren', message: 'un particulier n’a pas de SIREN' }] },
    });
  });

  it('keeps the reduced-VAT attestation on the site, only for a dwelling over two years, and refuses a stale site edit', async () => {
    const customer = await inScope((em) => createCustomer(em, tenant.tenantId, { ...home, name: 'Famille Le Gall', isConsumer: true }));
    await expect(
      inScope((em) =>
        createSite(em, tenant.tenantId, {
          customerId: customer.id,
          name: 'Maison',
          addressLine1: '4 impasse des Lilas',
          postalCode: '29200',
          city: 'Brest',
          reducedVatAttestedOn: TODAY,
        }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'reducedVatAttestedOn' }] } });
    const site = await inScope((em) =>
      createSite(em, tenant.tenantId, {
        customerId: customer.id,
        name: 'Maison',
        addressLine1: '4 impasse des Lilas',
        postalCode: '29200',
        city: 'Brest',
      }),
    );
    await inScope((em) => updateSite(em, site.id, { dwellingOverTwoYears: true, reducedVatAttestedOn: TODAY }, 1));
    await expect(inScope((em) => updateSite(em, site.id, { name: 'Écrasé' }, 1))).rejects.toMatchObject({ code: 'STALE_VERSION' });
    const saved = await inScope((em) => em.findOneOrFail(Site, { id: site.id }));
    expect([saved.name, saved.dwellingOverTwoYears, saved.reducedVatAttestedOn, saved.version]).toEqual(['Maison', true, TODAY, 2]);
    // The database holds the rule too.
    await expect(inScope((em) => em.execute('update sites set dwelling_over_two_years = false where id = ?', [site.id]))).rejects.toThrow(
      /sites_attestation_needs_dwelling/,
    );
  });

  it('tells who changed what on the customer, its contacts (removed ones included), sites and equipment, newest first', async () => {
    const customer = await inScope((em) => createCustomer(em, tenant.tenantId, { ...home, name: 'SCI des Lilas' }));
    const contact = await inScope((em) =>
      addCustomerContact(em, customer.id, { fullName: 'Anne Riou', email: 'anne@example.fr', roles: ['BILLING'] }),
    );
    const site = await inScope((em) =>
      createSite(em, tenant.tenantId, {
        customerId: customer.id,
        name: 'Immeuble',
        addressLine1: '1 rue Haute',
        postalCode: '29200',
        city: 'Brest',
      }),
    );
    const equipment = await inScope((em) =>
      createEquipment(em, tenant.tenantId, { siteId: site.id, name: 'Chaudière', category: 'BOILER' }),
    );
    await inScope((em) => updateEquipment(em, equipment.id, { serialNumber: 'SN-42' }, 1));
    await inScope((em) => updateCustomer(em, customer.id, { billingCity: 'Quimper', billingPostalCode: '29000' }, 1));
    await inScope((em) => removeCustomerContact(em, contact.id, 1));

    const history = await inScope((em) => customerHistory(em, customer.id, 50));
    expect(history.map((h) => [h.subject, h.subjectLabel, h.action])).toEqual([
      ['CONTACT', 'Anne Riou', 'DELETED'],
      ['CUSTOMER', 'SCI des Lilas', 'UPDATED'],
      ['EQUIPMENT', 'Chaudière', 'UPDATED'],
      ['EQUIPMENT', 'Chaudière', 'CREATED'],
      ['SITE', 'Immeuble', 'CREATED'],
      ['CONTACT', 'Anne Riou', 'CREATED'],
      ['CUSTOMER', 'SCI des Lilas', 'CREATED'],
    ]);
    expect(history[1]!.changes).toEqual([
      { field: 'billingCity', from: 'Brest', to: 'Quimper' },
      { field: 'billingPostalCode', from: '29200', to: '29000' },
    ]);
    expect(history[2]!.changes).toEqual([{ field: 'serialNumber', from: null, to: 'SN-42' }]);
    // Another customer's changes are not in it.
    const other = await inScope((em) => customerHistory(em, w.otherCustomerId, 50));
    expect(other.every((h) => h.subjectLabel !== 'SCI des Lilas' && h.subjectLabel !== 'Anne Riou')).toBe(true);
  });

  it('invoices works on an attested dwelling at 10 % and says why; the same works elsewhere at 20 %', async () => {
    await inScope((em) => updateSite(em, w.siteId, { dwellingOverTwoYears: true, reducedVatAttestedOn: TODAY }));
    const contract = await inScope((em) =>
      createContract(em, tenant.tenantId, {
        customerId: w.customerId,
        title: 'Entretien chaudière',
        startsOn: `${YEAR}-01-01`,
        endsOn: `${YEAR}-12-31`,
        tacitRenewal: true,
        noticeDays: 30,
        siteIds: [w.siteId, w.otherSiteId],
        sla: { URGENT: 4, HIGH: 8, NORMAL: 48, LOW: 168 },
        rateCard: {
          labourRates: { NORMAL: '60.00', OVERTIME: '90.00', NIGHT: '110.00', WEEKEND_HOLIDAY: '130.00' },
          travelPricing: 'FLAT',
          travelFlatFee: '30.00',
          travelZones: [],
          partsDiscountPercent: '0.00',
          includedLabourHoursPerYear: '0.00',
          travelIncluded: false,
          partsIncluded: false,
        },
        plans: [],
      }),
    );
    const parts = [{ catalogItemId: w.items['FIL-G4-592']!, quantity: '2' }];
    const attested = await interventionThrough(orm, tenant, w, { siteId: w.siteId, report: simpleReport(w, '2', parts) });
    const elsewhere = await interventionThrough(orm, tenant, w, { siteId: w.otherSiteId, report: simpleReport(w, '2', parts) });

    const reduced = await inScope((em) => convertInterventionToInvoice(em, tenant.identity, attested.id));
    // 2 h × 60.00 + 30.00 travel + 2 × 18.50 = 187.00 HT, VAT 10 % 18.70
    expect(reduced).toMatchObject({ totalNet: '187.00', totalVat: '18.70', totalGross: '205.70' });
    const lines = await inScope((em) => invoiceLines(em, reduced.id));
    expect(lines.map((l) => [l.kind, l.vatRateCode, l.vatRate])).toEqual([
      ['LABOUR', 'TVA10', '10.00'],
      ['TRAVEL', 'TVA10', '10.00'],
      ['PART', 'TVA10', '10.00'],
    ]);
    expect(reduced.notes).toContain(`TVA à 10 % (art. 279-0 bis du CGI)`);
    expect(reduced.notes).toContain(`Contrat : ${contract.reference}`);

    const standard = await inScope((em) => convertInterventionToInvoice(em, tenant.identity, elsewhere.id));
    expect(standard).toMatchObject({ totalNet: '187.00', totalVat: '37.40', totalGross: '224.40' });
    expect(standard.notes).not.toContain('279-0 bis');
  });
});
