import { useMutation } from '@apollo/client/react';
import {
  AllocatePaymentDocument,
  RefundPaymentDocument,
  ReleasePaymentAllocationDocument,
  ReversePaymentDocument,
  type AllocationInput,
  type RefundInput,
} from '../../../gql/graphql';
import type { PaymentDetail } from './use-payment';

/** The payment comes back with each answer; the list and the invoices still to settle are read again. */
const refetchQueries = ['PaymentList', 'OpenInvoices'];

/** Allocates the payment's credit to open invoices; refused with STALE_VERSION if it changed meanwhile. */
export function useAllocatePayment(payment: PaymentDetail) {
  const [allocate, { loading }] = useMutation(AllocatePaymentDocument, { refetchQueries });
  return {
    busy: loading,
    allocate: (allocations: AllocationInput[]) =>
      allocate({ variables: { paymentId: payment.id, allocations, expectedVersion: payment.version } }),
  };
}

/** Undoes one allocation: its amount goes back to the customer's credit. */
export function useReleaseAllocation() {
  const [release, { loading }] = useMutation(ReleasePaymentAllocationDocument, { refetchQueries });
  return { busy: loading, release: (allocationId: string, reason: string) => release({ variables: { allocationId, reason } }) };
}

/** The money did not arrive: allocations released, invoices open again, the reason kept. */
export function useReversePayment(payment: PaymentDetail) {
  const [reverse, { loading }] = useMutation(ReversePaymentDocument, { refetchQueries });
  return {
    busy: loading,
    reverse: (values: { reversedOn: string; reason: string }) =>
      reverse({ variables: { paymentId: payment.id, ...values, expectedVersion: payment.version } }),
  };
}

/** Pays back part of the customer's credit left on the payment. */
export function useRefundPayment(payment: PaymentDetail) {
  const [refund, { loading }] = useMutation(RefundPaymentDocument, { refetchQueries });
  return { busy: loading, refund: (input: RefundInput) => refund({ variables: { paymentId: payment.id, input } }) };
}
