import { useQuery } from '@apollo/client/react';
import { isPositiveAmount } from '@relais/ui';
import { PaymentDetailDocument, type PaymentDetailFragment } from '../../../gql/graphql';

export type PaymentDetail = PaymentDetailFragment;
export type PaymentAllocation = PaymentDetail['allocations'][number];

/** A payment with its allocations, refunds and its customer's balance, read afresh each time it is opened. */
export function usePayment(id: string) {
  const { data, error, loading, refetch } = useQuery(PaymentDetailDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  return { payment: data?.payment ?? null, loading: loading && !data, error, reload: () => void refetch() };
}

/**
 * What can still be done with the payment: its credit allocated or refunded, the payment reversed
 * (which the server refuses once part of it was refunded: PAYMENT_REFUNDED).
 */
export function paymentActions(payment: PaymentDetail) {
  const reversed = payment.status === 'REVERSED';
  const hasCredit = !reversed && isPositiveAmount(payment.unallocatedAmount);
  return { allocate: hasCredit, refund: hasCredit, reverse: !reversed && !isPositiveAmount(payment.refundedAmount) };
}
