import type { EntityManager } from '@mikro-orm/postgresql';
import { costOf, marginOf, type Cost } from './dashboard.rules';
import { profitabilitySettings } from './profitability-settings.service';
import { daysPastDue } from '../receivables/ageing.rules';
import { sumAmounts, toAmount } from '../../billing/money';
import { Validator } from '../../shared/errors';
import { decodeCursor, encodeCursor, pageSize, type PageArgs } from '../../shared/pagination';
import { isLocalDate } from '../../shared/time';

/**
 * Profitability over a period, by contract, customer, site or technician: revenue billed against
 * the cost of the work done.
 *
 * Revenue: the invoice lines of the invoices issued in the period, less the lines of the credit
 * notes issued in it (deposit invoices, and credit notes on them, are advances, not revenue), each
 * line its share of its document's net total (so document-level discounts and charges are spread
 * over the lines). A line billing an intervention belongs to the intervention's contract, site and
 * technicians (split by their hours on it, or in equal shares among those assigned when no hours
 * were recorded); a contract fee line to the contract and its sites in equal shares; any other line
 * to its customer only (and the contract its invoice bills, if any). Technicians get only what
 * their interventions billed.
 *
 * Cost: the interventions completed in the period (tenant-local date): labour hours × each
 * technician's cost rate, parts × the catalog purchase cost, trips × the tenant's cost of a trip.
 * A missing cost rate, purchase cost or cost of a trip is never counted as 0 silently: what is
 * known is added up and the intervention is counted in `costUnknownCount`.
 */

export const PROFITABILITY_GROUPS = ['CONTRACT', 'CUSTOMER', 'SITE', 'TECHNICIAN'] as const;
export type ProfitabilityGroup = (typeof PROFITABILITY_GROUPS)[number];
export const PROFITABILITY_ORDERS = ['REVENUE', 'COST', 'MARGIN', 'MARGIN_RATE', 'LABEL'] as const;
export type ProfitabilityOrder = (typeof PROFITABILITY_ORDERS)[number];

/** The longest period one report covers: a year, leap day included. */
export const PROFITABILITY_MAX_DAYS = 366;

export interface ProfitabilityRow {
  /** The contract, customer, site or technician; null for what belongs to none (revenue without contract, without site). */
  key: string | null;
  label: string;
  /** The customer of a contract or a site (or the customer itself). */
  customerId: string | null;
  customerName: string | null;
  revenue: string;
  cost: Cost;
  margin: string;
  /** Percent of revenue, one decimal; null without revenue. */
  marginRate: string | null;
  /** Labour hours recorded on the interventions. */
  hours: string;
  interventionCount: number;
  invoiceCount: number;
  /** Interventions whose cost is incomplete (a technician without cost rate, a part without purchase cost, trips without a cost of a trip). */
  costUnknownCount: number;
}

export interface ProfitabilityTotals {
  revenue: string;
  cost: Cost;
  margin: string;
  marginRate: string | null;
  hours: string;
  interventionCount: number;
  invoiceCount: number;
  costUnknownCount: number;
}

export interface ProfitabilityReport {
  groupBy: ProfitabilityGroup;
  from: string;
  to: string;
  /** The cost of a trip the report used; null when the tenant has not set it. */
  travelCostPerTrip: string | null;
  rows: ProfitabilityRow[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
  /** Over every row, not only this page. */
  totals: ProfitabilityTotals;
}

export interface ProfitabilityQuery extends PageArgs {
  groupBy: ProfitabilityGroup;
  from: string;
  to: string;
  orderBy?: ProfitabilityOrder | null;
  descending?: boolean | null;
}

function validate(q: ProfitabilityQuery): void {
  const dates = isLocalDate(q.from) && isLocalDate(q.to);
  new Validator()
    .check(PROFITABILITY_GROUPS.includes(q.groupBy), 'groupBy', 'CONTRACT, CUSTOMER, SITE ou TECHNICIAN')
    .check(isLocalDate(q.from), 'from', 'date AAAA-MM-JJ attendue')
    .check(isLocalDate(q.to), 'to', 'date AAAA-MM-JJ attendue')
    .check(!dates || q.from <= q.to, 'to', 'la fin de la période suit son début')
    .check(!dates || q.from > q.to || daysPastDue(q.from, q.to) < PROFITABILITY_MAX_DAYS, 'to', 'une période d’un an au plus (366 jours)')
    .check(!q.orderBy || PROFITABILITY_ORDERS.includes(q.orderBy), 'orderBy', 'tri inconnu')
    .throwIfInvalid();
}

/** Revenue lines of the period, each its share of its document's net total (signed: credit notes negative). */
const REVENUE_LINES = `
  docs as (
    select i.tenant_id, i.id, i.customer_id, i.contract_id, 1 as sign, i.total_net
      from invoices i
     where i.status = 'ISSUED' and i.type_code = '380' and i.issue_date between :from and :to
    union all
    select i.tenant_id, i.id, i.customer_id, coalesce(i.contract_id, o.contract_id), -1, i.total_net
      from invoices i
      join invoices o on o.tenant_id = i.tenant_id and o.id = i.credited_invoice_id and o.type_code = '380'
     where i.status = 'ISSUED' and i.type_code = '381' and i.issue_date between :from and :to),
  rev as (
    select l.id as line_id, d.id as invoice_id, d.customer_id, d.contract_id, l.intervention_id,
           d.sign * case when sum(l.line_net) over w = 0 then d.total_net / count(*) over w
                         else l.line_net * d.total_net / sum(l.line_net) over w end as amount
      from docs d join invoice_lines l on l.tenant_id = d.tenant_id and l.invoice_id = d.id
    window w as (partition by d.id))`;

/**
 * Interventions completed in the period (tenant-local dates) and what their cost is made of. Labour
 * is summed by intervention and technician only when technicians are the grouping; otherwise by
 * intervention at once (the same exact sums, one aggregation less).
 */
const costedInterventions = (byTechnician: boolean) => {
  const labourKey = byTechnician ? 'l.technician_id,' : '';
  const labourGroup = byTechnician ? '1, 2' : '1';
  const perIntervention = byTechnician
    ? `(select intervention_id, sum(cost) as cost, sum(hours) as hours, bool_or(unknown) as unknown from labour group by 1)`
    : 'labour';
  return `
  tz as (select timezone from tenants where id = app_current_tenant()),
  done as (
    select i.id, i.customer_id, i.site_id, i.contract_id, i.travel_count
      from interventions i
     where i.status in ('COMPLETED', 'CLOSED', 'INVOICED')
       and i.completed_at >= (:from::date)::timestamp at time zone (select timezone from tz)
       and i.completed_at < (:to::date + 1)::timestamp at time zone (select timezone from tz)),
  labour as (
    select l.intervention_id, ${labourKey} sum(l.hours) as hours, sum(l.hours * t.cost_rate) as cost,
           bool_or(t.cost_rate is null) as unknown
      from intervention_labour l join technicians t on t.tenant_id = l.tenant_id and t.id = l.technician_id
     where l.intervention_id in (select id from done)
     group by ${labourGroup}),
  parts as (
    select p.intervention_id, sum(p.quantity * c.purchase_cost) as cost, bool_or(c.purchase_cost is null) as unknown
      from intervention_parts p join catalog_items c on c.tenant_id = p.tenant_id and c.id = p.catalog_item_id
     where p.intervention_id in (select id from done)
     group by 1),
  costs as (
    select v.id, v.customer_id, v.site_id, v.contract_id, v.travel_count,
           coalesce(lb.cost, 0) as labour_cost, coalesce(lb.hours, 0) as hours, coalesce(pt.cost, 0) as parts_cost,
           coalesce(pt.unknown, false) or (v.travel_count > 0 and :travel::numeric is null) as other_unknown,
           coalesce(lb.unknown, false) as labour_unknown
      from done v
      left join ${perIntervention} lb on lb.intervention_id = v.id
      left join parts pt on pt.intervention_id = v.id)`;
};

/** Each technician's share of an intervention: their hours over all hours, else equal among those assigned. */
const TECHNICIAN_SHARES = `
  tech_hours as (
    select l.intervention_id, l.technician_id, sum(l.hours) as hours from intervention_labour l group by 1, 2),
  shares as (
    select h.intervention_id, h.technician_id, h.hours / sum(h.hours) over (partition by h.intervention_id) as share from tech_hours h
    union all
    select a.intervention_id, a.technician_id, 1.0 / count(*) over (partition by a.intervention_id)
      from intervention_technicians a
     where not exists (select 1 from tech_hours h where h.intervention_id = a.intervention_id))`;

/** For each grouping: the revenue and the cost each key gets (weights for what is shared). */
const GROUPINGS: Record<ProfitabilityGroup, { with?: string; revenue: string; cost: string; label: string }> = {
  CUSTOMER: {
    // A document's lines all belong to its customer: its net total at once (the sum of its lines' shares), lines unread.
    revenue: `select d.customer_id as key, d.sign * d.total_net as amount, d.id as invoice_id from docs d
               where exists (select 1 from invoice_lines l where l.tenant_id = d.tenant_id and l.invoice_id = d.id)`,
    cost: `select v.customer_id as key, v.labour_cost, v.parts_cost, v.travel_count as trips, v.hours, v.id,
                  v.labour_unknown or v.other_unknown as unknown from costs v`,
    label: `select g.*, c.name as label, null::text as customer_name, g.key as customer_id
              from grouped g left join customers c on c.id = g.key`,
  },
  CONTRACT: {
    revenue: `select case when r.intervention_id is not null then v.contract_id else r.contract_id end as key, r.amount, r.invoice_id
                from rev r left join interventions v on v.id = r.intervention_id`,
    cost: `select v.contract_id as key, v.labour_cost, v.parts_cost, v.travel_count as trips, v.hours, v.id,
                  v.labour_unknown or v.other_unknown as unknown from costs v`,
    label: `select g.*, k.reference || ' — ' || k.title as label, c.name as customer_name, c.id as customer_id
              from grouped g left join contracts k on k.id = g.key left join customers c on c.id = k.customer_id`,
  },
  SITE: {
    revenue: `select v.site_id as key, r.amount, r.invoice_id from rev r join interventions v on v.id = r.intervention_id
              union all
              select cs.site_id, r.amount / count(*) over (partition by r.line_id), r.invoice_id
                from rev r join contract_sites cs on cs.contract_id = r.contract_id where r.intervention_id is null
              union all
              select null, r.amount, r.invoice_id from rev r
               where r.intervention_id is null and not exists (select 1 from contract_sites cs where cs.contract_id = r.contract_id)`,
    cost: `select v.site_id as key, v.labour_cost, v.parts_cost, v.travel_count as trips, v.hours, v.id,
                  v.labour_unknown or v.other_unknown as unknown from costs v`,
    label: `select g.*, s.name || ' (' || s.city || ')' as label, c.name as customer_name, c.id as customer_id
              from grouped g left join sites s on s.id = g.key left join customers c on c.id = s.customer_id`,
  },
  TECHNICIAN: {
    with: TECHNICIAN_SHARES,
    revenue: `select s.technician_id as key, r.amount * s.share as amount, r.invoice_id
                from rev r join shares s on s.intervention_id = r.intervention_id`,
    cost: `select s.technician_id as key, coalesce(lb.cost, 0) as labour_cost, v.parts_cost * s.share as parts_cost,
                  v.travel_count * s.share as trips, coalesce(lb.hours, 0) as hours, v.id,
                  coalesce(lb.unknown, false) or v.other_unknown as unknown
             from costs v join shares s on s.intervention_id = v.id
             left join labour lb on lb.intervention_id = v.id and lb.technician_id = s.technician_id`,
    label: `select g.*, t.full_name as label, null::text as customer_name, null::uuid as customer_id
              from grouped g left join technicians t on t.id = g.key`,
  },
};

interface GroupRow {
  key: string | null;
  label: string | null;
  customer_name: string | null;
  customer_id: string | null;
  revenue: string;
  labour: string;
  parts: string;
  trips: string;
  hours: string;
  interventions: number;
  invoices: number;
  unknown: number;
}

/** The statement is written with named parameters (:from, :to, :travel), each used several times. */
const NAMED_PARAMETER = /:(from|to|travel)\b/g;

function reportSql(groupBy: ProfitabilityGroup): string {
  const g = GROUPINGS[groupBy];
  return `
    with ${REVENUE_LINES},
    ${costedInterventions(groupBy === 'TECHNICIAN')},
    ${g.with ? `${g.with},` : ''}
    revenue_by_key as (
      select r.key, sum(r.amount) as revenue, count(*) as invoices
        from (select f.key, f.invoice_id, sum(f.amount) as amount from (${g.revenue}) f group by f.key, f.invoice_id) r
       group by r.key),
    cost_by_key as (
      select f.key, sum(f.labour_cost) as labour, sum(f.parts_cost) as parts, sum(f.trips) as trips, sum(f.hours) as hours,
             count(*) as interventions, count(*) filter (where f.unknown) as unknown
        from (${g.cost}) f
       group by f.key),
    grouped as (
      select key, round(sum(revenue), 2)::text as revenue, round(sum(labour), 6)::text as labour,
             round(sum(parts), 6)::text as parts, round(sum(trips), 6)::text as trips, sum(hours)::text as hours,
             sum(interventions)::int as interventions, sum(invoices)::int as invoices, sum(unknown)::int as unknown
        from (select key, revenue, 0 as labour, 0 as parts, 0 as trips, 0 as hours, 0 as interventions, invoices, 0 as unknown
                from revenue_by_key
              union all
              select key, 0, labour, parts, trips, hours, interventions, 0, unknown from cost_by_key) x
       group by key)
    ${g.label}`;
}

const NO_KEY_LABEL: Record<ProfitabilityGroup, string> = {
  CONTRACT: 'Hors contrat',
  CUSTOMER: 'Client inconnu',
  SITE: 'Sans site',
  TECHNICIAN: 'Sans technicien',
};

function toRow(groupBy: ProfitabilityGroup, r: GroupRow, travelCostPerTrip: string | null): ProfitabilityRow {
  const cost = costOf({ labour: r.labour, parts: r.parts, trips: r.trips }, travelCostPerTrip);
  const revenue = toAmount(r.revenue);
  const { margin, rate } = marginOf(revenue, cost.total);
  return {
    key: r.key,
    label: r.key ? (r.label ?? '') : NO_KEY_LABEL[groupBy],
    customerId: r.customer_id,
    customerName: r.customer_name,
    revenue,
    cost,
    margin,
    marginRate: rate,
    hours: toAmount(r.hours),
    interventionCount: r.interventions,
    invoiceCount: r.invoices,
    costUnknownCount: r.unknown,
  };
}

const collator = new Intl.Collator('fr');

/**
 * The value a row is sorted on. Amounts are compared as numbers: decimal strings of at most 15
 * significant digits (two decimals, below 10^13 €) parse to doubles in the same order, and parsing
 * each once (not a Decimal per comparison) keeps sorting thousands of rows cheap.
 */
function sortValue(order: ProfitabilityOrder): (row: ProfitabilityRow) => number | null {
  switch (order) {
    case 'LABEL':
      return () => 0;
    case 'COST':
      return (r) => Number(r.cost.total);
    case 'MARGIN':
      return (r) => Number(r.margin);
    case 'MARGIN_RATE':
      return (r) => (r.marginRate === null ? null : Number(r.marginRate));
    case 'REVENUE':
      return (r) => Number(r.revenue);
  }
}

function sortRows(rows: ProfitabilityRow[], order: ProfitabilityOrder, descending: boolean): ProfitabilityRow[] {
  const valueOf = sortValue(order);
  const direction = descending ? -1 : 1;
  const keyed = rows.map((row) => ({ row, value: valueOf(row) }));
  keyed.sort((a, b) => {
    // Rows without a rate come after every rate, whichever the direction.
    if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
    const byValue = a.value === null || b.value === null ? 0 : (a.value - b.value) * direction;
    const byLabel = collator.compare(a.row.label, b.row.label);
    return byValue || (order === 'LABEL' ? byLabel * direction : byLabel) || (a.row.key ?? '').localeCompare(b.row.key ?? '');
  });
  return keyed.map((k) => k.row);
}

function totalsOf(rows: readonly ProfitabilityRow[], travelCostPerTrip: string | null): ProfitabilityTotals {
  const sum = (pick: (r: ProfitabilityRow) => string) => toAmount(sumAmounts(rows.map(pick)));
  const revenue = sum((r) => r.revenue);
  const travelUnknown = rows.some((r) => r.cost.travel === null);
  const cost: Cost = {
    labour: sum((r) => r.cost.labour),
    parts: sum((r) => r.cost.parts),
    travel: travelUnknown && travelCostPerTrip === null ? null : sum((r) => r.cost.travel ?? '0'),
    total: sum((r) => r.cost.total),
  };
  const { margin, rate } = marginOf(revenue, cost.total);
  return {
    revenue,
    cost,
    margin,
    marginRate: rate,
    hours: sum((r) => r.hours),
    interventionCount: rows.reduce((n, r) => n + r.interventionCount, 0),
    invoiceCount: rows.reduce((n, r) => n + r.invoiceCount, 0),
    costUnknownCount: rows.reduce((n, r) => n + r.costUnknownCount, 0),
  };
}

/**
 * The report for [from, to] (at most a year), one row per contract, customer, site or technician
 * with revenue or cost, sorted (by revenue, largest first, by default) and paginated; the totals
 * add up every row. Two SQL statements (the settings, the aggregate). VALIDATION_FAILED on the
 * grouping, the dates (from after to, more than 366 days), the order or the page.
 */
export async function profitability(em: EntityManager, tenantId: string, q: ProfitabilityQuery): Promise<ProfitabilityReport> {
  validate(q);
  const first = pageSize(q.first);
  const offset = q.after ? Number(decodeCursor(q.after, ['integer'])[0]) : 0;
  const { travelCostPerTrip } = await profitabilitySettings(em, tenantId);
  const values = { from: q.from, to: q.to, travel: travelCostPerTrip };
  const sql = reportSql(q.groupBy);
  const rows = await em.execute<GroupRow[]>(
    sql.replace(NAMED_PARAMETER, '?'),
    [...sql.matchAll(NAMED_PARAMETER)].map((m) => values[m[1] as keyof typeof values]),
  );
  const all = sortRows(
    rows.map((r) => toRow(q.groupBy, r, travelCostPerTrip)),
    q.orderBy ?? 'REVENUE',
    q.descending ?? true,
  );
  const page = all.slice(offset, offset + first);
  return {
    groupBy: q.groupBy,
    from: q.from,
    to: q.to,
    travelCostPerTrip,
    rows: page,
    cursors: page.map((_, i) => encodeCursor([offset + i + 1])),
    hasNextPage: offset + first < all.length,
    totalCount: all.length,
    totals: totalsOf(all, travelCostPerTrip),
  };
}
