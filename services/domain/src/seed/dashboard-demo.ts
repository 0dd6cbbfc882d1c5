import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { addLocalDays } from '../finance/dashboard/dashboard.rules';
import { updateProfitabilitySettings } from '../finance/dashboard/profitability-settings.service';
import { recordPayment } from '../finance/payments/payments.service';
import { Technician } from '../maintenance/technician.entity';
import { updateTechnician } from '../maintenance/technician.service';
import type { Identity } from '../shared/identity';
import { localDate } from '../shared/time';
import { seededRandom } from './french-data';

/**
 * What the dashboards read beyond the other demo data: the technicians' loaded hourly costs and the
 * cost of a trip (profitability), and the payments of the contract invoices (the contract runs
 * replay from the start of last year: revenue and cash month by month, this year against last).
 * Each customer pays the way it usually does, on time or some weeks late, which the cash forecast
 * then reads.
 */

/** Loaded hourly costs (salary, charges, vehicle, tools), by technician: from 32 to 45 €/h. */
const COST_RATES: Record<string, string> = {
  'Théo Le Floch': '38.50',
  'Maëlle Quéré': '41.00',
  'Kévin Le Goff': '36.00',
  'Romain Pichon': '34.50',
  'Gwenaëlle Cadiou': '39.00',
  'Lucas Bréhier': '32.00',
  'Mathis Guéguen': '37.50',
  'Yannick Le Bras': '45.00',
};

/** Vehicle, fuel and time on the road of one trip, HT. */
const TRAVEL_COST_PER_TRIP = '28.50';

/** How late each kind of customer pays, in days after the due date (before a few days of jitter). */
const HABITS = [0, 0, 0, 2, 5, 12, 15, 20, 30, 45] as const;

const addMonthsTo = (date: string, months: number) => format(addMonths(parseISO(date), months), 'yyyy-MM-dd');

interface UnpaidInvoice {
  id: string;
  customerId: string;
  issueDate: string;
  dueDate: string;
  openBalance: string;
  paymentMethod: 'TRANSFER' | 'DIRECT_DEBIT';
  number: string;
}

export async function seedDashboardDemo(
  em: EntityManager,
  identity: Identity,
  options: { seed: number; now?: Date },
): Promise<{ payments: number }> {
  const today = localDate(options.now ?? new Date());
  // Direct debits of the last three months stay for the direct debit demo (batches, returns).
  const debitsBefore = `${addMonthsTo(today, -3).slice(0, 7)}-01`;
  // Transfers are paid when the customer's habit says, if that was more than ten days ago: the
  // later ones (and the late payers' recent ones) stay open, for the reminders and the bank matching.
  const paidBy = addLocalDays(today, -10);
  for (const technician of await em.find(Technician, {})) {
    const costRate = COST_RATES[technician.fullName];
    if (costRate) await updateTechnician(em, technician.id, { costRate });
  }
  await updateProfitabilitySettings(em, identity, { travelCostPerTrip: TRAVEL_COST_PER_TRIP });

  const random = seededRandom(options.seed * 104_729 + 3);
  const habits = new Map<string, number>();
  const habitOf = (customerId: string) => {
    let days = habits.get(customerId);
    if (days === undefined) habits.set(customerId, (days = HABITS[Math.floor(random() * HABITS.length)]!));
    return days;
  };
  // The contract invoices still open, with how their contract's terms say they are paid.
  const open = await em.execute<UnpaidInvoice[]>(
    `select i.id, i.customer_id as "customerId", i.issue_date::text as "issueDate", i.due_date::text as "dueDate",
            i.open_balance::text as "openBalance", i.number,
            coalesce((select t.payment_method from contract_billing_terms t
                       where t.tenant_id = i.tenant_id and t.contract_id = i.contract_id and t.effective_on <= i.issue_date
                       order by t.effective_on desc limit 1), 'TRANSFER') as "paymentMethod"
       from invoices i
      where i.status = 'ISSUED' and i.type_code = '380' and i.contract_id is not null and i.open_balance > 0
      order by i.issue_date, i.number`,
  );
  const toPay = open.flatMap((invoice) => {
    const debit = invoice.paymentMethod === 'DIRECT_DEBIT';
    const paidOn = addLocalDays(invoice.dueDate, debit ? 0 : habitOf(invoice.customerId) + Math.floor(random() * 7) - 3);
    return (debit ? invoice.issueDate < debitsBefore : paidOn <= paidBy) ? [{ invoice, paidOn }] : [];
  });
  // The demo's unit of work holds hundreds of entities by now, which every payment's flush would
  // walk: the payments go through a fresh one in the same transaction, emptied after each.
  await em.flush();
  const payments = em.fork({ clear: true, keepTransactionContext: true });
  for (const { invoice, paidOn } of toPay) {
    await recordPayment(payments, identity, {
      customerId: invoice.customerId,
      amount: invoice.openBalance,
      receivedOn: paidOn < today ? paidOn : addLocalDays(today, -1),
      method: invoice.paymentMethod,
      reference: invoice.paymentMethod === 'DIRECT_DEBIT' ? `Prélèvement ${invoice.number}` : `VIR ${invoice.number}`,
      allocations: [{ invoiceId: invoice.id, amount: invoice.openBalance }],
    });
    payments.clear();
  }
  return { payments: toPay.length };
}
