import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Invoice,
  Payment,
  PaymentAllocation,
  allocateCreditNote,
  allocatePayment,
  createCreditNote,
  createDraftInvoice,
  customerBalances,
  inTenantScope,
  issueInvoice,
  localDate,
  recordPayment,
  refundPayment,
  releaseAllocation,
  reversePayment,
  type DraftLineInput,
  type Identity,
  type Orm,
  type PaymentInput,
} from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, type MaintenanceWorld } from '../../../tests/support/maintenance-world';
import { refusal } from '../../../tests/support/refusal';

const TODAY = localDate(new Date());

/** 100.00 HT at 20 % = 120.00 TTC per unit. */
const line = (quantity: string): DraftLineInput => ({
  kind: 'LABOUR',
  description: 'Main-d’œuvre',
  quantity,
  unit: 'HUR',
  unitPrice: '100.00',
  vatRateCode: 'TVA20',
});

describe('payments, allocations, reversals and customer credit', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>, identity?: Identity) =>
    inTenantScope(orm, identity ?? tenant.identity, { requestId: 't' }, work);
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    inTenantTransaction(client, tenant.tenantId, async () => (await client.query(text, params)).rows as T[]);
  const invoice = (id: string) => inScope((em) => em.findOneOrFail(Invoice, { id }));
  const payment = (id: string) => inScope((em) => em.findOneOrFail(Payment, { id }));
  const pay = (input: Omit<PaymentInput, 'receivedOn' | 'method' | 'customerId'> & Partial<PaymentInput>) =>
    inScope((em) => recordPayment(em, tenant.identity, { customerId: w.customerId, receivedOn: TODAY, method: 'TRANSFER', ...input }));

  async function issued(quantity: string, customerId = w.customerId): Promise<Invoice> {
    const draft = await inScope((em) => createDraftInvoice(em, tenant.identity, { customerId, lines: [line(quantity)] }));
    return inScope((em) => issueInvoice(em, draft.id, draft.version));
  }
  const counts = async () =>
    (
      await sql<{ payments: string; allocations: string; facts: string }>(
        `select (select count(*) from payments) as payments, (select count(*) from payment_allocations) as allocations,
                (select count(*) from business_facts) as facts`,
      )
    )[0]!;

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    tenant = await createTestTenant('payments');
    w = await createMaintenanceWorld(orm, tenant);
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('allocates one payment over two invoices, keeps the rest as credit, then allocates it to a later invoice', async () => {
    const a = await issued('1'); // 120.00
    const b = await issued('2'); // 240.00
    const p = await pay({
      amount: '300.00',
      reference: 'VIR SEPA ACME',
      allocations: [
        { invoiceId: a.id, amount: '120.00' },
        { invoiceId: b.id, amount: '100.00' },
      ],
    });
    expect(p).toMatchObject({ amount: '300.00', allocatedAmount: '220.00', unallocatedAmount: '80.00' });
    expect(await invoice(a.id)).toMatchObject({ paidAmount: '120.00', openBalance: '0.00', settlementState: 'PAID' });
    expect(await invoice(b.id)).toMatchObject({ paidAmount: '100.00', openBalance: '140.00', settlementState: 'PARTLY_PAID' });

    const [balance] = await inScope((em) => customerBalances(em, [w.customerId], TODAY));
    expect(balance!.unallocatedPayments).toBe('80.00');

    const c = await issued('0.5'); // 60.00
    const after = await inScope((em) =>
      allocatePayment(em, tenant.identity, p.id, {
        allocations: [
          { invoiceId: c.id, amount: '60.00' },
          { invoiceId: b.id, amount: '20.00' },
        ],
        expectedVersion: p.version,
      }),
    );
    expect(after).toMatchObject({ allocatedAmount: '300.00', unallocatedAmount: '0.00' });
    expect(await invoice(b.id)).toMatchObject({ paidAmount: '120.00', openBalance: '120.00' });
    expect(await invoice(c.id)).toMatchObject({ settlementState: 'PAID' });
  });

  it('refuses allocations that do not fit, and writes nothing', async () => {
    const a = await issued('1');
    const other = await issued('1', w.otherCustomerId);
    const before = await counts();

    const tooMuch = await refusal(pay({ amount: '200.00', allocations: [{ invoiceId: a.id, amount: '120.01' }] }));
    expect(tooMuch).toMatchObject({ code: 'PAYMENT_EXCEEDS_BALANCE', details: { openBalance: '120.00' } });
    const beyondPayment = await refusal(pay({ amount: '100.00', allocations: [{ invoiceId: a.id, amount: '100.01' }] }));
    expect(beyondPayment.code).toBe('VALIDATION_FAILED');
    const otherCustomer = await refusal(pay({ amount: '120.00', allocations: [{ invoiceId: other.id, amount: '120.00' }] }));
    expect(otherCustomer).toMatchObject({ code: 'OTHER_CUSTOMER', details: { invoiceId: other.id } });
    const future = await refusal(pay({ amount: '10.00', receivedOn: '2999-01-01' }));
    expect(future).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'receivedOn' }] } });
    const badIban = await refusal(pay({ amount: '10.00', payerIban: 'FR76 3000 6000 0112 3456 7890 188' }));
    expect(badIban).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'payerIban' }] } });
    const twice = await refusal(
      pay({
        amount: '50.00',
        allocations: [
          { invoiceId: a.id, amount: '10.00' },
          { invoiceId: a.id, amount: '10.00' },
        ],
      }),
    );
    expect(twice.code).toBe('VALIDATION_FAILED');

    expect(await counts()).toEqual(before);
    expect(await invoice(a.id)).toMatchObject({ paidAmount: '0.00', openBalance: '120.00' });
  });

  it('reverses a rejected cheque: allocations released with the reason, invoices open again, credit gone', async () => {
    const a = await issued('1');
    const b = await issued('1');
    const p = await pay({
      amount: '250.00',
      method: 'CHECK',
      reference: 'CHQ 0012345',
      allocations: [
        { invoiceId: a.id, amount: '120.00' },
        { invoiceId: b.id, amount: '120.00' },
      ],
    });
    const stale = await refusal(
      inScope((em) =>
        reversePayment(em, tenant.identity, p.id, { reversedOn: TODAY, reason: 'Chèque impayé', expectedVersion: p.version - 1 }),
      ),
    );
    expect(stale.code).toBe('STALE_VERSION');

    const reversed = await inScope((em) =>
      reversePayment(em, tenant.identity, p.id, {
        reversedOn: TODAY,
        reason: 'Chèque impayé (sans provision)',
        expectedVersion: p.version,
      }),
    );
    expect(reversed).toMatchObject({ reversedOn: TODAY, reversalReason: 'Chèque impayé (sans provision)', allocatedAmount: '0.00' });
    expect(reversed.unallocatedAmount).toBe('0.00');
    for (const id of [a.id, b.id])
      expect(await invoice(id)).toMatchObject({ paidAmount: '0.00', openBalance: '120.00', settlementState: 'UNPAID' });
    const allocations = await inScope((em) => em.find(PaymentAllocation, { paymentId: p.id }));
    expect(allocations.map((x) => x.releaseReason)).toEqual(['Chèque impayé (sans provision)', 'Chèque impayé (sans provision)']);

    expect((await refusal(inScope((em) => reversePayment(em, tenant.identity, p.id, { reversedOn: TODAY, reason: 'x' })))).code).toBe(
      'PAYMENT_REVERSED',
    );
    const facts = await sql<{ kind: string }>(`select kind from business_facts where subject_id = $1 order by seq`, [p.id]);
    expect(facts.map((f) => f.kind)).toEqual(['payment.recorded', 'payment.allocated', 'payment.reversed']);
  });

  it('refunds credit, undoes one allocation, and refuses reversing a refunded payment', async () => {
    const a = await issued('1');
    const p = await pay({ amount: '150.00', allocations: [{ invoiceId: a.id, amount: '120.00' }] });
    const tooMuch = await refusal(
      inScope((em) => refundPayment(em, tenant.identity, p.id, { refundedOn: TODAY, amount: '30.01', method: 'TRANSFER' })),
    );
    expect(tooMuch).toMatchObject({ code: 'REFUND_EXCEEDS_CREDIT', details: { unallocated: '30.00' } });
    const refunded = await inScope((em) =>
      refundPayment(em, tenant.identity, p.id, { refundedOn: TODAY, amount: '30.00', method: 'TRANSFER' }),
    );
    expect(refunded).toMatchObject({ refundedAmount: '30.00', unallocatedAmount: '0.00' });

    const [allocation] = await inScope((em) => em.find(PaymentAllocation, { paymentId: p.id }));
    const released = await inScope((em) => releaseAllocation(em, tenant.identity, allocation!.id, 'Mauvaise facture'));
    expect(released).toMatchObject({ allocatedAmount: '0.00', unallocatedAmount: '120.00' });
    expect(await invoice(a.id)).toMatchObject({ openBalance: '120.00' });
    expect((await refusal(inScope((em) => reversePayment(em, tenant.identity, p.id, { reversedOn: TODAY, reason: 'x' })))).code).toBe(
      'PAYMENT_REFUNDED',
    );
  });

  it('moves a credit note’s surplus on a paid invoice to another invoice of the customer', async () => {
    const a = await issued('1');
    await pay({ amount: '120.00', allocations: [{ invoiceId: a.id, amount: '120.00' }] });
    const note = await inScope((em) => createCreditNote(em, tenant.identity, a.id, { reason: 'Geste commercial' }));
    await inScope((em) => issueInvoice(em, note.id, note.version));
    expect(await invoice(a.id)).toMatchObject({ openBalance: '-120.00' });

    const b = await issued('2');
    const other = await issued('1', w.otherCustomerId);
    expect(
      (
        await refusal(
          inScope((em) => allocateCreditNote(em, tenant.identity, note.id, { allocations: [{ invoiceId: other.id, amount: '10.00' }] })),
        )
      ).code,
    ).toBe('OTHER_CUSTOMER');
    expect(
      await refusal(
        inScope((em) => allocateCreditNote(em, tenant.identity, note.id, { allocations: [{ invoiceId: b.id, amount: '120.01' }] })),
      ),
    ).toMatchObject({ code: 'CREDIT_EXCEEDS_SURPLUS', details: { available: '120.00' } });

    await inScope((em) => allocateCreditNote(em, tenant.identity, note.id, { allocations: [{ invoiceId: b.id, amount: '120.00' }] }));
    expect(await invoice(a.id)).toMatchObject({ openBalance: '0.00' });
    expect(await invoice(b.id)).toMatchObject({ openBalance: '120.00', creditedAmount: '120.00' });
  });

  it('keeps balances right under concurrent payments of one invoice and concurrent allocations of one payment', async () => {
    const a = await issued('4'); // 480.00
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        pay({ amount: '200.00', reference: `VIR ${i}`, allocations: [{ invoiceId: a.id, amount: '200.00' }] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason.code).toBe('PAYMENT_EXCEEDS_BALANCE');
    expect(await invoice(a.id)).toMatchObject({ paidAmount: '400.00', openBalance: '80.00' });
    const [sum] = await sql<{ total: string }>(
      `select sum(amount)::text as total from payment_allocations where invoice_id = $1 and released_at is null`,
      [a.id],
    );
    expect(sum!.total).toBe('400.00');

    const credit = await pay({ amount: '300.00' });
    const targets = await Promise.all([issued('1.25'), issued('1.25'), issued('1.25')]); // 150.00 each
    const allocations = await Promise.allSettled(
      targets.map((t) =>
        inScope((em) => allocatePayment(em, tenant.identity, credit.id, { allocations: [{ invoiceId: t.id, amount: '150.00' }] })),
      ),
    );
    expect(allocations.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(await payment(credit.id)).toMatchObject({ allocatedAmount: '300.00', unallocatedAmount: '0.00' });
    const paid = await Promise.all(targets.map((t) => invoice(t.id)));
    expect(paid.map((i) => i.paidAmount).sort()).toEqual(['0.00', '150.00', '150.00']);
  });
});
