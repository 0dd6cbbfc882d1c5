import type { Path } from 'react-hook-form';
import type { ContractBillingTermsInput } from '../../../gql/graphql';
import { billingTermsFieldsFrom, billingTermsFieldsInput, type BillingTermsFields } from '@relais/ui';
import type { ContractDetail, TermsVersion } from './use-contract';

export { billingRhythms, billingTimings, contractPaymentMethods, emptyFeeLine } from '@relais/ui';
export type { FeeLineValues, IndexationValues } from '@relais/ui';

/** A new version of the terms: the shared fields, from its date, with the reason of the change. */
export interface BillingTermsValues extends BillingTermsFields {
  effectiveOn: string;
  reason: string;
}

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
  return {
    effectiveOn: defaultEffectiveOn(contract),
    ...billingTermsFieldsFrom(latest, contract.startsOn, defaultVatRateCode),
    reason: '',
  };
}

/** The version for setContractBilling: decimals as the API reads them, empty optional fields as null. */
export function billingTermsInput(values: BillingTermsValues): ContractBillingTermsInput {
  return { effectiveOn: values.effectiveOn, ...billingTermsFieldsInput(values), reason: values.reason.trim() || null };
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
