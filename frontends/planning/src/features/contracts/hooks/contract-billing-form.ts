import type { ContractBillingInput, ContractLatestBillingTermsQuery } from '../../../gql/graphql';
import { billingTermsFieldsFrom, billingTermsFieldsInput, type BillingTermsFields } from '@relais/ui';

export { billingRhythms, billingTimings, contractPaymentMethods, emptyFeeLine } from '@relais/ui';

export type BillingTermsVersion = NonNullable<ContractLatestBillingTermsQuery['contract']>['billingTerms'][number];

/** The billing terms saved with the contract (same call), from its start or from the amendment's date. */
export interface ContractBillingValues extends BillingTermsFields {
  enabled: boolean;
}

/** Nothing yet: monthly, in advance, by transfer, one line (its VAT rate set once the rates are read). */
export function newBillingValues(): ContractBillingValues {
  return { enabled: false, ...billingTermsFieldsFrom(undefined, '', '') };
}

/** An amendment's billing starts from the latest version, if the contract has one. */
export function billingValuesFrom(latest: BillingTermsVersion | undefined, contractStartsOn: string): ContractBillingValues {
  return { enabled: false, ...billingTermsFieldsFrom(latest, contractStartsOn, '') };
}

/** The `billing` of createContract / amendContract: decimals as the API reads them, empty optional fields as null. */
export function contractBillingInput(values: ContractBillingValues): ContractBillingInput {
  return billingTermsFieldsInput(values);
}

/** The billing inputs of the contract form, as the server names them (billing.feeLines.0.amount). */
export const billingFormFields = [
  /^billing\.(rhythm|timing|paymentMethod|paymentTermsDays)$/,
  /^billing\.feeLines\.\d+\.(label|amount|vatRateCode)$/,
  /^billing\.indexation\.(seriesId|fixedPart|variablePart|baseIndexValue|baseIndexPeriod|firstRevisionOn)$/,
];
