import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { ContractBillingRun, type BillingMode, type BillingRunError } from './contract-billing.entity';
import { billContract, billDraftLines, loadBillingBasis, type BillingCustomer, type ContractBill } from './contract-bills';
import { dayAfter } from './contract-billing.rules';
import { buyerSnapshot } from '../invoice-issue';
import { Invoice } from '../invoice.entity';
import { sendInvoice } from '../invoice-sending';
import { Contract } from '../../maintenance/contract.entity';
import { assertPeriodOpen } from '../../finance/periods/period-guard';
import { draftTotals, INVOICE_SERIES } from '../invoice-drafts';
import { paymentDueDate } from '../invoice.rules';
import { sumAmounts } from '../money';
import { lockInvoiceSeries, nextInvoiceNumbers } from '../numbering';
import type { Orm } from '../../db/orm';
import { inTenantScope } from '../../db/tenant-scope';
import { Tenant } from '../../platform/tenant.entity';
import { DomainError, Errors, Validator } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { frenchDate, isLocalDate, localDate } from '../../shared/time';

/**
 * The billing run: the contracts' periods due on a date, invoiced (and issued) in chunks of
 * contracts, one transaction per chunk. Each billed period's key (contract, period start) is
 * claimed in the chunk's transaction, so a second run, a retry or a resumed run bills nothing
 * twice; invoice numbers are taken as one block per chunk under the series lock, so a chunk that
 * rolls back (a killed process) gives its numbers back and leaves no gap.
 */

export const CONTRACT_BILLING_QUEUE = 'contract-billing';
export const CONTRACT_BILLING_SEND_QUEUE = 'contract-billing-send';
export const BILLING_CHUNK_SIZE = 250;
export const MAX_EXCLUDED_LINES = 10_000;
const LINE_ID = /^[0-9a-f-]{36}:\d{4}-\d{2}-\d{2}:\d{1,3}$/;

export interface ContractBillingJobData {
  runId: string;
  identity: Identity;
}

export interface StartRunInput {
  billingDate: string;
  excludedLineIds?: readonly string[];
  /** Defaults to the tenant's setting. */
  mode?: BillingMode | null;
  send?: boolean | null;
}

export function validateRunInput(input: StartRunInput, today: string): void {
  const excluded = input.excludedLineIds ?? [];
  new Validator()
    .check(isLocalDate(input.billingDate), 'billingDate', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(!isLocalDate(input.billingDate) || input.billingDate <= dayAfter(today, 366), 'billingDate', 'au plus un an à l’avance')
    .check(excluded.length <= MAX_EXCLUDED_LINES, 'excludedLineIds', `au plus ${MAX_EXCLUDED_LINES} lignes exclues`)
    .check(
      excluded.every((id) => LINE_ID.test(id)),
      'excludedLineIds',
      'identifiants de lignes de l’aperçu attendus',
    )
    .throwIfInvalid();
}

/** Records the run (QUEUED); the caller enqueues its job once the transaction commits. */
export async function startContractBillingRun(em: EntityManager, identity: Identity, input: StartRunInput): Promise<ContractBillingRun> {
  validateRunInput(input, localDate(new Date()));
  const tenant = await em.findOneOrFail(Tenant, { id: identity.tenantId });
  const mode = input.mode ?? tenant.contractBillingMode;
  const run = em.create(ContractBillingRun, {
    id: newId(),
    tenantId: identity.tenantId,
    billingDate: input.billingDate,
    state: 'QUEUED',
    mode,
    send: mode === 'ISSUE' && (input.send ?? tenant.contractBillingSend),
    excludedLineIds: [...new Set(input.excludedLineIds ?? [])],
    createdBy: actorId(identity),
  });
  await em.flush();
  return run;
}

export async function getContractBillingRun(em: EntityManager, id: string): Promise<ContractBillingRun> {
  const run = await em.findOne(ContractBillingRun, { id });
  if (!run) throw Errors.notFound('ContractBillingRun', id);
  return run;
}

export const listContractBillingRuns = (em: EntityManager, first: number) =>
  em.find(ContractBillingRun, {}, { orderBy: { createdAt: 'desc' }, limit: first });

/** The invoices a run created, in number order. */
export async function runInvoiceIds(em: EntityManager, runId: string): Promise<string[]> {
  const rows = await em.execute<{ invoice_id: string }[]>(
    `select p.invoice_id from contract_billing_periods p join invoices i on i.tenant_id = p.tenant_id and i.id = p.invoice_id
      where p.run_id = ? group by p.invoice_id, i.number, i.created_at order by i.number nulls last, i.created_at`,
    [runId],
  );
  return rows.map((r) => r.invoice_id);
}

const pgUuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

function invoiceNotes(bill: ContractBill): string {
  const c = bill.contract;
  const notes = [`Contrat ${c.reference} — ${c.title}`];
  const start = bill.periods[0]!.start;
  const end = bill.periods.at(-1)!.end;
  notes.push(`Redevance du ${frenchDate(start)} au ${frenchDate(end)}`);
  if (bill.paymentMethod === 'DIRECT_DEBIT') notes.push('Règlement par prélèvement SEPA à l’échéance');
  return notes.join('\n');
}

interface ChunkOutcome {
  invoices: number;
  totalNet: string;
  totalGross: string;
  /** Contracts not billed for want of an index value. */
  blocked: BillingRunError[];
}

export interface RunHooks {
  /** Called inside each chunk's transaction, after its writes and before it commits (tests kill it here). */
  beforeCommit?: (chunkIndex: number, em: EntityManager) => Promise<void>;
  chunkSize?: number;
}

/** The contracts a run looks at: those with billing terms, in a fixed order (so concurrent runs lock them alike). */
async function contractsWithTerms(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ contract_id: string }[]>('select distinct contract_id from contract_billing_terms order by contract_id');
  return rows.map((r) => r.contract_id);
}

/** Bills the due periods of some contracts in the caller's transaction. */
async function billChunk(em: EntityManager, run: ContractBillingRun, contractIds: readonly string[], at?: Date): Promise<ChunkOutcome> {
  const tenantId = run.tenantId;
  // Terminations and terms changes lock the contract: a run never bills past a termination it cannot see.
  await em.execute(`select 1 from contracts where id = any(?::uuid[]) order by id for share`, [pgUuidArray(contractIds)]);
  const basis = await loadBillingBasis(em, contractIds);
  const excluded = new Set(run.excludedLineIds);
  const priced = basis.contracts.map((c) => billContract(basis, c, run.billingDate, excluded));
  const blocked = priced.flatMap((b) =>
    b.blocked ? [{ contractId: b.contract.id, contractReference: b.contract.reference, ...b.blocked }] : [],
  );
  const bills = priced.filter((b) => !b.blocked && b.periods.length > 0);
  if (bills.length === 0) return { invoices: 0, totalNet: '0.00', totalGross: '0.00', blocked };

  const invoiceIds = new Map(bills.map((b) => [b.contract.id, newId()]));
  const claims = bills.flatMap((b) =>
    b.periods.map((p) => ({
      contract_id: b.contract.id,
      period_start: p.start,
      period_end: p.end,
      invoice_id: invoiceIds.get(b.contract.id),
    })),
  );
  const claimed = await em.execute<{ key: string }[]>(
    `insert into contract_billing_periods (tenant_id, contract_id, period_start, period_end, invoice_id, run_id)
     select ?, r.contract_id, r.period_start, r.period_end, r.invoice_id, ?
       from jsonb_to_recordset(?::jsonb) as r(contract_id uuid, period_start date, period_end date, invoice_id uuid)
     on conflict do nothing
     returning contract_id || ':' || period_start::text as key`,
    [tenantId, run.id, JSON.stringify(claims)],
  );
  const ours = new Set(claimed.map((c) => c.key));
  const toInvoice = bills
    .map((b) => ({ ...b, periods: b.periods.filter((p) => ours.has(`${b.contract.id}:${p.start}`)) }))
    .filter((b) => b.periods.length > 0);
  if (toInvoice.length === 0) return { invoices: 0, totalNet: '0.00', totalGross: '0.00', blocked };

  const rateByCode = new Map(basis.vatRates.map((r) => [r.code, r]));
  const invoices: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  const breakdown: Record<string, unknown>[] = [];
  const dues: { id: string; bill: ContractBill }[] = [];
  for (const bill of toInvoice) {
    const id = invoiceIds.get(bill.contract.id)!;
    const draftLines = billDraftLines(bill);
    const totals = draftTotals(draftLines, { vatRates: basis.vatRates });
    invoices.push({
      id,
      customer_id: bill.customerId,
      contract_id: bill.contract.id,
      period_start: bill.periods[0]!.start,
      period_end: bill.periods.at(-1)!.end,
      notes: invoiceNotes(bill),
      total_net: totals.taxBasisTotal,
      total_vat: totals.taxTotal,
      total_gross: totals.grandTotal,
      amount_due: totals.duePayable,
    });
    draftLines.forEach((l, position) => {
      const rate = rateByCode.get(l.vatRateCode)!;
      lines.push({
        id: newId(),
        invoice_id: id,
        position,
        description: l.description,
        unit_price: l.unitPrice,
        vat_rate_code: l.vatRateCode,
        vat_category: rate.categoryCode,
        vat_rate: rate.rate,
        line_net: totals.lineNets[position],
        reason: l.reason ?? null,
        service_start: l.serviceStart,
        service_end: l.serviceEnd,
        revenue_account: l.revenueAccount,
      });
    });
    for (const row of totals.vatBreakdown)
      breakdown.push({
        id: newId(),
        invoice_id: id,
        category: row.categoryCode,
        rate: row.rate,
        basis: row.basis,
        tax: row.tax,
        exemption_reason: row.exemptionReason,
      });
    dues.push({ id, bill });
  }
  await em.execute(
    `insert into invoices (tenant_id, id, status, series, type_code, operation_category, customer_id, contract_id,
        billing_period_start, billing_period_end, notes, total_net, total_vat, total_gross, amount_due)
     select ?, r.id, 'DRAFT', ?, '380', 'S', r.customer_id, r.contract_id, r.period_start, r.period_end, r.notes,
        r.total_net, r.total_vat, r.total_gross, r.amount_due
       from jsonb_to_recordset(?::jsonb) as r(id uuid, customer_id uuid, contract_id uuid, period_start date, period_end date,
        notes text, total_net numeric, total_vat numeric, total_gross numeric, amount_due numeric)`,
    [tenantId, INVOICE_SERIES, JSON.stringify(invoices)],
  );
  await em.execute(
    `insert into invoice_lines (tenant_id, id, invoice_id, position, kind, description, quantity, unit, unit_price, discount_percent,
        vat_rate_code, vat_category, vat_rate, line_net, covered_by_contract, reason, service_start, service_end, revenue_account)
     select ?, r.id, r.invoice_id, r.position, 'FEE', r.description, 1, 'C62', r.unit_price, 0,
        r.vat_rate_code, r.vat_category, r.vat_rate, r.line_net, false, r.reason, r.service_start, r.service_end, r.revenue_account
       from jsonb_to_recordset(?::jsonb) as r(id uuid, invoice_id uuid, position int, description text, unit_price numeric,
        vat_rate_code text, vat_category text, vat_rate numeric, line_net numeric, reason text, service_start date, service_end date,
        revenue_account text)`,
    [tenantId, JSON.stringify(lines)],
  );
  await em.execute(
    `insert into invoice_vat_breakdown (tenant_id, id, invoice_id, category, rate, basis, tax, exemption_reason)
     select ?, r.id, r.invoice_id, r.category, r.rate, r.basis, r.tax, r.exemption_reason
       from jsonb_to_recordset(?::jsonb) as r(id uuid, invoice_id uuid, category text, rate numeric, basis numeric, tax numeric, exemption_reason text)`,
    [tenantId, JSON.stringify(breakdown)],
  );
  if (run.mode === 'ISSUE') await issueBlock(em, tenantId, dues, basis.customers, at);
  return {
    invoices: toInvoice.length,
    totalNet: sumAmounts(invoices.map((i) => i.total_net as string)).toFixed(2),
    totalGross: sumAmounts(invoices.map((i) => i.total_gross as string)).toFixed(2),
    blocked,
  };
}

/**
 * Issues the chunk's drafts with one block of numbers: the series lock first (as single issues
 * take it, so dates follow numbers), then the counter moved by the block's size in one statement.
 */
async function issueBlock(
  em: EntityManager,
  tenantId: string,
  dues: { id: string; bill: ContractBill }[],
  customers: Map<string, BillingCustomer>,
  at?: Date,
): Promise<void> {
  await lockInvoiceSeries(em, tenantId, INVOICE_SERIES);
  const issuedAt = at ?? new Date();
  const issueDate = localDate(issuedAt);
  await assertPeriodOpen(em, issueDate);
  const numbers = await nextInvoiceNumbers(em, tenantId, INVOICE_SERIES, issueDate, dues.length);
  const rows = dues.map(({ id, bill }, i) => {
    const customer = customers.get(bill.customerId)!;
    const terms =
      bill.paymentTermsDays == null
        ? { kind: customer.paymentTermsKind, days: customer.paymentTermsDays }
        : { kind: 'NET' as const, days: bill.paymentTermsDays };
    return {
      id,
      number: numbers[i],
      due_date: paymentDueDate(issueDate, terms),
      buyer: buyerSnapshot(customer),
      fact_id: newId(),
    };
  });
  // With their facts (`invoice.issued`, as `issueInvoice` writes it) in the same statement, in number order.
  await em.execute(
    `with issued as (
       update invoices i set status = 'ISSUED', number = r.number, issue_date = ?, due_date = r.due_date, buyer = r.buyer,
          issued_at = ?, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as r(id uuid, number text, due_date date, buyer jsonb, fact_id uuid)
        where i.tenant_id = ? and i.id = r.id and i.status = 'DRAFT'
       returning i.tenant_id, i.id, i.number, i.type_code, i.customer_id, i.issue_date, i.total_gross, i.amount_due, r.fact_id)
     insert into business_facts (tenant_id, id, kind, subject_type, subject_id, occurred_on, payload, actor_id)
     select tenant_id, fact_id, 'invoice.issued', 'Invoice', id, issue_date,
            jsonb_build_object('number', number, 'typeCode', type_code, 'customerId', customer_id,
                               'totalGross', total_gross::text, 'amountDue', amount_due::text),
            nullif(current_setting('app.actor_id', true), '')::uuid
       from issued order by number`,
    [issueDate, issuedAt, JSON.stringify(rows), tenantId],
  );
}

/**
 * A whole run in the caller's transaction, issued at `at`: how the demo data replays the runs of
 * past months in date order with the other invoices. The product runs them as jobs.
 */
export async function replayContractBillingRun(
  em: EntityManager,
  identity: Identity,
  input: { billingDate: string; at: Date },
): Promise<ContractBillingRun> {
  const run = await startContractBillingRun(em, identity, { billingDate: input.billingDate, mode: 'ISSUE', send: false });
  const ids = await contractsWithTerms(em);
  const outcome = await billChunk(em, run, ids, input.at);
  em.assign(run, {
    state: 'SUCCEEDED',
    attempts: 1,
    contractsTotal: ids.length,
    contractsDone: ids.length,
    invoiceCount: outcome.invoices,
    totalNet: outcome.totalNet,
    totalGross: outcome.totalGross,
    errors: outcome.blocked,
    createdAt: input.at,
    startedAt: input.at,
    finishedAt: input.at,
  });
  await em.flush();
  return run;
}

/** A failure tied to one contract's data (not the connection): that contract is skipped and named. */
function isContractFailure(error: unknown): boolean {
  if (error instanceof DomainError) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

const errorOf = (error: unknown): { code: string; message: string } =>
  error instanceof DomainError
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL_ERROR', message: 'Erreur inattendue : le contrat n’a pas été facturé' };

/**
 * Runs (or resumes) a billing run. Safe to call again at any point: periods billed by an earlier
 * attempt, or by another run, are skipped.
 */
export async function processContractBillingRun(
  orm: Orm,
  data: ContractBillingJobData,
  hooks: RunHooks = {},
): Promise<ContractBillingRun | null> {
  const { identity, runId } = data;
  const scope = (operation: string) => ({ requestId: `job:${runId}`, operation });
  const chunkSize = hooks.chunkSize ?? BILLING_CHUNK_SIZE;
  const plan = await inTenantScope(orm, identity, scope('contract-billing:start'), async (em) => {
    const run = await em.findOne(ContractBillingRun, { id: runId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!run || run.state === 'SUCCEEDED') return null;
    // Every contract with billing terms is looked at, chunk by chunk (pricing it here too would hold
    // the whole tenant in memory); each attempt looks at all of them again, skipping what is billed.
    const ids = await contractsWithTerms(em);
    em.assign(run, {
      state: 'RUNNING',
      attempts: run.attempts + 1,
      startedAt: run.startedAt ?? new Date(),
      heartbeatAt: new Date(),
      contractsTotal: ids.length,
      contractsDone: 0,
      errors: [],
    });
    await em.flush();
    return { ids };
  });
  if (!plan) return null;

  const progress = async (em: EntityManager, contracts: number, outcome: ChunkOutcome) =>
    em.execute(
      `update contract_billing_runs set contracts_done = contracts_done + ?, invoice_count = invoice_count + ?,
          total_net = total_net + ?, total_gross = total_gross + ?, errors = errors || ?::jsonb, heartbeat_at = now() where id = ?`,
      [contracts, outcome.invoices, outcome.totalNet, outcome.totalGross, JSON.stringify(outcome.blocked), runId],
    );
  const runOf = (em: EntityManager) => em.findOneOrFail(ContractBillingRun, { id: runId });

  try {
    for (let start = 0, chunkIndex = 0; start < plan.ids.length; start += chunkSize, chunkIndex += 1) {
      const chunk = plan.ids.slice(start, start + chunkSize);
      try {
        await inTenantScope(orm, identity, scope('contract-billing:chunk'), async (em) => {
          const outcome = await billChunk(em, await runOf(em), chunk);
          await progress(em, chunk.length, outcome);
          await hooks.beforeCommit?.(chunkIndex, em);
        });
      } catch (error) {
        if (!isContractFailure(error)) throw error;
        // One contract's data broke the chunk: bill the others one by one, name the failing ones.
        for (const contractId of chunk) {
          try {
            await inTenantScope(orm, identity, scope('contract-billing:contract'), async (em) => {
              await progress(em, 1, await billChunk(em, await runOf(em), [contractId]));
            });
          } catch (single) {
            if (!isContractFailure(single)) throw single;
            await inTenantScope(orm, identity, scope('contract-billing:error'), async (em) => {
              const run = await em.findOneOrFail(ContractBillingRun, { id: runId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
              const contract = await em.findOne(Contract, { id: contractId });
              run.errors = [...run.errors, { contractId, contractReference: contract?.reference ?? '', ...errorOf(single) }];
              run.contractsDone += 1;
              await em.flush();
            });
          }
        }
      }
    }
    return await inTenantScope(orm, identity, scope('contract-billing:done'), async (em) => {
      const run = await runOf(em);
      em.assign(run, { state: 'SUCCEEDED', finishedAt: new Date(), heartbeatAt: new Date() });
      await em.flush();
      return run;
    });
  } catch (error) {
    await inTenantScope(orm, identity, scope('contract-billing:failed'), async (em) => {
      const run = await runOf(em);
      em.assign(run, { state: 'FAILED', finishedAt: new Date() });
      await em.flush();
    }).catch(() => undefined);
    throw error;
  }
}

/**
 * After a run that issues: mails each of its invoices (rendering its Factur-X PDF on the way), one
 * transaction per invoice, off the run's critical path. An invoice already sent is skipped, so the
 * job can be replayed; a customer without an address is named in the run's errors.
 */
export async function sendRunInvoices(orm: Orm, data: ContractBillingJobData): Promise<{ sent: number; failed: number }> {
  const { identity, runId } = data;
  const scope = { requestId: `job:${runId}`, operation: 'contract-billing:send' };
  const ids = await inTenantScope(orm, identity, scope, async (em) => {
    const all = await runInvoiceIds(em, runId);
    if (all.length === 0) return [];
    const unsent = await em.find(Invoice, { id: { $in: all }, status: 'ISSUED', sentAt: null }, { fields: ['id'] });
    return unsent.map((i) => i.id);
  });
  let sent = 0;
  let failed = 0;
  for (const id of ids) {
    try {
      await inTenantScope(orm, identity, scope, (em) => sendInvoice(em, identity, id));
      sent += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      failed += 1;
      await inTenantScope(orm, identity, scope, async (em) => {
        const run = await em.findOneOrFail(ContractBillingRun, { id: runId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const invoice = await em.findOneOrFail(Invoice, { id });
        const contract = invoice.contractId ? await em.findOne(Contract, { id: invoice.contractId }) : null;
        run.errors = [
          ...run.errors,
          {
            contractId: invoice.contractId ?? '',
            contractReference: contract?.reference ?? '',
            code: 'NOT_SENT',
            message: `Facture ${invoice.number} émise mais non envoyée : ${error.message}`,
          },
        ];
        await em.flush();
      });
    }
  }
  return { sent, failed };
}
