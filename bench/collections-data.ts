/**
 * The collections bench's tenant: a tenant of its own with an accountant, a few thousand customers
 * (the same generator as the read scenarios), N issued and unpaid invoices all overdue today
 * (numbered per year in issue-date order, every open balance a different amount), half of the
 * customers with an IBAN known from an earlier payment (a paid invoice, its payment from that IBAN
 * and the allocation), reminders already sent on part of the invoices (levels 1 to 3), a few
 * disputes and payment promises. Everything but the tenant and its customers is written with COPY
 * as the admin, scoped to the tenant (row-level security is forced) and labelled `bench-data` for
 * the audit trigger, which logs every row as for any insert; the invoices are inserted ISSUED with
 * their settlement already known, which the immutability trigger allows (it guards updates).
 *
 * Then the CAMT.053 statement the scenario imports (`camt053Statement`), with M movements:
 * 60 % citing one invoice number with its exact open balance, 10 % citing a number with a partial
 * amount, 10 % paid from a customer's known IBAN with the exact balance of one of its invoices and
 * no reference, 10 % unrelated credits, 10 % debits; and what the import must do with them.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  DEFAULT_DUNNING_LEVELS,
  camt053Statement,
  formatInvoiceNumber,
  invoiceCounterName,
  localDate,
  newId,
  shiftDate,
  type SampleEntry,
} from '@relais/domain';
import { ribKey, ribToIban } from '@relais/domain/finance/sepa/bank-account';
import { companyName, personName, pick, seededRandom } from '@relais/domain/seed/french-data';
import { provisionBenchTenant } from './billing-data';
import { columns, generateCustomers, push, type Columns } from './data';

export const COLLECTIONS_TENANT = {
  slug: 'bench-encaissements',
  name: 'Bench Encaissements',
  domain: 'encaissements.bench.relais.fr',
} as const;
export const COLLECTIONS_USER = `comptable@${COLLECTIONS_TENANT.domain}`;
/** The tenant's own account, which the statement is for. */
export const TENANT_IBAN = 'FR7630004008230001012345669';

/** About this many open invoices per customer. */
const INVOICES_PER_CUSTOMER = 16;
/** Customers whose IBAN is known from an earlier payment. */
const IBAN_CUSTOMER_SHARE = 0.5;
/** The statement's mix. */
export const MOVEMENT_MIX = { exact: 0.6, partial: 0.1, iban: 0.1, unrelated: 0.1, debit: 0.1 } as const;

export interface PartialPayment {
  reference: string;
  invoiceId: string;
  amount: string;
}

export interface CollectionsTenant {
  tenantId: string;
  userId: string;
  email: string;
  /** The tenant-local date the data is built around (the dunning preview's date; movements are booked before it). */
  today: string;
  customers: number;
  ibanCustomers: number;
  openInvoices: number;
  /** Their open balances added up. */
  openTotal: string;
  /** The earlier paid invoices whose payments made the IBANs known. */
  paidInvoices: number;
  reminders: number;
  disputes: number;
  promises: number;
  statement: {
    content: Buffer;
    fileName: string;
    from: string;
    to: string;
    movements: number;
    credits: number;
    byKind: Record<keyof typeof MOVEMENT_MIX, number>;
    /** Bytes of the file as camt053Statement writes it (indented), before the indentation is dropped. */
    indentedBytes: number;
  };
  expected: {
    /** Invoices paid in full by a movement citing their number with the exact amount. */
    exactInvoiceIds: string[];
    /** Invoices paid in full by a movement from the customer's known IBAN, without reference. */
    ibanInvoiceIds: string[];
    /** Movements citing a number with less than its balance: proposed, never recorded. */
    partial: PartialPayment[];
    /** Bank references of the debits (never matched). */
    debitReferences: string[];
    /** Bank references of the unrelated credits. */
    unrelatedReferences: string[];
  };
  milliseconds: number;
}

/** Rows in COPY's text format: tab-separated, `\N` for null, backslash escapes. */
function* copyText(cols: Columns): Generator<string> {
  const entries = Object.values(cols);
  const total = entries[0]?.values.length ?? 0;
  const escape = (value: unknown): string => {
    if (value === null || value === undefined) return '\\N';
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
  };
  let chunk = '';
  for (let i = 0; i < total; i += 1) {
    chunk += entries.map((col) => escape(col.values[i])).join('\t') + '\n';
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** `COPY table (columns) FROM STDIN` of the rows collected in `cols`; returns the rows copied. */
export async function copyColumns(client: pg.ClientBase, table: string, cols: Columns): Promise<number> {
  const stream = client.query(copyFrom(`copy ${table} (${Object.keys(cols).join(', ')}) from stdin`));
  await pipeline(Readable.from(copyText(cols)), stream);
  return stream.rowCount;
}

/** A valid French IBAN (RIB key and check digits computed) for account number `n`. */
function frenchIban(n: number, bank = '30076', branch = '02001'): string {
  const account = String(n).padStart(11, '0');
  return ribToIban({ bankCode: bank, branchCode: branch, accountNumber: account, key: ribKey(bank, branch, account) });
}

/** "Société Dupont & Fils" -> "SOCIETE DUPONT & FILS", as banks print payers. */
const upper = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();

const cents = (value: number) => (value / 100).toFixed(2);

/** `count` distinct amounts in cents between `min` and `max` euros (drawn again on a collision). */
function distinctCents(random: () => number, count: number, min: number, max: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  while (out.length < count) {
    const value = Math.round((min + random() * (max - min)) * 100);
    if (seen.has(value)) continue;
    seen.add(value);
    out.push(value);
  }
  return out;
}

function shuffle<T>(random: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

interface CustomerRow {
  id: string;
  code: string;
  name: string;
  siren: string | null;
  siret: string | null;
  vat_number: string | null;
  email: string | null;
  billing_address_line1: string;
  billing_postal_code: string;
  billing_city: string;
  payment_terms_days: number | null;
}

interface InvoicePlan {
  id: string;
  customer: CustomerRow;
  issueDate: string;
  dueDate: string;
  grossCents: number;
  paid: boolean;
  number?: string;
}

/**
 * Creates the tenant and its data (see the file comment). `openInvoices` invoices are open and
 * overdue on `today`; the statement has `movements` movements booked over the 30 days before it.
 */
export async function generateCollectionsTenant(
  adminUrl: string,
  options: { openInvoices: number; movements: number; today?: string; seed?: number },
): Promise<CollectionsTenant> {
  const started = Date.now();
  const random = seededRandom(options.seed ?? 2029);
  const today = options.today ?? localDate(new Date());
  const customerCount = Math.max(50, Math.round(options.openInvoices / INVOICES_PER_CUSTOMER));
  const tenantId = await provisionBenchTenant(adminUrl, COLLECTIONS_TENANT, {
    seed: 4,
    user: { local: 'comptable', fullName: 'Aurélie Bench', role: 'accountant' },
  });
  await generateCustomers(adminUrl, tenantId, customerCount, options.seed ?? 2029);

  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.operation', 'bench-data', true)`, [tenantId]);
    const userId = (
      await client.query<{ id: string }>('select id from users where tenant_id = $1 and email = $2', [tenantId, COLLECTIONS_USER])
    ).rows[0]!.id;
    const customers = (
      await client.query<CustomerRow>(
        `select id, code, name, siren, siret, vat_number, email, billing_address_line1, billing_postal_code, billing_city, payment_terms_days
           from customers where tenant_id = $1 order by code`,
        [tenantId],
      )
    ).rows;
    const ibanOf = new Map<string, string>();
    customers.forEach((c, i) => {
      if (random() < IBAN_CUSTOMER_SHARE) ibanOf.set(c.id, frenchIban(1_000_000 + i));
    });

    // The invoices: open ones issued 61 to 400 days ago, due 30, 45 or 60 days later (so all overdue
    // today); one earlier paid invoice per customer with a known IBAN. Every amount is different.
    const open = options.openInvoices;
    const amounts = distinctCents(random, open + ibanOf.size, 80, 12_000);
    const plans: InvoicePlan[] = [];
    for (let i = 0; i < open; i += 1) {
      const customer = customers[Math.floor(random() * customers.length)]!;
      const issueDate = shiftDate(today, -(61 + Math.floor(random() * 340)));
      plans.push({
        id: newId(),
        customer,
        issueDate,
        dueDate: shiftDate(issueDate, pick(random, [30, 30, 45, 60])),
        grossCents: amounts[i]!,
        paid: false,
      });
    }
    let k = open;
    for (const customer of customers) {
      if (!ibanOf.has(customer.id)) continue;
      const issueDate = shiftDate(today, -(420 + Math.floor(random() * 60)));
      plans.push({ id: newId(), customer, issueDate, dueDate: shiftDate(issueDate, 30), grossCents: amounts[k++]!, paid: true });
    }
    // Legal numbers per year, in issue-date order.
    const sorted = [...plans].sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0));
    const perYear = new Map<string, number>();
    for (const plan of sorted) {
      const year = plan.issueDate.slice(0, 4);
      const next = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, next);
      plan.number = formatInvoiceNumber('F', year, next);
    }

    const invoices = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      number: 'text',
      series: 'text',
      status: 'text',
      type_code: 'text',
      customer_id: 'uuid',
      issue_date: 'date',
      due_date: 'date',
      buyer: 'jsonb',
      total_net: 'numeric',
      total_vat: 'numeric',
      total_gross: 'numeric',
      amount_due: 'numeric',
      paid_amount: 'numeric',
      issued_at: 'timestamptz',
      sent_at: 'timestamptz',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    });
    for (const plan of sorted) {
      const c = plan.customer;
      // Net and VAT at 20 % adding up to the gross amount to the cent.
      const net = Math.round(plan.grossCents / 1.2);
      const issuedAt = `${plan.issueDate}T09:00:00Z`;
      push(invoices, {
        tenant_id: tenantId,
        id: plan.id,
        number: plan.number,
        series: 'F',
        status: 'ISSUED',
        type_code: '380',
        customer_id: c.id,
        issue_date: plan.issueDate,
        due_date: plan.dueDate,
        buyer: {
          name: c.name,
          siren: c.siren,
          siret: c.siret,
          vatNumber: c.vat_number,
          address: { line1: c.billing_address_line1, line2: null, postalCode: c.billing_postal_code, city: c.billing_city, country: 'FR' },
        },
        total_net: cents(net),
        total_vat: cents(plan.grossCents - net),
        total_gross: cents(plan.grossCents),
        amount_due: cents(plan.grossCents),
        paid_amount: plan.paid ? cents(plan.grossCents) : '0.00',
        issued_at: issuedAt,
        sent_at: issuedAt,
        created_at: issuedAt,
        updated_at: issuedAt,
      });
    }
    await copyColumns(client, 'invoices', invoices);
    for (const [year, value] of perYear)
      await client.query(
        `insert into tenant_counters (tenant_id, name, value) values ($1, $2, $3)
         on conflict (tenant_id, name) do update set value = excluded.value`,
        [tenantId, invoiceCounterName('F', year), value],
      );

    // The earlier payments that made the IBANs known, each allocated in full to its paid invoice.
    const payments = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      customer_id: 'uuid',
      received_on: 'date',
      amount: 'numeric',
      method: 'text',
      payer_name: 'text',
      payer_iban: 'text',
      reference: 'text',
      allocated_amount: 'numeric',
      recorded_by: 'uuid',
    });
    const allocations = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      payment_id: 'uuid',
      invoice_id: 'uuid',
      amount: 'numeric',
      allocated_on: 'date',
      allocated_by: 'uuid',
    });
    for (const plan of plans.filter((p) => p.paid)) {
      const paymentId = newId();
      const receivedOn = shiftDate(plan.dueDate, -Math.floor(random() * 10));
      push(payments, {
        tenant_id: tenantId,
        id: paymentId,
        customer_id: plan.customer.id,
        received_on: receivedOn,
        amount: cents(plan.grossCents),
        method: 'TRANSFER',
        payer_name: upper(plan.customer.name),
        payer_iban: ibanOf.get(plan.customer.id),
        reference: `VIR ${plan.number}`,
        allocated_amount: cents(plan.grossCents),
        recorded_by: userId,
      });
      push(allocations, {
        tenant_id: tenantId,
        id: newId(),
        payment_id: paymentId,
        invoice_id: plan.id,
        amount: cents(plan.grossCents),
        allocated_on: receivedOn,
        allocated_by: userId,
      });
    }
    await copyColumns(client, 'payments', payments);
    await copyColumns(client, 'payment_allocations', allocations);

    // Reminders already sent, each on the day its level was reached: level 1 on 40 % of the invoices
    // at least 7 days late, then level 2 on half of those 15 days late, level 3 on a quarter of those
    // 30 days late; a few disputes and promises.
    const openPlans = plans.filter((p) => !p.paid);
    const reminders = columns({
      tenant_id: 'uuid',
      id: 'uuid',
      invoice_id: 'uuid',
      customer_id: 'uuid',
      level_rank: 'int4',
      level_name: 'text',
      channel: 'text',
      formal_notice: 'bool',
      sent_on: 'date',
      days_late: 'int4',
      open_balance: 'numeric',
      sent_to: 'text[]',
      created_by: 'uuid',
    });
    const states = columns({
      tenant_id: 'uuid',
      invoice_id: 'uuid',
      disputed: 'bool',
      dispute_reason: 'text',
      promise_until: 'date',
      promise_note: 'text',
      updated_by: 'uuid',
    });
    let disputes = 0;
    let promises = 0;
    for (const plan of openPlans) {
      for (const level of DEFAULT_DUNNING_LEVELS) {
        const sentOn = shiftDate(plan.dueDate, level.daysAfterDue);
        if (sentOn >= today || random() >= (level.rank === 1 ? 0.4 : level.rank === 2 ? 0.5 : 0.25)) break;
        push(reminders, {
          tenant_id: tenantId,
          id: newId(),
          invoice_id: plan.id,
          customer_id: plan.customer.id,
          level_rank: level.rank,
          level_name: level.name,
          channel: level.channel,
          formal_notice: level.formalNotice,
          sent_on: sentOn,
          days_late: level.daysAfterDue,
          open_balance: cents(plan.grossCents),
          sent_to: level.channel === 'EMAIL' && plan.customer.email ? `{${plan.customer.email}}` : '{}',
          created_by: userId,
        });
      }
      const r = random();
      if (r < 0.01) {
        disputes += 1;
        push(states, {
          tenant_id: tenantId,
          invoice_id: plan.id,
          disputed: true,
          dispute_reason: 'Le client conteste les heures facturées',
          updated_by: userId,
        });
      } else if (r < 0.02) {
        promises += 1;
        push(states, {
          tenant_id: tenantId,
          invoice_id: plan.id,
          disputed: false,
          promise_until: shiftDate(today, 1 + Math.floor(random() * 20)),
          promise_note: 'Virement promis par téléphone',
          updated_by: userId,
        });
      }
    }
    await copyColumns(client, 'reminders', reminders);
    await copyColumns(client, 'invoice_collection_states', states);
    await client.query('commit');
    await client.query('analyze invoices, payments, payment_allocations, reminders, invoice_collection_states, tenant_counters');

    const statement = buildStatement(random, today, options.movements, openPlans, ibanOf);
    return {
      tenantId,
      userId,
      email: COLLECTIONS_USER,
      today,
      customers: customers.length,
      ibanCustomers: ibanOf.size,
      openInvoices: openPlans.length,
      openTotal: cents(openPlans.reduce((t, p) => t + p.grossCents, 0)),
      paidInvoices: plans.length - openPlans.length,
      reminders: reminders.id!.values.length,
      disputes,
      promises,
      statement: statement.statement,
      expected: statement.expected,
      milliseconds: Date.now() - started,
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

const EXACT_REMITTANCES = [
  (n: string) => `FACTURE ${n}`,
  (n: string) => `REGLEMENT FACTURE ${n}`,
  (n: string) => `REF ${n}`,
  (n: string) => `PAIEMENT ${n} MERCI`,
];
const UNRELATED_REMITTANCES = ['REMBOURSEMENT TROP PERCU', 'VIREMENT DIVERS', 'REMISE CHEQUES', 'INDEMNITE ASSURANCE', 'VIREMENT INTERNE'];
const DEBITS = [
  { remittance: 'COMMISSION TENUE DE COMPTE', name: null },
  { remittance: 'PRLV URSSAF COTISATIONS', name: 'URSSAF PAYS DE LA LOIRE' },
  { remittance: 'FACTURE FOURNISSEUR PIECES', name: 'DISTRIBUTEUR CVC OUEST' },
  { remittance: 'LOYER LOCAUX', name: 'SCI DES DUCS' },
  { remittance: 'CARBURANT FLOTTE', name: 'TOTALENERGIES MARKETING' },
];

/** The statement and what its import must do (see the file comment for the mix). */
function buildStatement(
  random: () => number,
  today: string,
  count: number,
  openPlans: readonly InvoicePlan[],
  ibanOf: ReadonlyMap<string, string>,
): { statement: CollectionsTenant['statement']; expected: CollectionsTenant['expected'] } {
  const byKind = {
    exact: Math.round(count * MOVEMENT_MIX.exact),
    partial: Math.round(count * MOVEMENT_MIX.partial),
    iban: Math.round(count * MOVEMENT_MIX.iban),
    unrelated: Math.round(count * MOVEMENT_MIX.unrelated),
    debit: 0,
  };
  byKind.debit = count - byKind.exact - byKind.partial - byKind.iban - byKind.unrelated;
  const from = shiftDate(today, -30);
  const to = shiftDate(today, -1);
  const bookingDate = () => shiftDate(from, Math.floor(random() * 30));
  const entries: SampleEntry[] = [];
  let reference = 0;
  const nextReference = () => `BQ${today.replaceAll('-', '')}${String(++reference).padStart(8, '0')}`;
  let strangers = 0;
  const strangerIban = () => frenchIban(5_000_000 + ++strangers, '10278', '36000');

  // Each paid or proposed invoice is a different one; the IBAN ones come from customers with a known IBAN.
  const pool = shuffle(random, [...openPlans]);
  const withIban = pool.filter((p) => ibanOf.has(p.customer.id));
  if (withIban.length < byKind.iban || pool.length < byKind.exact + byKind.partial + byKind.iban)
    throw new Error(`not enough open invoices (${pool.length}) for ${count} movements`);
  const ibanPlans = withIban.slice(0, byKind.iban);
  const taken = new Set(ibanPlans);
  const others = pool.filter((p) => !taken.has(p));
  const exactPlans = others.slice(0, byKind.exact);
  const partialPlans = others.slice(byKind.exact, byKind.exact + byKind.partial);

  for (const plan of exactPlans) {
    const known = ibanOf.get(plan.customer.id);
    entries.push({
      amount: cents(plan.grossCents),
      bookingDate: bookingDate(),
      reference: nextReference(),
      remittance: pick(random, EXACT_REMITTANCES)(plan.number!),
      counterpartyName: upper(plan.customer.name),
      counterpartyIban: known && random() < 0.5 ? known : strangerIban(),
    });
  }
  const partial: PartialPayment[] = [];
  for (const plan of partialPlans) {
    const amount = cents(Math.max(1, Math.floor(plan.grossCents * (0.2 + random() * 0.6))));
    const ref = nextReference();
    partial.push({ reference: ref, invoiceId: plan.id, amount });
    entries.push({
      amount,
      bookingDate: bookingDate(),
      reference: ref,
      remittance: `ACOMPTE FACTURE ${plan.number}`,
      counterpartyName: upper(plan.customer.name),
      counterpartyIban: strangerIban(),
    });
  }
  for (const plan of ibanPlans)
    entries.push({
      amount: cents(plan.grossCents),
      bookingDate: bookingDate(),
      reference: nextReference(),
      remittance: pick(random, ['VIREMENT', 'REGLEMENT CLIENT', 'PAIEMENT FOURNISSEUR']),
      counterpartyName: upper(plan.customer.name),
      counterpartyIban: ibanOf.get(plan.customer.id)!,
    });
  const unrelatedReferences: string[] = [];
  for (let i = 0; i < byKind.unrelated; i += 1) {
    const ref = nextReference();
    unrelatedReferences.push(ref);
    entries.push({
      amount: cents(1_000 + Math.floor(random() * 500_000)),
      bookingDate: bookingDate(),
      reference: ref,
      remittance: pick(random, UNRELATED_REMITTANCES),
      counterpartyName: random() < 0.5 ? upper(personName(random)) : upper(companyName(random)),
      counterpartyIban: strangerIban(),
    });
  }
  const debitReferences: string[] = [];
  for (let i = 0; i < byKind.debit; i += 1) {
    const debit = pick(random, DEBITS);
    const ref = nextReference();
    debitReferences.push(ref);
    entries.push({
      amount: `-${cents(500 + Math.floor(random() * 300_000))}`,
      bookingDate: bookingDate(),
      reference: ref,
      remittance: debit.remittance,
      counterpartyName: debit.name,
      counterpartyIban: debit.name ? strangerIban() : null,
    });
  }
  // In booking order, as a bank writes them.
  shuffle(random, entries).sort((a, b) => (a.bookingDate < b.bookingDate ? -1 : a.bookingDate > b.bookingDate ? 1 : 0));
  const indented = camt053Statement({
    id: `RELEVE-${to}`,
    iban: TENANT_IBAN,
    ownerName: upper(`${COLLECTIONS_TENANT.name} SAS`),
    from,
    to,
    openingBalance: '184230.35',
    entries,
  });
  // Banks send it unindented; indented, 10,000 movements weigh more than the import's 10 MB limit.
  const content = Buffer.from(indented.replace(/>\s+</g, '><'));
  return {
    statement: {
      content,
      fileName: `releve-${from}-${to}.xml`,
      from,
      to,
      movements: entries.length,
      credits: entries.length - byKind.debit,
      byKind,
      indentedBytes: Buffer.byteLength(indented),
    },
    expected: {
      exactInvoiceIds: exactPlans.map((p) => p.id),
      ibanInvoiceIds: ibanPlans.map((p) => p.id),
      partial,
      debitReferences,
      unrelatedReferences,
    },
  };
}
