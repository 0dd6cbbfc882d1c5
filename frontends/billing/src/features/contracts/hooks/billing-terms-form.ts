import type { Path } from 'react-hook-form';
import type { BillingRhythm, BillingTiming, ContractBillingTermsInput, ContractPaymentMethod } from '../../../gql/graphql';
import { apiDecimal, editableDecimal } from '@relais/ui';
import type { ContractDetail, TermsVersion } from './use-contract';

/** A fee line as typed (amounts as the clerk writes them, "1 250,00"). */
export interface FeeLineValues {
  label: string;
  amount: string;
  vatRateCode: string;
  indexed: boolean;
  revenueAccount: string;
  /** Kept from the version copied: the form does not edit it. */
  siteId: string | null;
}

export interface IndexationValues {
  seriesId: string | null;
  fixedPart: string;
  variablePart: string;
  baseIndexValue: string;
  /** YYYY-MM, as a month input gives it. */
  baseIndexPeriod: string;
  firstRevisionOn: string;
  coefficientFloor: string;
  coefficientCap: string;
}

export interface BillingTermsValues {
  effectiveOn: string;
  rhythm: BillingRhythm;
  timing: BillingTiming;
  /** Empty: the contract's start. */
  anchorDate: string;
  paymentMethod: ContractPaymentMethod;
  /** Empty: the customer's payment terms. */
  paymentTermsDays: string;
  feeLines: FeeLineValues[];
  withIndexation: boolean;
  indexation: IndexationValues;
  reason: string;
}

export const billingRhythms: readonly BillingRhythm[] = ['MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'];
export const billingTimings: readonly BillingTiming[] = ['ADVANCE', 'ARREARS'];
export const contractPaymentMethods: readonly ContractPaymentMethod[] = ['TRANSFER', 'DIRECT_DEBIT'];

export const emptyFeeLine = (vatRateCode: string): FeeLineValues => ({
  label: '',
  amount: '',
  vatRateCode,
  indexed: true,
  revenueAccount: '',
  siteId: null,
});

const emptyIndexation: IndexationValues = {
  seriesId: null,
  fixedPart: '0,15',
  variablePart: '0,85',
  baseIndexValue: '',
  baseIndexPeriod: '',
  firstRevisionOn: '',
  coefficientFloor: '',
  coefficientCap: '',
};

/**
 * Where a new version starts by default: the first period not billed yet (a version may not start
 * inside a billed one), else the contract's start.
 */
function defaultEffectiveOn(contract: ContractDetail): string {
  if (contract.billingTerms.length === 0) return contract.startsOn;
  return contract.billingSchedule.find((period) => period.status !== 'BILLED')?.start ?? contract.startsOn;
}

/** A new version starts from the latest one (or from nothing: monthly, in advance, by transfer, one line). */
export function newVersionValues(contract: ContractDetail, defaultVatRateCode: string): BillingTermsValues {
  const latest: TermsVersion | undefined = contract.billingTerms.at(-1);
  const effectiveOn = defaultEffectiveOn(contract);
  if (!latest)
    return {
      effectiveOn,
      rhythm: 'MONTHLY',
      timing: 'ADVANCE',
      anchorDate: '',
      paymentMethod: 'TRANSFER',
      paymentTermsDays: '',
      feeLines: [emptyFeeLine(defaultVatRateCode)],
      withIndexation: false,
      indexation: emptyIndexation,
      reason: '',
    };
  const ix = latest.indexation;
  return {
    effectiveOn,
    rhythm: latest.rhythm,
    timing: latest.timing,
    anchorDate: latest.anchorDate === contract.startsOn ? '' : latest.anchorDate,
    paymentMethod: latest.paymentMethod,
    paymentTermsDays: latest.paymentTermsDays == null ? '' : String(latest.paymentTermsDays),
    feeLines: latest.feeLines.map((line) => ({
      label: line.label,
      amount: editableDecimal(line.amount, 2),
      vatRateCode: line.vatRateCode,
      indexed: line.indexed,
      revenueAccount: line.revenueAccount ?? '',
      siteId: line.siteId ?? null,
    })),
    withIndexation: Boolean(ix),
    indexation: ix
      ? {
          seriesId: ix.series.id,
          fixedPart: editableDecimal(ix.fixedPart),
          variablePart: editableDecimal(ix.variablePart),
          baseIndexValue: editableDecimal(ix.baseIndexValue),
          baseIndexPeriod: ix.baseIndexPeriod.slice(0, 7),
          firstRevisionOn: ix.firstRevisionOn,
          coefficientFloor: ix.coefficientFloor ? editableDecimal(ix.coefficientFloor) : '',
          coefficientCap: ix.coefficientCap ? editableDecimal(ix.coefficientCap) : '',
        }
      : emptyIndexation,
    reason: '',
  };
}

const optionalDecimal = (typed: string): string | null => apiDecimal(typed) || null;

/** The version for setContractBilling: decimals as the API reads them, empty optional fields as null. */
export function billingTermsInput(values: BillingTermsValues): ContractBillingTermsInput {
  const ix = values.indexation;
  return {
    effectiveOn: values.effectiveOn,
    rhythm: values.rhythm,
    timing: values.timing,
    anchorDate: values.anchorDate || null,
    paymentMethod: values.paymentMethod,
    paymentTermsDays: values.paymentTermsDays.trim() === '' ? null : Number(values.paymentTermsDays),
    feeLines: values.feeLines.map((line) => ({
      label: line.label.trim(),
      amount: apiDecimal(line.amount),
      vatRateCode: line.vatRateCode,
      indexed: line.indexed,
      revenueAccount: line.revenueAccount.trim() || null,
      siteId: line.siteId,
    })),
    indexation: values.withIndexation
      ? {
          seriesId: ix.seriesId ?? '',
          fixedPart: apiDecimal(ix.fixedPart),
          variablePart: apiDecimal(ix.variablePart),
          baseIndexValue: apiDecimal(ix.baseIndexValue),
          baseIndexPeriod: ix.baseIndexPeriod ? `${ix.baseIndexPeriod}-01` : '',
          firstRevisionOn: ix.firstRevisionOn,
          coefficientFloor: optionalDecimal(ix.coefficientFloor),
          coefficientCap: optionalDecimal(ix.coefficientCap),
        }
      : null,
    reason: values.reason.trim() || null,
  };
}

const topLevelFields = new Set(['effectiveOn', 'rhythm', 'timing', 'anchorDate', 'paymentMethod', 'paymentTermsDays', 'reason']);
const feeLineFields = /^feeLines\.\d+\.(label|amount|vatRateCode|revenueAccount)$/;
const indexationFields =
  /^indexation\.(seriesId|fixedPart|variablePart|baseIndexValue|baseIndexPeriod|firstRevisionOn|coefficientFloor|coefficientCap)$/;

/** The input showing a field setContractBilling refused, if the form has one. */
export function billingTermsPath(field: string): Path<BillingTermsValues> | null {
  if (topLevelFields.has(field) || feeLineFields.test(field) || indexationFields.test(field)) return field as Path<BillingTermsValues>;
  return null;
}
