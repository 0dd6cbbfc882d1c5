import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BillingBatch,
  BillingBatchItem,
  Invoice,
  InvoiceIntervention,
  OutboxMessage,
  Tenant,
  billingBatchPreview,
  convertInterventionsToInvoice,
  inTenantScope,
  invoiceSendPreview,
  issueAndSendInvoice,
  listBillable,
  localDate,
  processBillingBatch,
  startBillingBatch,
  startDraftsBatch,
  type Orm,
} from '@relais/domain';
import { adminClient, appOrm } from '../../../tests/support/database';
import { customersWithClosedWork, type CustomerWithWork } from '../../../tests/support/bulk-invoicing-world';
import { createMaintenanceWorld, type MaintenanceWorld } from '../../../tests/support/maintenance-world';
import { refusal } from '../../../tests/support/refusal';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';

const YEAR = localDate(new Date()).slice(0, 4);
const number = (n: number) => `F-${YEAR}-${String(n).padStart(5, '0')}`;

/** Month end: four customers' closed work, priced at the default list rates (65,00 €/h, 45,00 € a trip, 20 % VAT). */
const MONTH_END = [
  // (2 h + trip) + (1,5 h + trip) = 175,00 + 142,50 HT.
  { name: 'Atelier Bellevue', billingEmail: 'compta@bellevue.test', email: 'contact@bellevue.test', hours: ['2', '1.5'] },
  // No billing contact: its general address.
  { name: 'Cabinet Dupuis', billingEmail: null, email: 'accueil@dupuis.test', hours: ['1'] },
  // No address at all: issued, not sent.
  { name: 'Garage Lemoine', billingEmail: null, email: null, hours: ['3'] },
  { name: 'Pharmacie du Port', billingEmail: 'factures@pharmacie-port.test', hours: ['0.5'] },
];

describe('bulk invoicing at month end', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let world: MaintenanceWorld;
  let customers: CustomerWithWork[];
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('bulk-invoicing');
    world = await createMaintenanceWorld(orm, tenant, []);
    customers = await customersWithClosedWork(orm, tenant, world, MONTH_END);
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  it('previews one draft per customer, priced as converting it prices it, with who it goes to', async () => {
    const preview = await inScope((em) => billingBatchPreview(em, tenant.tenantId, { filter: {} }));
    expect(preview.grouping).toBe('CUSTOMER');
    expect(
      preview.groups.map((g) => [
        g.label,
        g.interventionIds.length,
        g.lineCount,
        g.totalNet,
        g.totalVat,
        g.totalGross,
        g.recipients,
        g.recipientSource,
      ]),
    ).toEqual([
      ['Atelier Bellevue', 2, 4, '317.50', '63.50', '381.00', ['compta@bellevue.test'], 'BILLING_CONTACTS'],
      ['Cabinet Dupuis', 1, 2, '110.00', '22.00', '132.00', ['accueil@dupuis.test'], 'CUSTOMER'],
      ['Garage Lemoine', 1, 2, '240.00', '48.00', '288.00', [], 'NONE'],
      ['Pharmacie du Port', 1, 2, '77.50', '15.50', '93.00', ['factures@pharmacie-port.test'], 'BILLING_CONTACTS'],
    ]);
    expect(preview).toMatchObject({
      interventionCount: 5,
      totalNet: '745.00',
      totalVat: '149.00',
      totalGross: '894.00',
      withoutRecipient: 1,
    });

    // Everything matching the filters less one intervention; one invoice per site.
    const [bellevue] = customers;
    const less = await inScope((em) =>
      billingBatchPreview(em, tenant.tenantId, { filter: {}, excludedInterventionIds: [bellevue!.interventionIds[0]!] }, 'SITE'),
    );
    expect(less.groups.map((g) => [g.label, g.totalNet])).toEqual([
      ['Atelier Bellevue — Siège', '142.50'],
      ['Cabinet Dupuis — Siège', '110.00'],
      ['Garage Lemoine — Siège', '240.00'],
      ['Pharmacie du Port — Siège', '77.50'],
    ]);
  }, 60_000);

  it('refuses an empty selection and work no longer waiting, naming it', async () => {
    expect(
      await refusal(inScope((em) => billingBatchPreview(em, tenant.tenantId, { filter: { closedUntil: '2000-01-31' } }))),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'selection', message: 'aucune intervention à facturer dans la sélection' }] },
    });
    expect(await refusal(inScope((em) => billingBatchPreview(em, tenant.tenantId, {})))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('creates, issues and sends them, one transaction each: numbers without gaps, the customer without address issued only', async () => {
    const batch = await inScope((em) => startBillingBatch(em, tenant.identity, { selection: { filter: {} }, send: true }));
    const done = await processBillingBatch(orm, { batchId: batch.id, identity: tenant.identity });
    expect(done).toMatchObject({ state: 'SUCCEEDED', attempts: 1 });

    const items = await inScope((em) => em.find(BillingBatchItem, { batchId: batch.id }, { orderBy: { position: 'asc' } }));
    expect(items.map((i) => [i.label, i.status, i.errorCode])).toEqual([
      ['Atelier Bellevue', 'SENT', null],
      ['Cabinet Dupuis', 'SENT', null],
      ['Garage Lemoine', 'SEND_FAILED', 'NO_RECIPIENT'],
      ['Pharmacie du Port', 'SENT', null],
    ]);
    expect(items[2]!.errorMessage).toBe(
      'Facture émise mais non envoyée : Aucun destinataire : le client Garage Lemoine n’a ni contact de facturation ni adresse e-mail ; indiquez un destinataire',
    );
    const invoices = await inScope((em) =>
      em.find(Invoice, { id: { $in: items.map((i) => i.invoiceId!) } }, { orderBy: { number: 'asc' } }),
    );
    expect(invoices.map((i) => [i.number, i.status, i.totalGross, Boolean(i.sentAt)])).toEqual([
      [number(1), 'ISSUED', '381.00', true],
      [number(2), 'ISSUED', '132.00', true],
      [number(3), 'ISSUED', '288.00', false],
      [number(4), 'ISSUED', '93.00', true],
    ]);

    const tenantRow = await inScope((em) => em.findOneOrFail(Tenant, { id: tenant.tenantId }));
    const mails = await inScope((em) => em.find(OutboxMessage, { relatedId: { $in: invoices.map((i) => i.id) } }));
    const mailOf = (n: number) => mails.find((m) => m.relatedId === invoices[n - 1]!.id);
    expect(mails).toHaveLength(3);
    expect(mailOf(1)).toMatchObject({ to: ['compta@bellevue.test'], cc: [], replyTo: tenantRow.billingEmail });
    expect(mailOf(1)!.subject).toBe(`Facture ${number(1)} — ${tenantRow.legalName}`);
    expect(mailOf(1)!.textBody).toContain(`Veuillez trouver ci-joint notre facture ${number(1)} du `);
    expect(mailOf(2)!.to).toEqual(['accueil@dupuis.test']);
    expect(mailOf(4)!.to).toEqual(['factures@pharmacie-port.test']);

    expect(await inScope((em) => listBillable(em))).toEqual([]);
    // Done: running it again does nothing; the same work again is refused.
    expect(await processBillingBatch(orm, { batchId: batch.id, identity: tenant.identity })).toBeNull();
    const again = await refusal(
      inScope((em) => startBillingBatch(em, tenant.identity, { selection: { interventionIds: customers[3]!.interventionIds } })),
    );
    expect(again).toMatchObject({ code: 'NOT_BILLABLE' });
  }, 60_000);

  it('mails one invoice as the sender wrote it, or refuses before issuing a draft nobody can receive', async () => {
    const [lemoineDraft] = await customersWithClosedWork(orm, tenant, world, [
      { name: 'Garage Lemoine (atelier)', billingEmail: null, email: null, hours: ['1'] },
    ]);
    const draft = await inScope((em) => convertInterventionsToInvoice(em, tenant.identity, lemoineDraft!.interventionIds));
    const preview = await inScope((em) => invoiceSendPreview(em, draft.id));
    expect(preview).toMatchObject({ to: [], recipientSource: 'NONE' });
    expect(preview.attachments.map((a) => a.filename)).toEqual(['{{numero}}.pdf', 'virement-qr.png']);
    expect(preview.subject).toBe(`Facture {{numero}} — ${preview.body.split('\n').at(-1)}`);

    const refused = await refusal(inScope((em) => issueAndSendInvoice(em, tenant.identity, draft.id, draft.version)));
    expect(refused).toMatchObject({ code: 'NO_RECIPIENT', details: { field: 'to' } });
    expect(await inScope((em) => em.findOneOrFail(Invoice, { id: draft.id }))).toMatchObject({ status: 'DRAFT', number: null });

    const sent = await inScope((em) =>
      issueAndSendInvoice(em, tenant.identity, draft.id, draft.version, {
        to: ['m.lemoine@garage.test'],
        cc: ['compta@garage.test', 'M.Lemoine@garage.test'],
        subject: 'Votre facture {{numero}}',
        body: 'Bonjour {{client}},\n\nCi-joint la facture {{numero}} de {{montant}}, à régler avant le {{echeance}}.',
      }),
    );
    expect(sent).toMatchObject({ status: 'ISSUED', number: number(5) });
    const [mail] = await inScope((em) => em.find(OutboxMessage, { relatedId: draft.id }));
    expect(mail).toMatchObject({ to: ['m.lemoine@garage.test'], cc: ['compta@garage.test'], subject: `Votre facture ${number(5)}` });
    expect(mail!.textBody.replace(/\s/g, ' ')).toBe(
      `Bonjour Garage Lemoine (atelier),  Ci-joint la facture ${number(5)} de 132,00 €, à régler avant le ${sent.dueDate!.split('-').reverse().join('/')}.`,
    );
  }, 60_000);

  it('issues and sends drafts picked on the list, and refuses an invoice already sent', async () => {
    const [one, two] = await customersWithClosedWork(orm, tenant, world, [
      { name: 'Zinguerie Roux', billingEmail: 'compta@roux.test', hours: ['1'] },
      { name: 'Yachting Club', billingEmail: 'tresorier@yachting.test', hours: ['2'] },
    ]);
    const drafts = await inScope(async (em) => [
      await convertInterventionsToInvoice(em, tenant.identity, one!.interventionIds),
      await convertInterventionsToInvoice(em, tenant.identity, two!.interventionIds),
    ]);
    const batch = await inScope((em) => startDraftsBatch(em, tenant.identity, { invoiceIds: drafts.map((d) => d.id) }));
    await processBillingBatch(orm, { batchId: batch.id, identity: tenant.identity });
    const items = await inScope((em) => em.find(BillingBatchItem, { batchId: batch.id }, { orderBy: { position: 'asc' } }));
    // In customer order: the Yachting Club first.
    expect(items.map((i) => [i.label, i.status, i.recipients])).toEqual([
      ['Yachting Club', 'SENT', ['tresorier@yachting.test']],
      ['Zinguerie Roux', 'SENT', ['compta@roux.test']],
    ]);
    const numbers = await inScope((em) =>
      em.find(Invoice, { id: { $in: [items[0]!.invoiceId!, items[1]!.invoiceId!] } }, { orderBy: { number: 'asc' } }),
    );
    expect(numbers.map((i) => i.id)).toEqual([items[0]!.invoiceId, items[1]!.invoiceId]);
    expect(await refusal(inScope((em) => startDraftsBatch(em, tenant.identity, { invoiceIds: [drafts[0]!.id] })))).toMatchObject({
      code: 'INVOICE_ALREADY_SENT',
    });
  }, 60_000);
});

describe('a bulk invoicing batch interrupted', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let admin: pg.Client;
  let world: MaintenanceWorld;
  let customers: CustomerWithWork[];
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  beforeAll(async () => {
    orm = await appOrm();
    admin = await adminClient();
    tenant = await createTestTenant('bulk-killed');
    world = await createMaintenanceWorld(orm, tenant, []);
    customers = await customersWithClosedWork(
      orm,
      tenant,
      world,
      ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((name) => ({
        name: `Client ${name}`,
        billingEmail: `compta@${name.toLowerCase()}.test`,
        hours: ['1'],
      })),
    );
  }, 60_000);

  afterAll(async () => {
    await admin?.end();
    // The killed transaction's connection stays checked out (see contract-billing.integration.spec.ts).
    await Promise.race([orm?.close(true), new Promise((resolve) => setTimeout(resolve, 1000))]);
  });

  it('loses only the invoice being issued when killed; resumed, it invoices and sends the rest once, with no gap', async () => {
    const batch = await inScope((em) => startBillingBatch(em, tenant.identity, { selection: { filter: {} } }));
    const killed = processBillingBatch(
      orm,
      { batchId: batch.id, identity: tenant.identity },
      {
        beforeIssueCommit: async (position, em) => {
          if (position !== 1) return;
          const [backend] = await em.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
          await admin.query('select pg_terminate_backend($1)', [backend!.pid]);
          await em.execute('select 1');
        },
      },
    );
    await expect(killed).rejects.toThrow();
    const midway = await inScope((em) => em.find(BillingBatchItem, { batchId: batch.id }, { orderBy: { position: 'asc' } }));
    expect(midway.map((i) => i.status)).toEqual(['SENT', 'PENDING', 'PENDING', 'PENDING']);
    expect((await inScope((em) => em.find(Invoice, {}))).map((i) => i.number)).toEqual([number(1)]);

    const resumed = await processBillingBatch(orm, { batchId: batch.id, identity: tenant.identity });
    expect(resumed).toMatchObject({ state: 'SUCCEEDED', attempts: 2 });
    // A second worker on the same batch (a duplicate job) finds nothing left to do.
    await inScope((em) => em.nativeUpdate(BillingBatch, { id: batch.id }, { state: 'RUNNING' }));
    await processBillingBatch(orm, { batchId: batch.id, identity: tenant.identity });

    const invoices = await inScope((em) => em.find(Invoice, {}, { orderBy: { number: 'asc' } }));
    expect(invoices.map((i) => i.number)).toEqual([number(1), number(2), number(3), number(4)]);
    expect(invoices.map((i) => i.customerId)).toEqual(customers.map((c) => c.customerId));
    const links = await inScope((em) => em.find(InvoiceIntervention, {}));
    expect(links).toHaveLength(4);
    const mails = await inScope((em) => em.find(OutboxMessage, { relatedId: { $in: invoices.map((i) => i.id) } }));
    expect(mails.map((m) => m.to[0]).sort()).toEqual([
      'compta@alpha.test',
      'compta@bravo.test',
      'compta@charlie.test',
      'compta@delta.test',
    ]);
  }, 60_000);

  it('names the customer whose work was invoiced meanwhile, and invoices the others without a gap', async () => {
    const [echo, foxtrot] = await customersWithClosedWork(orm, tenant, world, [
      { name: 'Client Echo', billingEmail: 'compta@echo.test', hours: ['1'] },
      { name: 'Client Foxtrot', billingEmail: 'compta@foxtrot.test', hours: ['2'] },
    ]);
    const batch = await inScope((em) => startBillingBatch(em, tenant.identity, { selection: { filter: {} } }));
    // Someone invoices Echo's work by hand before the batch gets to it.
    const byHand = await inScope((em) => convertInterventionsToInvoice(em, tenant.identity, echo!.interventionIds));
    await processBillingBatch(orm, { batchId: batch.id, identity: tenant.identity });
    const items = await inScope((em) => em.find(BillingBatchItem, { batchId: batch.id }, { orderBy: { position: 'asc' } }));
    expect(items.map((i) => [i.label, i.status, i.errorCode, i.invoiceId])).toEqual([
      ['Client Echo', 'FAILED', 'ALREADY_INVOICED', null],
      ['Client Foxtrot', 'SENT', null, expect.any(String)],
    ]);
    expect(items[0]!.errorMessage).toMatch(/^L’intervention \S+ est déjà facturée \(facture brouillon\)$/);
    const foxtrotInvoice = await inScope((em) => em.findOneOrFail(Invoice, { id: items[1]!.invoiceId! }));
    expect(foxtrotInvoice).toMatchObject({ number: number(5), customerId: foxtrot!.customerId, totalGross: '210.00' });
    expect(await inScope((em) => em.findOneOrFail(Invoice, { id: byHand.id }))).toMatchObject({ status: 'DRAFT', number: null });
  }, 60_000);
});
