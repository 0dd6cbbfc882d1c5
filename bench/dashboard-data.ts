/**
 * The dashboard bench's tenant: a company with two years of history, N issued invoices (100,000 by
 * default) over the 730 days before today, numbered per series and year in issue order. About 40 %
 * bill an intervention (with its labour by 25 technicians with cost rates, parts from a catalog
 * with purchase costs, one trip), 15 % a contract's monthly fee, the rest other work; 1 % of the
 * documents are credit notes. Each customer pays at its habit (on time to 45 days late): invoices
 * due more than ten days ago are paid but 5 %, recent ones a third; 300 closed interventions wait
 * to be billed; 500 contracts bill monthly from next month (the forecast's contract part).
 *
 * Everything but the tenant and its customers is written with COPY as the admin, scoped to the
 * tenant (row-level security is forced) and labelled `bench-data` for the audit trigger, which logs
 * every row as for any insert. Invoices are written as drafts, their lines and links added, then
 * issued in one statement (lines cannot be added to an issued invoice); interventions likewise are
 * written completed, reported, then closed or invoiced.
 */
import pg from 'pg';
import { formatInvoiceNumber, invoiceCounterName, localDate, newId, shiftDate } from '@relais/domain';
import { pick, seededRandom } from '@relais/domain/seed/french-data';
import { provisionBenchTenant } from './billing-data';
import { copyColumns } from './collections-data';
import { columns, generateCustomers, push } from './data';

export const DASHBOARD_TENANT = {
  slug: 'bench-tableau-de-bord',
  name: 'Bench Tableau de bord',
  domain: 'tableau-de-bord.bench.relais.fr',
} as const;
export const DASHBOARD_USER = `comptable@${DASHBOARD_TENANT.domain}`;

const INVOICES_PER_CUSTOMER = 25;
const TECHNICIANS = 25;
const PARTS = 40;
const CONTRACTS = 500;
const UNBILLED = 300;
const HISTORY_DAYS = 730;
/** How late customers pay, in days after the due date (one habit per customer). */
const HABITS = [0, 0, 0, 3, 7, 12, 20, 30, 45] as const;

export interface DashboardTenant {
  tenantId: string;
  email: string;
  today: string;
  customers: number;
  invoices: number;
  creditNotes: number;
  interventions: number;
  payments: number;
  openInvoices: number;
  contracts: number;
  milliseconds: number;
}

interface CustomerRow {
  id: string;
  name: string;
  siren: string | null;
  billing_address_line1: string;
  billing_postal_code: string;
  billing_city: string;
  payment_terms_days: number;
}

interface Doc {
  id: string;
  customer: CustomerRow;
  issueDate: string;
  dueDate: string;
  typeCode: '380' | '381';
  netCents: number;
  contractId: string | null;
  interventionId: string | null;
  creditedId: string | null;
  creditedCents: number;
  paidCents: number;
  /** When its payment was received (null while unpaid). */
  paidOn: string | null;
  number?: string;
}

const cents = (value: number) => (value / 100).toFixed(2);
const vatOf = (netCents: number) => Math.round(netCents * 0.2);

export async function generateDashboardTenant(adminUrl: string, invoiceCount: number, seed = 2031): Promise<DashboardTenant> {
  const started = Date.now();
  const random = seededRandom(seed);
  const today = localDate(new Date());
  const tenantId = await provisionBenchTenant(adminUrl, DASHBOARD_TENANT, {
    seed: 6,
    user: { local: 'comptable', fullName: 'Nadège Bench', role: 'accountant' },
  });
  await generateCustomers(adminUrl, tenantId, Math.max(100, Math.round(invoiceCount / INVOICES_PER_CUSTOMER)), seed);

  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.operation', 'bench-data', true)`, [tenantId]);
    const customers = (
      await client.query<CustomerRow>(
        `select id, name, siren, billing_address_line1, billing_postal_code, billing_city, coalesce(payment_terms_days, 30) as payment_terms_days
           from customers where tenant_id = $1 order by code`,
        [tenantId],
      )
    ).rows;
    const sitesOf = Map.groupBy(
      (await client.query<{ id: string; customer_id: string }>('select id, customer_id from sites where tenant_id = $1', [tenantId])).rows,
      (s) => s.customer_id,
    );
    const habit = new Map(customers.map((c) => [c.id, pick(random, HABITS)]));

    // Technicians with their loaded hourly cost (two of them without), parts with their purchase cost.
    const technicians = columns({ tenant_id: 'uuid', id: 'uuid', full_name: 'text', skills: 'text[]', cost_rate: 'numeric' });
    const technicianIds: string[] = [];
    for (let i = 0; i < TECHNICIANS; i += 1) {
      const id = newId();
      technicianIds.push(id);
      push(technicians, {
        tenant_id: tenantId,
        id,
        full_name: `Technicien ${String(i + 1).padStart(2, '0')}`,
        skills: '{CVC}',
        cost_rate: i < 2 ? null : (32 + (i % 14)).toFixed(2),
      });
    }
    await copyColumns(client, 'technicians', technicians);
    const parts = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      code: 'text',
      label: 'text',
      kind: 'text',
      purchase_cost: 'numeric',
      sale_price: 'numeric',
    });
    const partPrices: { id: string; saleCents: number }[] = [];
    for (let i = 0; i < PARTS; i += 1) {
      const id = newId();
      const cost = 500 + Math.floor(random() * 20_000);
      partPrices.push({ id, saleCents: Math.round(cost * 1.8) });
      push(parts, {
        tenant_id: tenantId,
        id,
        code: `BENCH-P${i}`,
        label: `Pièce ${i}`,
        kind: 'PART',
        purchase_cost: i === 0 ? null : cents(cost),
        sale_price: cents(Math.round(cost * 1.8)),
      });
    }
    await copyColumns(client, 'catalog_items', parts);

    // Contracts billed monthly in advance from next month, each on its customer's sites.
    const nextMonth = `${shiftDate(`${today.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
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
    const contractSites = columns({ tenant_id: 'uuid', contract_id: 'uuid', site_id: 'uuid' });
    const terms = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      contract_id: 'uuid',
      effective_on: 'date',
      rhythm: 'text',
      timing: 'text',
      anchor_date: 'date',
    });
    const feeLines = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      terms_id: 'uuid',
      position: 'int4',
      label: 'text',
      amount: 'numeric',
      vat_rate_code: 'text',
    });
    const contractOf: { id: string; customer: CustomerRow; feeCents: number }[] = [];
    for (let i = 0; i < CONTRACTS; i += 1) {
      const customer = customers[(i * 7) % customers.length]!;
      const id = newId();
      const termsId = newId();
      const feeCents = 10_000 + Math.floor(random() * 30_000);
      contractOf.push({ id, customer, feeCents });
      push(contracts, {
        tenant_id: tenantId,
        id,
        reference: `CT-BENCH-${String(i + 1).padStart(4, '0')}`,
        title: 'Maintenance multitechnique',
        customer_id: customer.id,
        starts_on: shiftDate(today, -HISTORY_DAYS),
        ends_on: shiftDate(today, 365),
        sla: {},
        rate_card: {},
      });
      for (const site of sitesOf.get(customer.id) ?? []) push(contractSites, { tenant_id: tenantId, contract_id: id, site_id: site.id });
      push(terms, {
        tenant_id: tenantId,
        id: termsId,
        contract_id: id,
        effective_on: nextMonth,
        rhythm: 'MONTHLY',
        timing: 'ADVANCE',
        anchor_date: nextMonth,
      });
      push(feeLines, {
        tenant_id: tenantId,
        id: newId(),
        terms_id: termsId,
        position: 0,
        label: 'Maintenance',
        amount: cents(feeCents),
        vat_rate_code: 'TVA20',
      });
    }
    await copyColumns(client, 'contracts', contracts);
    await copyColumns(client, 'contract_sites', contractSites);
    await copyColumns(client, 'contract_billing_terms', terms);
    await copyColumns(client, 'contract_fee_lines', feeLines);

    // The documents: invoices spread over two years, some billing an intervention or a contract fee.
    const docs: Doc[] = [];
    const invoicesOnly = Math.round(invoiceCount * 0.99);
    for (let i = 0; i < invoicesOnly; i += 1) {
      const issueDate = shiftDate(today, -Math.floor(random() * HISTORY_DAYS));
      const kind = random();
      const contract = kind < 0.15 ? contractOf[Math.floor(random() * contractOf.length)]! : null;
      const customer = contract?.customer ?? customers[Math.floor(random() * customers.length)]!;
      docs.push({
        id: newId(),
        customer,
        issueDate,
        dueDate: shiftDate(issueDate, customer.payment_terms_days),
        typeCode: '380',
        netCents: contract ? contract.feeCents : 8_000 + Math.floor(random() * 150_000),
        contractId: contract?.id ?? null,
        interventionId: !contract && kind < 0.55 ? newId() : null,
        creditedId: null,
        creditedCents: 0,
        paidCents: 0,
        paidOn: null,
      });
    }
    for (let i = invoicesOnly; i < invoiceCount; i += 1) {
      let credited = docs[Math.floor(random() * invoicesOnly)]!;
      while (credited.creditedCents > 0) credited = docs[Math.floor(random() * invoicesOnly)]!;
      const netCents = Math.max(100, Math.floor(credited.netCents * 0.3));
      credited.creditedCents = netCents + vatOf(netCents);
      const issueDate = shiftDate(credited.issueDate, 5) > today ? credited.issueDate : shiftDate(credited.issueDate, 5);
      docs.push({
        id: newId(),
        customer: credited.customer,
        issueDate,
        dueDate: issueDate,
        typeCode: '381',
        netCents,
        contractId: null,
        interventionId: null,
        creditedId: credited.id,
        creditedCents: 0,
        paidCents: 0,
        paidOn: null,
      });
    }
    docs.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0));
    const counters = new Map<string, number>();
    for (const d of docs) {
      const series = d.typeCode === '381' ? 'AV' : 'F';
      const key = `${series}|${d.issueDate.slice(0, 4)}`;
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      d.number = formatInvoiceNumber(series, d.issueDate.slice(0, 4), next);
    }

    // Payments: invoices due more than ten days ago are paid but 5 %, recent ones a third, at the customer's habit.
    const payments = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      customer_id: 'uuid',
      received_on: 'date',
      amount: 'numeric',
      method: 'text',
      reference: 'text',
      allocated_amount: 'numeric',
    });
    const allocations = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      payment_id: 'uuid',
      invoice_id: 'uuid',
      amount: 'numeric',
      allocated_on: 'date',
    });
    for (const d of docs) {
      if (d.typeCode !== '380') continue;
      const due = d.netCents + vatOf(d.netCents) - d.creditedCents;
      const old = d.dueDate < shiftDate(today, -10);
      if (due <= 0 || random() >= (old ? 0.95 : 0.33)) continue;
      const late = habit.get(d.customer.id)! + Math.floor(random() * 7) - 3;
      const planned = shiftDate(d.dueDate, late);
      const receivedOn = planned > today ? today : planned < d.issueDate ? d.issueDate : planned;
      const id = newId();
      d.paidCents = due;
      d.paidOn = receivedOn;
      push(payments, {
        tenant_id: tenantId,
        id,
        customer_id: d.customer.id,
        received_on: receivedOn,
        amount: cents(due),
        method: 'TRANSFER',
        reference: `VIR ${d.number}`,
        allocated_amount: cents(due),
      });
      push(allocations, {
        tenant_id: tenantId,
        id: newId(),
        payment_id: id,
        invoice_id: d.id,
        amount: cents(due),
        allocated_on: receivedOn,
      });
    }

    // Interventions: those the invoices bill, completed a few days before, and those waiting to be billed.
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
      requested_at: 'timestamptz',
      started_at: 'timestamptz',
      completed_at: 'timestamptz',
      travel_count: 'int4',
    });
    const labour = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      intervention_id: 'uuid',
      technician_id: 'uuid',
      work_date: 'date',
      hours: 'numeric',
      labour_type: 'text',
    });
    const used = columns({ tenant_id: 'uuid', id: 'uuid', intervention_id: 'uuid', catalog_item_id: 'uuid', quantity: 'numeric' });
    const lines = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      invoice_id: 'uuid',
      position: 'int4',
      kind: 'text',
      description: 'text',
      quantity: 'numeric',
      unit: 'text',
      unit_price: 'numeric',
      vat_rate_code: 'text',
      vat_category: 'text',
      vat_rate: 'numeric',
      line_net: 'numeric',
      intervention_id: 'uuid',
    });
    const links = columns({ tenant_id: 'uuid', invoice_id: 'uuid', intervention_id: 'uuid' });
    const closed: { id: string; at: string }[] = [];
    let interventionNumber = 0;
    const addIntervention = (id: string, customer: CustomerRow, completedOn: string): void => {
      const site = pick(random, sitesOf.get(customer.id) ?? []);
      const at = `${completedOn}T15:00:00+01:00`;
      interventionNumber += 1;
      push(interventions, {
        tenant_id: tenantId,
        id,
        number: `I-BENCH-${String(interventionNumber).padStart(6, '0')}`,
        type: 'CORRECTIVE',
        priority: 'NORMAL',
        status: 'COMPLETED',
        title: 'Dépannage',
        customer_id: customer.id,
        site_id: site.id,
        requested_at: `${shiftDate(completedOn, -3)}T09:00:00+01:00`,
        started_at: `${completedOn}T09:00:00+01:00`,
        completed_at: at,
        travel_count: 1,
      });
      const crew = random() < 0.3 ? 2 : 1;
      for (let t = 0; t < crew; t += 1)
        push(labour, {
          tenant_id: tenantId,
          id: newId(),
          intervention_id: id,
          technician_id: pick(random, technicianIds),
          work_date: completedOn,
          hours: (1 + Math.floor(random() * 12) / 2).toFixed(2),
          labour_type: 'NORMAL',
        });
      const partCount = Math.floor(random() * 3);
      for (let p = 0; p < partCount; p += 1)
        push(used, {
          tenant_id: tenantId,
          id: newId(),
          intervention_id: id,
          catalog_item_id: pick(random, partPrices).id,
          quantity: String(1 + Math.floor(random() * 3)),
        });
      closed.push({ id, at });
    };
    const line = (d: Doc, position: number, kind: string, netCents: number, interventionId: string | null) =>
      push(lines, {
        tenant_id: tenantId,
        id: newId(),
        invoice_id: d.id,
        position,
        kind,
        description: kind === 'FEE' ? 'Maintenance — période mensuelle' : kind === 'LABOUR' ? 'Main-d’œuvre' : 'Travaux',
        quantity: '1',
        unit: 'C62',
        unit_price: cents(netCents),
        vat_rate_code: 'TVA20',
        vat_category: 'S',
        vat_rate: '20.00',
        line_net: cents(netCents),
        intervention_id: interventionId,
      });
    for (const d of docs) {
      if (d.interventionId) {
        addIntervention(d.interventionId, d.customer, shiftDate(d.issueDate, -(1 + Math.floor(random() * 10))));
        const labourCents = Math.round(d.netCents * 0.6);
        line(d, 0, 'LABOUR', labourCents, d.interventionId);
        line(d, 1, 'TRAVEL', 4_500 > d.netCents - labourCents ? d.netCents - labourCents : 4_500, d.interventionId);
        if (d.netCents - labourCents > 4_500) line(d, 2, 'PART', d.netCents - labourCents - 4_500, d.interventionId);
        push(links, { tenant_id: tenantId, invoice_id: d.id, intervention_id: d.interventionId });
      } else line(d, 0, d.contractId ? 'FEE' : 'OTHER', d.netCents, null);
    }
    const invoiced = closed.length;
    for (let i = 0; i < UNBILLED; i += 1)
      addIntervention(newId(), customers[Math.floor(random() * customers.length)]!, shiftDate(today, -Math.floor(random() * 60)));

    const invoices = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      series: 'text',
      status: 'text',
      type_code: 'text',
      customer_id: 'uuid',
      contract_id: 'uuid',
      credited_invoice_id: 'uuid',
      total_net: 'numeric',
      total_vat: 'numeric',
      total_gross: 'numeric',
      amount_due: 'numeric',
      created_at: 'timestamptz',
    });
    for (const d of docs) {
      const vat = vatOf(d.netCents);
      push(invoices, {
        tenant_id: tenantId,
        id: d.id,
        series: d.typeCode === '381' ? 'AV' : 'F',
        status: 'DRAFT',
        type_code: d.typeCode,
        customer_id: d.customer.id,
        contract_id: d.contractId,
        credited_invoice_id: d.creditedId,
        total_net: cents(d.netCents),
        total_vat: cents(vat),
        total_gross: cents(d.netCents + vat),
        amount_due: cents(d.netCents + vat),
        created_at: `${d.issueDate}T08:00:00Z`,
      });
    }
    await copyColumns(client, 'invoices', invoices);
    await copyColumns(client, 'interventions', interventions);
    await copyColumns(client, 'intervention_labour', labour);
    await copyColumns(client, 'intervention_parts', used);
    await copyColumns(client, 'invoice_lines', lines);
    await copyColumns(client, 'invoice_interventions', links);

    // Issued, with their numbers, buyers and settlement; the interventions invoiced or closed.
    const issue = columns({
      id: 'uuid',
      number: 'text',
      issue_date: 'date',
      due_date: 'date',
      buyer: 'jsonb',
      paid: 'numeric',
      credited: 'numeric',
      last_payment_on: 'date',
    });
    for (const d of docs)
      push(issue, {
        id: d.id,
        number: d.number,
        issue_date: d.issueDate,
        due_date: d.dueDate,
        buyer: {
          name: d.customer.name,
          siren: d.customer.siren,
          siret: null,
          vatNumber: null,
          address: {
            line1: d.customer.billing_address_line1,
            line2: null,
            postalCode: d.customer.billing_postal_code,
            city: d.customer.billing_city,
            country: 'FR',
          },
        },
        paid: cents(d.paidCents),
        credited: cents(d.creditedCents),
        last_payment_on: d.paidOn,
      });
    await client.query(
      `create temp table bench_issue (id uuid, number text, issue_date date, due_date date, buyer jsonb, paid numeric, credited numeric,
                                      last_payment_on date) on commit drop`,
    );
    await copyColumns(client, 'bench_issue', issue);
    await client.query(
      `update invoices i set status = 'ISSUED', number = s.number, issue_date = s.issue_date, due_date = s.due_date, buyer = s.buyer,
          issued_at = s.issue_date + time '09:00', sent_at = s.issue_date + time '09:00', paid_amount = s.paid, credited_amount = s.credited,
          last_payment_on = s.last_payment_on
         from bench_issue s where i.tenant_id = $1 and i.id = s.id`,
      [tenantId],
    );
    await copyColumns(client, 'payments', payments);
    await copyColumns(client, 'payment_allocations', allocations);
    await client.query(
      `update interventions set status = case when id = any($2::uuid[]) then 'INVOICED' else 'CLOSED' end,
          closed_at = completed_at + interval '1 hour'
        where tenant_id = $1`,
      [
        tenantId,
        `{${closed
          .slice(0, invoiced)
          .map((c) => c.id)
          .join(',')}}`,
      ],
    );
    for (const [key, value] of counters) {
      const [series, year] = key.split('|') as [string, string];
      await client.query(
        `insert into tenant_counters (tenant_id, name, value) values ($1, $2, $3)
         on conflict (tenant_id, name) do update set value = excluded.value`,
        [tenantId, invoiceCounterName(series, year), value],
      );
    }
    await client.query('commit');
    // As autovacuum leaves a table after such a load: statistics, and the visibility map the
    // index-only scans read (the issue and closing updates left a dead version of every row). Every
    // table loaded: without fresh statistics for the tenant's 1,011 contract sites (a tenth of the
    // table), the profitability by site joined them by nested loops, 6.8 s instead of 0.7.
    await client.query(
      `vacuum (analyze) customers, sites, catalog_items, technicians, contracts, contract_sites, contract_billing_terms,
         contract_fee_lines, invoices, invoice_lines, invoice_interventions, payments, payment_allocations, interventions,
         intervention_labour, intervention_parts`,
    );
    const paid = docs.filter((d) => d.paidCents > 0).length;
    return {
      tenantId,
      email: DASHBOARD_USER,
      today,
      customers: customers.length,
      invoices: invoicesOnly,
      creditNotes: invoiceCount - invoicesOnly,
      interventions: closed.length,
      payments: paid,
      openInvoices: docs.filter((d) => d.typeCode === '380' && d.paidCents === 0 && d.netCents + vatOf(d.netCents) > d.creditedCents)
        .length,
      contracts: CONTRACTS,
      milliseconds: Date.now() - started,
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
