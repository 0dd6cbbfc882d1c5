import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BEHAVIOUR_INVOICES,
  BEHAVIOUR_WINDOW_DAYS,
  InvoiceLine,
  PaymentAllocation,
  addLocalDays,
  allocateCreditNote,
  cashForecastWeek,
  createCreditNote,
  createDraftInvoice,
  expectedDaysLate,
  forecastWeeks,
  inTenantScope,
  issueInvoice,
  localDate,
  recordPayment,
  releaseAllocation,
  reversePayment,
  type Invoice,
  type Orm,
} from '@relais/domain';
import { appClient, appOrm, inTenantTransaction } from '../../../tests/support/database';
import { createTestTenant, type TestTenant } from '../../../tests/support/tenants';
import { createMaintenanceWorld, type MaintenanceWorld } from '../../../tests/support/maintenance-world';

/**
 * The latest payment date each invoice keeps (`last_payment_on`, maintained by the settlement
 * functions in the transaction that allocates, releases or reverses a payment) against the one
 * recomputed from the allocations and payments, and the cash forecast's payment behaviour (how late
 * the customer usually pays) against the behaviour recomputed the old way, by joining every
 * allocation and payment: after payments, an undone allocation, a reversal, credit notes and a
 * credit moved between invoices.
 *
 * One customer paying at 30 days net, 120.00 TTC per unit, days relative to today (T):
 *   A 1 unit issued T-150, paid 10 days late;  B 2 units issued T-130, half paid 5 days late, half 20 days late;
 *   C 1 unit issued T-110, paid 30 days late;  D 1 unit issued T-20, open: the forecast expects it at due date + behaviour.
 */
const TODAY = localDate(new Date());
const day = (offset: number) => addLocalDays(TODAY, offset);

describe('payment behaviour kept on the invoices', () => {
  let orm: Orm;
  let client: pg.Client;
  let tenant: TestTenant;
  let w: MaintenanceWorld;
  const inScope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, tenant.identity, { requestId: 't' }, work);
  const sql = <T>(text: string, params: unknown[] = []) =>
    inTenantTransaction(client, tenant.tenantId, async () => (await client.query(text, params)).rows as T[]);

  async function issued(units: string, on: string): Promise<Invoice> {
    const draft = await inScope((em) =>
      createDraftInvoice(em, tenant.identity, {
        customerId: w.customerId,
        lines: [{ kind: 'OTHER', description: 'Travaux', quantity: units, unit: 'C62', unitPrice: '100.00', vatRateCode: 'TVA20' }],
      }),
    );
    return inScope((em) => issueInvoice(em, draft.id, draft.version, { at: new Date(`${on}T12:00:00Z`) }));
  }

  const pay = (invoice: Invoice, amount: string, daysLate: number) =>
    inScope((em) =>
      recordPayment(em, tenant.identity, {
        customerId: w.customerId,
        amount,
        receivedOn: addLocalDays(invoice.dueDate!, daysLate),
        method: 'TRANSFER',
        allocations: [{ invoiceId: invoice.id, amount }],
      }),
    );

  async function creditNote(invoice: Invoice, units: string): Promise<Invoice> {
    const [line] = await inScope((em) => em.find(InvoiceLine, { invoiceId: invoice.id }));
    const note = await inScope((em) =>
      createCreditNote(em, tenant.identity, invoice.id, {
        lines: [{ invoiceLineId: line!.id, quantity: units }],
        reason: 'Geste commercial',
      }),
    );
    return inScope((em) => issueInvoice(em, note.id, note.version));
  }

  /** Every issued invoice's kept date beside the latest receipt of its payments still allocated. */
  const keptAndRecomputed = () =>
    sql<{ number: string; kept: string | null; recomputed: string | null }>(
      `select i.number, i.last_payment_on::text as kept,
              (select max(p.received_on)::text
                 from payment_allocations a join payments p on p.tenant_id = a.tenant_id and p.id = a.payment_id
                where a.tenant_id = i.tenant_id and a.invoice_id = i.id and a.released_at is null) as recomputed
         from invoices i where i.status = 'ISSUED' and i.type_code <> '381' order by i.number`,
    );

  /** The customer's days late recomputed as the forecast did before keeping the date: from every allocation and payment. */
  async function recomputedDaysLate(): Promise<number[]> {
    const rows = await sql<{ late: number }>(
      `with t as (
         select * from (select i.tenant_id, i.id, i.issue_date, i.due_date,
                               row_number() over (order by i.issue_date desc, i.id desc) as n
                          from invoices i
                         where i.status = 'ISSUED' and i.type_code <> '381' and i.settlement_state = 'PAID'
                           and i.customer_id = $1 and i.due_date between $2::date and $3::date) r
          where r.n <= $4)
       select max(greatest(p.received_on, t.issue_date)) - t.due_date as late
         from t
         join payment_allocations a on a.tenant_id = t.tenant_id and a.invoice_id = t.id and a.released_at is null
         join payments p on p.tenant_id = a.tenant_id and p.id = a.payment_id
        group by t.id, t.issue_date, t.due_date
        order by t.issue_date desc, t.id desc`,
      [w.customerId, day(-BEHAVIOUR_WINDOW_DAYS), TODAY, BEHAVIOUR_INVOICES],
    );
    return rows.map((r) => r.late);
  }

  /** How many days late the forecast expects the open invoice D, read from the week it falls in. */
  async function forecastDaysLate(d: Invoice): Promise<number | null | undefined> {
    for (const week of forecastWeeks(TODAY)) {
      const entry = (await inScope((em) => cashForecastWeek(em, TODAY, week.start))).find((e) => e.invoiceId === d.id);
      if (entry) return entry.daysLate;
    }
    return undefined;
  }

  async function expectConsistent(d: Invoice, daysLate: number, paidLate: number[]): Promise<void> {
    for (const row of await keptAndRecomputed()) expect(row.kept, row.number).toBe(row.recomputed);
    const recomputed = await recomputedDaysLate();
    expect(recomputed).toEqual(paidLate);
    expect(await forecastDaysLate(d)).toBe(expectedDaysLate(recomputed));
    expect(expectedDaysLate(recomputed)).toBe(daysLate);
  }

  beforeAll(async () => {
    orm = await appOrm();
    client = await appClient();
    tenant = await createTestTenant('behaviour');
    w = await createMaintenanceWorld(orm, tenant);
  });

  afterAll(async () => {
    await client.end();
    await orm.close(true);
  });

  it('stays equal to the figure recomputed from allocations through payments, an undone allocation, a reversal and credit notes', async () => {
    const a = await issued('1', day(-150));
    const b = await issued('2', day(-130));
    const c = await issued('1', day(-110));
    const d = await issued('1', day(-20));
    expect(d.dueDate).toBe(day(10));

    await pay(a, '120.00', 10);
    await pay(b, '120.00', 5);
    const second = await pay(b, '120.00', 20);
    const late = await pay(c, '120.00', 30);
    // B is paid when its second half arrives (20 days late): C 30, B 20, A 10 → median 20.
    await expectConsistent(d, 20, [30, 20, 10]);

    // The second half of B allocated by mistake: B is partly paid again, its latest payment the first one.
    const [allocation] = await inScope((em) => em.find(PaymentAllocation, { paymentId: second.id }));
    await inScope((em) => releaseAllocation(em, tenant.identity, allocation!.id, 'Mauvaise facture'));
    expect((await keptAndRecomputed()).find((r) => r.number === b.number)!.kept).toBe(addLocalDays(b.dueDate!, 5));
    await expectConsistent(d, 10, [30, 10]);

    // C's cheque bounces: C has no payment left, A alone is fewer than two invoices: the due date.
    await inScope((em) => reversePayment(em, tenant.identity, late.id, { reversedOn: TODAY, reason: 'Chèque impayé' }));
    expect((await keptAndRecomputed()).find((r) => r.number === c.number)!.kept).toBeNull();
    await expectConsistent(d, 0, [10]);

    // A credit note for B's unpaid half settles B, paid 5 days late by its first half.
    await creditNote(b, '1');
    await expectConsistent(d, 5, [5, 10]);

    // A credit note for the whole of A: A is credited, not paid, and tells nothing any more.
    const noteA = await creditNote(a, '1');
    await expectConsistent(d, 0, [5]);

    // Part of A's credit moved to D: A is paid again (by its payment), D still open for 70.00.
    await inScope((em) => allocateCreditNote(em, tenant.identity, noteA.id, { allocations: [{ invoiceId: d.id, amount: '50.00' }] }));
    await expectConsistent(d, 5, [5, 10]);
    const [open] = await sql<{ open_balance: string; last_payment_on: string | null }>(
      'select open_balance::text, last_payment_on::text from invoices where id = $1',
      [d.id],
    );
    expect(open).toEqual({ open_balance: '70.00', last_payment_on: null });
  });
});
