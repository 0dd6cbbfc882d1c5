import { apiDecimal, editableDecimal } from '../format/decimal-input';

/**
 * The form model of a contract's billing terms, shared by billing's contract page (a new version
 * with `setContractBilling`) and planning's contract forms (the terms saved with createContract /
 * amendContract). Each app adds its own fields around it (the version's date and reason, the switch).
 */

export type BillingRhythm = 'MONTHLY' | 'QUARTERLY' | 'HALF_YEARLY' | 'YEARLY';
export type BillingTiming = 'ADVANCE' | 'ARREARS';
export type ContractPaymentMethod = 'TRANSFER' | 'DIRECT_DEBIT';

/** A fee line as typed (amounts as the clerk writes them, "1 250,00"). */
export interface FeeLineValues {
  label: string;
  amount: string;
  vatRateCode: string;
  indexed: boolean;
  revenueAccount: string;
  /** Kept from the version copied: the forms do not edit it. */
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

export interface BillingTermsFields {
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
}

/** A stored version of the terms, as both apps read it. */
export interface BillingTermsVersionLike {
  rhythm: BillingRhythm;
  timing: BillingTiming;
  anchorDate: string;
  paymentMethod: ContractPaymentMethod;
  paymentTermsDays?: number | null;
  feeLines: readonly {
    label: string;
    amount: string;
    vatRateCode: string;
    indexed: boolean;
    revenueAccount?: string | null;
    siteId?: string | null;
  }[];
  indexation?: {
    series: { id: string };
    fixedPart: string;
    variablePart: string;
    baseIndexValue: string;
    baseIndexPeriod: string;
    firstRevisionOn: string;
    coefficientFloor?: string | null;
    coefficientCap?: string | null;
  } | null;
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
 * The fields as the form shows them: from the latest version when there is one, else nothing yet
 * (monthly, in advance, by transfer, one line at the given VAT rate).
 */
export function billingTermsFieldsFrom(
  latest: BillingTermsVersionLike | undefined,
  contractStartsOn: string,
  defaultVatRateCode: string,
): BillingTermsFields {
  if (!latest)
    return {
      rhythm: 'MONTHLY',
      timing: 'ADVANCE',
      anchorDate: '',
      paymentMethod: 'TRANSFER',
      paymentTermsDays: '',
      feeLines: [emptyFeeLine(defaultVatRateCode)],
      withIndexation: false,
      indexation: emptyIndexation,
    };
  const ix = latest.indexation;
  return {
    rhythm: latest.rhythm,
    timing: latest.timing,
    anchorDate: latest.anchorDate === contractStartsOn ? '' : latest.anchorDate,
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
  };
}

const optionalDecimal = (typed: string): string | null => apiDecimal(typed) || null;

/** The terms as the API reads them: decimals with a point, empty optional fields as null. */
export function billingTermsFieldsInput(values: BillingTermsFields) {
  const ix = values.indexation;
  return {
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
  };
}
