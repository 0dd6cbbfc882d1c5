import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Customer,
  DirectDebitItem,
  Invoice,
  Payment,
  SepaMandate,
  createCustomer,
  createDirectDebitBatch,
  createDraftInvoice,
  createMandate,
  directDebitFile,
  dunningPreview,
  earliestCollectionDate,
  ensureInvoiceArtefacts,
  inTenantScope,
  issueInvoice,
  localDate,
  planDirectDebit,
  returnDirectDebitItem,
  revokeMandate,
  settleDirectDebitBatch,
  type CreateMandateInput,
  type DirectDebitBatch,
  type Identity,
  type Orm,
} from '@relais/domain';
import { randomSiren, seededRandom } from '@relais/domain/seed/french-data';
import { appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { refusal } from '../../../tests/support/refusal';

const run = promisify(execFile);
const validators = path.resolve(import.meta.dirname, '../../..', '../shared/einvoice');
const XSD = readFileSync(path.resolve(import.meta.dirname, '../src/finance/sepa/xsd/pain.008.001.08.xsd'), 'utf8');

const TODAY = localDate(new Date());
const COLLECTION = earliestCollectionDate(TODAY);
const IBAN_A = 'FR7630006000011234567890189';
const IBAN_B = 'FR1420041010050500013M02606';
const IBAN_C = 'DE89370400440532013000';

async function validPain008(xml: string) {
  return validateXML({
    xml: { fileName: 'batch.xml', contents: xml },
    schema: { fileName: 'pain.008.001.08.xsd', contents: XSD },
  });
}

const values = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('SEPA direct debit: mandates, batches, settlement and returns', () => {
  let orm: Orm;
  let tenant: TestTenant;
  const random = seededRandom(9_001);
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 'test' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => inScope((em) => em.execute<T[]>(text, params));

  /** A business customer paying at sight (due on the issue date), so today's invoices are due by the first collection date. */
  async function customer(name: string): Promise<string> {
    const siren = randomSiren(random);
    return (
      await inScope((em) =>
        createCustomer(em, tenant.tenantId, {
          name,
          siren,
          email: `compta@${siren}.example`,
          billingAddressLine1: '3 avenue de la Libération',
          billingPostalCode: '35000',
          billingCity: 'Rennes',
          paymentTermsDays: 0,
          paymentTermsKind: 'NET',
        }),
      )
    ).id;
  }

  async function issued(customerId: string, unitPrice = '100.00'): Promise<Invoice> {
    const draft = await inScope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId,
        lines: [{ kind: 'LABOUR', description: 'Entretien groupe froid', quantity: '1', unit: 'HUR', unitPrice, vatRateCode: 'TVA20' }],
      }),
    );
    return inScope((em) => issueInvoice(em, draft.id, draft.version));
  }

  const mandate = (input: Partial<CreateMandateInput> & { customerId: string }) =>
    inScope((em) => createMandate(em, tenant.identity, { signedOn: '2026-01-10', iban: IBAN_A, ...input }));
  const batch = (invoiceIds?: string[], collectionDate = COLLECTION) =>
    inScope((em) => createDirectDebitBatch(em, tenant.identity, { collectionDate, invoiceIds }));
  const invoice = (id: string) => inScope((em) => em.findOneOrFail(Invoice, { id }));
  const itemsOf = (b: DirectDebitBatch) =>
    inScope((em) => em.find(DirectDebitItem, { batchId: b.id }, { orderBy: { instructionId: 'asc' } }));
  const counts = async () =>
    (
      await sql<Record<string, string>>(
        `select (select count(*) from sepa_mandates) as mandates, (select count(*) from direct_debit_batches) as batches,
                (select count(*) from direct_debit_items) as items, (select count(*) from payments) as payments,
                (select count(*) from business_facts) as facts`,
      )
    )[0]!;

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('direct-debit');
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  describe('mandates', () => {
    it('generates the RUM from the company and the customer, and refuses what a bank would reject, writing nothing', async () => {
      const customerId = await customer('Hôtel des Ducs');
      const code = await inScope((em) => em.findOneOrFail(Customer, { id: customerId }));
      const first = await mandate({ customerId, bic: 'bnpa fr pp', iban: 'fr76 3000 6000 0112 3456 7890 189' });
      const slug = (await sql<{ slug: string }>('select slug from tenants'))[0]!.slug;
      expect(first).toMatchObject({
        reference: `${slug
          .toUpperCase()
          .replace(/[^A-Z0-9]+/g, '-')
          .slice(0, 10)
          .replace(/-+$/, '')}-${code.code}-0001`,
        kind: 'RECURRENT',
        status: 'ACTIVE',
        iban: IBAN_A,
        bic: 'BNPAFRPP',
        debtorName: 'Hôtel des Ducs',
      });
      const before = await counts();

      const invalid = await refusal(
        mandate({ customerId, iban: 'FR7630006000011234567890180', bic: 'BNPAFR', reference: 'RUM//1', signedOn: '2999-01-01' }),
      );
      expect(invalid.code).toBe('VALIDATION_FAILED');
      expect((invalid.details.fields as { field: string }[]).map((f) => f.field)).toEqual(['reference', 'signedOn', 'iban', 'bic']);
      const outsideSepa = await refusal(mandate({ customerId, iban: 'BR1800360305000010009795493C1' }));
      expect(outsideSepa.details.fields).toMatchObject([{ field: 'iban', message: 'IBAN hors zone SEPA' }]);
      const second = await refusal(mandate({ customerId, iban: IBAN_B }));
      expect(second).toMatchObject({ code: 'ACTIVE_MANDATE_EXISTS', details: { mandateId: first.id, reference: first.reference } });
      const other = await customer('Boulangerie Morvan');
      const taken = await refusal(mandate({ customerId: other, reference: first.reference }));
      expect(taken).toMatchObject({ code: 'MANDATE_REFERENCE_TAKEN', details: { mandateId: first.id } });
      expect(await counts()).toEqual(before);

      // A new bank account: the old mandate is revoked, then the new one recorded (its own RUM).
      const revoked = await inScope((em) =>
        revokeMandate(em, tenant.identity, first.id, { revokedOn: TODAY, reason: 'Changement de banque', expectedVersion: first.version }),
      );
      expect(revoked).toMatchObject({ status: 'REVOKED', revokedOn: TODAY });
      const again = await refusal(inScope((em) => revokeMandate(em, tenant.identity, first.id, { revokedOn: TODAY, reason: 'x' })));
      expect(again.code).toBe('MANDATE_ALREADY_REVOKED');
      const replacement = await mandate({ customerId, iban: IBAN_B });
      expect(replacement.reference).toMatch(/-0002$/);
      // A one-off mandate may sit beside the recurrent one.
      expect((await mandate({ customerId, kind: 'ONE_OFF', iban: IBAN_C, bic: 'COBADEFFXXX' })).kind).toBe('ONE_OFF');
    });
  });

  describe('batches', () => {
    let rcurCustomer: string;
    let frstCustomer: string;
    let transferCustomer: string;
    let settled: DirectDebitBatch;

    beforeAll(async () => {
      rcurCustomer = await customer('Clinique du Parc');
      frstCustomer = await customer('Syndic Les Tilleuls');
      transferCustomer = await customer('Garage Le Goff');
      await mandate({ customerId: rcurCustomer, iban: IBAN_B, signedOn: '2025-06-01' });
      await mandate({ customerId: frstCustomer, iban: IBAN_C, bic: 'COBADEFFXXX', debtorName: 'SDC Résidence Les Tilleuls' });
    });

    it('refuses a collection date inside the D-1 lead time, or without the creditor set up, writing nothing', async () => {
      await issued(transferCustomer);
      const before = await counts();
      const early = await refusal(batch(undefined, TODAY));
      expect(early).toMatchObject({ code: 'COLLECTION_DATE_TOO_EARLY', details: { earliestCollectionDate: COLLECTION } });
      const none = await refusal(batch());
      // The only open invoice is paid by transfer (no contract, no mandate when it was issued).
      expect(none.code).toBe('NO_DIRECT_DEBIT_CANDIDATES');
      await sql(`update tenants set sepa_creditor_id = null`);
      try {
        const noIcs = await refusal(batch());
        expect(noIcs).toMatchObject({ code: 'SEPA_CREDITOR_NOT_CONFIGURED', details: { missing: ['sepaCreditorId'] } });
      } finally {
        await sql(`update tenants set sepa_creditor_id = 'FR72ZZZ123456'`);
      }
      expect(await counts()).toEqual(before);
    });

    it('collects a first invoice (FRST), settles it: an allocated DIRECT_DEBIT payment, the invoice PAID, the mandate used', async () => {
      const first = await issued(rcurCustomer, '250.00'); // 300.00 TTC
      const created = await batch([first.id]);
      expect(created).toMatchObject({ state: 'SUBMITTED', itemCount: 1, totalAmount: '300.00', collectionDate: COLLECTION });
      expect(created.messageId).toMatch(/^PRLV-\d{8}-\d{4}$/);
      const [item] = await itemsOf(created);
      expect(item).toMatchObject({
        invoiceId: first.id,
        sequenceType: 'FRST',
        amount: '300.00',
        status: 'PENDING',
        endToEndId: first.number,
      });

      settled = await inScope((em) =>
        settleDirectDebitBatch(em, tenant.identity, created.id, { settledOn: TODAY, expectedVersion: created.version }),
      );
      expect(settled).toMatchObject({ state: 'SETTLED', settledOn: TODAY });
      const [collected] = await itemsOf(created);
      expect(collected).toMatchObject({ status: 'COLLECTED', paymentId: expect.any(String) });
      const payment = await inScope((em) => em.findOneOrFail(Payment, { id: collected!.paymentId! }));
      expect(payment).toMatchObject({
        method: 'DIRECT_DEBIT',
        amount: '300.00',
        allocatedAmount: '300.00',
        unallocatedAmount: '0.00',
        receivedOn: TODAY,
        payerIban: IBAN_B,
        customerId: rcurCustomer,
      });
      expect(await invoice(first.id)).toMatchObject({ settlementState: 'PAID', openBalance: '0.00' });
      const used = await inScope((em) => em.findOneOrFail(SepaMandate, { customerId: rcurCustomer, status: 'ACTIVE' }));
      expect(used).toMatchObject({ firstCollectedOn: COLLECTION, lastCollectedOn: COLLECTION });

      const twice = await refusal(inScope((em) => settleDirectDebitBatch(em, tenant.identity, created.id, { settledOn: TODAY })));
      expect(twice).toMatchObject({ code: 'BATCH_NOT_SUBMITTED', details: { state: 'SETTLED' } });
    });

    it('builds a batch with FRST and RCUR blocks whose stored pain.008 passes the ISO XSD; a pending invoice is not taken twice', async () => {
      const rcur = await issued(rcurCustomer, '80.00'); // 96.00
      const frst = await issued(frstCustomer, '120.50'); // 144.60
      const frst2 = await issued(frstCustomer, '10.00'); // 12.00
      const byTransfer = await issued(transferCustomer, '40.00');

      const plan = await inScope((em) => planDirectDebit(em, COLLECTION));
      expect(plan.candidates.map((c) => [c.number, c.sequenceType, c.amount])).toEqual([
        [rcur.number, 'RCUR', '96.00'],
        [frst.number, 'FRST', '144.60'],
        [frst2.number, 'FRST', '12.00'],
      ]);
      expect(plan.candidates.map((c) => c.invoiceId)).not.toContain(byTransfer.id);

      const created = await batch();
      expect(created).toMatchObject({ itemCount: 3, totalAmount: '252.60' });
      const { xml } = await inScope((em) => directDebitFile(em, created.id));
      const validation = await validPain008(xml);
      expect(validation.errors).toEqual([]);
      expect(validation.valid).toBe(true);
      expect(values(xml, 'SeqTp')).toEqual(['FRST', 'RCUR']);
      expect(values(xml, 'MsgId')).toEqual([created.messageId]);
      expect(values(xml, 'CtrlSum')).toEqual(['252.60', '156.60', '96.00']);
      expect(values(xml, 'ReqdColltnDt')).toEqual([COLLECTION, COLLECTION]);
      expect(xml).toMatch(/<Id>FR\d{2}ZZZ\d{6}<\/Id>\s*<SchmeNm>\s*<Prtry>SEPA<\/Prtry>/);
      expect(values(xml, 'EndToEndId')).toEqual([frst.number, frst2.number, rcur.number]);
      expect(values(xml, 'Nm')).toContain('SDC Residence Les Tilleuls');
      expect(values(xml, 'Ustrd')[0]).toBe(`Facture ${frst.number} du ${TODAY.split('-').reverse().join('/')}`);

      // Already pending: left out of the next plan, refused by name.
      expect((await inScope((em) => planDirectDebit(em, COLLECTION))).candidates).toEqual([]);
      const again = await refusal(batch([rcur.id]));
      expect(again).toMatchObject({
        code: 'ALREADY_IN_DIRECT_DEBIT',
        details: { invoiceId: rcur.id, batchId: created.id, messageId: created.messageId },
      });
      const notDirectDebit = await refusal(batch([byTransfer.id]));
      expect(notDirectDebit).toMatchObject({ code: 'NOT_A_DIRECT_DEBIT_CANDIDATE', details: { invoiceIds: [byTransfer.id] } });

      // Dunning holds a pending invoice, even long overdue.
      const later = localDate(new Date(Date.now() + 60 * 86_400_000));
      const preview = await inScope((em) => dunningPreview(em, tenant.tenantId, later));
      expect(preview.held.filter((h) => [rcur.id, frst.id].includes(h.invoiceId)).map((h) => h.reason)).toEqual([
        'DIRECT_DEBIT',
        'DIRECT_DEBIT',
      ]);
      expect(preview.reminders.map((r) => r.invoiceId)).toContain(byTransfer.id);
      expect(preview.reminders.map((r) => r.invoiceId)).not.toContain(rcur.id);

      const facts = await sql<{ kind: string; payload: { count: number } }>(
        `select kind, payload from business_facts where subject_id = ? order by seq`,
        [created.id],
      );
      expect(facts).toEqual([{ kind: 'direct_debit.submitted', payload: expect.objectContaining({ count: 3, amount: '252.60' }) }]);
    });

    it('never puts one invoice in two batches built at the same time', async () => {
      const a = await issued(rcurCustomer, '15.00');
      const b = await issued(frstCustomer, '25.00');
      const outcomes = await Promise.allSettled([batch(), batch([a.id, b.id]), batch([b.id, a.id])]);
      const created = outcomes.filter((o) => o.status === 'fulfilled');
      expect(created).toHaveLength(1);
      for (const failed of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected'))
        expect(['ALREADY_IN_DIRECT_DEBIT', 'NO_DIRECT_DEBIT_CANDIDATES']).toContain((failed.reason as { code: string }).code);
      const pending = await sql<{ invoice_id: string; n: string }>(
        `select invoice_id, count(*)::text as n from direct_debit_items where status = 'PENDING' and invoice_id = any(?::uuid[]) group by invoice_id`,
        [`{${a.id},${b.id}}`],
      );
      expect(pending.map((p) => p.n)).toEqual(['1', '1']);
      // The database itself refuses a second pending item for an invoice.
      const [item] = await sql<{ id: string; batch_id: string; mandate_id: string; customer_id: string }>(
        `select id, batch_id, mandate_id, customer_id from direct_debit_items where invoice_id = ?`,
        [a.id],
      );
      await expect(
        sql(
          `insert into direct_debit_items (tenant_id, id, batch_id, invoice_id, customer_id, mandate_id, amount, sequence_type, end_to_end_id, instruction_id)
           values (?, gen_random_uuid(), ?, ?, ?, ?, 18.00, 'RCUR', 'X', 'DUPLICATE-1')`,
          [tenant.tenantId, item!.batch_id, a.id, item!.customer_id, item!.mandate_id],
        ),
      ).rejects.toThrow(/direct_debit_items_one_pending/);
    });

    it('a return reverses the collected payment and opens the invoice again, for the next batch', async () => {
      const [item] = await itemsOf(settled);
      const returned = await inScope((em) =>
        returnDirectDebitItem(em, tenant.identity, item!.id, { returnedOn: TODAY, reasonCode: 'am04', expectedVersion: item!.version }),
      );
      expect(returned).toMatchObject({
        status: 'RETURNED',
        returnedOn: TODAY,
        returnReasonCode: 'AM04',
        returnReason: 'Provision insuffisante',
      });
      const payment = await inScope((em) => em.findOneOrFail(Payment, { id: item!.paymentId! }));
      expect(payment).toMatchObject({
        reversedOn: TODAY,
        allocatedAmount: '0.00',
        reversalReason: 'Prélèvement SEPA rejeté (AM04) : Provision insuffisante',
      });
      expect(await invoice(item!.invoiceId)).toMatchObject({ settlementState: 'UNPAID', openBalance: '300.00' });
      const facts = await sql<{ kind: string }>(`select kind from business_facts where subject_id in (?, ?) order by seq`, [
        item!.id,
        payment.id,
      ]);
      expect(facts.map((f) => f.kind)).toEqual(['payment.recorded', 'payment.allocated', 'payment.reversed', 'direct_debit.returned']);

      const twice = await refusal(
        inScope((em) => returnDirectDebitItem(em, tenant.identity, item!.id, { returnedOn: TODAY, reason: 'x' })),
      );
      expect(twice.code).toBe('ITEM_ALREADY_RETURNED');
      const unknownCode = await refusal(
        inScope((em) => returnDirectDebitItem(em, tenant.identity, item!.id, { returnedOn: TODAY, reasonCode: 'ZZ99' })),
      );
      expect(unknownCode).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'reasonCode' }] } });

      const plan = await inScope((em) => planDirectDebit(em, COLLECTION));
      expect(plan.candidates.map((c) => [c.invoiceId, c.sequenceType])).toContainEqual([item!.invoiceId, 'RCUR']);
    });
  });

  describe('the invoice of a customer paying by direct debit', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'relais-direct-debit-'));
    });
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it(
      'announces the debit (59, mandate, ICS, debited IBAN) in a Factur-X that passes the EN 16931 and French validators',
      { timeout: 240_000 },
      async () => {
        const customerId = await customer('Résidence Les Hortensias');
        const signed = await mandate({ customerId, iban: IBAN_B, signedOn: '2026-02-01' });
        const inv = await issued(customerId, '185.00');
        const { xml, pdf } = await inScope((em) => ensureInvoiceArtefacts(em, inv.id));
        expect(xml).toMatch(/<ram:CreditorReferenceID>FR\d{2}ZZZ\d{6}<\/ram:CreditorReferenceID>/);
        expect(xml).toMatch(/<ram:TypeCode>59<\/ram:TypeCode>\s*<ram:Information>Prélèvement SEPA<\/ram:Information>/);
        expect(xml).toMatch(new RegExp(`<ram:PayerPartyDebtorFinancialAccount>\\s*<ram:IBANID>${IBAN_B}</ram:IBANID>`));
        expect(xml).toContain(`<ram:DirectDebitMandateID>${signed.reference}</ram:DirectDebitMandateID>`);

        const xmlFile = path.join(dir, 'direct-debit.xml');
        const pdfFile = path.join(dir, 'direct-debit.pdf');
        await writeFile(xmlFile, xml);
        await writeFile(pdfFile, pdf);
        const checked = await run(path.join(validators, 'validate-cii.sh'), ['--fr-ctc', xmlFile]).catch(
          (e: { code: number; stdout: string }) => e,
        );
        expect(checked.stdout, checked.stdout).toContain('PASS');
        expect((checked as { code?: number }).code ?? 0).toBe(0);
        const container = await run(path.join(validators, 'check-pdf.sh'), ['--fr-ctc', pdfFile]).catch(
          (e: { code: number; stdout: string }) => e,
        );
        expect(container.stdout, container.stdout).toMatch(/PASS .*\.pdf/);
        expect((container as { code?: number }).code ?? 0).toBe(0);

        const { stdout: text } = await run('pdftotext', [pdfFile, '-']);
        const due = inv.dueDate!.split('-').reverse().join('/');
        expect(text.replace(/\s+/g, ' ')).toContain(`Prélèvement SEPA prévu le ${due} — mandat ${signed.reference}`);
      },
    );
  });
});
