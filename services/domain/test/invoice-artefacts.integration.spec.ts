import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Customer,
  Invoice,
  InvoiceLine,
  InvoiceVatBreakdown,
  closeTenantScope,
  createContract,
  createCustomer,
  createSite,
  ensureInvoiceArtefacts,
  inTenantScope,
  invoiceTotals,
  loadInvoiceDocument,
  newId,
  openTenantScope,
  processContractBillingRun,
  renderInvoicePreview,
  runInvoiceIds,
  setContractBilling,
  startContractBillingRun,
  FRENCH_VAT_RATES,
  type InvoiceTypeCode,
  type Orm,
  type StoredAllowanceCharge,
} from '@relais/domain';
import { adminClient, appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { QUARTERLY_SYNTEC, SYNTEC_CSV, contractTerms, indexSeriesWith } from '../../../tests/support/contract-billing-world';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const validators = path.resolve(repoRoot, '../shared/einvoice');

interface Line {
  description: string;
  quantity: string;
  unit?: string;
  unitPrice: string;
  vatRateCode: (typeof FRENCH_VAT_RATES)[number]['code'];
}

interface Issued {
  typeCode?: InvoiceTypeCode;
  series?: string;
  number: string;
  lines: Line[];
  allowanceCharges?: StoredAllowanceCharge[];
  prepaidAmount?: string;
  creditedInvoiceId?: string;
  quoteId?: string;
  retentionPercent?: string;
}

/**
 * An issued invoice written straight through the ORM, totals computed by the product's rules, as
 * the issue use case leaves it (the use cases for credit notes and deposits are built elsewhere).
 */
async function issue(em: EntityManager, tenantId: string, customer: Customer, spec: Issued): Promise<Invoice> {
  const rates = FRENCH_VAT_RATES.map((r) => ({ ...r, exemptionReason: r.exemptionReason ?? null }));
  const acs = spec.allowanceCharges ?? [];
  const totals = invoiceTotals(
    spec.lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, vatRateCode: l.vatRateCode })),
    {
      vatRates: rates,
      allowances: acs.filter((a) => !a.charge),
      charges: acs.filter((a) => a.charge),
      prepaidAmount: spec.prepaidAmount,
    },
  );
  const retention = spec.retentionPercent ? ((Number(totals.grandTotal) * Number(spec.retentionPercent)) / 100).toFixed(2) : '0.00';
  const invoice = em.create(Invoice, {
    id: newId(),
    tenantId,
    number: spec.number,
    series: spec.series ?? 'F',
    status: 'ISSUED',
    typeCode: spec.typeCode ?? '380',
    customerId: customer.id,
    issueDate: '2026-11-24',
    dueDate: '2026-12-24',
    issuedAt: new Date(),
    currency: 'EUR',
    buyer: {
      name: customer.name,
      siren: customer.siren ?? null,
      siret: customer.siret ?? null,
      vatNumber: customer.vatNumber ?? null,
      address: {
        line1: customer.billingAddressLine1,
        line2: null,
        postalCode: customer.billingPostalCode,
        city: customer.billingCity,
        country: 'FR',
      },
    },
    totalNet: totals.taxBasisTotal,
    totalVat: totals.taxTotal,
    totalGross: totals.grandTotal,
    amountDue: totals.duePayable,
    allowanceCharges: acs,
    prepaidAmount: totals.prepaidAmount,
    retentionPercent: spec.retentionPercent ?? '0.00',
    retentionAmount: retention,
    creditedInvoiceId: spec.creditedInvoiceId ?? null,
    quoteId: spec.quoteId ?? null,
    notes: 'Intervention I-2026-00001 — entretien annuel',
  });
  spec.lines.forEach((l, position) => {
    const rate = rates.find((r) => r.code === l.vatRateCode)!;
    em.create(InvoiceLine, {
      id: newId(),
      tenantId,
      invoiceId: invoice.id,
      position,
      kind: 'OTHER',
      description: l.description,
      quantity: l.quantity,
      unit: l.unit ?? 'C62',
      unitPrice: l.unitPrice,
      discountPercent: '0.00',
      vatRateCode: l.vatRateCode,
      vatCategory: rate.categoryCode,
      vatRate: rate.rate,
      lineNet: totals.lineNets[position]!,
    });
  });
  for (const row of totals.vatBreakdown)
    em.create(InvoiceVatBreakdown, {
      id: newId(),
      tenantId,
      invoiceId: invoice.id,
      category: row.categoryCode,
      rate: row.rate,
      basis: row.basis,
      tax: row.tax,
      exemptionReason: row.exemptionReason,
    });
  await em.flush();
  return invoice;
}

/** Waits until a statement naming `invoiceId` waits for a lock (the values are inlined in the SQL text). */
async function waitForLockWait(invoiceId: string): Promise<void> {
  const admin = await adminClient();
  try {
    for (let i = 0; i < 200; i += 1) {
      const { rows } = await admin.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and position($1 in query) > 0`,
        [invoiceId],
      );
      if (rows[0]!.n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no statement on invoice ${invoiceId} waited for a lock within 10 s`);
  } finally {
    await admin.end();
  }
}

describe('invoice artefacts: Factur-X XML and PDF/A-3, stored once', () => {
  let orm: Orm;
  let tenant: TestTenant;
  /** The contract fee invoice is numbered by a billing run, in a tenant of its own (its numbers start at 1 too). */
  let contractTenant: TestTenant;
  let contractReference: string;
  let dir: string;
  const ids: Record<string, string> = {};
  let draftId: string;

  const scopeIn = <T>(t: TestTenant, work: (em: EntityManager) => Promise<T>) =>
    inTenantScope(orm, t.identity, { requestId: 'test' }, work);
  const scope = <T>(work: (em: EntityManager) => Promise<T>) => scopeIn(tenant, work);
  const tenantOf = (kind: string) => (kind === 'contractFees' ? contractTenant : tenant);

  beforeAll(async () => {
    for (const tool of ['validate-cii.sh', 'check-pdf.sh'])
      if (!existsSync(path.join(validators, tool))) throw new Error(`validator missing: ${path.join(validators, tool)}`);
    orm = await appOrm();
    tenant = await createTestTenant('artefacts');
    dir = await mkdtemp(path.join(tmpdir(), 'relais-artefacts-'));
    await scope(async (em) => {
      const customer = await createCustomer(em, tenant.tenantId, {
        name: 'Clinique du Parc',
        siren: '552100554',
        siret: '55210055400013',
        vatNumber: 'FR96552100554',
        email: 'compta@clinique-du-parc.example',
        billingAddressLine1: '3 avenue de la Libération',
        billingPostalCode: '35000',
        billingCity: 'Rennes',
      });
      const mixed = await issue(em, tenant.tenantId, customer, {
        number: 'F-2026-00001',
        lines: [
          { description: 'Main-d’œuvre technicien', quantity: '3.5', unit: 'HUR', unitPrice: '62.00', vatRateCode: 'TVA20' },
          { description: 'Filtres G4 (rénovation)', quantity: '4', unitPrice: '16.04', vatRateCode: 'TVA10' },
          { description: 'Circulateur PAC (rénovation énergétique)', quantity: '1', unitPrice: '389.90', vatRateCode: 'TVA5_5' },
        ],
        allowanceCharges: [
          { charge: false, reason: 'Geste commercial', amount: '20.00', vatRateCode: 'TVA20' },
          { charge: true, reason: 'Frais de dossier', amount: '15.00', vatRateCode: 'TVA20' },
        ],
        retentionPercent: '5.00',
      });
      ids.mixed = mixed.id;
      ids.reverseCharge = (
        await issue(em, tenant.tenantId, customer, {
          number: 'F-2026-00002',
          lines: [
            { description: 'Sous-traitance : mise en service VRV', quantity: '8', unit: 'HUR', unitPrice: '58.00', vatRateCode: 'AUTOLIQ' },
          ],
        })
      ).id;
      ids.creditNote = (
        await issue(em, tenant.tenantId, customer, {
          typeCode: '381',
          series: 'AV',
          number: 'AV-2026-00001',
          lines: [{ description: 'Frais de dossier facturés à tort', quantity: '1', unitPrice: '15.00', vatRateCode: 'TVA20' }],
          creditedInvoiceId: mixed.id,
        })
      ).id;
      // Deposits and the final invoice are linked through the quote they bill.
      const quoteId = newId();
      await em.execute(
        `insert into quotes (tenant_id, id, customer_id, title, status, valid_until) values (?, ?, ?, ?, 'DRAFT', '2026-12-31')`,
        [tenant.tenantId, quoteId, customer.id, 'Remplacement groupe froid'],
      );
      ids.deposit = (
        await issue(em, tenant.tenantId, customer, {
          typeCode: '386',
          number: 'F-2026-00003',
          lines: [{ description: 'Acompte de 30 % sur devis', quantity: '1', unitPrice: '3600.00', vatRateCode: 'TVA20' }],
          quoteId,
        })
      ).id;
      ids.final = (
        await issue(em, tenant.tenantId, customer, {
          number: 'F-2026-00004',
          lines: [{ description: 'Remplacement groupe froid 40 kW', quantity: '1', unitPrice: '12000.00', vatRateCode: 'TVA20' }],
          prepaidAmount: '4320.00',
          quoteId,
        })
      ).id;
      const draft = em.create(Invoice, {
        id: newId(),
        tenantId: tenant.tenantId,
        status: 'DRAFT',
        customerId: customer.id,
        totalNet: '0.00',
        totalVat: '0.00',
        totalGross: '0.00',
        amountDue: '0.00',
      });
      em.create(InvoiceLine, {
        id: newId(),
        tenantId: tenant.tenantId,
        invoiceId: draft.id,
        position: 0,
        kind: 'OTHER',
        description: 'Dépannage',
        quantity: '1',
        unit: 'HUR',
        unitPrice: '80.00',
        discountPercent: '0.00',
        vatRateCode: 'TVA20',
        vatCategory: 'S',
        vatRate: '20.00',
        lineNet: '80.00',
      });
      await em.flush();
      draftId = draft.id;
    });

    // Contract fees, billed by a run on 1 July: Q1 prorated from the 15 January start, Q2, and Q3 revised by the index.
    contractTenant = await createTestTenant('artefacts-contract');
    const syntec = await indexSeriesWith(orm, contractTenant, 'SYNTEC', SYNTEC_CSV);
    contractReference = await scopeIn(contractTenant, async (em) => {
      const customer = await createCustomer(em, contractTenant.tenantId, {
        name: 'Clinique du Parc',
        siren: '552100554',
        siret: '55210055400013',
        vatNumber: 'FR96552100554',
        email: 'compta@clinique-du-parc.example',
        billingAddressLine1: '3 avenue de la Libération',
        billingPostalCode: '35000',
        billingCity: 'Rennes',
      });
      const site = await createSite(em, contractTenant.tenantId, {
        customerId: customer.id,
        name: 'Bloc opératoire',
        addressLine1: '5 rue Pasteur',
        postalCode: '35000',
        city: 'Rennes',
      });
      const contract = await createContract(em, contractTenant.tenantId, {
        ...contractTerms(site.id, QUARTERLY_SYNTEC.span),
        customerId: customer.id,
      });
      await setContractBilling(em, contractTenant.identity, contract.id, QUARTERLY_SYNTEC.billing(syntec));
      return contract.reference;
    });
    const billingRun = await scopeIn(contractTenant, (em) =>
      startContractBillingRun(em, contractTenant.identity, { billingDate: '2026-07-01', mode: 'ISSUE', send: false }),
    );
    await processContractBillingRun(orm, { runId: billingRun.id, identity: contractTenant.identity });
    const billed = await scopeIn(contractTenant, (em) => runInvoiceIds(em, billingRun.id));
    expect(billed).toHaveLength(1);
    ids.contractFees = billed[0]!;
  }, 120_000);

  afterAll(async () => {
    await orm?.close(true);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(['mixed', 'reverseCharge', 'creditNote', 'deposit', 'final', 'contractFees'])(
    '%s: the XML and the PDF pass the EN 16931 + French CTC validators',
    async (kind) => {
      const artefacts = await scopeIn(tenantOf(kind), (em) => ensureInvoiceArtefacts(em, ids[kind]!));
      const xmlFile = path.join(dir, `${kind}.xml`);
      const pdfFile = path.join(dir, `${kind}.pdf`);
      await writeFile(xmlFile, artefacts.xml);
      await writeFile(pdfFile, artefacts.pdf);
      const xml = await run(path.join(validators, 'validate-cii.sh'), ['--fr-ctc', xmlFile]).catch(
        (e: { code: number; stdout: string }) => e,
      );
      expect(xml.stdout, xml.stdout).toContain('PASS');
      expect((xml as { code?: number }).code ?? 0).toBe(0);
      const pdf = await run(path.join(validators, 'check-pdf.sh'), ['--fr-ctc', pdfFile]).catch((e: { code: number; stdout: string }) => e);
      expect(pdf.stdout, pdf.stdout).toMatch(/PASS .*\.pdf/);
      expect((pdf as { code?: number }).code ?? 0).toBe(0);
    },
    180_000,
  );

  it('stores the artefacts once: a second call returns the same bytes and hashes', async () => {
    const first = await scope((em) => ensureInvoiceArtefacts(em, ids.mixed!));
    const second = await scope((em) => ensureInvoiceArtefacts(em, ids.mixed!));
    expect(Buffer.from(second.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    expect(second.xml).toBe(first.xml);
    expect(second.sha256).toEqual(first.sha256);
    expect(first.sha256.pdf).toMatch(/^[0-9a-f]{64}$/);
    const rows = await scope((em) =>
      em.execute<{ kind: string; n: string }[]>(
        'select kind, count(*)::text as n from invoice_artefacts where invoice_id = ? group by kind order by kind',
        [ids.mixed],
      ),
    );
    expect(rows).toEqual([
      { kind: 'PDF', n: '1' },
      { kind: 'XML', n: '1' },
    ]);
  });

  it('never lets an artefact be changed, even by a direct update', async () => {
    await expect(
      scope((em) => em.execute(`update invoice_artefacts set sha256 = repeat('0', 64) where invoice_id = ?`, [ids.mixed])),
    ).rejects.toThrow(/permission denied|never changed/);
  });

  it('carries the legal data: S4 and the deposit on the final invoice, the credited invoice on the credit note', async () => {
    const final = await scope((em) => loadInvoiceDocument(em, ids.final!));
    expect(final.businessProcess).toBe('S4');
    expect(final.depositInvoices).toEqual([{ number: 'F-2026-00003', issueDate: '2026-11-24' }]);
    expect(final.totals).toMatchObject({ grandTotal: '14400.00', prepaidAmount: '4320.00', duePayable: '10080.00' });
    const credit = await scope((em) => loadInvoiceDocument(em, ids.creditNote!));
    expect(credit.creditedInvoice).toEqual({ number: 'F-2026-00001', issueDate: '2026-11-24' });
    expect(credit.seller).toMatchObject({ legalForm: 'SAS', rcsCity: 'Nantes', iban: expect.stringMatching(/^FR76/) });
    const mixed = await scope((em) => loadInvoiceDocument(em, ids.mixed!));
    expect(mixed.retention).toEqual({ percent: '5.00', amount: mixed.retention!.amount });
    expect(mixed.vatBreakdown.map((r) => r.rate)).toEqual(['20.00', '10.00', '5.50']);
  });

  it('carries a contract fee invoice’s contract (BT-12), billed period (BG-14) and each line’s period (BG-26)', async () => {
    const doc = await scopeIn(contractTenant, (em) => loadInvoiceDocument(em, ids.contractFees!));
    expect(doc.contractReference).toBe(contractReference);
    expect(doc.billingPeriod).toEqual({ start: '2026-01-15', end: '2026-09-30' });
    expect(doc.lines.map((l) => [l.lineNet, l.servicePeriod?.start, l.servicePeriod?.end])).toEqual([
      ['253.33', '2026-01-15', '2026-03-31'],
      ['76.00', '2026-01-15', '2026-03-31'],
      ['300.00', '2026-04-01', '2026-06-30'],
      ['90.00', '2026-04-01', '2026-06-30'],
      ['307.63', '2026-07-01', '2026-09-30'],
      ['90.00', '2026-07-01', '2026-09-30'],
    ]);
    expect(doc.lines[4]!.note).toContain('Révision SYNTEC');

    const { xml, pdf } = await scopeIn(contractTenant, (em) => ensureInvoiceArtefacts(em, ids.contractFees!));
    const period = (start: string, end: string) =>
      new RegExp(
        `<ram:BillingSpecifiedPeriod>\\s*<ram:StartDateTime>\\s*<udt:DateTimeString format="102">${start}</udt:DateTimeString>\\s*</ram:StartDateTime>` +
          `\\s*<ram:EndDateTime>\\s*<udt:DateTimeString format="102">${end}</udt:DateTimeString>`,
      );
    const header = xml.slice(xml.indexOf('<ram:ApplicableHeaderTradeSettlement>'));
    expect(header).toMatch(period('20260115', '20260930'));
    const lineItems = xml
      .slice(0, xml.indexOf('<ram:ApplicableHeaderTradeAgreement>'))
      .split('<ram:IncludedSupplyChainTradeLineItem>')
      .slice(1);
    expect(lineItems).toHaveLength(6);
    expect(lineItems[0]).toMatch(period('20260115', '20260331'));
    expect(lineItems[5]).toMatch(period('20260701', '20260930'));
    expect(xml).toMatch(
      new RegExp(`<ram:ContractReferencedDocument>\\s*<ram:IssuerAssignedID>${contractReference}</ram:IssuerAssignedID>`),
    );

    // The PDF names the contract and the period in its header; the designations already give each line's period.
    const pdfFile = path.join(dir, 'contract-text.pdf');
    await writeFile(pdfFile, pdf);
    const { stdout: text } = await run('pdftotext', [pdfFile, '-']);
    expect(text.replace(/\s+/g, ' ')).toContain(`Contrat ${contractReference} — période facturée du 15/01/2026 au 30/09/2026`);
    expect(text.replace(/\s+/g, ' ')).toContain('Maintenance préventive CVC — Période du 15/01/2026 au 31/03/2026 (prorata 76 j / 90 j)');
  });

  it('makes a first download wait for a send that holds the invoice, then returns what the send stored', async () => {
    const id = await scope(async (em) => {
      const mixed = await em.findOneOrFail(Invoice, { id: ids.mixed! });
      const customer = await em.findOneOrFail(Customer, { id: mixed.customerId });
      const lines: Line[] = [{ description: 'Visite de maintenance', quantity: '1', unitPrice: '180.00', vatRateCode: 'TVA20' }];
      return (await issue(em, tenant.tenantId, customer, { number: 'F-2026-00090', lines })).id;
    });
    // A send in flight: it holds the invoice, then renders and stores the artefacts it attaches.
    const send = await openTenantScope(orm, tenant.identity, { requestId: 'send' });
    try {
      await send.execute('select 1 from invoices where id = ? for update', [id]);
      const download = scope((em) => ensureInvoiceArtefacts(em, id));
      await waitForLockWait(id);
      const sent = await ensureInvoiceArtefacts(send, id);
      await closeTenantScope(send, 'commit');
      const downloaded = await download;
      expect(downloaded.sha256).toEqual(sent.sha256);
    } finally {
      await closeTenantScope(send, 'rollback');
    }
  });

  it('renders a draft as a preview PDF without storing anything, and refuses its Factur-X', async () => {
    const preview = await scope((em) => renderInvoicePreview(em, draftId));
    expect(Buffer.from(preview.subarray(0, 5)).toString()).toBe('%PDF-');
    await expect(scope((em) => ensureInvoiceArtefacts(em, draftId))).rejects.toMatchObject({ code: 'INVOICE_NOT_ISSUED' });
    const [row] = await scope((em) =>
      em.execute<{ n: string }[]>('select count(*)::text as n from invoice_artefacts where invoice_id = ?', [draftId]),
    );
    expect(row!.n).toBe('0');
  });
});
