import { apiDecimal, editableDecimal } from '@relais/ui';
import type { LedgerMappingInput } from '../../../gql/graphql';

/** The mapping's accounts as the form groups them (the VAT per rate apart). */
export const MAPPING_GROUPS = {
  revenue: [
    'labourAccount',
    'travelAccount',
    'partsAccount',
    'contractFeeAccount',
    'otherRevenueAccount',
    'allowanceAccount',
    'chargeAccount',
  ],
  thirdParties: ['receivableAccount', 'depositAccount', 'retentionAccount', 'supplierAccount'],
  treasury: ['bankAccount', 'bankFeesAccount', 'internalTransferAccount', 'suspenseAccount', 'deferredRevenueAccount'],
  losses: ['writeOffAccount', 'smallBalanceAccount'],
} as const;

export type AccountField = (typeof MAPPING_GROUPS)[keyof typeof MAPPING_GROUPS][number] | 'defaultVatAccount';

const ACCOUNT_FIELDS: readonly AccountField[] = [...Object.values(MAPPING_GROUPS).flat(), 'defaultVatAccount'];

/** What the form edits: account numbers, and each VAT rate as typed in French ("5,5"). */
export type MappingFormValues = Record<AccountField, string> & { vatAccounts: { rate: string; account: string }[] };

export function mappingFormValues(
  mapping: Record<AccountField, string> & { vatAccounts: readonly { rate: string; account: string }[] },
): MappingFormValues {
  const accounts = Object.fromEntries(ACCOUNT_FIELDS.map((field) => [field, mapping[field]])) as Record<AccountField, string>;
  return { ...accounts, vatAccounts: mapping.vatAccounts.map((vat) => ({ rate: editableDecimal(vat.rate), account: vat.account })) };
}

/** The mutation's input: the rates as decimals the API reads; the server checks every account. */
export function mappingInput(values: MappingFormValues): LedgerMappingInput {
  const accounts = Object.fromEntries(ACCOUNT_FIELDS.map((field) => [field, values[field]])) as Record<AccountField, string>;
  return { ...accounts, vatAccounts: values.vatAccounts.map((vat) => ({ rate: apiDecimal(vat.rate), account: vat.account })) };
}

/** The form input a field refused by the server names ("vatAccounts.1.rate"), or null when the form has none. */
export function mappingFieldPath(path: string): keyof MappingFormValues | `vatAccounts.${number}.${'rate' | 'account'}` | null {
  if (ACCOUNT_FIELDS.some((field) => field === path)) return path as AccountField;
  const vat = /^vatAccounts\.(\d+)\.(rate|account)$/.exec(path);
  return vat ? `vatAccounts.${Number(vat[1])}.${vat[2] as 'rate' | 'account'}` : null;
}
