/**
 * The contract billing bench's tenant: a tenant of its own (so its invoice numbers start at 00001
 * and the numbering check is exact) with a billing user, N customers with their sites (the same
 * generator as the read scenarios), one maintenance contract per customer and its billing terms:
 * 1 to 3 fee lines, about 30 % indexed on a Syntec series whose monthly values cover the last 30
 * months. Every contract has at least one period due on `billingDate` and none billed yet: the
 * terms take effect at the start of the period running on that date (or one period earlier for the
 * ones billed in arrears, and for a share of catching-up and newly started contracts), so a run
 * bills one or two periods per contract, like a monthly run. Everything but the tenant itself
 * (provisioned by the domain) is inserted with multi-row SQL.
 */
import pg from 'pg';
import { dayAfter, newId, periodBoundary, type BillingRhythm, type BillingTiming } from '@relais/domain';
import { pick, seededRandom } from '@relais/domain/seed/french-data';
import { provisionBenchTenant } from './billing-data';
import { columns, generateCustomers, insertColumns, push } from './data';

export const CONTRACT_TENANT = { slug: 'bench-contrats', name: 'Bench Contrats', domain: 'contrats.bench.relais.fr' } as const;
export const CONTRACT_USER = `facturation@${CONTRACT_TENANT.domain}`;

export interface ContractTenant {
  tenantId: string;
  userId: string;
  email: string;
  billingDate: string;
  customers: number;
  sites: number;
  contracts: number;
  feeLines: number;
  indexedContracts: number;
  /** Contracts per rhythm and timing, e.g. "MONTHLY ADVANCE" → 3500. */
  byKind: Record<string, number>;
  milliseconds: number;
}

/** The first day of the month `k` months from the month of `date` (k may be negative). */
const monthStart = (date: string, k = 0) => periodBoundary(`${date.slice(0, 7)}-01`, 1, k);

interface Kind {
  rhythm: BillingRhythm;
  timing: BillingTiming;
  weight: number;
}

const KINDS: Kind[] = [
  { rhythm: 'MONTHLY', timing: 'ADVANCE', weight: 0.35 },
  { rhythm: 'MONTHLY', timing: 'ARREARS', weight: 0.15 },
  { rhythm: 'QUARTERLY', timing: 'ADVANCE', weight: 0.2 },
  { rhythm: 'QUARTERLY', timing: 'ARREARS', weight: 0.05 },
  { rhythm: 'HALF_YEARLY', timing: 'ADVANCE', weight: 0.1 },
  { rhythm: 'YEARLY', timing: 'ADVANCE', weight: 0.15 },
];
const MONTHS: Record<BillingRhythm, number> = { MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12 };
export const INDEXED_SHARE = 0.3;

function pickKind(random: () => number): Kind {
  let r = random();
  for (const kind of KINDS) {
    r -= kind.weight;
    if (r < 0) return kind;
  }
  return KINDS[0]!;
}

interface Schedule {
  startsOn: string;
  effectiveOn: string;
  anchorDate: string;
}

/**
 * When the contract started and from when its terms bill, so that the period running on
 * `billingDate` (in advance) or the one before it (in arrears) is due, and nothing earlier.
 * Quarters and half-years follow the calendar, months start on the 1st, years on the contract's
 * anniversary. A fifth of the monthly-in-advance contracts catch up one month, and a tenth are new
 * since the middle of last month (their first period prorated).
 */
function schedule(random: () => number, kind: Kind, billingDate: string): Schedule {
  const thisMonth = monthStart(billingDate);
  const month = Number(billingDate.slice(5, 7)) - 1;
  const yearStart = `${billingDate.slice(0, 4)}-01-01`;
  const earlier = (date: string) => monthStart(date, -Math.floor(random() * 37));
  switch (kind.rhythm) {
    case 'MONTHLY': {
      if (kind.timing === 'ARREARS') {
        const effectiveOn = monthStart(billingDate, -1);
        return { startsOn: earlier(effectiveOn), effectiveOn, anchorDate: effectiveOn };
      }
      const r = random();
      if (r < 0.1) {
        const startsOn = dayAfter(monthStart(billingDate, -1), 14);
        return { startsOn, effectiveOn: startsOn, anchorDate: monthStart(billingDate, -1) };
      }
      const effectiveOn = r < 0.3 ? monthStart(billingDate, -1) : thisMonth;
      return { startsOn: earlier(effectiveOn), effectiveOn, anchorDate: effectiveOn };
    }
    case 'QUARTERLY':
    case 'HALF_YEARLY': {
      const months = MONTHS[kind.rhythm];
      const current = periodBoundary(yearStart, months, Math.floor(month / months));
      const effectiveOn = kind.timing === 'ARREARS' ? periodBoundary(current, months, -1) : current;
      return { startsOn: earlier(effectiveOn), effectiveOn, anchorDate: yearStart };
    }
    case 'YEARLY': {
      const monthsBack = 1 + Math.floor(random() * 36);
      const startsOn = monthStart(billingDate, -monthsBack);
      const anniversary = periodBoundary(startsOn, 12, Math.floor(monthsBack / 12));
      return { startsOn, effectiveOn: anniversary, anchorDate: startsOn };
    }
  }
}

/** A Syntec-like monthly value (fictional, rising about 0.4 a month). */
const syntecValue = (i: number) => (280 + i * 0.41 + ((i * 7) % 5) * 0.1).toFixed(4);

/**
 * Creates the tenant, its customers and one billed contract per customer. `billingDate` is the
 * run's date (today): the revision base is the index of the month 26 months before it and the
 * first revision falls 12 months before it, so every indexed contract is revised (I is the same
 * month one or two years after I0).
 */
export async function generateContractTenant(adminUrl: string, count: number, billingDate: string, seed = 2028): Promise<ContractTenant> {
  const started = Date.now();
  const random = seededRandom(seed);
  const tenantId = await provisionBenchTenant(adminUrl, CONTRACT_TENANT);
  const generated = await generateCustomers(adminUrl, tenantId, count, seed);

  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.operation', 'bench-data', true)`, [tenantId]);
    const userId = (
      await client.query<{ id: string }>('select id from users where tenant_id = $1 and email = $2', [tenantId, CONTRACT_USER])
    ).rows[0]!.id;
    const customerSites = (
      await client.query<{ customer_id: string; site_id: string }>(
        `select distinct on (customer_id) customer_id, id as site_id from sites where tenant_id = $1 order by customer_id, name, id`,
        [tenantId],
      )
    ).rows;

    // The Syntec series: values for the 30 months before the billing date's month.
    const seriesId = newId();
    await client.query(`insert into index_series (tenant_id, id, code, name, description) values ($1, $2, 'SYNTEC', $3, $4)`, [
      tenantId,
      seriesId,
      'Indice Syntec',
      'Valeurs fictives du bench',
    ]);
    const values = columns({ tenant_id: 'uuid', series_id: 'uuid', period: 'date', value: 'numeric', source: 'text' });
    const valueOf = new Map<string, string>();
    for (let i = 0; i < 30; i += 1) {
      const period = monthStart(billingDate, i - 30);
      valueOf.set(period, syntecValue(i));
      push(values, { tenant_id: tenantId, series_id: seriesId, period, value: syntecValue(i), source: 'CSV' });
    }
    await insertColumns(client, 'index_values', values);
    const basePeriod = monthStart(billingDate, -26);
    const firstRevisionOn = monthStart(billingDate, -12);

    const contracts = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      reference: 'text',
      title: 'text',
      customer_id: 'uuid',
      starts_on: 'date',
      ends_on: 'date',
      tacit_renewal: 'bool',
      sla: 'jsonb',
      rate_card: 'jsonb',
    });
    const contractSites = columns({ tenant_id: 'uuid', contract_id: 'uuid', site_id: 'uuid' });
    const terms = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      contract_id: 'uuid',
      effective_on: 'date',
      rhythm: 'text',
      timing: 'text',
      anchor_date: 'date',
      payment_method: 'text',
      payment_terms_days: 'int4',
      index_series_id: 'uuid',
      index_fixed_part: 'numeric',
      index_variable_part: 'numeric',
      base_index_value: 'numeric',
      base_index_period: 'date',
      first_revision_on: 'date',
      coefficient_floor: 'numeric',
      reason: 'text',
    });
    const feeLines = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      terms_id: 'uuid',
      position: 'int4',
      label: 'text',
      amount: 'numeric',
      vat_rate_code: 'text',
      site_id: 'uuid',
      revenue_account: 'text',
      indexed: 'bool',
    });
    const rateCard = JSON.stringify({
      labourRates: { NORMAL: '68.00', OVERTIME: '85.00', NIGHT: '102.00', WEEKEND_HOLIDAY: '136.00' },
      travelPricing: 'FLAT',
      travelFlatFee: '45.00',
      travelZones: [],
      partsDiscountPercent: '0.00',
      includedLabourHoursPerYear: '0.00',
      travelIncluded: false,
      partsIncluded: false,
    });
    const byKind: Record<string, number> = {};
    let indexedContracts = 0;
    customerSites.forEach(({ customer_id, site_id }, i) => {
      const kind = pickKind(random);
      byKind[`${kind.rhythm} ${kind.timing}`] = (byKind[`${kind.rhythm} ${kind.timing}`] ?? 0) + 1;
      const when = schedule(random, kind, billingDate);
      const contractId = newId();
      push(contracts, {
        tenant_id: tenantId,
        id: contractId,
        reference: `CT-BENCH-${String(i + 1).padStart(5, '0')}`,
        title: 'Contrat de maintenance multitechnique',
        customer_id,
        starts_on: when.startsOn,
        ends_on: dayAfter(periodBoundary(when.startsOn, 12, 1), -1),
        tacit_renewal: true,
        sla: JSON.stringify({ URGENT: 4, HIGH: 24 }),
        rate_card: rateCard,
      });
      push(contractSites, { tenant_id: tenantId, contract_id: contractId, site_id });
      const indexed = random() < INDEXED_SHARE;
      if (indexed) indexedContracts += 1;
      const termsId = newId();
      push(terms, {
        tenant_id: tenantId,
        id: termsId,
        contract_id: contractId,
        effective_on: when.effectiveOn,
        rhythm: kind.rhythm,
        timing: kind.timing,
        anchor_date: when.anchorDate,
        payment_method: random() < 0.4 ? 'DIRECT_DEBIT' : 'TRANSFER',
        payment_terms_days: random() < 0.2 ? 30 : null,
        ...(indexed
          ? {
              index_series_id: seriesId,
              index_fixed_part: '0.15',
              index_variable_part: '0.85',
              base_index_value: valueOf.get(basePeriod),
              base_index_period: basePeriod,
              first_revision_on: firstRevisionOn,
              coefficient_floor: random() < 0.5 ? '1' : null,
            }
          : {}),
        reason: 'Conditions de facturation à la signature',
      });
      const months = MONTHS[kind.rhythm];
      const perPeriod = (monthly: number) => (monthly * months).toFixed(2);
      const lines = [
        {
          label: 'Maintenance préventive multitechnique',
          amount: perPeriod(40 + Math.round(random() * 72) * 5),
          vat_rate_code: 'TVA20',
          site_id,
          revenue_account: '706100',
          indexed: true,
        },
      ];
      if (random() < 0.5)
        lines.push({
          label: 'Astreinte 24 h/24, 7 j/7',
          amount: perPeriod(pick(random, [30, 45, 60])),
          vat_rate_code: random() < 0.2 ? 'TVA10' : 'TVA20',
          site_id,
          revenue_account: '706200',
          indexed: true,
        });
      if (random() < 0.3)
        lines.push({
          label: 'Télésurveillance des installations',
          amount: perPeriod(25),
          vat_rate_code: 'TVA20',
          site_id,
          revenue_account: '706300',
          indexed: false,
        });
      lines.forEach((line, position) => push(feeLines, { tenant_id: tenantId, id: newId(), terms_id: termsId, position, ...line }));
    });
    await insertColumns(client, 'contracts', contracts);
    await insertColumns(client, 'contract_sites', contractSites);
    await insertColumns(client, 'contract_billing_terms', terms);
    await insertColumns(client, 'contract_fee_lines', feeLines);
    await client.query('commit');
    await client.query(
      'analyze index_series, index_values, contracts, contract_sites, contract_billing_terms, contract_fee_lines, customers, sites',
    );
    return {
      tenantId,
      userId,
      email: CONTRACT_USER,
      billingDate,
      customers: generated.customers,
      sites: generated.sites,
      contracts: contracts.id!.values.length,
      feeLines: feeLines.id!.values.length,
      indexedContracts,
      byKind,
      milliseconds: Date.now() - started,
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
