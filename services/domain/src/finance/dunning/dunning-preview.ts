import type { EntityManager } from '@mikro-orm/postgresql';
import { sumAmounts, toAmount } from '../../billing/money';
import { uuidArrayLiteral } from '../../shared/ids';
import { fixedRecoveryIndemnity, lateInterest } from './late-charges';
import { isReminderDue, nextReminder, type DunningLevel, type NoReminderReason } from './dunning.rules';
import { dunningSettings, type DunningConfig } from './dunning-settings.service';

/** An issued invoice still open, with what dunning needs to know of it (one row of the candidates query). */
interface CandidateRow {
  invoiceId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  openBalance: string;
  customerId: string;
  customerName: string;
  customerEmail: string | null;
  isConsumer: boolean;
  lastLevelSent: number | null;
  lastReminderOn: string | null;
  disputed: boolean;
  promiseUntil: string | null;
  directDebitPending: boolean;
}

export interface PlannedReminder {
  invoiceId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  openBalance: string;
  customerId: string;
  customerName: string;
  customerEmail: string | null;
  isConsumer: boolean;
  level: DunningLevel;
  daysLate: number;
  skippedRanks: number[];
  lateInterest: string;
  indemnity: string;
  message: string;
  /** A reminder that cannot go out as it is (no e-mail address for an e-mail level). */
  problem: string | null;
}

export interface HeldReminder {
  invoiceId: string;
  number: string;
  customerId: string;
  customerName: string;
  dueDate: string;
  openBalance: string;
  reason: NoReminderReason;
  message: string;
}

export interface DunningPreview {
  date: string;
  reminders: PlannedReminder[];
  /** Overdue invoices held back on purpose (disputed, promise, direct debit, too soon after the last reminder). */
  held: HeldReminder[];
  totals: { count: number; openBalance: string; lateInterest: string; indemnity: string };
  settings: DunningConfig;
}

const HELD_REASONS: readonly NoReminderReason[] = ['DISPUTED', 'PROMISE', 'DIRECT_DEBIT', 'TOO_SOON'];

/**
 * Overdue invoices (due before `date`), with their last reminder and collection state, in one
 * statement. The reminders and pending direct debits are aggregated once and hash-joined (for
 * tens of thousands of invoices, a lookup per invoice costs several times more, and pushes the
 * statement's estimated cost over PostgreSQL's JIT threshold, whose compilation alone takes seconds).
 */
function overdueInvoices(em: EntityManager, tenantId: string, date: string, invoiceIds?: readonly string[]): Promise<CandidateRow[]> {
  const only = (column: string) => (invoiceIds ? `and ${column} = any(?::uuid[])` : '');
  const ids = invoiceIds ? [uuidArrayLiteral(invoiceIds)] : [];
  return em.execute<CandidateRow[]>(
    `select i.id as "invoiceId", i.number, i.issue_date::text as "issueDate", i.due_date::text as "dueDate",
            i.open_balance::text as "openBalance", i.customer_id as "customerId", c.name as "customerName",
            c.email as "customerEmail", c.is_consumer as "isConsumer",
            r.last_rank as "lastLevelSent", r.last_on::text as "lastReminderOn",
            coalesce(s.disputed, false) as disputed, s.promise_until::text as "promiseUntil",
            dd.invoice_id is not null as "directDebitPending"
       from invoices i
       join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
       left join invoice_collection_states s on s.tenant_id = i.tenant_id and s.invoice_id = i.id
       left join (
         select invoice_id, max(level_rank) as last_rank, max(sent_on) as last_on from reminders
          where tenant_id = ? ${only('invoice_id')}
          group by invoice_id) r on r.invoice_id = i.id
       left join (
         select distinct d.invoice_id from direct_debit_items d
           join direct_debit_batches b on b.tenant_id = d.tenant_id and b.id = d.batch_id
          where d.tenant_id = ? and d.status = 'PENDING' and b.state = 'SUBMITTED' ${only('d.invoice_id')}) dd on dd.invoice_id = i.id
      where i.tenant_id = ? and i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance > 0 and i.due_date <= ?
        ${only('i.id')}
      order by c.name, i.due_date, i.number`,
    [tenantId, ...ids, tenantId, ...ids, tenantId, date, ...ids],
  );
}

type Decisions = Map<string, ReturnType<typeof nextReminder>>;

/**
 * `nextReminder` for the row, once per distinct situation: the decision depends only on the due
 * date, whether something is left to pay, the last reminder and the collection state (not on the
 * invoice itself), and a catch-up over tens of thousands of invoices has a few hundred situations.
 */
function decisionFor(row: CandidateRow, date: string, settings: DunningConfig, decisions: Decisions): ReturnType<typeof nextReminder> {
  const owed = !row.openBalance.startsWith('-') && !/^0*(\.0*)?$/.test(row.openBalance);
  const key = `${row.dueDate}|${owed}|${row.lastLevelSent}|${row.lastReminderOn}|${row.disputed}|${row.promiseUntil}|${row.directDebitPending}`;
  let decision = decisions.get(key);
  if (!decision) {
    decision = nextReminder(settings.levels, row, date, { minimumDaysBetweenReminders: settings.minimumDaysBetween });
    decisions.set(key, decision);
  }
  return decision;
}

function plan(row: CandidateRow, date: string, settings: DunningConfig, decisions: Decisions): PlannedReminder | HeldReminder | null {
  const decision = decisionFor(row, date, settings, decisions);
  if (!isReminderDue(decision)) {
    if (!HELD_REASONS.includes(decision.none)) return null;
    const { invoiceId, number, customerId, customerName, dueDate, openBalance } = row;
    return { invoiceId, number, customerId, customerName, dueDate, openBalance, reason: decision.none, message: decision.message };
  }
  const { level } = decision;
  const interest = level.chargeLateInterest
    ? lateInterest({ amount: row.openBalance, dueDate: row.dueDate, asOf: date, annualRatePercent: settings.lateInterestRate }).amount
    : '0.00';
  const needsMail = level.channel === 'EMAIL';
  return {
    ...row,
    level,
    daysLate: decision.daysLate,
    skippedRanks: [...decision.skippedRanks],
    lateInterest: interest,
    indemnity: level.chargeFixedIndemnity ? fixedRecoveryIndemnity(row.isConsumer) : '0.00',
    message: decision.message,
    problem: needsMail && !row.customerEmail ? `Le client ${row.customerName} n’a pas d’adresse e-mail` : null,
  };
}

/**
 * What a dunning run on `date` will send: for each overdue invoice, the one level it is owed
 * (catching up after days without a run), with interest and indemnity where the level charges
 * them; and the overdue invoices held back, with why. The run sends exactly this.
 */
export async function dunningPreview(
  em: EntityManager,
  tenantId: string,
  date: string,
  options: { excludedInvoiceIds?: readonly string[]; onlyInvoiceIds?: readonly string[] } = {},
): Promise<DunningPreview> {
  const settings = await dunningSettings(em, tenantId);
  const excluded = new Set(options.excludedInvoiceIds ?? []);
  const reminders: PlannedReminder[] = [];
  const held: HeldReminder[] = [];
  const decisions: Decisions = new Map();
  for (const row of await overdueInvoices(em, tenantId, date, options.onlyInvoiceIds)) {
    if (excluded.has(row.invoiceId)) continue;
    const planned = plan(row, date, settings, decisions);
    if (planned && 'level' in planned) reminders.push(planned);
    else if (planned) held.push(planned);
  }
  return {
    date,
    reminders,
    held,
    totals: {
      count: reminders.length,
      openBalance: toAmount(sumAmounts(reminders.map((r) => r.openBalance))),
      lateInterest: toAmount(sumAmounts(reminders.map((r) => r.lateInterest))),
      indemnity: toAmount(sumAmounts(reminders.map((r) => r.indemnity))),
    },
    settings,
  };
}
