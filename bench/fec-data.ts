/**
 * The FEC bench's tenant: a company with one fiscal year (the twelve months before this one, opened
 * with `openFiscalYear`, so its fiscal_years row and its 12 accounting_periods rows are the
 * service's) whose ledger holds exactly N journal lines (1,000,000 by default, BENCH_FEC_LINES):
 * sales entries (VT) of invoices with labour, travel and parts at 20 % VAT (D 411 customer, C 706 /
 * 7085 / 707, C 445711 on issue for the goods and on payment for the services: 3 to 6 lines) and
 * the bank receipts (BQ) that pay them (D 512 / C 411 customer), mostly as pairs of 8 lines, spread
 * over the year, for a few thousand customers with their codes (auxiliary accounts 411<code>).
 * Each entry has its source fact in business_facts (`invoice.issued`, `payment.recorded`), and the
 * ledger's cursor is moved past them, as the posting job leaves it.
 *
 * Facts, entries and lines are written with COPY as the admin, scoped to the tenant (row-level
 * security is forced), one transaction per month: an entry's lines must be written in its
 * transaction, and the ledger's triggers run as for any posting (lines with their entry, balance at
 * commit, period open, audit of every row). Then the first ten months are closed one after the
 * other as `closePeriod` does it, on the 5th of the following month: `validateEntries` numbers the
 * month's entries per journal in date order (journal code and 6-digit sequence, the counters in
 * ledger_journal_counters) with the closing time as `validated_at`, and the period is marked
 * closed with its history event. The last two months stay open: their entries have no number yet
 * (the export numbers them provisionally).
 */
import pg from 'pg';
import {
  AccountingPeriod,
  AccountingPeriodEvent,
  DEFAULT_LEDGER_ACCOUNTS,
  createOrm,
  customerAuxiliaryAccount,
  formatInvoiceNumber,
  inTenantScope,
  lastDayOfMonth,
  localDate,
  monthStart,
  newId,
  openFiscalYear,
  shiftDate,
  type Identity,
} from '@relais/domain';
import { validateEntries } from '@relais/domain/finance/ledger/entry-numbering';
import { seededRandom } from '@relais/domain/seed/french-data';
import { provisionBenchTenant } from './billing-data';
import { copyColumns } from './collections-data';
import { columns, generateCustomers, push, type Columns } from './data';

export const FEC_TENANT = { slug: 'bench-fec', name: 'Bench FEC', domain: 'fec.bench.relais.fr' } as const;
export const FEC_USER = `comptable@${FEC_TENANT.domain}`;
const ACCOUNTANT = 'Odile Bench';

const CUSTOMERS = 3_000;
/** Months of the fiscal year closed (the first ones); the others stay open. */
const CLOSED_MONTHS = 10;
/** Days between an invoice and its receipt, at most (never after the year's end). */
const PAYMENT_DELAY_DAYS = 60;
const A = DEFAULT_LEDGER_ACCOUNTS;
const VAT_ACCOUNT = A.vatAccounts.find((v) => v.rate === '20.00')!.account;

/** Lines of an invoice entry: 411 + labour [+ travel] [+ parts] + VAT on payment [+ VAT on issue when parts]. */
export type InvoiceShape = 3 | 4 | 5 | 6;

export interface EntryShapes {
  /** Invoices of 6 lines, each paid by a receipt of 2 lines. */
  pairs: number;
  /** Invoices of fewer lines, unpaid. */
  invoices: InvoiceShape[];
  /** Receipts of 2 lines paying no invoice of the year (on account). */
  receipts: number;
}

/** The entries that make exactly `lines` journal lines: pairs of 8 lines, the rest in one or two smaller entries. */
export function entryShapes(lines: number): EntryShapes {
  if (!Number.isInteger(lines) || lines < 2) throw new Error(`a FEC needs at least 2 lines (one balanced entry), got ${lines}`);
  const pairs = Math.floor(lines / 8);
  switch (lines % 8) {
    case 0:
      return { pairs, invoices: [], receipts: 0 };
    case 1:
      return { pairs: pairs - 1, invoices: [6, 3], receipts: 0 };
    case 2:
      return { pairs, invoices: [], receipts: 1 };
    case 7:
      return { pairs, invoices: [5], receipts: 1 };
    default:
      return { pairs, invoices: [(lines % 8) as InvoiceShape], receipts: 0 };
  }
}

export interface FecTenant {
  tenantId: string;
  userId: string;
  email: string;
  siren: string;
  fiscalYear: { id: string; startsOn: string; endsOn: string };
  /** Last day of the last closed month. */
  closedThrough: string;
  customers: number;
  lines: number;
  entries: number;
  invoices: number;
  receipts: number;
  /** Entries numbered by the closings; the others are numbered provisionally at export. */
  validatedEntries: number;
  provisionalEntries: number;
  /** What the whole file must add up to, in cents (debit = credit). */
  totalCents: bigint;
  timings: { customersMs: number; ledgerMs: number; commitMs: number; closingMs: number; vacuumMs: number };
  milliseconds: number;
}

interface Customer {
  id: string;
  code: string;
  name: string;
}

interface PlannedEntry {
  journal: 'VT' | 'BQ';
  date: string;
  customer: Customer;
  /** VT: the invoice's nets in cents (0 when the shape has no such line); BQ: `labour` is the amount received. */
  labour: number;
  travel: number;
  parts: number;
  /** VT: its number; BQ: the number of the invoice it pays, or null (on account). */
  invoiceNumber: string | null;
  lines: number;
}

const euros = (cents: number) => (cents / 100).toFixed(2);

/** VAT at 20 % on the invoice's net, split between the goods (due on issue) and the services (due on payment). */
export function invoiceVat(entry: Pick<PlannedEntry, 'labour' | 'travel' | 'parts'>): { onIssue: number; onPayment: number } {
  const net = entry.labour + entry.travel + entry.parts;
  const tax = Math.round(net / 5);
  const onIssue = entry.parts === 0 ? 0 : Math.round((tax * entry.parts) / net);
  return { onIssue, onPayment: tax - onIssue };
}

const grossOf = (entry: PlannedEntry) => {
  const vat = invoiceVat(entry);
  return entry.labour + entry.travel + entry.parts + vat.onIssue + vat.onPayment;
};

function planEntries(random: () => number, shapes: EntryShapes, customers: Customer[], year: { startsOn: string; endsOn: string }) {
  const days = (Date.parse(`${year.endsOn}T00:00:00Z`) - Date.parse(`${year.startsOn}T00:00:00Z`)) / 86_400_000 + 1;
  const invoice = (shape: InvoiceShape): PlannedEntry => ({
    journal: 'VT',
    date: shiftDate(year.startsOn, Math.floor(random() * days)),
    customer: customers[Math.floor(random() * customers.length)]!,
    labour: 8_000 + Math.floor(random() * 150_000),
    travel: shape === 4 || shape === 6 ? 3_500 + Math.floor(random() * 3) * 1_000 : 0,
    parts: shape >= 5 ? 1_000 + Math.floor(random() * 60_000) : 0,
    invoiceNumber: null,
    lines: shape,
  });
  const receipt = (date: string, customer: Customer, amount: number, invoiceNumber: string | null): PlannedEntry => ({
    journal: 'BQ',
    date,
    customer,
    labour: amount,
    travel: 0,
    parts: 0,
    invoiceNumber,
    lines: 2,
  });

  const paid = Array.from({ length: shapes.pairs }, () => invoice(6));
  const invoices = [...paid, ...shapes.invoices.map(invoice)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const perYear = new Map<string, number>();
  for (const entry of invoices) {
    const calendarYear = entry.date.slice(0, 4);
    const next = (perYear.get(calendarYear) ?? 0) + 1;
    perYear.set(calendarYear, next);
    entry.invoiceNumber = formatInvoiceNumber('F', calendarYear, next);
  }
  const entries = [...invoices];
  for (const entry of paid) {
    const delay = Math.floor(random() * PAYMENT_DELAY_DAYS);
    const date = shiftDate(entry.date, delay) > year.endsOn ? year.endsOn : shiftDate(entry.date, delay);
    entries.push(receipt(date, entry.customer, grossOf(entry), entry.invoiceNumber));
  }
  for (let i = 0; i < shapes.receipts; i += 1) {
    const customer = customers[Math.floor(random() * customers.length)]!;
    entries.push(receipt(shiftDate(year.startsOn, Math.floor(random() * days)), customer, 10_000 + Math.floor(random() * 90_000), null));
  }
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const factColumns = () =>
  columns({
    tenant_id: 'uuid',
    id: 'uuid',
    kind: 'text',
    subject_type: 'text',
    subject_id: 'uuid',
    occurred_on: 'date',
    payload: 'jsonb',
    actor_id: 'uuid',
    recorded_at: 'timestamptz',
  });
const entryColumns = () =>
  columns({
    tenant_id: 'uuid',
    id: 'uuid',
    journal: 'text',
    entry_date: 'date',
    piece_ref: 'text',
    piece_date: 'date',
    label: 'text',
    source_fact_id: 'uuid',
    source_type: 'text',
    source_id: 'uuid',
    customer_id: 'uuid',
    posted_at: 'timestamptz',
  });
const lineColumns = () =>
  columns({
    tenant_id: 'uuid',
    id: 'uuid',
    entry_id: 'uuid',
    position: 'int4',
    account: 'text',
    auxiliary_account: 'text',
    auxiliary_label: 'text',
    label: 'text',
    debit: 'numeric',
    credit: 'numeric',
    vat_rate: 'numeric',
    vat_due_on: 'text',
  });

/** The rows of one entry, its fact and its lines, as the posting rules write them (entry-building.ts). */
function pushEntry(tenantId: string, userId: string, entry: PlannedEntry, rows: { facts: Columns; entries: Columns; lines: Columns }) {
  const factId = newId();
  const entryId = newId();
  const subjectId = newId();
  const at = `${entry.date}T17:00:00Z`;
  const { customer } = entry;
  const auxiliary = { auxiliary_account: customerAuxiliaryAccount(customer.code), auxiliary_label: customer.name };
  let position = 0;
  const line = (account: string, label: string, debit: number, credit: number, extra: Record<string, unknown> = {}) =>
    push(rows.lines, {
      tenant_id: tenantId,
      id: newId(),
      entry_id: entryId,
      position: position++,
      account,
      label,
      debit: euros(debit),
      credit: euros(credit),
      ...extra,
    });
  if (entry.journal === 'VT') {
    const gross = grossOf(entry);
    const vat = invoiceVat(entry);
    const label = `Facture ${entry.invoiceNumber} ${customer.name}`;
    push(rows.facts, {
      tenant_id: tenantId,
      id: factId,
      kind: 'invoice.issued',
      subject_type: 'Invoice',
      subject_id: subjectId,
      occurred_on: entry.date,
      payload: { number: entry.invoiceNumber, typeCode: '380', customerId: customer.id, totalGross: euros(gross), amountDue: euros(gross) },
      actor_id: userId,
      recorded_at: at,
    });
    push(rows.entries, {
      tenant_id: tenantId,
      id: entryId,
      journal: 'VT',
      entry_date: entry.date,
      piece_ref: entry.invoiceNumber,
      piece_date: entry.date,
      label,
      source_fact_id: factId,
      source_type: 'INVOICE',
      source_id: subjectId,
      customer_id: customer.id,
      posted_at: at,
    });
    const rate = { vat_rate: '20.00' };
    line(A.receivableAccount, label, gross, 0, auxiliary);
    line(A.labourAccount, label, 0, entry.labour, rate);
    if (entry.travel) line(A.travelAccount, label, 0, entry.travel, rate);
    if (entry.parts) line(A.partsAccount, label, 0, entry.parts, rate);
    if (vat.onIssue) line(VAT_ACCOUNT, `${label} — TVA 20 %`, 0, vat.onIssue, { ...rate, vat_due_on: 'ISSUE' });
    line(VAT_ACCOUNT, `${label} — TVA 20 % sur encaissements`, 0, vat.onPayment, { ...rate, vat_due_on: 'PAYMENT' });
  } else {
    const label = `Règlement virement ${customer.name}`;
    const reference = entry.invoiceNumber ? `VIR ${entry.invoiceNumber}` : `VIR ACOMPTE ${customer.code}`;
    push(rows.facts, {
      tenant_id: tenantId,
      id: factId,
      kind: 'payment.recorded',
      subject_type: 'Payment',
      subject_id: subjectId,
      occurred_on: entry.date,
      payload: { customerId: customer.id, amount: euros(entry.labour), method: 'TRANSFER' },
      actor_id: userId,
      recorded_at: at,
    });
    push(rows.entries, {
      tenant_id: tenantId,
      id: entryId,
      journal: 'BQ',
      entry_date: entry.date,
      piece_ref: reference,
      piece_date: entry.date,
      label,
      source_fact_id: factId,
      source_type: 'PAYMENT',
      source_id: subjectId,
      customer_id: customer.id,
      posted_at: at,
    });
    line(A.bankAccount, label, entry.labour, 0);
    line(A.receivableAccount, label, 0, entry.labour, auxiliary);
  }
  if (position !== entry.lines) throw new Error(`entry of ${entry.date} planned with ${entry.lines} lines, written with ${position}`);
}

/** The 5th of the month after `monthEnd`, 17:00 UTC (18:00 or 19:00 in Paris): when the accountant closed it. */
const closingTime = (monthEnd: string) => new Date(`${shiftDate(monthEnd, 5)}T17:00:00Z`);

export async function generateFecTenant(
  adminUrl: string,
  lineCount: number,
  log: (message: string) => void,
  seed = 2033,
): Promise<FecTenant> {
  const started = Date.now();
  const shapes = entryShapes(lineCount);
  const random = seededRandom(seed);
  const today = localDate(new Date());
  // An odd tenant seed: VAT on services due on payment (not on debits), as most service companies.
  const tenantId = await provisionBenchTenant(adminUrl, FEC_TENANT, {
    seed: 7,
    user: { local: 'comptable', fullName: ACCOUNTANT, role: 'accountant' },
  });
  const t0 = Date.now();
  await generateCustomers(adminUrl, tenantId, CUSTOMERS, seed);
  const customersMs = Date.now() - t0;

  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const orm = await createOrm(adminUrl, { pool: { min: 0, max: 2 } });
  try {
    const scoped = async <T>(work: () => Promise<T>): Promise<T> => {
      await client.query('begin');
      try {
        await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.operation', 'bench-data', true)`, [tenantId]);
        const result = await work();
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      }
    };
    const { userId, siren, customers } = await scoped(async () => {
      const user = await client.query<{ id: string }>('select id from users where tenant_id = $1 and email = $2', [tenantId, FEC_USER]);
      const tenant = await client.query<{ siren: string }>('select siren from tenants where id = $1', [tenantId]);
      const rows = await client.query<Customer>('select id, code, name from customers where tenant_id = $1 order by code', [tenantId]);
      return { userId: user.rows[0]!.id, siren: tenant.rows[0]!.siren, customers: rows.rows };
    });
    const identity: Identity = { kind: 'user', tenantId, userId, role: 'accountant', email: FEC_USER };

    // The fiscal year: the twelve months before this one, through the service.
    const span = { startsOn: monthStart(today, -12), endsOn: lastDayOfMonth(monthStart(today, -1)) };
    const opened = await inTenantScope(orm, identity, { requestId: 'bench-fec', operation: 'bench-data' }, (em) =>
      openFiscalYear(em, identity, span),
    );
    const periods = opened.periods.map((p) => ({ id: p.id, startsOn: p.startsOn, endsOn: p.endsOn }));

    // The entries, month by month: facts, entries and their lines in one transaction each.
    const entries = planEntries(random, shapes, customers, span);
    const byMonth = Map.groupBy(entries, (e) => e.date.slice(0, 7));
    let ledgerMs = 0;
    let commitMs = 0;
    for (const [month, list] of byMonth) {
      const rows = { facts: factColumns(), entries: entryColumns(), lines: lineColumns() };
      for (const entry of list) pushEntry(tenantId, userId, entry, rows);
      const t1 = Date.now();
      await client.query('begin');
      try {
        await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.operation', 'bench-data', true)`, [tenantId]);
        await copyColumns(client, 'business_facts', rows.facts);
        await copyColumns(client, 'ledger_entries', rows.entries);
        await copyColumns(client, 'ledger_entry_lines', rows.lines);
        const t2 = Date.now();
        await client.query('commit'); // the deferred balance check of every entry runs here
        commitMs += Date.now() - t2;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      }
      ledgerMs += Date.now() - t1;
      log(
        `fec: ${month}: ${list.length} entries, ${rows.lines.id!.values.length} lines written in ${((Date.now() - t1) / 1000).toFixed(1)} s`,
      );
    }
    // The posting job's cursor past these facts: nothing left to post.
    await scoped(() =>
      client.query(
        `insert into ledger_cursors (tenant_id, last_xact_id, last_seq)
         select tenant_id, xact_id, seq from business_facts where tenant_id = $1 order by xact_id desc, seq desc limit 1
         on conflict (tenant_id) do update set last_xact_id = excluded.last_xact_id, last_seq = excluded.last_seq, updated_at = now()`,
        [tenantId],
      ),
    );

    // The first months closed in order, as closePeriod does: entries validated, period closed, event kept.
    const t3 = Date.now();
    let validatedEntries = 0;
    for (const period of periods.slice(0, CLOSED_MONTHS)) {
      const at = closingTime(period.endsOn);
      validatedEntries += await inTenantScope(orm, identity, { requestId: 'bench-fec', operation: 'bench-data' }, async (em) => {
        const numbered = await validateEntries(em, tenantId, { from: span.startsOn, through: period.endsOn }, at);
        const row = await em.findOneOrFail(AccountingPeriod, { id: period.id });
        Object.assign(row, { state: 'CLOSED', closedAt: at, closedBy: userId, closedByName: ACCOUNTANT });
        em.create(AccountingPeriodEvent, {
          id: newId(),
          tenantId,
          periodId: period.id,
          action: 'CLOSED',
          acknowledged: [],
          actorId: userId,
          actorName: ACCOUNTANT,
          at,
        });
        return numbered;
      });
    }
    const closingMs = Date.now() - t3;
    log(`fec: ${CLOSED_MONTHS} months closed, ${validatedEntries} entries numbered in ${(closingMs / 1000).toFixed(1)} s`);

    // As autovacuum leaves the tables after such a load (the numbering left a dead version of the validated entries).
    const t4 = Date.now();
    await client.query('vacuum (analyze) ledger_entries, ledger_entry_lines, business_facts, ledger_journal_counters, accounting_periods');
    const vacuumMs = Date.now() - t4;

    const closedThrough = periods[CLOSED_MONTHS - 1]!.endsOn;
    const totalCents = entries.reduce((sum, e) => sum + BigInt(e.journal === 'VT' ? grossOf(e) : e.labour), 0n);
    return {
      tenantId,
      userId,
      email: FEC_USER,
      siren,
      fiscalYear: { id: opened.year.id, ...span },
      closedThrough,
      customers: customers.length,
      lines: entries.reduce((n, e) => n + e.lines, 0),
      entries: entries.length,
      invoices: entries.filter((e) => e.journal === 'VT').length,
      receipts: entries.filter((e) => e.journal === 'BQ').length,
      validatedEntries,
      provisionalEntries: entries.filter((e) => e.date > closedThrough).length,
      totalCents,
      timings: { customersMs, ledgerMs, commitMs, closingMs, vacuumMs },
      milliseconds: Date.now() - started,
    };
  } finally {
    await orm.close(true);
    await client.end();
  }
}
