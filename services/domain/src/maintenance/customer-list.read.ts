import type { EntityManager } from '@mikro-orm/postgresql';
import type { Customer } from './customer.entity';
import type { Site } from './site.entity';
import { scopeTenantId, type PlainRow } from '../shared/joined-rows';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '../shared/pagination';
import { containsPattern } from '../shared/search';

/** A customer as the lists read it (see `PlainRow`). */
export type CustomerRow = PlainRow<Customer>;
export type ListedCustomer = CustomerRow & { sites?: PlainRow<Site>[] };

/** Each customer's sites (by name, then id) as a JSON array of plain sites, PostgreSQL building it beside the customer's row. */
const SITES = `(select coalesce(json_agg(json_build_object('id', s.id, 'tenantId', s.tenant_id, 'customerId', s.customer_id, 'name', s.name,
    'addressLine1', s.address_line1, 'postalCode', s.postal_code, 'city', s.city, 'country', s.country,
    'accessNotes', s.access_notes, 'dwellingOverTwoYears', s.dwelling_over_two_years,
    'reducedVatAttestedOn', s.reduced_vat_attested_on, 'version', s.version, 'createdAt', s.created_at,
    'updatedAt', s.updated_at) order by s.name, s.id), '[]')
  from sites s where s.tenant_id = c.tenant_id and s.customer_id = c.id) as sites`;

const COLUMNS = `c.id, c.tenant_id as "tenantId", c.code, c.name, c.siren, c.siret, c.vat_number as "vatNumber", c.email, c.phone,
  c.is_consumer as "isConsumer", c.billing_address_line1 as "billingAddressLine1",
  c.billing_address_line2 as "billingAddressLine2", c.billing_postal_code as "billingPostalCode",
  c.billing_city as "billingCity", c.billing_country as "billingCountry", c.payment_terms_days as "paymentTermsDays",
  c.payment_terms_kind as "paymentTermsKind", c.notes, c.version, c.created_at as "createdAt", c.updated_at as "updatedAt"`;

export interface CustomerSearch {
  /** SQL condition on the table aliased `c`, with its parameters. */
  sql: string;
  params: string[];
}

/** Which customers a search lists: name, code or city containing the text; a SIREN or SIRET starting with its digits. */
export function customerSearch(search: string | null | undefined): CustomerSearch {
  const text = search?.trim();
  if (!text) return { sql: 'true', params: [] };
  const like = containsPattern(text);
  const digits = text.replace(/\s/g, '');
  if (!/^\d{3,14}$/.test(digits)) {
    return { sql: '(c.name ilike ? or c.code ilike ? or c.billing_city ilike ?)', params: [like, like, like] };
  }
  return {
    sql: '(c.name ilike ? or c.code ilike ? or c.billing_city ilike ? or c.siret like ? or c.siren like ?)',
    params: [like, like, like, `${digits}%`, `${digits}%`],
  };
}

type Timestamped<T> = Omit<T, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
type RawRow = Timestamped<CustomerRow> & { sites?: Timestamped<PlainRow<Site>>[]; totalCount: string };

/** The driver hands timestamps over as text; the rows carry Dates, as `em.find` would. */
function withDates<T extends { createdAt: string; updatedAt: string }>(row: T) {
  return { ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) };
}

/**
 * The customers list (by name, then id; keyset cursors on both) read as plain rows, with the
 * count beside each row in the same statement. The list of 10,000 customers is the API's most
 * read page: materialising its 50 rows as entities (identity map, snapshots, change sets at
 * commit) cost several times the rest of the request (docs/benchmarks.md, "Profile: customers list").
 * Runs in the request's tenant scope: row-level security applies, and the tenant is also named
 * in the SQL so that the (tenant_id, name, id) index serves the page. With `withSites`, each
 * customer comes with its sites, read by the same statement.
 */
export async function listCustomers(
  em: EntityManager,
  args: PageArgs & { search?: string | null },
  { withSites = false } = {},
): Promise<Page<ListedCustomer>> {
  const first = pageSize(args.first);
  const tenantId = scopeTenantId(em);
  const search = customerSearch(args.search);
  const listed = `c.tenant_id = ? and ${search.sql}`;
  const listedParams = [tenantId, ...search.params];
  let pageWhere = listed;
  let pageParams: unknown[] = listedParams;
  if (args.after) {
    const [name, id] = decodeCursor(args.after, ['text', 'uuid']);
    pageWhere = `${listed} and (c.name, c.id) > (?, ?)`;
    pageParams = [...listedParams, name, id];
  }
  const count = `select count(*) from customers c where ${listed}`;
  const raw = await em.execute<RawRow[]>(
    `select ${COLUMNS}, ${withSites ? `${SITES}, ` : ''}(${count}) as "totalCount"
      from customers c where ${pageWhere} order by c.name, c.id limit ?`,
    [...listedParams, ...pageParams, first + 1],
  );
  // An empty page carries no count: nothing is listed, or (after a cursor) the count is asked alone.
  const totalCount = raw.length
    ? Number(raw[0]!.totalCount)
    : args.after
      ? Number((await em.execute<{ count: string }[]>(count, listedParams))[0]!.count)
      : 0;
  const nodes = raw
    .slice(0, first)
    .map(({ totalCount: _, sites, ...row }): ListedCustomer => ({ ...withDates(row), ...(sites && { sites: sites.map(withDates) }) }));
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor([n.name, n.id])),
    hasNextPage: raw.length > first,
    hasPreviousPage: Boolean(args.after),
    totalCount,
  };
}
