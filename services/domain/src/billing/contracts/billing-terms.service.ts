import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import {
  BILLING_RHYTHMS,
  BILLING_TIMINGS,
  CONTRACT_PAYMENT_METHODS,
  ContractBillingPeriod,
  ContractBillingTerms,
  ContractFeeLine,
  IndexSeries,
  type BillingRhythm,
  type BillingTiming,
  type ContractPaymentMethod,
} from './contract-billing.entity';
import type { Indexation } from './contract-billing.rules';
import { Money } from '../money';
import { VatRate } from '../vat-rate.entity';
import { Contract, ContractSite } from '../../maintenance/contract.entity';
import { Errors, Validator } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { frenchDate, isLocalDate } from '../../shared/time';

/**
 * A contract's billing terms, effective-dated: each version applies from its `effectiveOn` until
 * the next one, so earlier periods keep the terms they had. A new version may not start inside a
 * period already billed (PERIOD_ALREADY_BILLED): that period would then have two prices.
 */

export const MAX_FEE_LINES = 20;

export interface FeeLineInput {
  label: string;
  /** Amount excluding VAT for one full billing period. */
  amount: string;
  vatRateCode: string;
  siteId?: string | null;
  revenueAccount?: string | null;
  indexed?: boolean;
}

export interface IndexationInput {
  seriesId: string;
  fixedPart: string;
  variablePart: string;
  baseIndexValue: string;
  /** The month of I0 (any day of it). */
  baseIndexPeriod: string;
  firstRevisionOn: string;
  coefficientFloor?: string | null;
  coefficientCap?: string | null;
}

export interface ContractBillingInput {
  effectiveOn: string;
  rhythm: BillingRhythm;
  timing: BillingTiming;
  /** Periods are aligned on it (default: the contract's start). */
  anchorDate?: string | null;
  paymentMethod?: ContractPaymentMethod;
  /** Days to pay; null keeps the customer's payment terms. */
  paymentTermsDays?: number | null;
  feeLines: FeeLineInput[];
  indexation?: IndexationInput | null;
  reason?: string | null;
}

export const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const PART = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;
const INDEX = /^\d{1,8}(\.\d{1,4})?$/;
const COEFFICIENT = /^\d{1,2}(\.\d{1,5})?$/;

export function validateBillingInput(input: ContractBillingInput, vatCodes: ReadonlySet<string>): void {
  const v = new Validator()
    .check(isLocalDate(input.effectiveOn), 'effectiveOn', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(BILLING_RHYTHMS.includes(input.rhythm), 'rhythm', 'MONTHLY, QUARTERLY, HALF_YEARLY ou YEARLY')
    .check(BILLING_TIMINGS.includes(input.timing), 'timing', 'ADVANCE (à échoir) ou ARREARS (échu)')
    .check(!input.anchorDate || isLocalDate(input.anchorDate), 'anchorDate', 'date AAAA-MM-JJ', 'DATE_EXPECTED')
    .check(!input.paymentMethod || CONTRACT_PAYMENT_METHODS.includes(input.paymentMethod), 'paymentMethod', 'TRANSFER ou DIRECT_DEBIT')
    .check(
      input.paymentTermsDays == null ||
        (Number.isInteger(input.paymentTermsDays) && input.paymentTermsDays >= 0 && input.paymentTermsDays <= 60),
      'paymentTermsDays',
      'de 0 à 60 jours (L441-10 du Code de commerce)',
    )
    .check(input.feeLines.length > 0, 'feeLines', 'au moins une ligne de redevance')
    .check(input.feeLines.length <= MAX_FEE_LINES, 'feeLines', `au plus ${MAX_FEE_LINES} lignes`)
    .check((input.reason ?? '').length <= 500, 'reason', 'au plus 500 caractères', 'TOO_LONG');
  input.feeLines.forEach((l, i) => {
    v.check(l.label.trim().length > 0 && l.label.length <= 200, `feeLines[${i}].label`, 'libellé obligatoire, au plus 200 caractères')
      .check(AMOUNT.test(l.amount), `feeLines[${i}].amount`, 'montant HT en euros (ex. 250.00)')
      .check(vatCodes.has(l.vatRateCode), `feeLines[${i}].vatRateCode`, `taux de TVA inconnu : ${l.vatRateCode}`)
      .check(
        !l.revenueAccount || /^7\d{1,9}$/.test(l.revenueAccount),
        `feeLines[${i}].revenueAccount`,
        'compte de produits (classe 7, ex. 706100)',
      );
  });
  const ix = input.indexation;
  if (ix) {
    v.check(PART.test(ix.fixedPart), 'indexation.fixedPart', 'partie fixe a, de 0 à 1')
      .check(PART.test(ix.variablePart), 'indexation.variablePart', 'partie indexée b, de 0 à 1')
      .check(
        INDEX.test(ix.baseIndexValue) && new Money(ix.baseIndexValue).greaterThan(0),
        'indexation.baseIndexValue',
        'valeur de l’indice de référence I0',
      )
      .check(isLocalDate(ix.baseIndexPeriod), 'indexation.baseIndexPeriod', 'mois de l’indice de référence (AAAA-MM-JJ)')
      .check(isLocalDate(ix.firstRevisionOn), 'indexation.firstRevisionOn', 'date de la première révision (AAAA-MM-JJ)')
      .check(!ix.coefficientFloor || COEFFICIENT.test(ix.coefficientFloor), 'indexation.coefficientFloor', 'coefficient plancher (ex. 1)')
      .check(!ix.coefficientCap || COEFFICIENT.test(ix.coefficientCap), 'indexation.coefficientCap', 'coefficient plafond (ex. 1.05)');
    if (PART.test(ix.fixedPart) && PART.test(ix.variablePart)) {
      v.check(new Money(ix.fixedPart).plus(ix.variablePart).equals(1), 'indexation.variablePart', 'a + b doit valoir 1');
      v.check(new Money(ix.variablePart).greaterThan(0), 'indexation.variablePart', 'la partie indexée b doit être positive');
    }
    if (ix.coefficientFloor && ix.coefficientCap && COEFFICIENT.test(ix.coefficientFloor) && COEFFICIENT.test(ix.coefficientCap))
      v.check(
        new Money(ix.coefficientFloor).lessThanOrEqualTo(ix.coefficientCap),
        'indexation.coefficientCap',
        'le plafond doit dépasser le plancher',
      );
    if (isLocalDate(ix.baseIndexPeriod) && isLocalDate(ix.firstRevisionOn))
      v.check(ix.firstRevisionOn > ix.baseIndexPeriod, 'indexation.firstRevisionOn', 'après le mois de l’indice de référence');
  }
  v.throwIfInvalid();
}

/** Billing changes to a contract queue behind each other and behind billing runs (which share-lock it). */
export async function lockContract(em: EntityManager, contractId: string): Promise<Contract> {
  const contract = await em.findOne(Contract, { id: contractId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!contract) throw Errors.notFound('Contract', contractId);
  return contract;
}

export function contractTerminated(contract: Contract): never {
  throw Errors.conflict('CONTRACT_TERMINATED', `Le contrat ${contract.reference} est résilié au ${frenchDate(contract.terminatedOn!)}`, {
    contractId: contract.id,
    terminatedOn: contract.terminatedOn,
  });
}

/** Refuses terms taking effect inside a period already billed. */
async function assertNotBilledFrom(em: EntityManager, contract: Contract, effectiveOn: string): Promise<void> {
  const billed = await em.findOne(
    ContractBillingPeriod,
    { contractId: contract.id, periodEnd: { $gte: effectiveOn } },
    { orderBy: { periodEnd: 'desc' } },
  );
  if (billed)
    throw Errors.conflict(
      'PERIOD_ALREADY_BILLED',
      `La période du ${frenchDate(billed.periodStart)} au ${frenchDate(billed.periodEnd)} du contrat ${contract.reference} est déjà facturée : les nouvelles conditions peuvent prendre effet au plus tôt le lendemain, ou après un avoir`,
      { contractId: contract.id, periodStart: billed.periodStart, periodEnd: billed.periodEnd, invoiceId: billed.invoiceId },
    );
}

/** Adds (or replaces, for the same effective date) a version of the contract's billing terms. */
export async function setContractBilling(
  em: EntityManager,
  identity: Identity,
  contractId: string,
  input: ContractBillingInput,
): Promise<ContractBillingTerms> {
  const contract = await lockContract(em, contractId);
  if (contract.terminatedOn) contractTerminated(contract);
  const vatCodes = new Set((await em.find(VatRate, {})).map((r) => r.code));
  validateBillingInput(input, vatCodes);
  const siteIds = [...new Set(input.feeLines.flatMap((l) => (l.siteId ? [l.siteId] : [])))];
  if (siteIds.length) {
    const covered = new Set((await em.find(ContractSite, { contractId })).map((s) => s.siteId));
    const v = new Validator();
    input.feeLines.forEach((l, i) =>
      v.check(!l.siteId || covered.has(l.siteId), `feeLines[${i}].siteId`, 'site non couvert par ce contrat'),
    );
    v.throwIfInvalid();
  }
  if (input.indexation) {
    const series = await em.findOne(IndexSeries, { id: input.indexation.seriesId });
    new Validator().check(Boolean(series), 'indexation.seriesId', 'indice introuvable').throwIfInvalid();
  }
  await assertNotBilledFrom(em, contract, input.effectiveOn);

  const previous = await em.findOne(ContractBillingTerms, { contractId, effectiveOn: input.effectiveOn });
  if (previous) {
    await em.nativeDelete(ContractFeeLine, { termsId: previous.id });
    em.remove(previous);
    await em.flush();
  }
  const ix = input.indexation;
  const terms = em.create(ContractBillingTerms, {
    id: newId(),
    tenantId: contract.tenantId,
    contractId,
    effectiveOn: input.effectiveOn,
    rhythm: input.rhythm,
    timing: input.timing,
    anchorDate: input.anchorDate ?? contract.startsOn,
    paymentMethod: input.paymentMethod ?? 'TRANSFER',
    paymentTermsDays: input.paymentTermsDays ?? null,
    indexSeriesId: ix?.seriesId ?? null,
    indexFixedPart: ix?.fixedPart ?? null,
    indexVariablePart: ix?.variablePart ?? null,
    baseIndexValue: ix?.baseIndexValue ?? null,
    baseIndexPeriod: ix ? firstOfMonth(ix.baseIndexPeriod) : null,
    firstRevisionOn: ix?.firstRevisionOn ?? null,
    coefficientFloor: ix?.coefficientFloor ?? null,
    coefficientCap: ix?.coefficientCap ?? null,
    reason: input.reason?.trim() || null,
    createdBy: actorId(identity),
  });
  input.feeLines.forEach((l, position) =>
    em.create(ContractFeeLine, {
      id: newId(),
      tenantId: contract.tenantId,
      termsId: terms.id,
      position,
      label: l.label.trim(),
      amount: new Money(l.amount).toFixed(2),
      vatRateCode: l.vatRateCode,
      siteId: l.siteId ?? null,
      revenueAccount: l.revenueAccount ?? null,
      indexed: l.indexed ?? true,
    }),
  );
  await em.flush();
  return terms;
}

export const billingTermsByContractIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(ContractBillingTerms, { contractId: { $in: [...ids] } }, { orderBy: { effectiveOn: 'asc' } });

export const feeLinesByTermsIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(ContractFeeLine, { termsId: { $in: [...ids] } }, { orderBy: { position: 'asc' } });

/** The indexation of a terms version, as the rules take it (null when its fees are not indexed). */
export function indexationOf(
  terms: Pick<
    ContractBillingTerms,
    | 'indexSeriesId'
    | 'indexFixedPart'
    | 'indexVariablePart'
    | 'baseIndexValue'
    | 'baseIndexPeriod'
    | 'firstRevisionOn'
    | 'coefficientFloor'
    | 'coefficientCap'
  >,
  seriesCode: string,
): Indexation | null {
  if (!terms.indexSeriesId) return null;
  return {
    seriesCode,
    fixedPart: terms.indexFixedPart!,
    variablePart: terms.indexVariablePart!,
    baseValue: terms.baseIndexValue!,
    basePeriod: terms.baseIndexPeriod!,
    firstRevisionOn: terms.firstRevisionOn!,
    floor: terms.coefficientFloor ?? null,
    cap: terms.coefficientCap ?? null,
  };
}
