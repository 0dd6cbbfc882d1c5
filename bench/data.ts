/**
 * Bulk test data: thousands of customers with their sites and contacts for one tenant, inserted
 * with a few multi-row statements (`unnest` of arrays) instead of the ORM, so the bench starts in
 * seconds. Customer codes continue the tenant's counter, which is moved past the new rows.
 */
import pg from 'pg';
import { customerCode, frenchVatNumber, newId } from '@relais/domain';
import { CITIES, companyName, personName, pick, randomSiren, seededRandom, siretFor, streetAddress } from '@relais/domain/seed/french-data';

export interface GeneratedData {
  customers: number;
  sites: number;
  contacts: number;
  milliseconds: number;
}

const CHUNK = 2_000;

/** The tenant of a user, read through the authentication function so it works for a non-superuser admin too. */
export async function tenantIdOf(adminUrl: string, email: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query<{ tenant_id: string }>('select tenant_id from auth_user_by_email($1)', [email]);
    const tenantId = result.rows[0]?.tenant_id;
    if (!tenantId) throw new Error(`no user ${email}: was the demo data loaded?`);
    return tenantId;
  } finally {
    await client.end();
  }
}

export type Columns = Record<string, { type: string; values: unknown[] }>;

export function columns(spec: Record<string, string>): Columns {
  return Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type, values: [] }]));
}

export function push(cols: Columns, row: Record<string, unknown>): void {
  for (const [name, col] of Object.entries(cols)) col.values.push(row[name] ?? null);
}

/** Inserts the rows collected in `cols`, a few thousand per statement. */
export async function insertColumns(client: pg.ClientBase, table: string, cols: Columns): Promise<void> {
  const entries = Object.entries(cols);
  const total = entries[0]?.[1].values.length ?? 0;
  for (let start = 0; start < total; start += CHUNK) {
    const names = entries.map(([name]) => name).join(', ');
    const arrays = entries.map(([, col], i) => `$${i + 1}::${col.type}[]`).join(', ');
    await client.query(
      `insert into ${table} (${names}) select * from unnest(${arrays})`,
      entries.map(([, col]) => col.values.slice(start, start + CHUNK)),
    );
  }
}

/**
 * Adds `count` customers to the tenant, each with 1 to 3 sites and 2 contacts (deterministic for a
 * given seed), as the admin in one transaction scoped to the tenant (row-level security is FORCEd
 * on these tables), then ANALYZEs them.
 */
export async function generateCustomers(adminUrl: string, tenantId: string, count: number, seed = 2026): Promise<GeneratedData> {
  const started = Date.now();
  const random = seededRandom(seed);
  const customers = columns({
    tenant_id: 'uuid',
    id: 'uuid',
    code: 'text',
    name: 'text',
    siren: 'text',
    siret: 'text',
    vat_number: 'text',
    email: 'text',
    phone: 'text',
    billing_address_line1: 'text',
    billing_postal_code: 'text',
    billing_city: 'text',
    payment_terms_days: 'int4',
    payment_terms_kind: 'text',
  });
  const sites = columns({
    tenant_id: 'uuid',
    id: 'uuid',
    customer_id: 'uuid',
    name: 'text',
    address_line1: 'text',
    postal_code: 'text',
    city: 'text',
    access_notes: 'text',
  });
  const contacts = columns({
    tenant_id: 'uuid',
    id: 'uuid',
    customer_id: 'uuid',
    full_name: 'text',
    job_title: 'text',
    email: 'text',
    phone: 'text',
    is_billing_contact: 'bool',
    position: 'int4',
  });
  const phone = () => `02 ${Array.from({ length: 4 }, () => String(10 + Math.floor(random() * 89))).join(' ')}`;

  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.operation', 'bench-data', true)`, [tenantId]);
    const counter = await client.query<{ value: string }>(
      `insert into tenant_counters (tenant_id, name, value) values ($1, 'customer', $2)
       on conflict (tenant_id, name) do update set value = tenant_counters.value + excluded.value
       returning value`,
      [tenantId, count],
    );
    const firstSequence = Number(counter.rows[0]!.value) - count + 1;
    for (let i = 0; i < count; i += 1) {
      const sequence = firstSequence + i;
      const customerId = newId();
      const place = pick(random, CITIES);
      const siren = randomSiren(random);
      push(customers, {
        tenant_id: tenantId,
        id: customerId,
        code: customerCode(sequence),
        name: companyName(random),
        siren,
        siret: siretFor(siren, 1 + Math.floor(random() * 30)),
        vat_number: frenchVatNumber(siren),
        email: `contact${sequence}@client-bench.example.fr`,
        phone: phone(),
        billing_address_line1: streetAddress(random),
        billing_postal_code: place.postalCode,
        billing_city: place.city,
        payment_terms_days: pick(random, [30, 30, 45, 60]),
        payment_terms_kind: random() < 0.2 ? 'END_OF_MONTH' : 'NET',
      });
      const siteCount = 1 + Math.floor(random() * 3);
      for (let s = 0; s < siteCount; s += 1) {
        const sitePlace = s === 0 ? place : pick(random, CITIES);
        push(sites, {
          tenant_id: tenantId,
          id: newId(),
          customer_id: customerId,
          name: s === 0 ? 'Siège' : `Site ${sitePlace.city} ${s}`,
          address_line1: streetAddress(random),
          postal_code: sitePlace.postalCode,
          city: sitePlace.city,
          access_notes: random() < 0.4 ? 'Badge à l’accueil, chaufferie au sous-sol' : null,
        });
      }
      push(contacts, {
        tenant_id: tenantId,
        id: newId(),
        customer_id: customerId,
        full_name: personName(random),
        job_title: 'Responsable technique',
        email: `technique${sequence}@client-bench.example.fr`,
        phone: phone(),
        is_billing_contact: false,
        position: 0,
      });
      push(contacts, {
        tenant_id: tenantId,
        id: newId(),
        customer_id: customerId,
        full_name: personName(random),
        job_title: 'Comptabilité fournisseurs',
        email: `compta${sequence}@client-bench.example.fr`,
        phone: null,
        is_billing_contact: true,
        position: 1,
      });
    }
    await insertColumns(client, 'customers', customers);
    await insertColumns(client, 'sites', sites);
    await insertColumns(client, 'customer_contacts', contacts);
    await client.query('commit');
    await client.query('analyze customers, sites, customer_contacts, tenant_counters');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return {
    customers: count,
    sites: sites.id!.values.length,
    contacts: contacts.id!.values.length,
    milliseconds: Date.now() - started,
  };
}
