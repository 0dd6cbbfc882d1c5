import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  InvoiceLine,
  OutboxAttachment,
  OutboxMessage,
  createCreditNote,
  createCustomer,
  createDraftInvoice,
  customerBalances,
  customerStatement,
  customerStatementPdf,
  frenchDate,
  inTenantScope,
  invoicesToCollect,
  issueInvoice,
  localDate,
  receivablesAgeing,
  receivablesAgeingCsv,
  recordPayment,
  refundPayment,
  reversePayment,
  sendCustomerStatement,
  shiftDate,
  type Invoice,
  type Orm,
} from '@relais/domain';
import { appOrm } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { customerInput } from '../../../tests/support/maintenance-world';
import { refusal } from '../../../tests/support/refusal';

const TODAY = localDate(new Date());
/** A local date `days` from today ("-30": thirty days ago). */
const day = (days: number) => shiftDate(TODAY, days);
/** An instant on that local date (mid-morning in Paris), for issuing in the past. */
const at = (days: number) => new Date(`${day(days)}T09:00:00Z`);

/** Every invoice here is n × 100.00 HT at 20 %: n × 120.00 TTC; customers pay at 30 days net. */
describe('receivables ageing and customer statement on PostgreSQL', () => {
  let orm: Orm;
  let tenant: TestTenant;
  let ducs: string;
  let morvan: string;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);

  async function issued(customerId: string, quantity: string, issuedDaysAgo: number): Promise<Invoice> {
    const draft = await inScope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId,
        lines: [{ kind: 'LABOUR', description: 'Maintenance CVC', quantity, unit: 'HUR', unitPrice: '100.00', vatRateCode: 'TVA20' }],
      }),
    );
    return inScope((em) => issueInvoice(em, draft.id, draft.version, { at: at(issuedDaysAgo) }));
  }
  const pay = (customerId: string, amount: string, receivedDaysAgo: number, allocations: { invoiceId: string; amount: string }[] = []) =>
    inScope((em) =>
      recordPayment(em, tenant.identity, { customerId, amount, receivedOn: day(receivedDaysAgo), method: 'TRANSFER', allocations }),
    );

  let a1: Invoice, a2: Invoice, a3: Invoice, a4: Invoice, b1: Invoice;

  beforeAll(async () => {
    orm = await appOrm();
    tenant = await createTestTenant('receivables');
    [ducs, morvan] = await inScope(async (em) => [
      (await createCustomer(em, tenant.tenantId, { ...customerInput('Hôtel des Ducs'), email: 'compta@ducs.test' })).id,
      (await createCustomer(em, tenant.tenantId, customerInput('Boulangerie Morvan'))).id,
    ]);
    // Issued in date order (numbers stay chronological); due 30 days after issue.
    a1 = await issued(ducs, '10', -130); // 1200.00, due -100
    const b2 = await issued(morvan, '1', -100); // 120.00, due -70, paid at -60
    b1 = await issued(morvan, '0.5', -80); // 60.00, due -50, paid at -40, payment reversed at -10
    a2 = await issued(ducs, '5', -75); // 600.00, due -45, 200.00 paid at -50
    a3 = await issued(ducs, '1', -45); // 120.00, due -15, credit note of 12.00 at -30
    await pay(morvan, '120.00', -60, [{ invoiceId: b2.id, amount: '120.00' }]);
    await pay(ducs, '200.00', -50, [{ invoiceId: a2.id, amount: '200.00' }]);
    const cheque = await pay(morvan, '60.00', -40, [{ invoiceId: b1.id, amount: '60.00' }]);
    const [line] = await inScope((em) => em.find(InvoiceLine, { invoiceId: a3.id }));
    const note = await inScope((em) =>
      createCreditNote(em, tenant.identity, a3.id, { lines: [{ invoiceLineId: line!.id, quantity: '0.1' }], reason: 'Geste commercial' }),
    );
    await inScope((em) => issueInvoice(em, note.id, note.version, { at: at(-30) })); // 12.00
    await inScope((em) => reversePayment(em, tenant.identity, cheque.id, { reversedOn: day(-10), reason: 'Chèque impayé' }));
    a4 = await issued(ducs, '2', -5); // 240.00, due +25
    const onAccount = await pay(ducs, '80.00', -3); // not allocated: the customer's credit
    await inScope((em) => refundPayment(em, tenant.identity, onAccount.id, { refundedOn: day(-2), amount: '30.00', method: 'TRANSFER' }));
  });

  afterAll(async () => {
    await orm.close(true);
  });

  it('ages open balances per customer and bucket to the cent, unallocated payments reducing "non échu"', async () => {
    const ageing = await inScope((em) => receivablesAgeing(em, {}, TODAY));
    expect(ageing.asOf).toBe(TODAY);
    expect(ageing.rows).toEqual([
      {
        customerId: morvan,
        customerName: 'Boulangerie Morvan',
        buckets: { NOT_DUE: '0.00', D1_30: '0.00', D31_60: '60.00', D61_90: '0.00', D90_PLUS: '0.00' },
        total: '60.00',
        unallocatedPayments: '0.00',
      },
      {
        customerId: ducs,
        customerName: 'Hôtel des Ducs',
        // 240.00 not due less 50.00 of credit (80.00 received, 30.00 refunded); 120.00 less the 12.00 credit note.
        buckets: { NOT_DUE: '190.00', D1_30: '108.00', D31_60: '400.00', D61_90: '0.00', D90_PLUS: '1200.00' },
        total: '1898.00',
        unallocatedPayments: '50.00',
      },
    ]);
    expect(ageing.totals).toEqual({
      buckets: { NOT_DUE: '190.00', D1_30: '108.00', D31_60: '460.00', D61_90: '0.00', D90_PLUS: '1200.00' },
      total: '1958.00',
    });
    // The same totals as the customers' balances.
    const balances = await inScope((em) => customerBalances(em, [ducs, morvan], TODAY));
    expect(Object.fromEntries(balances.map((b) => [b.customerId, b.balance]))).toEqual({ [ducs]: '1898.00', [morvan]: '60.00' });

    const lines = receivablesAgeingCsv(ageing).slice(1).split('\r\n');
    expect(lines[0]).toBe('Client;Non échu;1 à 30 jours;31 à 60 jours;61 à 90 jours;Plus de 90 jours;Total');
    expect(lines).toContain('Boulangerie Morvan;0,00;0,00;60,00;0,00;0,00;60,00');
    expect(lines).toContain('Total;190,00;108,00;460,00;0,00;1200,00;1958,00');
  });

  it('filters whole customers: by customer, minimum total, overdue, bucket', async () => {
    const names = async (filter: Parameters<typeof receivablesAgeing>[1]) =>
      (await inScope((em) => receivablesAgeing(em, filter, TODAY))).rows.map((r) => r.customerName);
    expect(await names({ customerId: morvan })).toEqual(['Boulangerie Morvan']);
    expect(await names({ minimumAmount: '100.00' })).toEqual(['Hôtel des Ducs']);
    expect(await names({ overdueOnly: true })).toEqual(['Boulangerie Morvan', 'Hôtel des Ducs']);
    expect(await names({ bucket: 'D90_PLUS' })).toEqual(['Hôtel des Ducs']);
    const none = await inScope((em) => receivablesAgeing(em, { bucket: 'D61_90' }, TODAY));
    expect(none).toMatchObject({ rows: [], totals: { total: '0.00' } });
    const wrong = await refusal(inScope((em) => receivablesAgeing(em, { minimumAmount: '1,5', asOf: '31/12/2026' }, TODAY)));
    expect(wrong.code).toBe('VALIDATION_FAILED');
  });

  it('rebuilds the ageing at a past date: later invoices, payments, credit note, reversal and refund undone', async () => {
    const past = await inScope((em) => receivablesAgeing(em, { asOf: day(-40) }, TODAY));
    // Morvan had paid everything then (the cheque was reversed later); the Ducs' 4th invoice and payment did not exist.
    expect(past.rows).toEqual([
      expect.objectContaining({
        customerName: 'Hôtel des Ducs',
        buckets: { NOT_DUE: '120.00', D1_30: '400.00', D31_60: '1200.00', D61_90: '0.00', D90_PLUS: '0.00' },
        total: '1720.00',
      }),
    ]);
    // Rebuilt at today, it is today's ageing.
    const rebuilt = await inScope((em) => receivablesAgeing(em, { asOf: day(-1) }, day(0)));
    expect(rebuilt.totals.total).toBe('1958.00');
  });

  it('lists what to collect this week, largest first, with days past due', async () => {
    const list = await inScope((em) => invoicesToCollect(em, TODAY));
    expect(list.map((i) => [i.invoiceNumber, i.openBalance, i.daysPastDue, i.bucket])).toEqual([
      [a1.number, '1200.00', 100, 'D90_PLUS'],
      [a2.number, '400.00', 45, 'D31_60'],
      [a3.number, '108.00', 15, 'D1_30'],
      [b1.number, '60.00', 50, 'D31_60'],
    ]);
  });

  it('draws up a statement: opening balance, movements with running balance, closing balance equal to the open items', async () => {
    const s = await inScope((em) => customerStatement(em, ducs, { from: day(-60), to: TODAY }, TODAY));
    expect(s.opening).toBe('1800.00');
    expect(s.lines.map((l) => [l.date, l.kind, l.amount, l.balance])).toEqual([
      [day(-50), 'PAYMENT', '-200.00', '1600.00'],
      [day(-45), 'INVOICE', '120.00', '1720.00'],
      [day(-30), 'CREDIT_NOTE', '-12.00', '1708.00'],
      [day(-5), 'INVOICE', '240.00', '1948.00'],
      [day(-3), 'PAYMENT', '-80.00', '1868.00'],
      [day(-2), 'REFUND', '30.00', '1898.00'],
    ]);
    expect(s.lines[2]!.label).toBe(`Avoir ${s.lines[2]!.reference} sur la facture ${a3.number}`);
    expect(s).toMatchObject({ totalDebit: '390.00', totalCredit: '292.00', closing: '1898.00', openItemsTotal: '1898.00' });
    expect(s.openItems.map((i) => [i.kind, i.invoiceNumber, i.openBalance, i.daysLate])).toEqual([
      ['INVOICE', a1.number, '1200.00', 100],
      ['INVOICE', a2.number, '400.00', 45],
      ['INVOICE', a3.number, '108.00', 15],
      ['UNALLOCATED_PAYMENT', '', '-50.00', 0],
      ['INVOICE', a4.number, '240.00', 0],
    ]);
  });

  it('shows a reversed payment as it stood: settled before the reversal, owed again after', async () => {
    const before = await inScope((em) => customerStatement(em, morvan, { from: day(-60), to: day(-20) }, TODAY));
    expect(before).toMatchObject({ opening: '180.00', closing: '0.00', openItems: [] });
    const after = await inScope((em) => customerStatement(em, morvan, { from: day(-60), to: TODAY }, TODAY));
    expect(after.lines.map((l) => [l.kind, l.amount, l.balance])).toEqual([
      ['PAYMENT', '-120.00', '60.00'],
      ['PAYMENT', '-60.00', '0.00'],
      ['PAYMENT_REVERSED', '60.00', '60.00'],
    ]);
    expect(after.lines[2]!.label).toBe(`Annulation du règlement du ${frenchDate(day(-40))} — Chèque impayé`);
    expect(after.openItems.map((i) => [i.invoiceNumber, i.openBalance, i.daysLate])).toEqual([[b1.number, '60.00', 50]]);
    const past = await inScope((em) => customerStatement(em, ducs, { from: day(-60), to: day(-40) }, TODAY));
    expect(past).toMatchObject({ closing: '1720.00', openItemsTotal: '1720.00' });
  });

  it('renders the statement as a PDF and queues it by mail with the PDF attached', async () => {
    const s = await inScope((em) => customerStatement(em, ducs, { from: day(-60), to: TODAY }, TODAY));
    const pdf = await inScope((em) => customerStatementPdf(em, tenant.tenantId, s));
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');

    const noAddress = await refusal(inScope((em) => sendCustomerStatement(em, tenant.identity, morvan, { from: day(-60), to: TODAY })));
    expect(noAddress).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'recipients' }] } });

    const mail = await inScope((em) => sendCustomerStatement(em, tenant.identity, ducs, { from: day(-60), to: TODAY }));
    const [stored, attachments] = await inScope(async (em) => [
      await em.findOneOrFail(OutboxMessage, { id: mail.id }),
      await em.find(OutboxAttachment, { messageId: mail.id }),
    ]);
    expect(stored).toMatchObject({ to: ['compta@ducs.test'], relatedType: 'customer-statement', relatedId: ducs });
    expect(stored.subject).toMatch(/^Relevé de compte au \d\d\/\d\d\/\d{4} — /);
    expect(stored.textBody).toContain(`Solde dû au ${frenchDate(TODAY)} : 1\u00a0898,00\u00a0€, dont 1\u00a0708,00\u00a0€ échus.`);
    expect(attachments.map((a) => [a.filename, a.contentType])).toEqual([[expect.stringMatching(/^releve-.+\.pdf$/), 'application/pdf']]);
  });
});
