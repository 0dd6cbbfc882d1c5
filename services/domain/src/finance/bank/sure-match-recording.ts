import type { EntityManager } from '@mikro-orm/postgresql';
import type { MatchableMovement } from './bank-matching.service';
import { Invoice } from '../../billing/invoice.entity';
import { applyPaymentToInvoice } from '../../billing/invoice-settlement';
import { Money, sumAmounts, toAmount } from '../../billing/money';
import type { FactKind } from '../../platform/business-facts';
import { Errors } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { isUuid, newId, uuidArrayLiteral } from '../../shared/ids';
import { localDate } from '../../shared/time';
import type { PaymentMethod } from '../payments/payment.entity';
import { validatePayment, type AllocationInput, type PaymentInput } from '../payments/payment.rules';
import { normalizeIban } from '../sepa/bank-account';

/**
 * The sure matches of an import (or of a refresh of the matching) recorded together: for each
 * movement, exactly what `recordPayment` with its allocations and the manual match record one at a
 * time (a payment of the movement's amount from its payer, allocated to the invoices, the invoices'
 * paid amount, the facts `payment.recorded`, `payment.allocated` and `bank_movement.matched` in that
 * order, the movement MATCHED with its payment and reason), under the same rules and refusing with
 * the same errors, in the order of the movements. But in bulk: the customers are read and the
 * invoices locked at once, in id order (`select … for update`); the matches are checked and
 * settled in memory with billing's settlement function, a thousand at a time, and their payments,
 * allocations and facts inserted with multi-row statements while the next thousand are checked;
 * the invoices' paid amounts and latest payment dates are updated last. Each payment is inserted
 * with its allocated amount (version 1), where `recordPayment` inserts it then updates it. The
 * movements are only marked here: managed entities are written by the caller's flush, an import
 * inserts its new ones.
 */
export interface SureMatch {
  movement: MatchableMovement;
  customerId: string;
  allocations: AllocationInput[];
  /** As stored on the movement, e.g. "Automatique : Numéro F-2026-00042 dans le libellé, montant exact". */
  reason: string;
}

/**
 * The most JSON per bulk statement, in characters: the statement stays a regular string of the
 * JavaScript heap (under V8's 128 KiB large-object size), whose young-generation pages are reused,
 * rather than a fresh large object per statement, which only a full collection gives back.
 */
const CHUNK_CHARS = 96 * 1024;

interface LockedInvoice {
  id: string;
  number: string | null;
  status: Invoice['status'];
  typeCode: Invoice['typeCode'];
  customerId: string;
  amountDue: string;
  retentionAmount: string;
  paidAmount: string;
  creditedAmount: string;
  writtenOffAmount: string;
  lastPaymentOn: string | null;
  updatedAt: Date;
}

interface PaymentRow {
  id: string;
  customer_id: string;
  received_on: string;
  amount: string;
  method: PaymentMethod;
  payer_name: string | null;
  payer_iban: string | null;
  reference: string | null;
  allocated_amount: string;
}

interface AllocationRow {
  id: string;
  payment_id: string;
  invoice_id: string;
  amount: string;
  allocated_on: string;
}

/** Sure matches checked and recorded together, then written before the next ones are checked. */
const BATCH = 1000;

interface Batch {
  payments: PaymentRow[];
  allocations: AllocationRow[];
  facts: FactRow[];
}

interface FactRow {
  n: number;
  id: string;
  kind: FactKind;
  subject_type: string;
  subject_id: string;
  occurred_on: string;
  payload: Record<string, unknown>;
}

/*
 * Bulk statements carry their rows as one JSON document, and are sent with their values written
 * out as SQL literals here, without parameters: the ORM would otherwise escape each value into
 * the statement itself, character by character, which for a megabyte of rows costs more memory
 * and time on our side than the statement on the database's. Only ids (checked to be UUIDs),
 * instants and escaped JSON are written out.
 */

/** A value as a PostgreSQL escape string literal (`E'…'`: backslashes and quotes doubled, whatever standard_conforming_strings says). */
const literal = (text: string) => (/[\\']/.test(text) ? `E'${text.replace(/[\\']/g, (c) => (c === '\\' ? '\\\\' : "''"))}'` : `'${text}'`);
/** One row as JSON, characters beyond ASCII written as JSON escapes (`\u00e9`). */
const asciiJson = (row: unknown) =>
  JSON.stringify(row).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The same ASCII text stored one byte per character: V8 keeps the two-byte storage of a string
 * built from one that had accents, which would double the statement, and put it over the size of
 * a regular heap object.
 */
const oneByte = (ascii: string) => Buffer.from(ascii, 'latin1').toString('latin1');

/** The rows, in order, as `json` literals of about `CHUNK_CHARS` each (for `json_to_recordset`), with how many rows each holds. */
export function* jsonChunks(rows: readonly unknown[]): Generator<{ rows: string; count: number }> {
  let chunk: string[] = [];
  let size = 0;
  for (const row of rows) {
    const json = asciiJson(row);
    if (chunk.length > 0 && size + json.length > CHUNK_CHARS) {
      yield { rows: `${literal(oneByte(`[${chunk.join(',')}]`))}::json`, count: chunk.length };
      chunk = [];
      size = 0;
    }
    chunk.push(json);
    size += json.length + 1;
  }
  if (chunk.length > 0) yield { rows: `${literal(oneByte(`[${chunk.join(',')}]`))}::json`, count: chunk.length };
}
/** An id (or null) as a `uuid` literal; refuses anything that is not a UUID. */
export function uuidLiteral(id: string | null): string {
  if (id === null) return 'null';
  if (!isUuid(id)) throw new TypeError('not a UUID');
  return `'${id}'::uuid`;
}
/** Ids as a `uuid[]` literal (checked to be UUIDs). */
export const uuidsLiteral = (ids: readonly string[]) => `'${uuidArrayLiteral(ids)}'::uuid[]`;
/** Texts as a `text[]` literal. */
export const textsLiteral = (values: readonly string[]) =>
  `${literal(`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`)}::text[]`;
const instantLiteral = (at: Date) => `'${at.toISOString()}'::timestamptz`;

/** The invoices, locked in id order (concurrent settlements over the same invoices never deadlock). */
async function lockInvoices(em: EntityManager, tenantId: string, ids: readonly string[]): Promise<Map<string, LockedInvoice>> {
  const rows = await em.execute<(Omit<LockedInvoice, 'updatedAt'> & { updatedAt: string })[]>(
    `select id, number, status, type_code as "typeCode", customer_id as "customerId", amount_due::text as "amountDue",
            retention_amount::text as "retentionAmount", paid_amount::text as "paidAmount", credited_amount::text as "creditedAmount",
            written_off_amount::text as "writtenOffAmount", last_payment_on::text as "lastPaymentOn", updated_at as "updatedAt"
       from invoices where tenant_id = ${uuidLiteral(tenantId)} and id = any(${uuidsLiteral([...new Set(ids)].sort())}) order by id for update`,
  );
  return new Map(rows.map((r) => [r.id, { ...r, updatedAt: new Date(r.updatedAt) }]));
}

async function existingCustomers(em: EntityManager, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  const rows = await em.execute<{ id: string }[]>(
    `select id from customers where tenant_id = ${uuidLiteral(tenantId)} and id = any(${uuidsLiteral([...new Set(ids)])})`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Runs statements in order on the unit of work's connection, writing the next one while the
 * database runs the one before: each is sent as soon as it is written and the previous one has
 * answered. The first failure is thrown (the transaction is then aborted, and so are the others).
 */
export async function runInTurn<T>(
  em: EntityManager,
  statements: Iterable<string>,
  check?: (result: T[], index: number) => void,
): Promise<void> {
  let previous: Promise<void> | null = null;
  let index = 0;
  try {
    for (const sql of statements) {
      const position = index++;
      const current = em.execute<T[]>(sql).then((result) => check?.(result, position));
      current.catch(() => {}); // reported through `previous` below, or by the one before it
      if (previous) await previous;
      previous = current;
    }
    if (previous) await previous;
  } catch (error) {
    // Writing a statement failed (a refused match): let the one in flight answer before the caller rolls back.
    await previous?.catch(() => {});
    throw error;
  }
}

/** The statements `sql` gives for each chunk of rows (see `jsonChunks`), written as they are run. */
function* inChunks(rows: readonly unknown[], sql: (rows: string) => string): Generator<string> {
  for (const chunk of jsonChunks(rows)) yield sql(chunk.rows);
}

/** Records the sure matches given, in their order (see the comment above). */
export async function recordSureMatches(em: EntityManager, identity: Identity, matches: readonly SureMatch[]): Promise<void> {
  if (matches.length === 0) return;
  const tenantId = identity.tenantId;
  const actor = actorId(identity);
  const today = localDate(new Date());
  const now = new Date();

  // Everything the checks need, read at once: the customers, and the invoices locked.
  const customers = await existingCustomers(
    em,
    tenantId,
    matches.map((m) => m.customerId),
  );
  const invoices = await lockInvoices(
    em,
    tenantId,
    matches.flatMap((m) => m.allocations.map((a) => a.invoiceId)),
  );
  const settled = new Map<string, { invoice: LockedInvoice; payments: number }>();
  let factCount = 0;

  /** What one sure match records, checked as `recordPayment` and `allocate` check it; the movement marked as `settleMovement` marks it. */
  function record({ movement, customerId, allocations: wanted, reason }: SureMatch, into: Batch): void {
    const fact = (row: Omit<FactRow, 'n' | 'id'>) => into.facts.push({ n: factCount++, id: newId(), ...row });
    // recordPayment, as the manual match calls it.
    const input: PaymentInput = {
      customerId,
      receivedOn: movement.bookingDate,
      amount: movement.amount,
      method: movement.mandateId ? 'DIRECT_DEBIT' : 'TRANSFER',
      payerName: movement.counterpartyName?.slice(0, 140) ?? null,
      payerIban: movement.counterpartyIban,
      reference: (movement.bankReference ?? movement.label).slice(0, 140),
      allocations: wanted,
    };
    const { amount, allocations: parsed } = validatePayment(input, today);
    if (!customers.has(customerId)) throw Errors.notFound('Customer', customerId);
    const payment: PaymentRow = {
      id: newId(),
      customer_id: customerId,
      received_on: input.receivedOn,
      amount: toAmount(amount),
      method: input.method,
      payer_name: input.payerName?.trim() || null,
      payer_iban: input.payerIban?.trim() ? normalizeIban(input.payerIban) : null,
      reference: input.reference?.trim() || null,
      allocated_amount: '0.00',
    };
    fact({
      kind: 'payment.recorded',
      subject_type: 'Payment',
      subject_id: payment.id,
      occurred_on: input.receivedOn,
      payload: { customerId, amount: payment.amount, method: payment.method },
    });
    // Its allocation, as `allocate` does it: the invoices in id order, each of the payment's customer.
    if (parsed.length > 0) {
      const total = sumAmounts(parsed.map((a) => a.amount));
      if (total.greaterThan(payment.amount))
        throw Errors.conflict('ALLOCATION_EXCEEDS_PAYMENT', `${toAmount(total)} € dépasse le reste à affecter (${payment.amount} €)`, {
          paymentId: payment.id,
          unallocated: payment.amount,
        });
      for (const id of [...new Set(parsed.map((a) => a.invoiceId))].sort()) if (!invoices.has(id)) throw Errors.notFound('Invoice', id);
      const created = parsed.map(({ invoiceId, amount: part }) => {
        const invoice = invoices.get(invoiceId)!;
        if (invoice.customerId !== customerId)
          throw Errors.conflict('OTHER_CUSTOMER', `La facture ${invoice.number ?? invoiceId} est celle d’un autre client`, { invoiceId });
        applyPaymentToInvoice(invoice as unknown as Invoice, part, input.receivedOn);
        const entry = settled.get(invoiceId) ?? { invoice, payments: 0 };
        entry.payments += 1;
        settled.set(invoiceId, entry);
        const row: AllocationRow = {
          id: newId(),
          payment_id: payment.id,
          invoice_id: invoiceId,
          amount: toAmount(part),
          allocated_on: input.receivedOn,
        };
        into.allocations.push(row);
        return row;
      });
      payment.allocated_amount = toAmount(new Money(payment.allocated_amount).plus(total));
      fact({
        kind: 'payment.allocated',
        subject_type: 'Payment',
        subject_id: payment.id,
        occurred_on: input.receivedOn,
        payload: { allocations: created.map((a) => ({ invoiceId: a.invoice_id, amount: a.amount })) },
      });
    }
    into.payments.push(payment);
    // The movement, as `settleMovement` marks it.
    movement.status = 'MATCHED';
    movement.paymentId = payment.id;
    movement.matchedBy = actor;
    movement.matchedAt = now;
    movement.matchReason = reason;
    fact({
      kind: 'bank_movement.matched',
      subject_type: 'BankMovement',
      subject_id: movement.id,
      occurred_on: movement.bookingDate,
      payload: { paymentId: payment.id, amount: movement.amount, reason },
    });
  }

  const [tenant, by, at] = [uuidLiteral(tenantId), uuidLiteral(actor), instantLiteral(now)];
  /**
   * The statements, written as they are sent (see `runInTurn`): the matches are checked and
   * recorded a batch at a time, the database inserting one batch while the next is checked; the
   * invoices' paid amounts last, once every payment of the import is counted.
   */
  function* statements(): Generator<string> {
    for (let start = 0; start < matches.length; start += BATCH) {
      const batch: Batch = { payments: [], allocations: [], facts: [] };
      for (const match of matches.slice(start, start + BATCH)) record(match, batch);
      yield* inChunks(
        batch.payments,
        (rows) => `insert into payments (tenant_id, id, customer_id, received_on, amount, method, payer_name, payer_iban, reference,
                                         allocated_amount, recorded_by, created_at)
                   select ${tenant}, r.id, r.customer_id, r.received_on, r.amount, r.method, r.payer_name, r.payer_iban, r.reference,
                          r.allocated_amount, ${by}, ${at}
                     from json_to_recordset(${rows}) as r(id uuid, customer_id uuid, received_on date, amount numeric, method text,
                                                           payer_name text, payer_iban text, reference text, allocated_amount numeric)`,
      );
      yield* inChunks(
        batch.allocations,
        (rows) => `insert into payment_allocations (tenant_id, id, payment_id, invoice_id, amount, allocated_on, allocated_by, created_at)
                   select ${tenant}, r.id, r.payment_id, r.invoice_id, r.amount, r.allocated_on, ${by}, ${at}
                     from json_to_recordset(${rows}) as r(id uuid, payment_id uuid, invoice_id uuid, amount numeric, allocated_on date)`,
      );
      yield* inChunks(
        batch.facts,
        (rows) => `insert into business_facts (tenant_id, id, kind, subject_type, subject_id, occurred_on, payload, actor_id, recorded_at)
                   select ${tenant}, r.id, r.kind, r.subject_type, r.subject_id, r.occurred_on, r.payload, ${by}, ${at}
                     from json_to_recordset(${rows}) as r(n int, id uuid, kind text, subject_type text, subject_id uuid, occurred_on date,
                                                           payload jsonb)
                    order by r.n`,
      );
    }
    // Each invoice's new paid amount, its version moved by one per payment as one update per payment would.
    yield* inChunks(
      [...settled.values()].map(({ invoice, payments: count }) => ({
        id: invoice.id,
        paid_amount: invoice.paidAmount,
        last_payment_on: invoice.lastPaymentOn,
        updated_at: invoice.updatedAt,
        payments: count,
      })),
      (rows) => `update invoices i set paid_amount = r.paid_amount, last_payment_on = r.last_payment_on, updated_at = r.updated_at,
                                       version = i.version + r.payments
                   from json_to_recordset(${rows}) as r(id uuid, paid_amount numeric, last_payment_on date, updated_at timestamptz, payments int)
                  where i.tenant_id = ${tenant} and i.id = r.id`,
    );
  }
  await runInTurn(em, statements());

  // Invoices this unit of work already holds are read again, as locking them would have.
  for (const id of settled.keys()) {
    const managed = em.getUnitOfWork().getById<Invoice>(Invoice, id);
    if (managed) await em.refresh(managed);
  }
}
