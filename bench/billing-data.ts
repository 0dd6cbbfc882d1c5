/**
 * The billing bench's tenant: a tenant of its own (so its invoice numbers start at 00001 and the
 * numbering check is exact), with a billing user, customers, technicians, a parts catalog, the
 * list rates, maintenance contracts with rate cards, and two equal sets of CLOSED interventions
 * with labour, travel and parts: one converted through the gateway, one in-process. Everything but
 * the tenant itself (provisioned by the domain: VAT rates, users) is inserted with multi-row SQL.
 */
import pg from 'pg';
import { createOrm, inTenantScope, newId, provisionTenant, localDate, type LabourType, type RateCard } from '@relais/domain';
import { personName, pick, seededRandom } from '@relais/domain/seed/french-data';
import { DEMO_CATALOG } from '@relais/domain/seed/maintenance-demo';
import { columns, generateCustomers, insertColumns, push } from './data';

export const BILLING_TENANT = { slug: 'bench-facturation', name: 'Bench Facturation', domain: 'bench.relais.fr' } as const;
export const BILLING_USER = `facturation@${BILLING_TENANT.domain}`;

export interface BillingTenant {
  tenantId: string;
  userId: string;
  email: string;
  /** CLOSED interventions converted and issued through the gateway. */
  gatewaySet: string[];
  /** The same number, converted and issued in-process (the baseline). */
  inProcessSet: string[];
  /** CONCURRENT_ISSUES more, whose drafts are all issued at once (the concurrent-issue scenario). */
  concurrentSet: string[];
  customers: number;
  contracts: number;
  labourEntries: number;
  partsUsed: number;
  milliseconds: number;
}

const CUSTOMERS = 200;
/** Drafts issued at the same moment by the concurrent-issue scenario. */
export const CONCURRENT_ISSUES = 100;
/** One customer in CONTRACT_SHARE has a maintenance contract, and so do its interventions. */
const CONTRACT_SHARE = 0.4;
const LIST_RATES = [
  { code: 'MO-NORMAL', label: 'Main-d’œuvre heures normales', price: '68.00' },
  { code: 'MO-HS', label: 'Main-d’œuvre heures supplémentaires', price: '85.00' },
  { code: 'MO-NUIT', label: 'Main-d’œuvre heures de nuit', price: '102.00' },
  { code: 'MO-WE', label: 'Main-d’œuvre week-end et jours fériés', price: '136.00' },
  { code: 'DEP-FORFAIT', label: 'Forfait déplacement', price: '48.00' },
];
const TITLES = [
  'Dépannage climatisation',
  'Entretien pompe à chaleur',
  'Remplacement filtres CTA',
  'Recherche de fuite fluide',
  'Contrôle chaudière gaz',
  'Vérification extincteurs',
];
const LABOUR_WEIGHTS: LabourType[] = ['NORMAL', 'NORMAL', 'NORMAL', 'OVERTIME', 'OVERTIME', 'NIGHT', 'WEEKEND_HOLIDAY'];
const DAY = 24 * 3600_000;

function rateCard(random: () => number): RateCard {
  const normal = 62 + Math.floor(random() * 14);
  const zone = random() < 0.35;
  return {
    labourRates: {
      NORMAL: normal.toFixed(2),
      OVERTIME: (normal * 1.25).toFixed(2),
      NIGHT: (normal * 1.5).toFixed(2),
      WEEKEND_HOLIDAY: (normal * 2).toFixed(2),
    },
    travelPricing: zone ? 'ZONE' : 'FLAT',
    travelFlatFee: zone ? null : (35 + 5 * Math.floor(random() * 5)).toFixed(2),
    travelZones: zone
      ? [
          { code: 'Z1', label: 'Agglomération (moins de 15 km)', fee: '35.00' },
          { code: 'Z2', label: 'De 15 à 40 km', fee: '49.00' },
        ]
      : [],
    partsDiscountPercent: pick(random, ['0.00', '5.00', '8.00', '10.00', '12.50']),
    includedLabourHoursPerYear: pick(random, ['0.00', '4.00', '8.00', '12.00']),
    travelIncluded: random() < 0.2,
    partsIncluded: false,
  };
}

/** `count` distinct items, in random order (a partial Fisher–Yates shuffle). */
function sample<T>(random: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/** Who works in a bench tenant, and the seed of what the domain generates for it. */
export interface BenchTenantStaff {
  seed: number;
  user: { local: string; fullName: string; role: 'billing' | 'accountant' };
}

/** Provisions a tenant through the domain (tenant row, VAT rates, ledger accounts, its one user `local@domain`). */
export async function provisionBenchTenant(
  adminUrl: string,
  tenant: { slug: string; name: string; domain: string } = BILLING_TENANT,
  staff: BenchTenantStaff = { seed: 3, user: { local: 'facturation', fullName: 'Yann Bench', role: 'billing' } },
): Promise<string> {
  const tenantId = newId();
  const orm = await createOrm(adminUrl, { pool: { min: 0, max: 2 } });
  try {
    const system = { kind: 'user' as const, tenantId, userId: tenantId, role: 'admin' as const, email: 'bench@relais' };
    await inTenantScope(orm, system, { requestId: 'bench', operation: 'bench-data' }, (em) =>
      provisionTenant(em, tenantId, {
        ...tenant,
        customers: 0,
        seed: staff.seed,
        users: [staff.user],
      }),
    );
  } finally {
    await orm.close(true);
  }
  return tenantId;
}

/**
 * Creates the billing tenant and 2 × `perSet` (+ CONCURRENT_ISSUES) CLOSED interventions (closed over the last 20 days),
 * each with 1 to 3 labour entries, 1 or 2 travels and 4 to 7 parts: about 8 to 11 invoice lines.
 * Inserted COMPLETED with their report, then closed (a closed report is frozen by the database).
 */
export async function generateBillingTenant(adminUrl: string, perSet: number, seed = 2027): Promise<BillingTenant> {
  const started = Date.now();
  const random = seededRandom(seed);
  const tenantId = await provisionBenchTenant(adminUrl);
  await generateCustomers(adminUrl, tenantId, CUSTOMERS, seed);

  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.operation', 'bench-data', true)`, [tenantId]);
    const userId = (
      await client.query<{ id: string }>('select id from users where tenant_id = $1 and email = $2', [tenantId, BILLING_USER])
    ).rows[0]!.id;
    const customerSites = (
      await client.query<{ customer_id: string; site_id: string }>(
        `select distinct on (customer_id) customer_id, id as site_id from sites where tenant_id = $1 order by customer_id, id`,
        [tenantId],
      )
    ).rows;

    const catalog = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      code: 'text',
      label: 'text',
      kind: 'text',
      unit: 'text',
      purchase_cost: 'numeric',
      sale_price: 'numeric',
      vat_rate_code: 'text',
    });
    const parts: { id: string; unit: string }[] = [];
    for (const item of DEMO_CATALOG.filter((i) => i.kind === 'PART')) {
      const id = newId();
      parts.push({ id, unit: item.unit ?? 'u' });
      push(catalog, {
        tenant_id: tenantId,
        id,
        code: item.code,
        label: item.label,
        kind: 'PART',
        unit: item.unit ?? 'u',
        purchase_cost: item.purchaseCost,
        sale_price: item.salePrice,
        vat_rate_code: 'TVA20',
      });
    }
    for (const rate of LIST_RATES)
      push(catalog, {
        tenant_id: tenantId,
        id: newId(),
        code: rate.code,
        label: rate.label,
        kind: 'SERVICE',
        unit: 'h',
        sale_price: rate.price,
        vat_rate_code: 'TVA20',
      });
    await insertColumns(client, 'catalog_items', catalog);

    const technicians = columns({ tenant_id: 'uuid', id: 'uuid', full_name: 'text' });
    for (let i = 0; i < 6; i += 1) push(technicians, { tenant_id: tenantId, id: newId(), full_name: personName(random) });
    await insertColumns(client, 'technicians', technicians);
    const technicianIds = technicians.id!.values as string[];

    const today = localDate(new Date());
    const contracts = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      reference: 'text',
      title: 'text',
      customer_id: 'uuid',
      starts_on: 'date',
      ends_on: 'date',
      sla: 'jsonb',
      rate_card: 'jsonb',
    });
    const contractOf = new Map<string, { id: string; zone: boolean }>();
    customerSites.slice(0, Math.round(customerSites.length * CONTRACT_SHARE)).forEach(({ customer_id }, i) => {
      const card = rateCard(random);
      const id = newId();
      const startsOn = localDate(new Date(Date.now() - (60 + Math.floor(random() * 250)) * DAY));
      contractOf.set(customer_id, { id, zone: card.travelPricing === 'ZONE' });
      push(contracts, {
        tenant_id: tenantId,
        id,
        reference: `CT-BENCH-${String(i + 1).padStart(4, '0')}`,
        title: 'Contrat de maintenance CVC',
        customer_id,
        starts_on: startsOn,
        ends_on: `${Number(startsOn.slice(0, 4)) + 1}${startsOn.slice(4)}`,
        sla: JSON.stringify({ URGENT: 4, HIGH: 24 }),
        rate_card: JSON.stringify(card),
      });
    });
    await insertColumns(client, 'contracts', contracts);

    const interventions = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      number: 'text',
      type: 'text',
      priority: 'text',
      status: 'text',
      title: 'text',
      customer_id: 'uuid',
      site_id: 'uuid',
      contract_id: 'uuid',
      requested_at: 'timestamptz',
      scheduled_start: 'timestamptz',
      scheduled_end: 'timestamptz',
      started_at: 'timestamptz',
      completed_at: 'timestamptz',
      travel_count: 'int4',
      travel_zone: 'text',
      observations: 'text',
      signer_name: 'text',
      signed_at: 'timestamptz',
    });
    const labour = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      intervention_id: 'uuid',
      technician_id: 'uuid',
      work_date: 'date',
      hours: 'numeric',
      labour_type: 'text',
      position: 'int4',
    });
    const partsUsed = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      intervention_id: 'uuid',
      catalog_item_id: 'uuid',
      quantity: 'numeric',
      position: 'int4',
    });
    const year = today.slice(0, 4);
    const sets: [string[], string[], string[]] = [[], [], []];
    const total = 2 * perSet + CONCURRENT_ISSUES;
    for (let i = 0; i < total; i += 1) {
      const id = newId();
      const { customer_id, site_id } = pick(random, customerSites);
      const contract = contractOf.get(customer_id);
      // Completed 1 to 20 days ago, at least two hours before the run (closing comes an hour later).
      const completed = new Date(Date.now() - 2 * 3600_000 - Math.floor(random() * 19 * DAY));
      const started = new Date(completed.getTime() - (1 + Math.floor(random() * 4)) * 3600_000);
      push(interventions, {
        tenant_id: tenantId,
        id,
        number: `I-${year}-${String(i + 1).padStart(5, '0')}`,
        type: random() < 0.7 ? 'CORRECTIVE' : 'PREVENTIVE',
        priority: 'NORMAL',
        status: 'COMPLETED',
        title: pick(random, TITLES),
        customer_id,
        site_id,
        contract_id: contract?.id ?? null,
        requested_at: new Date(started.getTime() - 3 * DAY).toISOString(),
        scheduled_start: started.toISOString(),
        scheduled_end: completed.toISOString(),
        started_at: started.toISOString(),
        completed_at: completed.toISOString(),
        travel_count: random() < 0.8 ? 1 : 2,
        travel_zone: contract?.zone ? pick(random, ['Z1', 'Z2']) : null,
        observations: random() < 0.5 ? 'Installation remise en service, client informé.' : null,
        signer_name: personName(random),
        signed_at: completed.toISOString(),
      });
      const workDate = localDate(completed);
      const entries = 1 + Math.floor(random() * 3);
      for (let e = 0; e < entries; e += 1)
        push(labour, {
          tenant_id: tenantId,
          id: newId(),
          intervention_id: id,
          technician_id: pick(random, technicianIds),
          work_date: workDate,
          hours: (0.5 + Math.floor(random() * 14) * 0.25).toFixed(2),
          labour_type: pick(random, LABOUR_WEIGHTS),
          position: e,
        });
      const partCount = 4 + Math.floor(random() * 4);
      sample(random, parts, partCount).forEach((part, p) =>
        push(partsUsed, {
          tenant_id: tenantId,
          id: newId(),
          intervention_id: id,
          catalog_item_id: part.id,
          quantity: part.unit === 'kg' ? (0.5 + Math.floor(random() * 8) * 0.5).toFixed(2) : String(1 + Math.floor(random() * 4)),
          position: p,
        }),
      );
      sets[i < 2 * perSet ? i % 2 : 2]!.push(id);
    }
    await insertColumns(client, 'interventions', interventions);
    await insertColumns(client, 'intervention_labour', labour);
    await insertColumns(client, 'intervention_parts', partsUsed);
    await client.query(
      `update interventions set status = 'CLOSED', closed_at = completed_at + interval '1 hour' where tenant_id = $1 and status = 'COMPLETED'`,
      [tenantId],
    );
    await client.query(
      `insert into tenant_counters (tenant_id, name, value) values ($1, $2, $3)
       on conflict (tenant_id, name) do update set value = excluded.value`,
      [tenantId, `intervention:${year}`, total],
    );
    await client.query('commit');
    await client.query(
      'analyze catalog_items, technicians, contracts, interventions, intervention_labour, intervention_parts, tenant_counters',
    );
    return {
      tenantId,
      userId,
      email: BILLING_USER,
      gatewaySet: sets[0],
      inProcessSet: sets[1],
      concurrentSet: sets[2],
      customers: customerSites.length,
      contracts: contracts.id!.values.length,
      labourEntries: labour.id!.values.length,
      partsUsed: partsUsed.id!.values.length,
      milliseconds: Date.now() - started,
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
