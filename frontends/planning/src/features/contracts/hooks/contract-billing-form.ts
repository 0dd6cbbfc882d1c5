import type {
  BillingRhythm,
  BillingTiming,
  ContractBillingInput,
  ContractLatestBillingTermsQuery,
  ContractPaymentMethod,
} from '../../../gql/graphql';
import { apiDecimal, editableDecimal } from '@relais/ui';

export type BillingTermsVersion = NonNullable<ContractLatestBillingTermsQuery['contract']>['billingTerms'][number];

/** A fee line as typed ("1 250,00"). */
export interface FeeLineValues {
  label: string;
  amount: string;
  vatRateCode: string;
  indexed: boolean;
  /** Kept from the version copied: set on the billing side. */
  revenueAccount: string | null;
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
  /** Kept from the version copied: set on the billing side. */
  coefficientFloor: string | null;
  coefficientCap: string | null;
}

/** The billing terms saved with the contract (same call), from its start or from the amendment's date. */
export interface ContractBillingValues {
  enabled: boolean;
  rhythm: BillingRhythm;
  timing: BillingTiming;
  paymentMethod: ContractPaymentMethod;
  /** Empty: the customer's payment terms. */
  paymentTermsDays: string;
  /** Kept from the version copied (null: the contract's start). */
  anchorDate: string | null;
  feeLines: FeeLineValues[];
  withIndexation: boolean;
  indexation: IndexationValues;
}

export const billingRhythms: readonly BillingRhythm[] = ['MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'];
export const billingTimings: readonly BillingTiming[] = ['ADVANCE', 'ARREARS'];
export const contractPaymentMethods: readonly ContractPaymentMethod[] = ['TRANSFER', 'DIRECT_DEBIT'];

export const emptyFeeLine = (vatRateCode: string): FeeLineValues => ({
  label: '',
  amount: '',
  vatRateCode,
  indexed: true,
  revenueAccount: null,
  siteId: null,
});

const emptyIndexation: IndexationValues = {
  seriesId: null,
  fixedPart: '0,15',
  variablePart: '0,85',
  baseIndexValue: '',
  baseIndexPeriod: '',
  firstRevisionOn: '',
  coefficientFloor: null,
  coefficientCap: null,
};

/** Nothing yet: monthly, in advance, by transfer, one line (its VAT rate set once the rates are read). */
export function newBillingValues(): ContractBillingValues {
  return {
    enabled: false,
    rhythm: 'MONTHLY',
    timing: 'ADVANCE',
    paymentMethod: 'TRANSFER',
    paymentTermsDays: '',
    anchorDate: null,
    feeLines: [emptyFeeLine('')],
    withIndexation: false,
    indexation: emptyIndexation,
  };
}

/** An amendment's billing starts from the latest version, if the contract has one. */
export function billingValuesFrom(latest: BillingTermsVersion | undefined, contractStartsOn: string): ContractBillingValues {
  if (!latest) return newBillingValues();
  const ix = latest.indexation;
  return {
    enabled: false,
    rhythm: latest.rhythm,
    timing: latest.timing,
    paymentMethod: latest.paymentMethod,
    paymentTermsDays: latest.paymentTermsDays == null ? '' : String(latest.paymentTermsDays),
    anchorDate: latest.anchorDate === contractStartsOn ? null : latest.anchorDate,
    feeLines: latest.feeLines.map((line) => ({
      label: line.label,
      amount: editableDecimal(line.amount, 2),
      vatRateCode: line.vatRateCode,
      indexed: line.indexed,
      revenueAccount: line.revenueAccount ?? null,
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
          coefficientFloor: ix.coefficientFloor ?? null,
          coefficientCap: ix.coefficientCap ?? null,
        }
      : emptyIndexation,
  };
}

/** The `billing` of createContract / amendContract: decimals as the API reads them, empty optional fields as null. */
export function contractBillingInput(values: ContractBillingValues): ContractBillingInput {
  const ix = values.indexation;
  return {
    rhythm: values.rhythm,
    timing: values.timing,
    anchorDate: values.anchorDate,
    paymentMethod: values.paymentMethod,
    paymentTermsDays: values.paymentTermsDays.trim() === '' ? null : Number(values.paymentTermsDays),
    feeLines: values.feeLines.map((line) => ({
      label: line.label.trim(),
      amount: apiDecimal(line.amount),
      vatRateCode: line.vatRateCode,
      indexed: line.indexed,
      revenueAccount: line.revenueAccount,
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
          coefficientFloor: ix.coefficientFloor,
          coefficientCap: ix.coefficientCap,
        }
      : null,
  };
}

/** The billing inputs of the contract form, as the server names them (billing.feeLines.0.amount). */
export const billingFormFields = [
  /^billing\.(rhythm|timing|paymentMethod|paymentTermsDays)$/,
  /^billing\.feeLines\.\d+\.(label|amount|vatRateCode)$/,
  /^billing\.indexation\.(seriesId|fixedPart|variablePart|baseIndexValue|baseIndexPeriod|firstRevisionOn)$/,
];
