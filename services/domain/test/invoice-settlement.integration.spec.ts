import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Invoice,
  createContract,
  createCreditNote,
  createDraftInvoice,
  deleteInvoiceDraft,
  getIntervention,
  inTenantScope,
  invoiceLines,
  issueInvoice,
  listBillable,
  listInvoices,
  InvoiceLine,
  localDate,
  markBillable,
  markNotBillable,
  convertInterventionToInvoice,
  updateInvoiceDraft,
  type DraftLineInput,
  type Identity,
  type Orm,
} from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, interventionThrough, simpleReport, type MaintenanceWorld } from '../../../tests/support/maintenance-world';
import { refusal } from '../../../tests/support/refusal';

const TODAY = localDate(new Date());
const YEAR = TODAY.slice(0, 4);

/** 3 × 100.00 at 20 % + 2 × 45.50 at 10 % + 1 × 19.99 at 5.5 %. */
const LINES: DraftLineInput[] = [
  { kind: 'LABOUR', description: 'Main-d’œuvre', quantity: '3', unit: 'HUR', unitPrice: '100.00', vatRateCode: 'TVA20' },
  { kind: 'PART', description: 'Vanne 3 voies', quantity: '2', unit: 'C62', unitPrice: '45.50', vatRateCode: 'TVA10' },
  { kind: 'PART', description: 'Calorifuge', quantity: '1', unit: 'MTR', unitPrice: '19.99', vatRateCode: 'TVA5_5' },
];

describe('invoice drafts and credit notes', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 't' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    inTenantTransaction(client, tenant.tenantId, async () => (await client.query(text, params)).rows as T[]);
  const reload = (id: string) => inScope((em) => em.findOneOrFail(Invoice, { id }));

  async function issued(lines = LINES): Promise<Invoice> {
    const draft = await inScope((em) => createDraftInvoice(em, tenant.identity, { customerId: w.customerId, lines }));
    return inScope((em) => issueInvoice(em, draft.id, draft.version));
  }

  const closedIntervention = (title: string, hours: string) =>
    interventionThrough(orm, tenant, w, { title, report: simpleReport(w, hours, [], title) });

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    tenant = await createTestTenant('settlement');
    w = await createMaintenanceWorld(orm, tenant);
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('creates a manual draft with EN 16931 totals to the cent, mixed rates and a document allowance and charge', async () => {
    const draft = await inScope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId: w.customerId,
        lines: LINES,
        allowanceCharges: [
          { charge: false, reason: 'Remise fidélité', amount: '30.00', vatRateCode: 'TVA20' },
          { charge: true, reason: 'Frais de dossier', amount: '10.00', vatRateCode: 'TVA20' },
        ],
      }),
    );
    // 20 %: 300 − 30 + 10 = 280 → 56.00 ; 10 %: 91.00 → 9.10 ; 5.5 %: 19.99 → 1.10 (1.09945)
    expect(draft).toMatchObject({
      status: 'DRAFT',
      number: null,
      totalNet: '390.99',
      totalVat: '66.20',
      totalGross: '457.19',
      amountDue: '457.19',
    });
    const breakdown = await sql<{ rate: string; basis: string; tax: string }>(
      'select rate::text, basis::text, tax::text from invoice_vat_breakdown where invoice_id = $1 order by invoice_vat_breakdown.rate desc',
      [draft.id],
    );
    expect(breakdown).toEqual([
      { rate: '20.00', basis: '280.00', tax: '56.00' },
      { rate: '10.00', basis: '91.00', tax: '9.10' },
      { rate: '5.50', basis: '19.99', tax: '1.10' },
    ]);
  });

  it('edits a draft (lines replaced, totals recomputed, version bumped) and refuses stale or bad edits without changing it', async () => {
    const draft = await inScope((em) => createDraftInvoice(em, tenant.identity, { customerId: w.customerId, lines: LINES }));
    const edited = await inScope((em) =>
      updateInvoiceDraft(em, draft.id, draft.version, {
        lines: [{ ...LINES[0]!, quantity: '1.5' }],
        notes: 'Chantier Nantes',
        purchaseOrderRef: 'BC-2026-118',
      }),
    );
    expect(edited).toMatchObject({ totalNet: '150.00', totalVat: '30.00', totalGross: '180.00', notes: 'Chantier Nantes' });
    expect(edited.version).toBeGreaterThan(draft.version);

    expect((await refusal(inScope((em) => updateInvoiceDraft(em, draft.id, draft.version, { notes: 'x' })))).code).toBe('STALE_VERSION');
    const bad = await refusal(
      inScope((em) =>
        updateInvoiceDraft(em, draft.id, edited.version, {
          lines: [
            { ...LINES[0]!, vatRateCode: 'TVA99' },
            { ...LINES[1]!, description: ' ', unitPrice: '-3' },
          ],
        }),
      ),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect((bad.details.fields as { field: string }[]).map((f) => f.field)).toEqual(
      expect.arrayContaining(['lines[0].vatRateCode', 'lines[1].description', 'lines[1].unitPrice']),
    );
    const after = await reload(draft.id);
    expect(after).toMatchObject({ version: edited.version, totalGross: '180.00', notes: 'Chantier Nantes' });
    expect(await inScope((em) => invoiceLines(em, draft.id))).toHaveLength(1);
  });

  it('holds back a 5 % retention from the amount to pay, and refuses more than 5 %', async () => {
    const draft = await inScope((em) =>
      createDraftInvoice(em, tenant.identity, { customerId: w.customerId, lines: LINES.slice(0, 1), retentionPercent: '5' }),
    );
    expect(draft).toMatchObject({ totalGross: '360.00', retentionAmount: '18.00', amountDue: '360.00' });
    const refused = await refusal(
      inScope((em) => createDraftInvoice(em, tenant.identity, { customerId: w.customerId, lines: LINES, retentionPercent: '7.5' })),
    );
    expect(refused.code).toBe('VALIDATION_FAILED');
  });

  it('credits an invoice in part then in full with its own AV series, never beyond the invoice, reducing its balance', async () => {
    const invoice = await issued();
    const lines = await inScope((em) => invoiceLines(em, invoice.id));
    const partial = await inScope((em) =>
      createCreditNote(em, tenant.identity, invoice.id, {
        reason: 'Vanne reprise',
        lines: [{ invoiceLineId: lines[1]!.id, quantity: '1' }],
      }),
    );
    expect(partial).toMatchObject({ typeCode: '381', series: 'AV', creditedInvoiceId: invoice.id, totalNet: '45.50', totalGross: '50.05' });
    expect(partial.notes).toContain(`Avoir sur la facture ${invoice.number}`);
    const issuedNote = await inScope((em) => issueInvoice(em, partial.id, partial.version));
    expect(issuedNote.number).toMatch(new RegExp(`^AV-${YEAR}-\\d{5}$`));
    expect(issuedNote.dueDate).toBe(issuedNote.issueDate);
    expect(await reload(invoice.id)).toMatchObject({ creditedAmount: '50.05', openBalance: '431.14', settlementState: 'UNPAID' });

    // The whole invoice again would exceed what is left to credit: refused, nothing written.
    const tooMuch = await refusal(inScope((em) => createCreditNote(em, tenant.identity, invoice.id, { reason: 'Annulation' })));
    expect(tooMuch).toMatchObject({ code: 'CREDIT_EXCEEDS_INVOICE', details: { remaining: '431.14' } });
    const tooMany = await refusal(
      inScope((em) =>
        createCreditNote(em, tenant.identity, invoice.id, { reason: 'x', lines: [{ invoiceLineId: lines[0]!.id, quantity: '4' }] }),
      ),
    );
    expect(tooMany.code).toBe('VALIDATION_FAILED');

    const rest = await inScope((em) =>
      createCreditNote(em, tenant.identity, invoice.id, {
        reason: 'Annulation du solde',
        lines: [
          { invoiceLineId: lines[0]!.id, quantity: '3' },
          { invoiceLineId: lines[1]!.id, quantity: '1' },
          { invoiceLineId: lines[2]!.id, quantity: '1' },
        ],
      }),
    );
    await inScope((em) => issueInvoice(em, rest.id, rest.version));
    expect(await reload(invoice.id)).toMatchObject({ creditedAmount: '481.19', openBalance: '0.00', settlementState: 'CREDITED' });
    const credited = await inScope((em) => listInvoices(em, { first: 50, status: 'CREDITED', typeCodes: ['380'] }));
    expect(credited.nodes.map((i) => i.id)).toEqual([invoice.id]);
    expect((await refusal(inScope((em) => createCreditNote(em, tenant.identity, rest.id, { reason: 'x' })))).code).toBe('NOT_CREDITABLE');
  });

  it('lets the database change only the settlement of an issued invoice, even by direct SQL', async () => {
    const invoice = await issued(LINES.slice(0, 1));
    await sql('update invoices set paid_amount = 10 where id = $1', [invoice.id]);
    await expect(sql('update invoices set total_net = 1 where id = $1', [invoice.id])).rejects.toThrow(/never changes/);
    await expect(sql('update invoices set notes = $2 where id = $1', [invoice.id, 'x'])).rejects.toThrow(/never changes/);
    await expect(sql('delete from payments')).rejects.toThrow(/permission denied/);
  });

  it('marks a closed intervention not billable (gone from À facturer, conversion refused) and back', async () => {
    const i = await closedIntervention('Garantie', '1');
    const billable = await inScope((em) => listBillable(em, { customerId: w.customerId }));
    const row = billable.find((b) => b.intervention.id === i.id)!;
    expect(new Number(row.estimate.gross).valueOf()).toBeGreaterThan(0);

    expect((await refusal(inScope((em) => markNotBillable(em, tenant.identity, i.id, '  ')))).code).toBe('VALIDATION_FAILED');
    await inScope((em) => markNotBillable(em, tenant.identity, i.id, 'Intervention sous garantie constructeur'));
    expect((await inScope((em) => listBillable(em))).map((b) => b.intervention.id)).not.toContain(i.id);
    expect(await refusal(inScope((em) => convertInterventionToInvoice(em, tenant.identity, i.id)))).toMatchObject({
      code: 'MARKED_NOT_BILLABLE',
      details: { reason: 'Intervention sous garantie constructeur' },
    });

    await inScope((em) => markBillable(em, i.id));
    const draft = await inScope((em) => convertInterventionToInvoice(em, tenant.identity, i.id));
    expect(draft.totalGross).toBe(row.estimate.gross);
    // Deleting the draft (no number was given) puts the intervention back in À facturer.
    expect(await inScope((em) => deleteInvoiceDraft(em, draft.id, draft.version))).toEqual([i.id]);
    expect((await inScope((em) => getIntervention(em, i.id))).status).toBe('CLOSED');
    expect((await inScope((em) => listBillable(em))).map((b) => b.intervention.id)).toContain(i.id);
  });

  it('never gives a contract’s included hours twice when two conversions under it run at once', async () => {
    await inScope((em) =>
      createContract(em, tenant.tenantId, {
        customerId: w.customerId,
        title: 'Contrat heures incluses',
        startsOn: `${YEAR}-01-01`,
        endsOn: `${YEAR}-12-31`,
        tacitRenewal: false,
        noticeDays: 30,
        siteIds: [w.siteId],
        sla: { URGENT: 4, HIGH: 8, NORMAL: 48, LOW: 168 },
        rateCard: {
          labourRates: { NORMAL: '60.00', OVERTIME: '75.00', NIGHT: '90.00', WEEKEND_HOLIDAY: '120.00' },
          travelPricing: 'FLAT',
          travelFlatFee: '30.00',
          travelZones: [],
          partsDiscountPercent: '0.00',
          includedLabourHoursPerYear: '2.00',
          travelIncluded: true,
          partsIncluded: false,
        },
        plans: [],
      }),
    );
    const jobs = await Promise.all([closedIntervention('Visite A', '1.5'), closedIntervention('Visite B', '1.5')]);
    const drafts = await Promise.all(jobs.map((j) => inScope((em) => convertInterventionToInvoice(em, tenant.identity, j.id))));
    const covered = await inScope(async (em) =>
      (await em.find(InvoiceLine, { invoiceId: { $in: drafts.map((d) => d.id) }, kind: 'LABOUR', coveredByContract: true })).map(
        (l) => l.quantity,
      ),
    );
    // 2 h included: 1.5 h on one invoice, the remaining 0.5 h on the other, never 3 h.
    expect(covered.map(Number).sort()).toEqual([0.5, 1.5]);
  });
});
