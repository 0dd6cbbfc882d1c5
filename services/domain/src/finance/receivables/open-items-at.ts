import type { EntityManager } from '@mikro-orm/postgresql';
import { KIND_SQL, toOpenItem, type OpenItem, type OpenItemRow } from './open-items';
import { toAmount } from '../../billing/money';
import { DEFAULT_TIMEZONE } from '../../shared/time';

/**
 * The open items as they stood at the end of a past day `d`: today's balances with what happened
 * after `d` taken back. Only what changed since is read (allocations made or released, credit
 * notes, credit moved, refunds), so the cost follows the activity since `d`, not the history.
 *
 * An allocation settles its invoice from its date (or the invoice's issue, when the money came
 * first) until it is released; a reversal releases as of its own date. Whatever was created and
 * released before `d` stands the same at `d` as today, which is why `recent` may look at rows
 * created or released since `d` only (a few hours of margin around midnight change nothing).
 */
const SQL = (by: (alias: string) => string) => `
  with tenant_zone as (select coalesce((select timezone from tenants where id = app_current_tenant()), :tz) as tz),
  -- per allocation, what today's settlement counts that the one at d did not (negative: the reverse)
  recent as (
    select a.invoice_id, a.payment_id,
           (case when a.released_at is null then a.amount else 0 end)
           - (case when a.allocated_on <= :asOf
                    and (select i.issue_date from invoices i where i.tenant_id = a.tenant_id and i.id = a.invoice_id) <= :asOf
                    and (a.released_at is null
                         or least((select p.reversed_on from payments p where p.tenant_id = a.tenant_id and p.id = a.payment_id),
                                  (a.released_at at time zone z.tz)::date) > :asOf)
                   then a.amount else 0 end) as undo
      from payment_allocations a cross join tenant_zone z
     where a.created_at >= :asOf or a.released_at >= :asOf
  ),
  invoice_delta as (
    select id, sum(amount) as amount from (
      select invoice_id as id, undo as amount from recent
      union all
      select n.credited_invoice_id, n.total_gross from invoices n
       where n.credited_invoice_id is not null and n.status = 'ISSUED' and n.issue_date > :asOf
      union all
      select x.invoice_id, x.amount from credit_allocations x where x.allocated_on > :asOf
      union all
      select x.from_invoice_id, -x.amount from credit_allocations x where x.allocated_on > :asOf
      union all
      select x.invoice_id, x.amount from invoice_write_offs x where x.written_off_on > :asOf and x.cancelled_on is null
      union all
      select x.invoice_id, -x.amount from invoice_write_offs x where x.written_off_on <= :asOf and x.cancelled_on > :asOf
    ) changes group by id
  ),
  payment_delta as (
    select id, sum(amount) as amount from (
      select payment_id as id, undo as amount from recent
      union all
      select r.payment_id, r.amount from payment_refunds r where r.refunded_on > :asOf
    ) changes group by id
  ),
  invoice_items as (
    select i.id, i.tenant_id, i.number, i.type_code, i.customer_id, i.issue_date, i.due_date, i.open_balance, coalesce(delta.amount, 0) as delta
      from invoices i left join invoice_delta delta on delta.id = i.id
     where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance <> 0 ${by('i')}
    union all
    select i.id, i.tenant_id, i.number, i.type_code, i.customer_id, i.issue_date, i.due_date, i.open_balance, delta.amount
      from invoice_delta delta join invoices i on i.id = delta.id
     where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance = 0 ${by('i')}
  )
  select i.id, ${KIND_SQL} as kind, i.number, null as reference, i.customer_id, c.name as customer_name,
         i.issue_date::text as issue_date, i.due_date::text as due_date, (i.open_balance + i.delta)::text as open_balance
    from invoice_items i
    join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
   where i.issue_date <= :asOf
  union all
  select p.id, 'UNALLOCATED_PAYMENT', null, p.reference, p.customer_id, c.name, p.received_on::text, null,
         (-((case when p.reversed_on is null then p.unallocated_amount else p.amount end) + coalesce(delta.amount, 0)))::text
    from payments p
    join customers c on c.tenant_id = p.tenant_id and c.id = p.customer_id
    left join payment_delta delta on delta.id = p.id
   where p.received_on <= :asOf and (p.reversed_on is null or p.reversed_on > :asOf)
     and (p.unallocated_amount > 0 or p.reversed_on is not null or delta.id is not null) ${by('p')}`;

/**
 * The open items (see `open-items.ts`) as they stood at the end of `asOf`, for the tenant or
 * one customer, in one statement.
 */
export async function openItemsAt(em: EntityManager, asOf: string, options: { customerId?: string | null } = {}): Promise<OpenItem[]> {
  const { customerId } = options;
  const by = (alias: string) => (customerId ? `and ${alias}.customer_id = :customer` : '');
  const params: unknown[] = [];
  const values: Record<string, unknown> = { asOf, tz: DEFAULT_TIMEZONE, customer: customerId };
  const casts: Record<string, string> = { asOf: '::date', tz: '::text', customer: '::uuid' };
  // The date is bound where it is compared, not read from a CTE, so the planner sees how selective it is.
  const sql = SQL(by).replace(/(?<!:):(asOf|tz|customer)\b/g, (_, name: string) => {
    params.push(values[name]);
    return `?${casts[name]}`;
  });
  // Its cost estimate over a whole tenant triggers JIT compilation, which takes longer than the query.
  await em.execute('set local jit = off');
  const rows = await em.execute<OpenItemRow[]>(sql, params);
  return rows.filter((row) => toAmount(row.open_balance) !== '0.00').map((row) => toOpenItem(row, asOf));
}
