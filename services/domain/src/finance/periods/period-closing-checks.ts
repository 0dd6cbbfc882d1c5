import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_TIMEZONE, localDayBounds } from '../../shared/time';
import type { DateSpan } from './periods.rules';

/**
 * What is left in a month before it is closed. None of it forbids the closing: each item is dealt
 * with at a later, open date (a draft issued, an intervention invoiced), or stays as the accountant
 * decides (a movement left unmatched is booked to a suspense account; matching it after the
 * closing needs the month reopened, its payment being dated on the movement's day). So the items
 * are warnings the user acknowledges when closing.
 */
export const CLOSING_CHECK_KINDS = ['UNBILLED_INTERVENTIONS', 'UNMATCHED_BANK_MOVEMENTS', 'DRAFT_INVOICES', 'DRAFT_CREDIT_NOTES'] as const;
export type ClosingCheckKind = (typeof CLOSING_CHECK_KINDS)[number];

/** How many examples of each kind come with the count (the oldest first), for the screen to link them. */
const CHECK_EXAMPLES = 5;

export interface ClosingCheckExample {
  id: string;
  /** The intervention's number and customer, the draft's customer, the movement's label. */
  label: string;
  date: string;
  amount: string | null;
}

export interface ClosingCheck {
  kind: ClosingCheckKind;
  count: number;
  examples: ClosingCheckExample[];
}

/**
 * The checks of a month, in one statement: closed interventions neither invoiced (a draft counts)
 * nor marked not billable, closed in the month; bank movements neither matched nor booked, booked
 * by the bank in the month; invoices and credit notes still drafts, created in the month.
 */
export async function closingChecks(em: EntityManager, period: DateSpan, timezone = DEFAULT_TIMEZONE): Promise<ClosingCheck[]> {
  const from = localDayBounds(period.startsOn, timezone).from;
  const to = localDayBounds(period.endsOn, timezone).to;
  const rows = await em.execute<{ kind: ClosingCheckKind; count: number; examples: ClosingCheckExample[] }[]>(
    `select kind, count(*)::int as count,
            coalesce(jsonb_agg(jsonb_build_object('id', id, 'label', label, 'date', date, 'amount', amount) order by date, label)
                       filter (where rank <= ${CHECK_EXAMPLES}), '[]') as examples
       from (
         select item.*, row_number() over (partition by kind order by date, label) as rank from (
           select 'UNBILLED_INTERVENTIONS' as kind, i.id, i.number || ' — ' || c.name as label,
                  (i.closed_at at time zone ?)::date as date, null::text as amount
             from interventions i join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
            where i.status = 'CLOSED' and i.closed_at >= ? and i.closed_at < ?
              and not exists (select 1 from invoice_interventions l where l.tenant_id = i.tenant_id and l.intervention_id = i.id)
              and not exists (select 1 from billing_exclusions x where x.tenant_id = i.tenant_id and x.intervention_id = i.id)
           union all
           select 'UNMATCHED_BANK_MOVEMENTS', m.id, m.label, m.booking_date, m.amount::text
             from bank_movements m
            where m.status in ('UNMATCHED', 'PROPOSED') and m.booking_date between ? and ?
           union all
           select case when i.type_code = '381' then 'DRAFT_CREDIT_NOTES' else 'DRAFT_INVOICES' end, i.id, c.name,
                  (i.created_at at time zone ?)::date, i.total_gross::text
             from invoices i join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
            where i.status = 'DRAFT' and i.created_at >= ? and i.created_at < ?
         ) item
       ) ranked
      group by kind`,
    [timezone, from, to, period.startsOn, period.endsOn, timezone, from, to],
  );
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return CLOSING_CHECK_KINDS.map((kind) => {
    const row = byKind.get(kind);
    return { kind, count: row?.count ?? 0, examples: (row?.examples ?? []).map((e) => ({ ...e, date: String(e.date) })) };
  });
}
