import type { EntityManager } from '@mikro-orm/postgresql';
import {
  bankBookingEntry,
  deferredRevenueEntry,
  invoiceEntry,
  paymentReceivedEntry,
  paymentRefundedEntry,
  paymentReversedEntry,
  writeOffEntry,
  type BankBookingForPosting,
  type CustomerForPosting,
  type DeferredRevenueForPosting,
  type EntryDraft,
  type InvoiceForPosting,
  type PaymentForPosting,
} from './entry-building';
import { ledgerMapping, type LedgerAccounts } from './ledger-mapping';
import type { InvoiceLine, InvoiceTypeCode, StoredAllowanceCharge } from '../../billing/invoice.entity';
import type { PaymentMethod } from '../payments/payment.entity';
import type { BookingKind } from '../bank/bank.entity';
import type { WriteOffKind } from '../write-offs/write-off.entity';
import type { FactKind } from '../../platform/business-facts';
import type { Orm } from '../../db/orm';
import { inTenantScope } from '../../db/tenant-scope';
import { Validator } from '../../shared/errors';
import { systemIdentity } from '../../shared/identity';
import { newId, uuidArrayLiteral } from '../../shared/ids';
import { isLocalDate } from '../../shared/time';

/**
 * The ledger's consumer of business facts. Facts are read per tenant after the tenant's cursor,
 * in the order of the transactions that wrote them (`xact_id`, then `seq`), and only from
 * transactions older than every transaction still running in this database
 * (`ledger_posting_horizon()`): a fact whose transaction has not committed yet can never be passed
 * over (a `seq` alone would be, as identity values are handed out before commit, not in commit
 * order). Each fact gives at most one entry, unique per fact in the database, and the cursor moves
 * in the same transaction as the entries: a replay posts nothing twice.
 */

export const LEDGER_POSTING_JOB = 'ledger-posting';
/** Facts posted per transaction. */
export const POSTING_BATCH = 500;

interface FactRow {
  id: string;
  xact_id: string;
  seq: string;
  kind: FactKind;
  subject_id: string;
  occurred_on: string;
  payload: Record<string, unknown>;
}

/** As text (`xact_id` and `seq` exceed what a JS number holds exactly); the statements order by the columns themselves, `f.`. */
const FACT_COLUMNS = `f.id, f.xact_id::text, f.seq::text, f.kind, f.subject_id, f.occurred_on::text, f.payload`;

/** Tenants with facts waiting to be posted (an owner function: the job looks across tenants). */
export async function ledgerTenantsToPost(em: EntityManager): Promise<string[]> {
  return (await em.execute<{ id: string }[]>('select id from ledger_tenants_to_post()')).map((r) => r.id);
}

const POSTED_KINDS: readonly FactKind[] = [
  'invoice.issued',
  'credit_note.issued',
  'payment.recorded',
  'payment.reversed',
  'payment.refunded',
  'bank_movement.booked',
  'bank_movement.unbooked',
  'deferred_revenue.recognised',
  'deferred_revenue.reversed',
  'invoice.written_off',
  'invoice.write_off_cancelled',
];
const WRITE_OFF_FACTS: readonly FactKind[] = ['invoice.written_off', 'invoice.write_off_cancelled'];

interface InvoiceRow {
  id: string;
  number: string;
  type_code: InvoiceTypeCode;
  issue_date: string;
  customer_id: string;
  amount_due: string;
  prepaid_amount: string;
  retention_amount: string;
  allowance_charges: StoredAllowanceCharge[];
  credited_type_code: InvoiceTypeCode | null;
}

interface PaymentRow {
  id: string;
  customer_id: string;
  received_on: string;
  amount: string;
  method: PaymentMethod;
  reference: string | null;
}

/**
 * The documents the facts book, read at once: invoices with their lines, VAT and deducted deposits
 * (those issued, and those written off), payments, customers.
 */
async function loadDocuments(em: EntityManager, tenantId: string, facts: readonly FactRow[]) {
  const ids = (kinds: readonly FactKind[]) => [...new Set(facts.filter((f) => kinds.includes(f.kind)).map((f) => f.subject_id))];
  const writtenOff = facts.filter((f) => WRITE_OFF_FACTS.includes(f.kind)).map((f) => field<string>(f, 'invoiceId'));
  const invoiceIds = uuidArrayLiteral([...new Set([...ids(['invoice.issued', 'credit_note.issued']), ...writtenOff])]);
  const paymentIds = uuidArrayLiteral(ids(['payment.recorded', 'payment.reversed', 'payment.refunded']));
  const [invoices, lines, breakdown, depositVat, payments, vatRates] = await Promise.all([
    em.execute<InvoiceRow[]>(
      `select i.id, i.number, i.type_code, i.issue_date::text, i.customer_id, i.amount_due::text, i.prepaid_amount::text,
              i.retention_amount::text, i.allowance_charges, c.type_code as credited_type_code
         from invoices i left join invoices c on c.tenant_id = i.tenant_id and c.id = i.credited_invoice_id
        where i.tenant_id = ? and i.id = any(?::uuid[]) and i.status = 'ISSUED'`,
      [tenantId, invoiceIds],
    ),
    em.execute<
      {
        invoice_id: string;
        kind: InvoiceLine['kind'];
        vat_category: string;
        vat_rate: string;
        line_net: string;
        revenue_account: string | null;
      }[]
    >(
      `select invoice_id, kind, vat_category, vat_rate::text, line_net::text, revenue_account
         from invoice_lines where tenant_id = ? and invoice_id = any(?::uuid[]) order by invoice_id, position`,
      [tenantId, invoiceIds],
    ),
    em.execute<{ invoice_id: string; category: string; rate: string; tax: string }[]>(
      `select b.invoice_id, b.category, b.rate::text, b.tax::text from invoice_vat_breakdown b
        where b.tenant_id = ? and b.invoice_id = any(?::uuid[]) order by b.invoice_id, b.rate desc, b.category`,
      [tenantId, invoiceIds],
    ),
    // A final invoice deducts the deposits of its quote issued before it, less their credit notes issued before it.
    em.execute<{ invoice_id: string; rate: string; tax: string }[]>(
      `select f.id as invoice_id, b.rate::text, sum(case when d.type_code = '381' then -b.tax else b.tax end)::text as tax
         from invoices f
         join invoices dep on dep.tenant_id = f.tenant_id and dep.quote_id = f.quote_id and dep.type_code = '386'
                          and dep.status = 'ISSUED' and dep.issued_at < f.issued_at
         join invoices d on d.tenant_id = f.tenant_id and d.status = 'ISSUED' and d.issued_at < f.issued_at
                        and (d.id = dep.id or (d.type_code = '381' and d.credited_invoice_id = dep.id))
         join invoice_vat_breakdown b on b.tenant_id = d.tenant_id and b.invoice_id = d.id
        where f.tenant_id = ? and f.id = any(?::uuid[]) and f.type_code = '380' and f.quote_id is not null and f.prepaid_amount <> 0
        group by f.id, b.rate order by f.id, b.rate desc`,
      [tenantId, invoiceIds],
    ),
    em.execute<PaymentRow[]>(
      `select id, customer_id, received_on::text, amount::text, method, reference from payments where tenant_id = ? and id = any(?::uuid[])`,
      [tenantId, paymentIds],
    ),
    em.execute<{ code: string; rate: string }[]>('select code, rate::text from vat_rates where tenant_id = ?', [tenantId]),
  ]);
  const customerIds = uuidArrayLiteral([...new Set([...invoices, ...payments].map((d) => d.customer_id))]);
  const customers = await em.execute<CustomerForPosting[]>(
    'select id, code, name from customers where tenant_id = ? and id = any(?::uuid[])',
    [tenantId, customerIds],
  );
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const rateOf = new Map(vatRates.map((r) => [r.code, r.rate]));
  const linesOf = Map.groupBy(lines, (l) => l.invoice_id);
  const breakdownOf = Map.groupBy(breakdown, (b) => b.invoice_id);
  const depositsOf = Map.groupBy(depositVat, (d) => d.invoice_id);

  const invoiceById = new Map(
    invoices.map((i): [string, InvoiceForPosting] => [
      i.id,
      {
        id: i.id,
        number: i.number,
        typeCode: i.type_code,
        issueDate: i.issue_date,
        customer: customerById.get(i.customer_id)!,
        creditedTypeCode: i.credited_type_code,
        amountDue: i.amount_due,
        prepaidAmount: i.prepaid_amount,
        retentionAmount: i.retention_amount,
        lines: (linesOf.get(i.id) ?? []).map((l) => ({
          kind: l.kind,
          vatCategory: l.vat_category,
          vatRate: l.vat_rate,
          lineNet: l.line_net,
          revenueAccount: l.revenue_account,
        })),
        allowanceCharges: i.allowance_charges.map((ac) => ({
          charge: ac.charge,
          amount: ac.amount,
          vatRate: rateOf.get(ac.vatRateCode) ?? '0.00',
        })),
        vatBreakdown: breakdownOf.get(i.id) ?? [],
        depositVat: depositsOf.get(i.id) ?? [],
      },
    ]),
  );
  const paymentById = new Map(
    payments.map((p): [string, PaymentForPosting] => [
      p.id,
      {
        id: p.id,
        customer: customerById.get(p.customer_id)!,
        receivedOn: p.received_on,
        amount: p.amount,
        method: p.method,
        reference: p.reference,
      },
    ]),
  );
  return { invoiceById, paymentById };
}

/** Reads a fact's payload field, which the code that recorded the fact always writes. */
function field<T>(fact: FactRow, name: string): T {
  return fact.payload[name] as T;
}

const bookingOf = (fact: FactRow): BankBookingForPosting => ({
  movementId: fact.subject_id,
  bookingDate: field<string>(fact, 'bookingDate'),
  amount: field<string>(fact, 'amount'),
  kind: field<BookingKind>(fact, 'kind'),
  note: field<string | null>(fact, 'note'),
  label: field<string>(fact, 'label'),
  bankReference: field<string | null>(fact, 'bankReference'),
});

/** A write-off fact carries its kind and amount; the invoice gives the customer and the VAT. */
const writeOffOf = (fact: FactRow, docs: Awaited<ReturnType<typeof loadDocuments>>) => ({
  id: fact.subject_id,
  kind: field<WriteOffKind>(fact, 'kind'),
  amount: field<string>(fact, 'amount'),
  writtenOffOn: field<string>(fact, 'writtenOffOn'),
  invoice: docs.invoiceById.get(field<string>(fact, 'invoiceId'))!,
});

/** A deferred revenue fact carries its amounts: its entries depend on nothing else. */
const deferredRevenueOf = (fact: FactRow): DeferredRevenueForPosting => ({
  id: fact.subject_id,
  closingDate: field<string>(fact, 'closingDate'),
  reversalDate: field<string>(fact, 'reversalDate'),
  deferredAccount: field<string>(fact, 'deferredAccount'),
  accounts: field<DeferredRevenueForPosting['accounts']>(fact, 'accounts'),
});

/** The entry each fact gives (none for the facts the ledger has nothing to post for, such as allocations). */
async function entriesFor(em: EntityManager, tenantId: string, facts: readonly FactRow[]): Promise<{ fact: FactRow; entry: EntryDraft }[]> {
  const posted = facts.filter((f) => POSTED_KINDS.includes(f.kind));
  if (posted.length === 0) return [];
  const [docs, accounts, [tenant]] = await Promise.all([
    loadDocuments(em, tenantId, posted),
    ledgerMapping(em, tenantId),
    em.execute<{ vat_on_debits: boolean }[]>('select vat_on_debits from tenants where id = ?', [tenantId]),
  ]);
  const options = { vatOnDebits: tenant!.vat_on_debits };
  // A document of 0.00 (an intervention the contract covers entirely) moves no account: no entry.
  return posted.map((fact) => ({ fact, entry: entryOf(fact, docs, accounts, options) })).filter(({ entry }) => entry.lines.length > 0);
}

/**
 * The OD entry a write-off will post, built as the ledger's consumer will build it from its fact
 * (the same rules, accounts and VAT options): what the accountant sees before confirming.
 */
export async function writeOffEntryPreview(
  em: EntityManager,
  tenantId: string,
  writeOff: { invoiceId: string; kind: WriteOffKind; amount: string; writtenOffOn: string },
): Promise<EntryDraft | null> {
  const fact: FactRow = {
    id: 'preview',
    xact_id: '0',
    seq: '0',
    kind: 'invoice.written_off',
    subject_id: 'preview',
    occurred_on: writeOff.writtenOffOn,
    payload: { ...writeOff },
  };
  return (await entriesFor(em, tenantId, [fact]))[0]?.entry ?? null;
}

function entryOf(
  fact: FactRow,
  docs: Awaited<ReturnType<typeof loadDocuments>>,
  accounts: LedgerAccounts,
  options: { vatOnDebits: boolean },
): EntryDraft {
  const payment = () => docs.paymentById.get(fact.subject_id)!;
  switch (fact.kind) {
    case 'invoice.issued':
    case 'credit_note.issued':
      return invoiceEntry(docs.invoiceById.get(fact.subject_id)!, accounts, options);
    case 'payment.recorded':
      return paymentReceivedEntry(payment(), accounts);
    case 'payment.reversed':
      return paymentReversedEntry(payment(), accounts, { reversedOn: fact.occurred_on, reason: field<string>(fact, 'reason') });
    case 'payment.refunded':
      return paymentRefundedEntry(payment(), accounts, {
        refundedOn: fact.occurred_on,
        amount: field<string>(fact, 'amount'),
        method: field<PaymentMethod>(fact, 'method'),
      });
    case 'bank_movement.booked':
      return bankBookingEntry(bookingOf(fact), accounts);
    case 'deferred_revenue.recognised':
    case 'deferred_revenue.reversed':
      return deferredRevenueEntry(deferredRevenueOf(fact), { reversal: fact.kind === 'deferred_revenue.reversed' });
    case 'invoice.written_off':
      return writeOffEntry(writeOffOf(fact, docs), accounts, options);
    case 'invoice.write_off_cancelled':
      return writeOffEntry(writeOffOf(fact, docs), accounts, options, { on: fact.occurred_on });
    default:
      return bankBookingEntry(bookingOf(fact), accounts, { on: fact.occurred_on });
  }
}

/** Inserts the entries with their lines; an entry whose fact was already posted is skipped. Returns how many were inserted. */
async function insertEntries(
  em: EntityManager,
  tenantId: string,
  drafts: readonly { fact: FactRow; entry: EntryDraft }[],
): Promise<number> {
  if (drafts.length === 0) return 0;
  const entries: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  drafts.forEach(({ fact, entry }, n) => {
    const id = newId();
    entries.push({
      n,
      id,
      journal: entry.journal,
      entry_date: entry.entryDate,
      piece_ref: entry.pieceRef,
      piece_date: entry.pieceDate,
      label: entry.label,
      source_fact_id: fact.id,
      source_type: entry.sourceType,
      source_id: entry.sourceId,
      customer_id: entry.customerId,
    });
    entry.lines.forEach((l, position) =>
      lines.push({
        id: newId(),
        entry_id: id,
        position,
        account: l.account,
        auxiliary_account: l.auxiliaryAccount,
        auxiliary_label: l.auxiliaryLabel,
        label: l.label,
        debit: l.debit,
        credit: l.credit,
        vat_rate: l.vatRate,
        vat_due_on: l.vatDueOn,
      }),
    );
  });
  const [counts] = await em.execute<{ entries: number }[]>(
    `with entries as (
       insert into ledger_entries (tenant_id, id, journal, entry_date, piece_ref, piece_date, label, source_fact_id, source_type, source_id, customer_id)
       select ?, r.id, r.journal, r.entry_date, r.piece_ref, r.piece_date, r.label, r.source_fact_id, r.source_type, r.source_id, r.customer_id
         from jsonb_to_recordset(?::jsonb) as r(n int, id uuid, journal text, entry_date date, piece_ref text, piece_date date, label text,
                                                source_fact_id uuid, source_type text, source_id uuid, customer_id uuid)
        order by r.n
       on conflict (tenant_id, source_fact_id) do nothing
       returning id),
     lines as (
       insert into ledger_entry_lines (tenant_id, id, entry_id, position, account, auxiliary_account, auxiliary_label, label, debit, credit,
                                       vat_rate, vat_due_on)
       select ?, l.id, l.entry_id, l.position, l.account, l.auxiliary_account, l.auxiliary_label, l.label, l.debit, l.credit, l.vat_rate, l.vat_due_on
         from jsonb_to_recordset(?::jsonb) as l(id uuid, entry_id uuid, position int, account text, auxiliary_account text,
                                                auxiliary_label text, label text, debit numeric, credit numeric, vat_rate numeric, vat_due_on text)
        where l.entry_id in (select id from entries)
       returning 1)
     select (select count(*)::int from entries) as entries, (select count(*) from lines) as lines`,
    [tenantId, JSON.stringify(entries), tenantId, JSON.stringify(lines)],
  );
  return counts!.entries;
}

/**
 * The tenant's cursor, locked: consumers of one tenant (replicas, a test) take turns. The tenant's period lock is
 * taken first, shared, as the entries' inserts would take it (`assert_period_open`): a closing holds that lock
 * exclusively and then posts, so taking the cursor before it let the worker and a closing wait on each other
 * (deadlock detected).
 */
async function lockCursor(em: EntityManager, tenantId: string): Promise<{ xactId: string; seq: string }> {
  await em.execute(
    `with period_lock as (select pg_advisory_xact_lock_shared(accounting_period_lock_key(?)))
     insert into ledger_cursors (tenant_id) select ? from period_lock on conflict do nothing`,
    [tenantId, tenantId],
  );
  const [cursor] = await em.execute<{ xact_id: string; seq: string }[]>(
    'select last_xact_id::text as xact_id, last_seq::text as seq from ledger_cursors where tenant_id = ? for update',
    [tenantId],
  );
  return { xactId: cursor!.xact_id, seq: cursor!.seq };
}

export interface PostingOutcome {
  facts: number;
  entries: number;
  /** More facts may be waiting (the batch was full). */
  more: boolean;
}

/**
 * Posts the tenant's next facts (at most `limit`) in the caller's transaction and moves the cursor
 * past them. What the worker runs, and what a test calls to post deterministically. Facts of
 * transactions still running (the caller's own included) wait for a later call.
 */
export async function postPendingFacts(em: EntityManager, tenantId: string, limit = POSTING_BATCH): Promise<PostingOutcome> {
  const [{ horizon, own }] = (await em.execute<{ horizon: string; own: string | null }[]>(
    'select ledger_posting_horizon()::text as horizon, pg_current_xact_id_if_assigned()::text as own',
  )) as [{ horizon: string; own: string | null }];
  // The caller's own facts too when no older transaction runs (the demo posts what it wrote before closing months).
  const upTo = own === horizon ? '<=' : '<';
  const cursor = await lockCursor(em, tenantId);
  const facts = await em.execute<FactRow[]>(
    `select ${FACT_COLUMNS} from business_facts f
      where f.tenant_id = ? and (f.xact_id, f.seq) > (?::xid8, ?::bigint) and f.xact_id ${upTo} ?::xid8
      order by f.xact_id, f.seq limit ?`,
    [tenantId, cursor.xactId, cursor.seq, horizon, limit],
  );
  if (facts.length === 0) return { facts: 0, entries: 0, more: false };
  const entries = await insertEntries(em, tenantId, await entriesFor(em, tenantId, facts));
  const last = facts.at(-1)!;
  await em.execute('update ledger_cursors set last_xact_id = ?::xid8, last_seq = ?, updated_at = now() where tenant_id = ?', [
    last.xact_id,
    last.seq,
    tenantId,
  ]);
  return { facts: facts.length, entries, more: facts.length === limit };
}

/** Posts everything the tenant has waiting in the caller's transaction. Returns the entries posted. */
export async function postAllPendingFacts(em: EntityManager, tenantId: string): Promise<number> {
  let posted = 0;
  for (;;) {
    const outcome = await postPendingFacts(em, tenantId);
    posted += outcome.entries;
    if (!outcome.more) return posted;
  }
}

/**
 * How many of the tenant's facts dated on or before `date` are not posted yet (after the cursor):
 * what a closing must see at zero, since nothing can be posted in a closed month.
 */
export async function unpostedFactsThrough(em: EntityManager, tenantId: string, date: string): Promise<number> {
  const cursor = await lockCursor(em, tenantId);
  const [row] = await em.execute<{ count: string }[]>(
    `select count(*)::text as count from business_facts f
      where f.tenant_id = ? and (f.xact_id, f.seq) > (?::xid8, ?::bigint) and f.occurred_on <= ?::date`,
    [tenantId, cursor.xactId, cursor.seq, date],
  );
  return Number(row!.count);
}

/** Posts everything the tenant has waiting, one transaction per batch, as the system. Returns the entries posted. */
export async function postTenantFacts(orm: Orm, tenantId: string): Promise<number> {
  const identity = systemIdentity(tenantId, LEDGER_POSTING_JOB);
  let posted = 0;
  for (;;) {
    const outcome = await inTenantScope(orm, identity, { requestId: LEDGER_POSTING_JOB, operation: LEDGER_POSTING_JOB }, (em) =>
      postPendingFacts(em, tenantId),
    );
    posted += outcome.entries;
    if (!outcome.more) return posted;
  }
}

/**
 * Rebuilds the entries dated in an open range: deletes them and posts again, from the facts
 * already consumed, those dated in the range (an entry is dated as its fact). The posting rules
 * being functions of the facts and documents, the entries come back the same. The entries'
 * guard lets this transaction delete them (`app.ledger_rebuild`); a closed period refuses it in
 * the database, as it refuses posting there.
 */
export async function rebuildLedger(
  em: EntityManager,
  tenantId: string,
  range: { from: string; to: string },
): Promise<{ deleted: number; posted: number }> {
  new Validator()
    .check(isLocalDate(range.from), 'from', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(isLocalDate(range.to), 'to', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(!isLocalDate(range.from) || !isLocalDate(range.to) || range.from <= range.to, 'to', 'après le début')
    .throwIfInvalid();
  const cursor = await lockCursor(em, tenantId);
  await em.execute(`select set_config('app.ledger_rebuild', 'on', true)`);
  const deleted = await em.execute<{ id: string }[]>(
    'delete from ledger_entries where tenant_id = ? and entry_date between ?::date and ?::date returning id',
    [tenantId, range.from, range.to],
  );
  let posted = 0;
  let after = { xactId: '0', seq: '0' };
  for (;;) {
    const facts = await em.execute<FactRow[]>(
      `select ${FACT_COLUMNS} from business_facts f
        where f.tenant_id = ? and f.occurred_on between ?::date and ?::date
          and (f.xact_id, f.seq) <= (?::xid8, ?::bigint) and (f.xact_id, f.seq) > (?::xid8, ?::bigint)
        order by f.xact_id, f.seq limit ?`,
      [tenantId, range.from, range.to, cursor.xactId, cursor.seq, after.xactId, after.seq, POSTING_BATCH],
    );
    posted += await insertEntries(em, tenantId, await entriesFor(em, tenantId, facts));
    if (facts.length < POSTING_BATCH) break;
    after = { xactId: facts.at(-1)!.xact_id, seq: facts.at(-1)!.seq };
  }
  await em.execute(`select set_config('app.ledger_rebuild', 'off', true)`);
  return { deleted: deleted.length, posted };
}
