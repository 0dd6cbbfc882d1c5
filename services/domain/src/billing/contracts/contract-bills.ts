import type { EntityManager } from '@mikro-orm/postgresql';
import type { ContractBillingTerms, ContractFeeLine, ContractPaymentMethod } from './contract-billing.entity';
import {
  contractSchedule,
  frenchMonth,
  prorate,
  revisedAmount,
  revisionCoefficient,
  revisionInForce,
  type PeriodSpan,
  type ScheduledPeriod,
} from './contract-billing.rules';
import { indexationOf } from './billing-terms.service';
import { draftTotals, vatRateDefs, type DraftLineInput } from '../invoice-drafts';
import { formatFr, sumAmounts } from '../money';
import { formatEuro } from '../documents/format';
import type { VatRateDef } from '../totals';
import type { Contract } from '../../maintenance/contract.entity';
import type { Customer } from '../../maintenance/customer.entity';
import { frenchDate } from '../../shared/time';

/**
 * What the contracts owe on a billing date: every period due (billed in advance from its first
 * day, in arrears from its last) and not billed yet, priced with the terms in force at the period
 * and the index revision in force, prorated by days. The preview and the run both price through
 * `billContract`, so the run does exactly what the preview showed.
 */

/** What pricing reads of a contract. */
export type BillingContract = Pick<
  Contract,
  'id' | 'tenantId' | 'reference' | 'title' | 'customerId' | 'startsOn' | 'endsOn' | 'tacitRenewal' | 'noticeDays' | 'renewalTermMonths'
> & { terminatedOn: string | null };

export type BillingTerms = Pick<
  ContractBillingTerms,
  | 'id'
  | 'contractId'
  | 'effectiveOn'
  | 'rhythm'
  | 'timing'
  | 'anchorDate'
  | 'paymentMethod'
  | 'paymentTermsDays'
  | 'indexSeriesId'
  | 'indexFixedPart'
  | 'indexVariablePart'
  | 'baseIndexValue'
  | 'baseIndexPeriod'
  | 'firstRevisionOn'
  | 'coefficientFloor'
  | 'coefficientCap'
>;

export type BillingFeeLine = Pick<
  ContractFeeLine,
  'id' | 'termsId' | 'position' | 'label' | 'amount' | 'vatRateCode' | 'siteId' | 'revenueAccount' | 'indexed'
>;

/** What an invoice prints of its buyer and how long they have to pay. */
export type BillingCustomer = Pick<
  Customer,
  | 'id'
  | 'name'
  | 'siren'
  | 'siret'
  | 'vatNumber'
  | 'email'
  | 'billingAddressLine1'
  | 'billingAddressLine2'
  | 'billingPostalCode'
  | 'billingCity'
  | 'billingCountry'
  | 'paymentTermsKind'
  | 'paymentTermsDays'
>;

/**
 * Everything billing the contracts needs, loaded in a fixed number of queries as plain rows (a
 * run reads tens of thousands of them: hydrating entities would cost seconds and memory for nothing).
 */
export interface BillingBasis {
  contracts: BillingContract[];
  termsByContract: Map<string, BillingTerms[]>;
  feeLinesByTerms: Map<string, BillingFeeLine[]>;
  /** Index series codes by id. */
  seriesCodes: Map<string, string>;
  /** `${seriesId}:${period}` → value. */
  indexValues: Map<string, string>;
  /** `${contractId}:${periodStart}` of periods already billed → the invoice that billed them. */
  billed: Map<string, string>;
  customers: Map<string, BillingCustomer>;
  vatRates: VatRateDef[];
}

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** Loads the contracts having billing terms (all of them, or those named) and what pricing them needs. */
export async function loadBillingBasis(em: EntityManager, contractIds?: readonly string[]): Promise<BillingBasis> {
  const only = contractIds ? 'where t.contract_id = any(?::uuid[])' : '';
  const terms = await em.execute<BillingTerms[]>(
    `select t.id, t.contract_id as "contractId", t.effective_on::text as "effectiveOn", t.rhythm, t.timing,
        t.anchor_date::text as "anchorDate", t.payment_method as "paymentMethod", t.payment_terms_days as "paymentTermsDays",
        t.index_series_id as "indexSeriesId", t.index_fixed_part::text as "indexFixedPart",
        t.index_variable_part::text as "indexVariablePart", t.base_index_value::text as "baseIndexValue",
        t.base_index_period::text as "baseIndexPeriod", t.first_revision_on::text as "firstRevisionOn",
        t.coefficient_floor::text as "coefficientFloor", t.coefficient_cap::text as "coefficientCap"
       from contract_billing_terms t ${only} order by t.contract_id, t.effective_on`,
    contractIds ? [uuidArray(contractIds)] : [],
  );
  const ids = [...new Set(terms.map((t) => t.contractId))];
  const seriesIds = [...new Set(terms.flatMap((t) => (t.indexSeriesId ? [t.indexSeriesId] : [])))];
  const none = Promise.resolve([]);
  const [contracts, feeLines, series, values, billed, vatRates] = await Promise.all([
    ids.length
      ? em.execute<BillingContract[]>(
          `select id, tenant_id as "tenantId", reference, title, customer_id as "customerId", starts_on::text as "startsOn",
              ends_on::text as "endsOn", tacit_renewal as "tacitRenewal", terminated_on::text as "terminatedOn",
              notice_days as "noticeDays", renewal_term_months as "renewalTermMonths"
             from contracts where id = any(?::uuid[]) order by reference`,
          [uuidArray(ids)],
        )
      : none,
    ids.length
      ? em.execute<BillingFeeLine[]>(
          `select l.id, l.terms_id as "termsId", l.position, l.label, l.amount::text as amount, l.vat_rate_code as "vatRateCode",
              l.site_id as "siteId", l.revenue_account as "revenueAccount", l.indexed
             from contract_fee_lines l join contract_billing_terms t on t.tenant_id = l.tenant_id and t.id = l.terms_id
            where t.contract_id = any(?::uuid[]) order by l.terms_id, l.position`,
          [uuidArray(ids)],
        )
      : none,
    seriesIds.length
      ? em.execute<{ id: string; code: string }[]>('select id, code from index_series where id = any(?::uuid[])', [uuidArray(seriesIds)])
      : none,
    seriesIds.length
      ? em.execute<{ series_id: string; period: string; value: string }[]>(
          `select series_id, period::text as period, value::text as value from index_values where series_id = any(?::uuid[])`,
          [uuidArray(seriesIds)],
        )
      : none,
    ids.length
      ? em.execute<{ key: string; invoice_id: string }[]>(
          `select contract_id || ':' || period_start::text as key, invoice_id from contract_billing_periods where contract_id = any(?::uuid[])`,
          [uuidArray(ids)],
        )
      : none,
    vatRateDefs(em),
  ]);
  const customers = contracts.length
    ? await em.execute<BillingCustomer[]>(
        `select id, name, siren, siret, vat_number as "vatNumber", email, billing_address_line1 as "billingAddressLine1",
            billing_address_line2 as "billingAddressLine2", billing_postal_code as "billingPostalCode", billing_city as "billingCity",
            billing_country as "billingCountry", payment_terms_kind as "paymentTermsKind", payment_terms_days as "paymentTermsDays"
           from customers where id = any(?::uuid[])`,
        [uuidArray([...new Set(contracts.map((c) => c.customerId))])],
      )
    : [];
  return {
    contracts,
    termsByContract: Map.groupBy(terms, (t) => t.contractId),
    feeLinesByTerms: Map.groupBy(feeLines, (l) => l.termsId),
    seriesCodes: new Map(series.map((x) => [x.id, x.code])),
    indexValues: new Map(values.map((v) => [`${v.series_id}:${v.period}`, v.value])),
    billed: new Map(billed.map((b) => [b.key, b.invoice_id])),
    customers: new Map(customers.map((c) => [c.id, c])),
    vatRates,
  };
}

export interface Revision {
  seriesCode: string;
  revisionOn: string;
  referencePeriod: string;
  indexValue: string;
  baseIndexValue: string;
  basePeriod: string;
  coefficient: string;
  /** a + b × I / I0 with the figures, as printed. */
  formula: string;
}

export interface BillLine {
  /** `${contractId}:${periodStart}:${position}`: what the clerk excludes. */
  id: string;
  label: string;
  description: string;
  /** Amount of a full period under the terms (P0), revised (P), then prorated (billed). */
  baseAmount: string;
  revisedAmount: string;
  amount: string;
  vatRateCode: string;
  siteId: string | null;
  revenueAccount: string | null;
  revision: Revision | null;
  reason: string | null;
  serviceStart: string;
  serviceEnd: string;
  excluded: boolean;
}

export interface BillPeriod extends ScheduledPeriod {
  lines: BillLine[];
}

export interface BlockReason {
  code: 'INDEX_VALUE_MISSING';
  message: string;
}

export interface ContractBill {
  contract: BillingContract;
  customerId: string;
  customerName: string;
  paymentMethod: ContractPaymentMethod;
  paymentTermsDays: number | null;
  /** Periods due and not billed, with at least one line billed. */
  periods: BillPeriod[];
  /** Periods whose every line is excluded: left for a later run. */
  postponedPeriods: BillPeriod[];
  blocked: BlockReason | null;
  totalNet: string;
  totalVat: string;
  totalGross: string;
}

function revisionText(r: Revision, base: string, revised: string): string {
  return (
    `Révision ${r.seriesCode} au ${frenchDate(r.revisionOn)} : I = ${formatFr(r.indexValue)} (${frenchMonth(r.referencePeriod)}), ` +
    `I0 = ${formatFr(r.baseIndexValue)} (${frenchMonth(r.basePeriod)}), coefficient ${r.formula} ; ` +
    `${formatEuro(base)} → ${formatEuro(revised)} HT par période`
  );
}

function periodText(p: PeriodSpan): string {
  const span = `Période du ${frenchDate(p.start)} au ${frenchDate(p.end)}`;
  return p.days === p.fullDays ? span : `${span} (prorata ${p.days} j / ${p.fullDays} j)`;
}

/** The lines of one period of a contract under the terms it is billed with, or why they cannot be priced. */
export function pricePeriod(
  basis: BillingBasis,
  contractId: string,
  terms: BillingTerms,
  period: PeriodSpan,
  excluded: ReadonlySet<string> = new Set(),
): { lines: BillLine[]; blocked: BlockReason | null } {
  const seriesCode = terms.indexSeriesId ? basis.seriesCodes.get(terms.indexSeriesId) : undefined;
  const indexation = seriesCode ? indexationOf(terms, seriesCode) : null;
  const due = indexation ? revisionInForce(indexation, period.start) : null;
  let revision: Revision | null = null;
  if (indexation && due) {
    const value = basis.indexValues.get(`${terms.indexSeriesId}:${due.referencePeriod}`);
    if (!value)
      return {
        lines: [],
        blocked: {
          code: 'INDEX_VALUE_MISSING',
          message: `Indice ${indexation.seriesCode} de ${frenchMonth(due.referencePeriod)} manquant : la révision du ${frenchDate(due.revisionOn)} ne peut pas être calculée (saisissez la valeur publiée)`,
        },
      };
    const coefficient = revisionCoefficient(indexation, value);
    revision = {
      seriesCode: indexation.seriesCode,
      revisionOn: due.revisionOn,
      referencePeriod: due.referencePeriod,
      indexValue: value,
      baseIndexValue: indexation.baseValue,
      basePeriod: indexation.basePeriod,
      coefficient,
      formula: `${formatFr(indexation.fixedPart)} + ${formatFr(indexation.variablePart)} × ${formatFr(value)} / ${formatFr(indexation.baseValue)} = ${formatFr(coefficient)}`,
    };
  }
  const lines = (basis.feeLinesByTerms.get(terms.id) ?? []).map((fee): BillLine => {
    const lineRevision = fee.indexed ? revision : null;
    const revised = lineRevision ? revisedAmount(fee.amount, lineRevision.coefficient) : fee.amount;
    const id = `${contractId}:${period.start}:${fee.position}`;
    return {
      id,
      label: fee.label,
      description: `${fee.label} — ${periodText(period)}`,
      baseAmount: fee.amount,
      revisedAmount: revised,
      amount: prorate(revised, period.days, period.fullDays),
      vatRateCode: fee.vatRateCode,
      siteId: fee.siteId ?? null,
      revenueAccount: fee.revenueAccount ?? null,
      revision: lineRevision,
      reason: lineRevision ? revisionText(lineRevision, fee.amount, revised) : null,
      serviceStart: period.start,
      serviceEnd: period.end,
      excluded: excluded.has(id),
    };
  });
  return { lines, blocked: null };
}

const spanOf = (contract: BillingContract) => ({
  startsOn: contract.startsOn,
  endsOn: contract.endsOn,
  tacitRenewal: contract.tacitRenewal,
  terminatedOn: contract.terminatedOn ?? null,
});

/** The contract's schedule up to `horizon`, each period priced (or blocked), with the invoice that billed it if any. */
export function pricedSchedule(basis: BillingBasis, contract: BillingContract, horizon: string) {
  const versions = basis.termsByContract.get(contract.id) ?? [];
  return contractSchedule(spanOf(contract), versions, horizon).map((period) => ({
    ...period,
    invoiceId: basis.billed.get(`${contract.id}:${period.start}`) ?? null,
    ...pricePeriod(basis, contract.id, versions[period.termsIndex]!, period),
  }));
}

/** Prices one contract's periods due on `billingDate` (pure: everything comes from the basis). */
export function billContract(
  basis: BillingBasis,
  contract: BillingContract,
  billingDate: string,
  excluded: ReadonlySet<string>,
): ContractBill {
  const versions = basis.termsByContract.get(contract.id) ?? [];
  const customer = basis.customers.get(contract.customerId);
  const schedule = contractSchedule(spanOf(contract), versions, billingDate);
  const due = schedule.filter((p) => p.dueOn <= billingDate && !basis.billed.has(`${contract.id}:${p.start}`));
  let blocked: BlockReason | null = null;
  const periods: BillPeriod[] = [];
  const postponedPeriods: BillPeriod[] = [];
  for (const period of due) {
    const priced = pricePeriod(basis, contract.id, versions[period.termsIndex]!, period, excluded);
    if (priced.blocked) {
      blocked ??= priced.blocked;
      continue;
    }
    if (priced.lines.every((l) => l.excluded)) postponedPeriods.push({ ...period, lines: priced.lines });
    else periods.push({ ...period, lines: priced.lines });
  }
  const billedLines = blocked ? [] : periods.flatMap((p) => p.lines.filter((l) => !l.excluded));
  const totals = billedLines.length
    ? draftTotals(
        billedLines.map((l) => ({ quantity: '1', unitPrice: l.amount, vatRateCode: l.vatRateCode })),
        { vatRates: basis.vatRates },
      )
    : null;
  const current = versions.filter((v) => v.effectiveOn <= billingDate).at(-1) ?? versions[0];
  return {
    contract,
    customerId: contract.customerId,
    customerName: customer?.name ?? '',
    paymentMethod: current?.paymentMethod ?? 'TRANSFER',
    paymentTermsDays: current?.paymentTermsDays ?? null,
    periods: blocked ? [] : periods,
    postponedPeriods,
    blocked,
    totalNet: totals?.lineTotal ?? '0.00',
    totalVat: totals?.taxTotal ?? '0.00',
    totalGross: totals?.grandTotal ?? '0.00',
  };
}

/** The draft lines of a contract's invoice: one per fee line and period, in period order. */
export function billDraftLines(
  bill: ContractBill,
): (DraftLineInput & { serviceStart: string; serviceEnd: string; revenueAccount: string | null })[] {
  return bill.periods.flatMap((p) =>
    p.lines
      .filter((l) => !l.excluded)
      .map((l) => ({
        kind: 'FEE' as const,
        description: l.description,
        quantity: '1',
        unit: 'C62',
        unitPrice: l.amount,
        vatRateCode: l.vatRateCode,
        reason: l.reason,
        serviceStart: l.serviceStart,
        serviceEnd: l.serviceEnd,
        revenueAccount: l.revenueAccount,
      })),
  );
}

export interface BillingPreview {
  billingDate: string;
  bills: ContractBill[];
  contractCount: number;
  invoiceCount: number;
  blockedCount: number;
  totalNet: string;
  totalVat: string;
  totalGross: string;
}

/** Every contract with something due (or blocked) on the billing date, and the totals the run would bill. */
export function previewFromBasis(basis: BillingBasis, billingDate: string, excluded: ReadonlySet<string> = new Set()): BillingPreview {
  const bills = basis.contracts
    .map((c) => billContract(basis, c, billingDate, excluded))
    .filter((b) => b.periods.length > 0 || b.postponedPeriods.length > 0 || b.blocked !== null);
  const billable = bills.filter((b) => !b.blocked && b.periods.some((p) => p.lines.some((l) => !l.excluded)));
  return {
    billingDate,
    bills,
    contractCount: bills.length,
    invoiceCount: billable.length,
    blockedCount: bills.filter((b) => b.blocked).length,
    totalNet: sumAmounts(billable.map((b) => b.totalNet)).toFixed(2),
    totalVat: sumAmounts(billable.map((b) => b.totalVat)).toFixed(2),
    totalGross: sumAmounts(billable.map((b) => b.totalGross)).toFixed(2),
  };
}

export async function contractBillingPreview(
  em: EntityManager,
  billingDate: string,
  excludedLineIds: readonly string[] = [],
): Promise<BillingPreview> {
  return previewFromBasis(await loadBillingBasis(em), billingDate, new Set(excludedLineIds));
}
