import type { EntityManager } from '@mikro-orm/postgresql';
import { AGEING_LATEST_DAYS, shiftDate, type AgeingAmount, type AgeingItem } from './ageing.rules';
import { toAmount } from '../../billing/money';

/**
 * What customers still owe, item by item: issued invoices and deposit invoices with an open
 * balance (negative when a credit note left credit on a paid invoice), and payments not allocated
 * nor refunded as negative items (the customer's credit). A credit note is not an item of its own:
 * it is already deducted from the invoice it credits.
 */

export type OpenItemKind = 'INVOICE' | 'DEPOSIT_INVOICE' | 'UNALLOCATED_PAYMENT';

export interface OpenItem extends AgeingItem {
  kind: OpenItemKind;
  /** Issue date of an invoice, receipt date of a payment. */
  issueDate: string;
  /** A payment's bank reference or cheque number (`invoiceNumber` is empty for a payment). */
  reference: string | null;
}

export interface OpenItemRow {
  id: string;
  kind: OpenItemKind;
  number: string | null;
  reference: string | null;
  customer_id: string;
  customer_name: string;
  issue_date: string;
  due_date: string | null;
  open_balance: string;
}

export const KIND_SQL = `case i.type_code when '386' then 'DEPOSIT_INVOICE' else 'INVOICE' end`;

/** An unallocated payment is never late: it is aged as falling due on `asOf`, so it reduces the customer's "non échu". */
export function toOpenItem(row: OpenItemRow, asOf: string): OpenItem {
  return {
    invoiceId: row.id,
    invoiceNumber: row.number ?? '',
    kind: row.kind,
    customerId: row.customer_id,
    customerName: row.customer_name,
    issueDate: row.issue_date,
    dueDate: row.due_date ?? asOf,
    openBalance: toAmount(row.open_balance),
    reference: row.reference,
  };
}

/**
 * Today's open invoices falling due by `dueBy` (what there is to collect), in one statement that
 * reads the open-items index (see the receivables migration).
 */
export async function openInvoicesDueBy(em: EntityManager, dueBy: string, customerId?: string | null): Promise<OpenItem[]> {
  const rows = await em.execute<OpenItemRow[]>(
    `select i.id, ${KIND_SQL} as kind, i.number, null as reference, i.customer_id, c.name as customer_name,
            i.issue_date::text as issue_date, i.due_date::text as due_date, i.open_balance::text as open_balance
       from invoices i join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
      where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance <> 0 and i.due_date <= ?::date
            ${customerId ? 'and i.customer_id = ?::uuid' : ''}`,
    customerId ? [dueBy, customerId] : [dueBy],
  );
  return rows.map((row) => toOpenItem(row, dueBy));
}

/**
 * Open amounts of a customer equally late at `asOf`, summed; `dueDate` is the due date that is that
 * late (the last bucket's amounts come together, at its first day). Payments' credit is due on `asOf`.
 */
export interface OpenAmount extends AgeingAmount {
  kind: 'INVOICES' | 'UNALLOCATED_PAYMENTS';
}

/**
 * Today's open balances summed per customer and days past due at `asOf` (capped where the last
 * bucket starts): what the ageing needs, in at most ~92 rows per customer however many invoices
 * they have, read from the open-items index.
 */
export async function currentOpenAmounts(em: EntityManager, asOf: string, customerId?: string | null): Promise<OpenAmount[]> {
  const byCustomer = (alias: string) => (customerId ? `and ${alias}.customer_id = ?::uuid` : '');
  const rows = await em.execute<{ customer_id: string; customer_name: string; days: number; kind: OpenAmount['kind']; amount: string }[]>(
    `select o.customer_id, c.name as customer_name, o.days, o.kind, o.amount::text as amount
       from (select i.customer_id, least(greatest(?::date - i.due_date, 0), ?::int) as days, 'INVOICES' as kind, sum(i.open_balance) as amount
               from invoices i
              where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance <> 0 ${byCustomer('i')}
              group by 1, 2
             union all
             select p.customer_id, 0, 'UNALLOCATED_PAYMENTS', -sum(p.unallocated_amount)
               from payments p
              where p.unallocated_amount > 0 ${byCustomer('p')}
              group by 1) o
       join customers c on c.id = o.customer_id`,
    customerId ? [asOf, AGEING_LATEST_DAYS, customerId, customerId] : [asOf, AGEING_LATEST_DAYS],
  );
  const dueDates = new Map<number, string>();
  const dueDate = (days: number) => {
    let date = dueDates.get(days);
    if (date === undefined) dueDates.set(days, (date = shiftDate(asOf, -days)));
    return date;
  };
  return rows.map((r) => ({
    customerId: r.customer_id,
    customerName: r.customer_name,
    dueDate: dueDate(Number(r.days)),
    kind: r.kind,
    openBalance: toAmount(r.amount),
  }));
}

/**
 * Today's open balances of all customers together, summed per days past due at `asOf` (capped as in
 * `currentOpenAmounts`): what the ageing's totals need, in at most ~92 rows, from the open-items index.
 */
export async function currentOpenTotals(em: EntityManager, asOf: string): Promise<Pick<AgeingAmount, 'dueDate' | 'openBalance'>[]> {
  const rows = await em.execute<{ days: number; amount: string }[]>(
    `select o.days, sum(o.amount)::text as amount
       from (select least(greatest(?::date - i.due_date, 0), ?::int) as days, i.open_balance as amount
               from invoices i
              where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance <> 0
             union all
             select 0, -p.unallocated_amount from payments p where p.unallocated_amount > 0) o
      group by o.days`,
    [asOf, AGEING_LATEST_DAYS],
  );
  return rows.map((r) => ({ dueDate: shiftDate(asOf, -Number(r.days)), openBalance: toAmount(r.amount) }));
}
