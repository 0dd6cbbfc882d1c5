import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { inject } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Intervention,
  Invoice,
  InvoiceLine,
  convertInterventionToInvoice,
  convertInterventionsToInvoice,
  createContract,
  createCustomer,
  createOrm,
  paymentDueDate,
  getIntervention,
  inTenantScope,
  interventionsOfInvoice,
  invoiceLines,
  invoiceOfIntervention,
  invoiceVatBreakdown,
  issueInvoice,
  listBillable,
  localDate,
  newId,
  type Identity,
  type Orm,
  type ReportInput,
} from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { refusal } from '../../../tests/support/refusal';
import {
  TINY_PNG_DATA_URL as PNG,
  createMaintenanceWorld,
  customerInput,
  interventionThrough,
  type MaintenanceWorld,
} from '../../../tests/support/maintenance-world';

const TODAY = localDate(new Date());
const YEAR = TODAY.slice(0, 4);

describe('invoices', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  let contractReference: string;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 't' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    inTenantTransaction(client, tenant.tenantId, async () => (await client.query(text, params)).rows as T[]);

  const report = (overrides: Partial<ReportInput> = {}): ReportInput => ({
    labour: [
      { technicianId: w.theoId, workDate: TODAY, hours: '2.5', labourType: 'NORMAL' },
      { technicianId: w.theoId, workDate: TODAY, hours: '1.25', labourType: 'OVERTIME' },
    ],
    travelCount: 1,
    parts: [
      { catalogItemId: w.items['FIL-G4-592']!, quantity: '2' },
      { catalogItemId: w.items['SSI-DET-OPT']!, quantity: '1', serialNumber: 'DET-0001' },
    ],
    observations: 'Filtres changés, détecteur remplacé.',
    signerName: 'Mme Guérin',
    signatureDataUrl: PNG,
    ...overrides,
  });

  const intervention = (customerId: string, siteId: string, r: ReportInput, until: 'COMPLETED' | 'CLOSED' = 'CLOSED') =>
    interventionThrough(orm, tenant, w, { customerId, siteId, report: r, until });

  const counts = async () =>
    (
      await sql<{ invoices: number; lines: number; links: number }>(
        `select (select count(*)::int from invoices) as invoices, (select count(*)::int from invoice_lines) as lines,
                (select count(*)::int from invoice_interventions) as links`,
      )
    )[0]!;

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    tenant = await createTestTenant('invoices');
    w = await createMaintenanceWorld(orm, tenant);
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
          includedLabourHoursPerYear: '2.00',
          travelIncluded: false,
          partsIncluded: false,
        },
        plans: [],
      }),
    );
    contractReference = contract.reference;
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  let contractInvoice: Invoice;
  let contractIntervention: Intervention;

  it('converts a closed intervention at the contract rates, to the cent, and marks it invoiced in the same transaction', async () => {
    contractIntervention = await intervention(w.customerId, w.siteId, report());
    expect(contractIntervention.contractId).not.toBeNull();
    expect((await inScope((em) => listBillable(em))).map((b) => b.intervention.id)).toContain(contractIntervention.id);

    // A conversion whose transaction fails leaves nothing: no invoice, the intervention still closed.
    await expect(
      inScope(async (em) => {
        await convertInterventionToInvoice(em, tenant.identity, contractIntervention.id);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await counts()).toEqual({ invoices: 0, lines: 0, links: 0 });

    const { invoice, statusInTransaction } = await inScope(async (em) => {
      const created = await convertInterventionToInvoice(em, tenant.identity, contractIntervention.id);
      const [row] = await em.execute<{ status: string }[]>('select status from interventions where id = ?', [contractIntervention.id]);
      return { invoice: created, statusInTransaction: row!.status };
    });
    expect(statusInTransaction).toBe('INVOICED');
    contractInvoice = invoice;
    expect(invoice).toMatchObject({
      status: 'DRAFT',
      number: null,
      series: 'F',
      customerId: w.customerId,
      currency: 'EUR',
      // 34.00 + 106.25 + 45.00 + 33.30 + 52.20 = 270.75 HT; VAT 20 % = 54.15
      totalNet: '270.75',
      totalVat: '54.15',
      totalGross: '324.90',
      amountDue: '324.90',
    });
    expect(invoice.notes).toContain(`Intervention ${contractIntervention.number}`);
    expect(invoice.notes).toContain('Observations : Filtres changés, détecteur remplacé.');

    const { lines, breakdown, stored, linkedInvoice, billed } = await inScope(async (em) => ({
      lines: await invoiceLines(em, invoice.id),
      breakdown: await invoiceVatBreakdown(em, invoice.id),
      stored: await getIntervention(em, contractIntervention.id),
      linkedInvoice: await invoiceOfIntervention(em, contractIntervention.id),
      billed: await interventionsOfInvoice(em, invoice.id),
    }));
    expect(
      lines.map((l) => [l.kind, l.quantity, l.unit, l.unitPrice, l.discountPercent, l.vatRate, l.lineNet, l.coveredByContract]),
    ).toEqual([
      // 2 h of the contract's 2 included hours, at the contract rate, 100 % off
      ['LABOUR', '2.0000', 'HUR', '68.0000', '100.00', '20.00', '0.00', true],
      ['LABOUR', '0.5000', 'HUR', '68.0000', '0.00', '20.00', '34.00', false],
      ['LABOUR', '1.2500', 'HUR', '85.0000', '0.00', '20.00', '106.25', false],
      ['TRAVEL', '1.0000', 'C62', '45.0000', '0.00', '20.00', '45.00', false],
      // 18.50 less 10 % = 16.65 × 2
      ['PART', '2.0000', 'C62', '18.5000', '10.00', '20.00', '33.30', false],
      // 58.00 less 10 % = 52.20
      ['PART', '1.0000', 'C62', '58.0000', '10.00', '20.00', '52.20', false],
    ]);
    expect(lines.every((l) => l.interventionId === contractIntervention.id && l.vatCategory === 'S')).toBe(true);
    expect(lines[1]!.reason).toContain(`Taux contractuel ${contractReference}`);
    expect(breakdown.map((b) => [b.category, b.rate, b.basis, b.tax])).toEqual([['S', '20.00', '270.75', '54.15']]);
    expect(stored.status).toBe('INVOICED');
    expect(linkedInvoice?.id).toBe(invoice.id);
    expect(billed.map((i) => i.id)).toEqual([contractIntervention.id]);
    expect((await inScope((em) => listBillable(em))).map((b) => b.intervention.id)).not.toContain(contractIntervention.id);
  });

  it('answers ALREADY_INVOICED naming the invoice when converting again, and changes nothing', async () => {
    const before = {
      counts: await counts(),
      intervention: (await sql('select * from interventions where id = $1', [contractIntervention.id]))[0],
    };
    const error = await refusal(inScope((em) => convertInterventionToInvoice(em, tenant.identity, contractIntervention.id)));
    expect(error).toMatchObject({ code: 'ALREADY_INVOICED', details: { invoiceId: contractInvoice.id, invoiceNumber: null } });
    expect(await counts()).toEqual(before.counts);
    expect((await sql('select * from interventions where id = $1', [contractIntervention.id]))[0]).toEqual(before.intervention);
  });

  it('refuses a non-closed intervention with INTERVENTION_NOT_CLOSED, writing nothing', async () => {
    const completed = await intervention(
      w.customerId,
      w.siteId,
      report({ labour: [{ technicianId: w.theoId, workDate: TODAY, hours: '1', labourType: 'NORMAL' }], parts: [] }),
      'COMPLETED',
    );
    const before = await counts();
    const error = await refusal(inScope((em) => convertInterventionToInvoice(em, tenant.identity, completed.id)));
    expect(error).toMatchObject({ code: 'INTERVENTION_NOT_CLOSED', details: { status: 'COMPLETED', interventionId: completed.id } });
    expect(await counts()).toEqual(before);
    expect((await inScope((em) => getIntervention(em, completed.id))).version).toBe(completed.version);
  });

  it('bills an intervention once when two conversions race: the other answers ALREADY_INVOICED', async () => {
    const closed = await intervention(
      w.customerId,
      w.siteId,
      report({ labour: [{ technicianId: w.theoId, workDate: TODAY, hours: '1', labourType: 'NORMAL' }], parts: [] }),
    );
    const outcomes = await Promise.allSettled(
      [1, 2].map(() => inScope((em) => convertInterventionToInvoice(em, tenant.identity, closed.id))),
    );
    const won = outcomes.filter((o): o is PromiseFulfilledResult<Invoice> => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((o) => o.reason as unknown)).toEqual([
      expect.objectContaining({ code: 'ALREADY_INVOICED', details: expect.objectContaining({ invoiceId: won[0]!.value.id }) }),
    ]);
    expect((await sql('select count(*)::int as n from invoice_interventions where intervention_id = $1', [closed.id]))[0]).toEqual({
      n: 1,
    });
  });

  let listInvoice: Invoice;

  it('prices without a contract at the list rates, and refuses grouping interventions of two customers', async () => {
    const noContract = await intervention(
      w.otherCustomerId,
      w.otherCustomerSiteId,
      report({
        labour: [{ technicianId: w.theoId, workDate: TODAY, hours: '1.5', labourType: 'NORMAL' }],
        parts: [{ catalogItemId: w.items['FIL-G4-592']!, quantity: '1' }],
      }),
    );
    const other = await intervention(
      w.customerId,
      w.siteId,
      report({ labour: [{ technicianId: w.theoId, workDate: TODAY, hours: '1', labourType: 'NORMAL' }], parts: [] }),
    );
    const before = await counts();
    const error = await refusal(inScope((em) => convertInterventionsToInvoice(em, tenant.identity, [noContract.id, other.id])));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'interventionIds' }] } });
    expect(await counts()).toEqual(before);

    listInvoice = await inScope((em) => convertInterventionToInvoice(em, tenant.identity, noContract.id));
    // 1.5 h × 65.00 + 45.00 travel + 18.50 = 161.00 HT, VAT 32.20
    expect(listInvoice).toMatchObject({ totalNet: '161.00', totalVat: '32.20', totalGross: '193.20', customerId: w.otherCustomerId });
    const lines = await inScope((em) => invoiceLines(em, listInvoice.id));
    expect(lines.map((l) => [l.kind, l.unitPrice, l.lineNet, l.reason])).toEqual([
      ['LABOUR', '65.0000', '97.50', 'Tarif catalogue (heures normales)'],
      ['TRAVEL', '45.0000', '45.00', 'Forfait déplacement catalogue'],
      ['PART', '18.5000', '18.50', 'Prix catalogue'],
    ]);
  });

  it('issues with the legal number, dates from the payment terms and the buyer frozen; a rolled-back issue gives its number back', async () => {
    // A failing transaction after taking a number: the number comes back.
    await expect(
      inScope(async (em) => {
        const issued = await issueInvoice(em, listInvoice.id, listInvoice.version);
        expect(issued.number).toBe(`F-${YEAR}-00001`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await sql('select status, number from invoices where id = $1', [listInvoice.id]))[0]).toEqual({
      status: 'DRAFT',
      number: null,
    });

    const issued = await inScope((em) => issueInvoice(em, contractInvoice.id, contractInvoice.version));
    expect(issued).toMatchObject({
      status: 'ISSUED',
      number: `F-${YEAR}-00001`,
      issueDate: TODAY,
      dueDate: paymentDueDate(TODAY, { kind: 'NET', days: 30 }),
      totalNet: '270.75',
      totalGross: '324.90',
      buyer: {
        name: 'Hôtel des Ducs',
        siren: null,
        address: { line1: '1 rue de la Paix', postalCode: '44000', city: 'Nantes', country: 'FR' },
      },
    });
    const second = await inScope((em) => issueInvoice(em, listInvoice.id, listInvoice.version));
    expect(second.number).toBe(`F-${YEAR}-00002`);

    const again = await refusal(inScope((em) => issueInvoice(em, contractInvoice.id, issued.version)));
    expect(again).toMatchObject({ code: 'INVOICE_ALREADY_ISSUED', details: { invoiceNumber: `F-${YEAR}-00001` } });
    const converted = await refusal(inScope((em) => convertInterventionToInvoice(em, tenant.identity, contractIntervention.id)));
    expect(converted).toMatchObject({
      code: 'ALREADY_INVOICED',
      details: { invoiceId: contractInvoice.id, invoiceNumber: `F-${YEAR}-00001` },
    });
  });

  it('has the database refuse any change to an issued invoice, its lines and breakdown, by direct SQL as the app role', async () => {
    const id = contractInvoice.id;
    const refused = { code: '23514', constraint: 'invoice_issued_immutable' };
    for (const statement of [
      `update invoices set total_net = 0 where id = $1`,
      `update invoices set notes = 'x' where id = $1`,
      `update invoices set status = 'DRAFT', number = null, issued_at = null where id = $1`,
      `delete from invoices where id = $1`,
      `update invoice_lines set line_net = 0 where invoice_id = $1`,
      `delete from invoice_lines where invoice_id = $1`,
      `update invoice_vat_breakdown set tax = 0 where invoice_id = $1`,
      `delete from invoice_vat_breakdown where invoice_id = $1`,
      `delete from invoice_interventions where invoice_id = $1`,
    ])
      await expect(sql(statement, [id]), statement).rejects.toMatchObject(refused);
    await expect(
      sql(
        `insert into invoice_lines (tenant_id, id, invoice_id, position, kind, description, quantity, unit, unit_price, vat_rate_code, vat_category, vat_rate, line_net)
         values ($1, $2, $3, 99, 'OTHER', 'ajout', 1, 'C62', 1, 'TVA20', 'S', 20, 1)`,
        [tenant.tenantId, newId(), id],
      ),
    ).rejects.toMatchObject(refused);
    expect((await sql('select total_net, status from invoices where id = $1', [id]))[0]).toEqual({ total_net: '270.75', status: 'ISSUED' });
    // Through the ORM too.
    await expect(
      inScope(async (em) => {
        const line = await em.findOneOrFail(InvoiceLine, { invoiceId: id, position: 1 });
        line.lineNet = '0.00';
        await em.flush();
      }),
    ).rejects.toMatchObject(refused);
  });
});

describe('invoice numbering under concurrency', () => {
  it('gives F-YYYY-00001..00050 to 50 concurrent issues: no gap, no duplicate, in issue order', async () => {
    const tenant = await createTestTenant('invoice-numbers');
    const orm: Orm = await createOrm(inject('appDatabaseUrl'), { pool: { min: 0, max: 20 } });
    try {
      const scope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);
      const drafts = await scope(async (em) => {
        const customer = await createCustomer(em, tenant.tenantId, {
          ...customerInput('Clinique du Parc'),
          paymentTermsKind: 'END_OF_MONTH',
          paymentTermsDays: 45,
        });
        const created = Array.from({ length: 50 }, (_, n) => {
          const invoice = em.create(Invoice, {
            id: newId(),
            tenantId: tenant.tenantId,
            series: 'F',
            status: 'DRAFT',
            customerId: customer.id,
            currency: 'EUR',
            totalNet: '0.00',
            totalVat: '0.00',
            totalGross: '0.00',
            amountDue: '0.00',
          });
          em.create(InvoiceLine, {
            id: newId(),
            tenantId: tenant.tenantId,
            invoiceId: invoice.id,
            position: 0,
            kind: 'OTHER',
            description: `Prestation ${n + 1}`,
            quantity: '1',
            unit: 'C62',
            unitPrice: '100.00',
            discountPercent: '0',
            vatRateCode: 'TVA20',
            vatCategory: 'S',
            vatRate: '20.00',
            lineNet: '100.00',
          });
          return invoice;
        });
        await em.flush();
        return created.map((i) => ({ id: i.id, version: i.version }));
      });
      const issued = await Promise.all(drafts.map((d) => scope((em) => issueInvoice(em, d.id, d.version))));
      const expected = Array.from({ length: 50 }, (_, n) => `F-${YEAR}-${String(n + 1).padStart(5, '0')}`);
      expect(issued.map((i) => i.number).sort()).toEqual(expected);
      const byIssueTime = [...issued].sort((a, b) => a.issuedAt!.getTime() - b.issuedAt!.getTime() || a.number!.localeCompare(b.number!));
      expect(byIssueTime.map((i) => i.number)).toEqual(expected);
      expect(new Set(issued.map((i) => i.dueDate))).toEqual(new Set([paymentDueDate(TODAY, { kind: 'END_OF_MONTH', days: 45 })]));
      expect(issued.every((i) => i.totalGross === '120.00' && i.amountDue === '120.00')).toBe(true);
      const stored = await scope((em) => em.find(Invoice, { status: 'ISSUED' }, { orderBy: { issuedAt: 'asc' } }));
      expect(stored.map((i) => i.number)).toEqual(expected);
    } finally {
      await orm.close(true);
    }
  });
});
