import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { earliestCollectionDate } from '../finance/direct-debit/collection-calendar';
import { createDirectDebitBatch } from '../finance/direct-debit/direct-debit-batches.service';
import { planDirectDebit } from '../finance/direct-debit/direct-debit-candidates';
import { createMandate, revokeMandate } from '../finance/direct-debit/mandates.service';
import { ribKey, ribToIban } from '../finance/sepa/bank-account';
import { shiftDate } from '../finance/receivables/ageing.rules';
import type { Identity } from '../shared/identity';
import { localDate } from '../shared/time';

/**
 * SEPA mandates of the demo customers whose contracts are paid by direct debit, signed before the
 * first contract invoice: every such customer but the last has one (the last shows in the batch
 * preview as "no mandate"), the first changed banks (its first mandate revoked, a new one signed).
 * Accounts are valid French IBANs built from RIBs; one bank without BIC (IBAN only).
 */

const BANKS = [
  { bankCode: '30004', branchCode: '00823', bic: 'BNPAFRPP' },
  { bankCode: '30003', branchCode: '01234', bic: 'SOGEFRPP' },
  { bankCode: '10278', branchCode: '36000', bic: 'CMCIFR2A' },
  { bankCode: '18206', branchCode: '00010', bic: null },
] as const;

function demoAccount(index: number): { iban: string; bic: string | null } {
  const bank = BANKS[index % BANKS.length]!;
  const accountNumber = String(40_000_000_000 + index * 7_919_113).slice(-11);
  const key = ribKey(bank.bankCode, bank.branchCode, accountNumber);
  return { iban: ribToIban({ bankCode: bank.bankCode, branchCode: bank.branchCode, accountNumber, key }), bic: bank.bic };
}

const monthsBefore = (date: string, months: number, day: number) =>
  `${format(addMonths(parseISO(date), -months), 'yyyy-MM')}-${String(day).padStart(2, '0')}`;

export async function seedDirectDebitDemo(em: EntityManager, identity: Identity, options: { now?: Date } = {}): Promise<void> {
  const today = localDate(options.now ?? new Date());
  // Customers whose contract's latest billing terms say direct debit, in contract order.
  const rows = await em.execute<{ customerId: string }[]>(
    `select k.customer_id as "customerId", min(k.reference) as first_reference
       from contracts k
       join lateral (select payment_method from contract_billing_terms t
                      where t.tenant_id = k.tenant_id and t.contract_id = k.id
                      order by t.effective_on desc limit 1) t on true
      where t.payment_method = 'DIRECT_DEBIT'
      group by k.customer_id
      order by first_reference`,
  );
  const withMandate = rows.slice(0, -1);
  for (const [i, { customerId }] of withMandate.entries()) {
    if (i === 0) {
      const old = await createMandate(em, identity, {
        customerId,
        signedOn: monthsBefore(today, 18, 12),
        ...demoAccount(100),
      });
      await revokeMandate(em, identity, old.id, { revokedOn: monthsBefore(today, 6, 2), reason: 'Changement de banque du client' });
    }
    await createMandate(em, identity, { customerId, signedOn: monthsBefore(today, 6, 3 + (i % 20)), ...demoAccount(i) });
  }
}

/** The bank's side of a demo batch: the credit the statement shows, on its collection date. */
export interface DemoBatchCredit {
  messageId: string;
  collectionDate: string;
  amount: string;
}

export interface DirectDebitCollectionsDemo {
  /** Credited in the statement already imported: the import settled it. */
  settled: DemoBatchCredit;
  /** Still submitted: its credit is in the statement to import. */
  pending: DemoBatchCredit;
  /** An item of the settled batch the debtor's bank returns (AM04), in the statement to import. */
  returned: { invoiceNumber: string; amount: string; customerName: string };
}

/** The day, `daysBefore` or more days before `today`, whose file collects on a business day before `today`. */
function sentDayBefore(today: string, daysBefore: number): string {
  let day = shiftDate(today, -daysBefore);
  while (earliestCollectionDate(day) >= today) day = shiftDate(day, -1);
  return day;
}

/** A batch of the first `count` invoices a file sent on `sentOn` would collect, as if built that day. */
async function demoBatch(em: EntityManager, identity: Identity, sentOn: string, count: number): Promise<DemoBatchCredit | null> {
  const collectionDate = earliestCollectionDate(sentOn);
  const plan = await planDirectDebit(em, collectionDate, { today: sentOn });
  const invoiceIds = plan.candidates.slice(0, count).map((c) => c.invoiceId);
  if (invoiceIds.length < count) return null;
  const batch = await createDirectDebitBatch(em, identity, { collectionDate, invoiceIds }, { now: new Date(`${sentOn}T10:00:00`) });
  return { messageId: batch.messageId, collectionDate, amount: batch.totalAmount };
}

/**
 * Two direct-debit batches of a few invoices each (the other candidates are left for the user's
 * own batch): one sent eight days ago, whose credit the statement already imported shows, and one
 * sent three days ago, whose credit is in the statement to import with the return of an item of
 * the first. Null when too few invoices are to collect.
 */
export async function seedDirectDebitCollections(
  em: EntityManager,
  identity: Identity,
  options: { now?: Date } = {},
): Promise<DirectDebitCollectionsDemo | null> {
  const today = localDate(options.now ?? new Date());
  const settled = await demoBatch(em, identity, sentDayBefore(today, 8), 3);
  if (!settled) return null;
  const pending = await demoBatch(em, identity, sentDayBefore(today, 3), 2);
  if (!pending) return null;
  const [item] = await em.execute<{ invoiceNumber: string; amount: string; customerName: string }[]>(
    `select i.number as "invoiceNumber", d.amount::text as amount, c.name as "customerName"
       from direct_debit_items d
       join direct_debit_batches b on b.tenant_id = d.tenant_id and b.id = d.batch_id
       join invoices i on i.tenant_id = d.tenant_id and i.id = d.invoice_id
       join customers c on c.tenant_id = d.tenant_id and c.id = d.customer_id
      where b.message_id = ? order by d.instruction_id desc limit 1`,
    [settled.messageId],
  );
  return { settled, pending, returned: item! };
}
