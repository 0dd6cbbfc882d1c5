import type { EntityManager } from '@mikro-orm/postgresql';
import { bucketForDaysPastDue, daysPastDue, type AgeingBucket } from './ageing.rules';
import { openItemsAt } from './open-items-at';
import type { OpenItem } from './open-items';
import {
  movementLabel,
  statementBalances,
  validatePeriod,
  type StatementBalances,
  type StatementMovement,
  type StatementMovementKind,
} from './statement.rules';
import { sumAmounts, toAmount } from '../../billing/money';
import { Customer } from '../../maintenance/customer.entity';
import { Errors } from '../../shared/errors';
import { isUuid } from '../../shared/ids';
import { localDate } from '../../shared/time';
import type { PaymentMethod } from '../payments/payment.entity';
import type { WriteOffKind } from '../write-offs/write-off.entity';

export interface StatementOpenItem extends OpenItem {
  /** Days past due at the end of the period; 0 when not yet due (and for a payment's credit). */
  daysLate: number;
  /** Its column in the balance âgée at the end of the period (a payment's credit is "non échu"). */
  bucket: AgeingBucket;
}

export interface CustomerStatement extends StatementBalances {
  customer: { id: string; code: string; name: string; address: string[]; email: string | null };
  /** What was open at the end of `to`; they add up to the closing balance. */
  openItems: StatementOpenItem[];
  openItemsTotal: string;
  /** When it was drawn up (tenant-local date). */
  generatedOn: string;
}

interface MovementRow {
  kind: StatementMovementKind;
  date: string;
  source_id: string;
  number: string | null;
  reference: string | null;
  amount: string;
  method: PaymentMethod | null;
  related: string | null;
  reason: string | null;
  write_off_kind: WriteOffKind | null;
}

/**
 * Every movement of the customer's account up to `to`, in one statement: invoices and deposit
 * invoices at their amount due (deposits already deducted), their retention, credit notes,
 * payments at receipt, reversals at their date, refunds, write-offs at their date (a cancelled one
 * too) and their cancellations at the cancellation's date.
 */
function accountMovements(em: EntityManager, customerId: string, to: string): Promise<MovementRow[]> {
  return em.execute<MovementRow[]>(
    `with prm as (select ?::uuid as customer, ?::date as d)
     select case i.type_code when '386' then 'DEPOSIT_INVOICE' else 'INVOICE' end as kind, i.issue_date::text as date, i.id as source_id,
            i.number, i.number as reference, i.amount_due::text as amount, null as method, null as related, null as reason,
            null as write_off_kind
       from invoices i cross join prm
      where i.customer_id = prm.customer and i.status = 'ISSUED' and i.type_code <> '381' and i.issue_date <= prm.d
     union all
     select 'RETENTION', i.issue_date::text, i.id, i.number, i.number, (-i.retention_amount)::text, null, null, null, null
       from invoices i cross join prm
      where i.customer_id = prm.customer and i.status = 'ISSUED' and i.type_code <> '381' and i.issue_date <= prm.d
        and i.retention_amount > 0
     union all
     select 'CREDIT_NOTE', n.issue_date::text, n.id, n.number, n.number, (-n.total_gross)::text, null, o.number, null, null
       from invoices n
       join invoices o on o.tenant_id = n.tenant_id and o.id = n.credited_invoice_id
       cross join prm
      where n.customer_id = prm.customer and n.status = 'ISSUED' and n.type_code = '381' and n.issue_date <= prm.d
     union all
     select 'PAYMENT', p.received_on::text, p.id, null, p.reference, (-p.amount)::text, p.method, null, null, null
       from payments p cross join prm
      where p.customer_id = prm.customer and p.received_on <= prm.d
     union all
     select 'PAYMENT_REVERSED', p.reversed_on::text, p.id, null, p.reference, p.amount::text, p.method, p.received_on::text, p.reversal_reason, null
       from payments p cross join prm
      where p.customer_id = prm.customer and p.reversed_on <= prm.d
     union all
     select 'REFUND', r.refunded_on::text, p.id, null, r.reference, r.amount::text, r.method, null, null, null
       from payment_refunds r
       join payments p on p.tenant_id = r.tenant_id and p.id = r.payment_id
       cross join prm
      where p.customer_id = prm.customer and r.refunded_on <= prm.d
     union all
     select 'WRITE_OFF', x.written_off_on::text, x.invoice_id, i.number, i.number, (-x.amount)::text, null, null, null, x.kind
       from invoice_write_offs x
       join invoices i on i.tenant_id = x.tenant_id and i.id = x.invoice_id
       cross join prm
      where x.customer_id = prm.customer and x.written_off_on <= prm.d
     union all
     select 'WRITE_OFF_CANCELLED', x.cancelled_on::text, x.invoice_id, i.number, i.number, x.amount::text, null, null, null, x.kind
       from invoice_write_offs x
       join invoices i on i.tenant_id = x.tenant_id and i.id = x.invoice_id
       cross join prm
      where x.customer_id = prm.customer and x.cancelled_on <= prm.d`,
    [customerId, to],
  );
}

const toMovement = (row: MovementRow): StatementMovement => ({
  date: row.date,
  kind: row.kind,
  sourceId: row.source_id,
  reference: row.reference,
  label: movementLabel({
    kind: row.kind,
    number: row.number,
    method: row.method,
    reference: row.reference,
    related: row.related,
    reason: row.reason,
    writeOffKind: row.write_off_kind,
  }),
  amount: toAmount(row.amount),
});

/**
 * The customer's statement for [from, to]: opening balance, movements with the running balance,
 * closing balance, and the items open at `to` (oldest due first) with how late each is then.
 */
export async function customerStatement(
  em: EntityManager,
  customerId: string,
  period: { from: string; to: string },
  today = localDate(new Date()),
): Promise<CustomerStatement> {
  validatePeriod(period);
  const customer = isUuid(customerId) ? await em.findOne(Customer, { id: customerId }) : null;
  if (!customer) throw Errors.notFound('Customer', customerId);
  const [movements, open] = await Promise.all([
    accountMovements(em, customer.id, period.to),
    openItemsAt(em, period.to, { customerId: customer.id }),
  ]);
  const balances = statementBalances(movements.map(toMovement), period);
  const openItems = open
    .map((item) => {
      const daysLate = item.kind === 'UNALLOCATED_PAYMENT' ? 0 : Math.max(0, daysPastDue(item.dueDate, period.to));
      return { ...item, daysLate, bucket: bucketForDaysPastDue(daysLate) };
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.invoiceNumber.localeCompare(b.invoiceNumber));
  return {
    ...balances,
    customer: {
      id: customer.id,
      code: customer.code,
      name: customer.name,
      address: [customer.billingAddressLine1, customer.billingAddressLine2, `${customer.billingPostalCode} ${customer.billingCity}`].filter(
        (line): line is string => Boolean(line?.trim()),
      ),
      email: customer.email ?? null,
    },
    openItems,
    openItemsTotal: toAmount(sumAmounts(openItems.map((i) => i.openBalance))),
    generatedOn: today,
  };
}
