import { useQuery } from '@apollo/client/react';
import {
  BillingContractDocument,
  ContractIndexSeriesOptionsDocument,
  type BillingContractQuery,
  type ContractTermsVersionFragment,
} from '../../../gql/graphql';
import { sumAmounts } from '@relais/ui';

export type ContractDetail = NonNullable<BillingContractQuery['contract']>;
export type TermsVersion = ContractTermsVersionFragment;
export type SchedulePeriod = ContractDetail['billingSchedule'][number];

/** A contract as billing sees it: its terms' versions, its schedule (a year ahead) and its renewal, read afresh. */
export function useContract(id: string) {
  const { data, error, loading, refetch } = useQuery(BillingContractDocument, {
    variables: { id, until: null },
    fetchPolicy: 'cache-and-network',
  });
  return { contract: data?.contract ?? null, loading: loading && !data, error, reload: () => refetch() };
}

/** The index series a contract can be revised with. */
export function useIndexSeriesOptions() {
  const { data } = useQuery(ContractIndexSeriesOptionsDocument);
  return data?.indexSeries ?? [];
}

/** The fee of one full period: the sum of the fee lines, added exactly (in cents). */
export const periodFee = (feeLines: readonly { amount: string }[]): string => sumAmounts(feeLines.map((line) => line.amount));
