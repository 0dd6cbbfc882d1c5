import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  alreadyPostedError,
  deferredRevenueProposal,
  noFiscalYearForError,
  nothingToDeferError,
  staleProposalError,
  type DeferrableLine,
  type DeferredRevenueProposal,
} from './deferred-revenue.rules';
import { ledgerMapping } from './ledger-mapping';
import { Money, parseDecimal } from '../../billing/money';
import { dayAfter } from '../../billing/contracts/contract-billing.rules';
import { periodErrorFromDatabase } from '../periods/period-guard';
import { periodContaining } from '../periods/periods.rules';
import { listAccountingPeriods } from '../periods/periods.service';
import { recordFact } from '../../platform/business-facts';
import { Validator } from '../../shared/errors';
import type { Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { isLocalDate } from '../../shared/time';

/**
 * Deferred revenue at a closing date: the proposal (read), and its posting as two business facts
 * that the ledger's consumer turns into the OD entry on the closing date and its reversal on the
 * day after. One posting per closing date.
 */

export interface DeferredRevenuePosting {
  postedAt: Date;
  total: string;
}

export interface DeferredRevenue extends DeferredRevenueProposal {
  /** The posting already made at this date, if any. */
  posting: DeferredRevenuePosting | null;
}

const RECOGNISED = 'deferred_revenue.recognised';

function checkDate(date: string): void {
  new Validator().check(isLocalDate(date), 'date', 'date AAAA-MM-JJ').throwIfInvalid();
}

/** Issued lines with a service period ending after the date, on documents issued by then. */
function deferrableLines(em: EntityManager, tenantId: string, date: string): Promise<DeferrableLine[]> {
  return em.execute<DeferrableLine[]>(
    `select i.id as "invoiceId", i.number, i.type_code as "typeCode", c.type_code as "creditedTypeCode", i.issue_date::text as "issueDate",
            i.customer_id as "customerId", cu.name as "customerName", l.kind, l.line_net::text as "lineNet",
            l.revenue_account as "revenueAccount", l.service_start::text as "serviceStart", l.service_end::text as "serviceEnd"
       from invoice_lines l
       join invoices i on i.tenant_id = l.tenant_id and i.id = l.invoice_id
       join customers cu on cu.tenant_id = i.tenant_id and cu.id = i.customer_id
       left join invoices c on c.tenant_id = i.tenant_id and c.id = i.credited_invoice_id
      where l.tenant_id = ? and l.service_end > ?::date and i.status = 'ISSUED' and i.issue_date <= ?::date
      order by i.issue_date, i.number, l.position`,
    [tenantId, date, date],
  );
}

async function postingAt(em: EntityManager, tenantId: string, date: string): Promise<DeferredRevenuePosting | null> {
  const [row] = await em.execute<{ recorded_at: Date | string; total: string }[]>(
    `select recorded_at, payload ->> 'total' as total from business_facts where tenant_id = ? and kind = ? and occurred_on = ?::date`,
    [tenantId, RECOGNISED, date],
  );
  return row ? { postedAt: new Date(row.recorded_at), total: row.total } : null;
}

async function proposalAt(em: EntityManager, tenantId: string, date: string): Promise<DeferredRevenueProposal> {
  const [lines, accounts] = await Promise.all([deferrableLines(em, tenantId, date), ledgerMapping(em, tenantId)]);
  return deferredRevenueProposal(lines, accounts, date);
}

/** What would be deferred at the closing date, document by document, and whether it was posted already. */
export async function deferredRevenue(em: EntityManager, tenantId: string, date: string): Promise<DeferredRevenue> {
  checkDate(date);
  const [proposal, posting] = await Promise.all([proposalAt(em, tenantId, date), postingAt(em, tenantId, date)]);
  return { ...proposal, posting };
}

/**
 * The database's guard on a date (PERIOD_CLOSED, NO_FISCAL_YEAR before the first year): it also
 * takes the period lock in shared mode until commit, so a closing of the month waits for this
 * posting and then posts its facts before closing.
 */
async function assertOpenInDatabase(em: EntityManager, tenantId: string, date: string): Promise<void> {
  try {
    await em.execute('select assert_period_open(?::uuid, ?::date)', [tenantId, date]);
  } catch (error) {
    throw periodErrorFromDatabase(error) ?? error;
  }
}

/**
 * Posts the deferred revenue at the closing date as previewed: `expectedTotal` is the total the
 * user saw (STALE_PROPOSAL when the documents changed since). Refused when the closing date or the
 * day after is in a closed period (PERIOD_CLOSED) or in no fiscal year (NO_FISCAL_YEAR), when it was
 * posted already for that date (DEFERRED_REVENUE_ALREADY_POSTED) and when nothing is deferred
 * (NOTHING_TO_DEFER). Writes `deferred_revenue.recognised` (dated on the closing date) and
 * `deferred_revenue.reversed` (the day after), with the amounts per account.
 */
export async function postDeferredRevenue(
  em: EntityManager,
  identity: Identity,
  input: { date: string; expectedTotal: string },
): Promise<DeferredRevenue> {
  const { tenantId } = identity;
  checkDate(input.date);
  const expected = parseDecimal(input.expectedTotal, 'expectedTotal', 2);
  const reversalDate = dayAfter(input.date);
  for (const day of [input.date, reversalDate]) await assertOpenInDatabase(em, tenantId, day);
  const periods = await listAccountingPeriods(em);
  const uncovered = [input.date, reversalDate].find((day) => !periodContaining(day, periods));
  if (uncovered) throw noFiscalYearForError(uncovered);
  const earlier = await postingAt(em, tenantId, input.date);
  if (earlier) throw alreadyPostedError(input.date, earlier.postedAt);
  const proposal = await proposalAt(em, tenantId, input.date);
  if (!proposal.entry) throw nothingToDeferError(input.date);
  if (!expected.eq(new Money(proposal.total))) throw staleProposalError(input.date, expected.toFixed(2), proposal.total);

  const subjectId = newId();
  const payload = {
    closingDate: proposal.closingDate,
    reversalDate: proposal.reversalDate,
    deferredAccount: proposal.deferredAccount,
    accounts: proposal.accounts,
    total: proposal.total,
    documents: proposal.documents.map((d) => ({ invoiceId: d.invoiceId, number: d.number, deferred: d.deferred })),
  };
  const fact = { subjectType: 'DeferredRevenue', subjectId, payload };
  recordFact(em, identity, { ...fact, kind: RECOGNISED, occurredOn: proposal.closingDate });
  recordFact(em, identity, { ...fact, kind: 'deferred_revenue.reversed', occurredOn: proposal.reversalDate });
  try {
    await em.flush();
  } catch (error) {
    // Another posting for the same date committed in the meantime (the facts' unique index).
    if (error instanceof UniqueConstraintViolationException) throw alreadyPostedError(input.date, new Date());
    throw error;
  }
  return { ...proposal, posting: { postedAt: new Date(), total: proposal.total } };
}
