import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppliedPriceList, CatalogPriceItem } from './list-prices';
import { LIST_RATE_CATALOG_CODES } from './invoice.rules';
import { PER_VISIT_INCLUSION_REASON } from './pricing';
import type { VatRateDef } from './totals';
import type { LabourType } from '../maintenance/intervention.rules';
import { uuidArrayLiteral } from '../shared/ids';
import { executePrepared, prepared } from '../db/prepared-statements';

/**
 * Everything a conversion prices its (locked) interventions from, read in ONE statement: their
 * report (labour with the technician's name, parts with their catalog item), sites, equipment,
 * earlier invoices and exclusions, the tenant's VAT rates and list-rate items, the customer's price
 * list, the contracts' amendments and the included hours already given per contract year.
 * Amounts come back as text (never through a JSON number), dates as YYYY-MM-DD.
 */

export interface CatalogItemInput extends CatalogPriceItem {
  label: string;
  vatRateCode: string;
}

export interface LabourInput {
  interventionId: string;
  hours: string;
  labourType: LabourType;
  technicianName: string | null;
  workDate: string;
}

export interface PartInput {
  interventionId: string;
  quantity: string;
  item: CatalogItemInput;
}

export interface SiteInput {
  id: string;
  name: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  dwellingOverTwoYears: boolean;
  reducedVatAttestedOn?: string | null;
}

export interface EquipmentInput {
  id: string;
  name: string;
  serialNumber?: string | null;
}

export interface AmendmentInput {
  contractId: string;
  version: number;
  effectiveOn: string;
  previousTerms: Record<string, unknown>;
}

export interface ConversionInputs {
  /** Interventions already on an invoice, with that invoice. */
  invoiced: { interventionId: string; invoiceId: string; invoiceNumber: string | null }[];
  exclusions: { interventionId: string; reason: string }[];
  vatRates: VatRateDef[];
  listRateItems: CatalogItemInput[];
  /** The customer's active price list, if any. */
  priceList: AppliedPriceList | null;
  /** Newest version first, as `amendmentsByContractIds` gives them. */
  amendments: AmendmentInput[];
  labour: LabourInput[];
  parts: PartInput[];
  sites: SiteInput[];
  equipment: EquipmentInput[];
  /** Included hours already given on invoices, by `contractYearKey`. */
  hoursConsumed: Map<string, string>;
}

/** A contract and the first day of one of its contract years (see `contractYearStart`). */
export interface ContractYear {
  contractId: string;
  yearStart: string;
}

export const contractYearKey = (year: ContractYear) => `${year.contractId}:${year.yearStart}`;

const item = (alias: string) =>
  `jsonb_build_object('id', ${alias}.id, 'code', ${alias}.code, 'label', ${alias}.label, 'unit', ${alias}.unit,
     'salePrice', ${alias}.sale_price::text, 'vatRateCode', ${alias}.vat_rate_code)`;

/** Each input as one jsonb column (`?` are bound in this order: see `loadConversionInputs`). */
const COLUMNS = {
  invoiced: `(select coalesce(jsonb_agg(jsonb_build_object('interventionId', ii.intervention_id, 'invoiceId', inv.id, 'invoiceNumber', inv.number)), '[]')
      from invoice_interventions ii join invoices inv on inv.tenant_id = ii.tenant_id and inv.id = ii.invoice_id
     where ii.tenant_id = p.tenant_id and ii.intervention_id = any(p.interventions))`,
  exclusions: `(select coalesce(jsonb_agg(jsonb_build_object('interventionId', e.intervention_id, 'reason', e.reason)), '[]')
      from billing_exclusions e where e.tenant_id = p.tenant_id and e.intervention_id = any(p.interventions))`,
  vatRates: `(select coalesce(jsonb_agg(jsonb_build_object('code', r.code, 'rate', r.rate::text, 'categoryCode', r.category_code,
        'exemptionReason', r.exemption_reason)), '[]')
      from vat_rates r where r.tenant_id = p.tenant_id)`,
  listRateItems: `(select coalesce(jsonb_agg(${item('c')}), '[]')
      from catalog_items c where c.tenant_id = p.tenant_id and c.code = any(p.list_rate_codes) and c.kind = 'SERVICE' and c.active)`,
  priceList: `(select jsonb_build_object('name', pl.name, 'prices', (select coalesce(jsonb_agg(jsonb_build_array(pi.catalog_item_id, pi.unit_price::text)
        order by pi.id), '[]') from price_list_items pi where pi.tenant_id = pl.tenant_id and pi.price_list_id = pl.id))
      from customer_price_lists cpl join price_lists pl on pl.tenant_id = cpl.tenant_id and pl.id = cpl.price_list_id
     where cpl.tenant_id = p.tenant_id and cpl.customer_id = p.customer_id and pl.active limit 1)`,
  amendments: `(select coalesce(jsonb_agg(jsonb_build_object('contractId', a.contract_id, 'version', a.version, 'effectiveOn', a.effective_on::text,
        'previousTerms', a.previous_terms) order by a.version desc), '[]')
      from contract_amendments a where a.tenant_id = p.tenant_id and a.contract_id = any(p.contracts))`,
  labour: `(select coalesce(jsonb_agg(jsonb_build_object('interventionId', l.intervention_id, 'hours', l.hours::text, 'labourType', l.labour_type,
        'technicianName', t.full_name, 'workDate', l.work_date::text) order by l.intervention_id, l.position), '[]')
      from intervention_labour l left join technicians t on t.tenant_id = l.tenant_id and t.id = l.technician_id
     where l.tenant_id = p.tenant_id and l.intervention_id = any(p.interventions))`,
  parts: `(select coalesce(jsonb_agg(jsonb_build_object('interventionId', u.intervention_id, 'quantity', u.quantity::text, 'item', ${item('c')})
        order by u.intervention_id, u.position), '[]')
      from intervention_parts u join catalog_items c on c.tenant_id = u.tenant_id and c.id = u.catalog_item_id
     where u.tenant_id = p.tenant_id and u.intervention_id = any(p.interventions))`,
  sites: `(select coalesce(jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name, 'addressLine1', s.address_line1, 'postalCode', s.postal_code,
        'city', s.city, 'dwellingOverTwoYears', s.dwelling_over_two_years, 'reducedVatAttestedOn', s.reduced_vat_attested_on::text)), '[]')
      from sites s where s.tenant_id = p.tenant_id and s.id = any(p.sites))`,
  equipment: `(select coalesce(jsonb_agg(jsonb_build_object('id', q.id, 'name', q.name, 'serialNumber', q.serial_number)), '[]')
      from equipment q where q.tenant_id = p.tenant_id and q.id = any(p.equipment))`,
  hoursConsumed: `(select coalesce(jsonb_agg(jsonb_build_array(y.contract_id, y.year_start::text, (
        select coalesce(sum(l.quantity), 0)::text
          from invoice_lines l
          join interventions i on i.tenant_id = l.tenant_id and i.id = l.intervention_id
         where l.tenant_id = p.tenant_id and i.contract_id = y.contract_id and l.kind = 'LABOUR' and l.covered_by_contract
           and coalesce(l.reason, '') not like p.per_visit_reason
           and (i.closed_at at time zone 'Europe/Paris')::date >= y.year_start))), '[]')
      from unnest(p.year_contracts, p.year_starts) as y(contract_id, year_start))`,
} satisfies Record<keyof ConversionInputs, string>;

type Raw = { [K in keyof ConversionInputs]: unknown };

/** Prepared: PostgreSQL spent as long planning this statement as running it (see prepared-statements.ts). */
const CONVERSION_INPUTS = prepared(
  `with p as (select ?::uuid as tenant_id, ?::uuid as customer_id, ?::uuid[] as interventions, ?::uuid[] as sites,
                     ?::uuid[] as equipment, ?::uuid[] as contracts, ?::text[] as list_rate_codes, ?::text as per_visit_reason,
                     ?::uuid[] as year_contracts, ?::date[] as year_starts)
   select ${Object.entries(COLUMNS)
     .map(([key, sql]) => `${sql} as "${key}"`)
     .join(',\n')}
     from p`,
);

/**
 * Reads the inputs of converting `interventionIds` (all of `customerId`), after they and their
 * contracts were locked: a statement of its own, so that it sees what committed while it waited.
 */
export async function loadConversionInputs(
  em: EntityManager,
  scope: {
    tenantId: string;
    customerId: string;
    interventionIds: readonly string[];
    siteIds: readonly string[];
    equipmentIds: readonly string[];
    contractIds: readonly string[];
    contractYears: readonly ContractYear[];
  },
): Promise<ConversionInputs> {
  const listRateCodes = [...Object.values(LIST_RATE_CATALOG_CODES.labour), LIST_RATE_CATALOG_CODES.travel];
  const text = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  const [raw] = await executePrepared<Raw>(em, CONVERSION_INPUTS, [
    scope.tenantId,
    scope.customerId,
    uuidArrayLiteral(scope.interventionIds),
    uuidArrayLiteral(scope.siteIds),
    uuidArrayLiteral(scope.equipmentIds),
    uuidArrayLiteral(scope.contractIds),
    text(listRateCodes),
    `${PER_VISIT_INCLUSION_REASON}%`,
    uuidArrayLiteral(scope.contractYears.map((y) => y.contractId)),
    text(scope.contractYears.map((y) => y.yearStart)),
  ]);
  const r = raw!;
  const priceList = r.priceList as { name: string; prices: [string, string][] } | null;
  return {
    invoiced: r.invoiced as ConversionInputs['invoiced'],
    exclusions: r.exclusions as ConversionInputs['exclusions'],
    vatRates: r.vatRates as VatRateDef[],
    listRateItems: r.listRateItems as CatalogItemInput[],
    priceList: priceList ? { name: priceList.name, prices: new Map(priceList.prices) } : null,
    amendments: r.amendments as AmendmentInput[],
    labour: r.labour as LabourInput[],
    parts: r.parts as PartInput[],
    sites: r.sites as SiteInput[],
    equipment: r.equipment as EquipmentInput[],
    hoursConsumed: new Map(
      (r.hoursConsumed as [string, string, string][]).map(([contractId, yearStart, hours]) => [
        contractYearKey({ contractId, yearStart }),
        hours,
      ]),
    ),
  };
}
