import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import {
  allocateCreditNote,
  allocatePayment,
  allocationsByPaymentIds,
  listPayments,
  paymentsByIds,
  recordPayment,
  refundPayment,
  refundsByPaymentIds,
  releaseAllocation,
  reversePayment,
  type Payment,
  type PaymentAllocation,
  type PaymentRefund,
} from '@relais/domain';
import {
  LocalDateScalar,
  em,
  groupLoaderFor,
  identityOf,
  loaderFor,
  requireAnyPermission,
  toConnection,
  type RequestContext,
} from '@relais/subgraph-kit';
import {
  AllocationInput,
  CreditAllocationType,
  PaymentAllocationType,
  PaymentConnection,
  PaymentRefundType,
  PaymentType,
  RecordPaymentInput,
  RefundInput,
  toAllocationType,
  toCreditAllocationType,
  toPaymentType,
  toRefundType,
} from './payment.type';

const paymentLoader = (ctx: RequestContext) => loaderFor<Payment>(ctx, 'paymentById', paymentsByIds, (p) => p.id);
/** The clerk records and allocates the payments she receives; the accountant does everything. */
const RECORDERS = ['finance:write', 'billing:write'] as const;

@Resolver(() => PaymentType)
export class PaymentResolver {
  @Authorized('finance:read')
  @Query(() => PaymentConnection, { description: 'Payments, newest received first.' })
  async payments(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('receivedFrom', () => LocalDateScalar, { nullable: true }) receivedFrom: string | null,
    @Arg('receivedTo', () => LocalDateScalar, { nullable: true }) receivedTo: string | null,
    @Arg('unallocatedOnly', () => Boolean, { nullable: true, description: 'Only payments with credit left.' })
    unallocatedOnly: boolean | null,
    @Arg('search', () => String, { nullable: true, description: 'Reference, payer name or exact amount.' }) search: string | null,
  ) {
    const page = await listPayments(em(ctx), { first, after, customerId, receivedFrom, receivedTo, unallocatedOnly, search });
    return toConnection(page, toPaymentType);
  }

  @Authorized('finance:read')
  @Query(() => PaymentType, { nullable: true })
  async payment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const payment = await paymentLoader(ctx).load(id);
    return payment ? toPaymentType(payment) : null;
  }

  @FieldResolver(() => [PaymentAllocationType], { description: 'Released allocations included (with releasedAt).' })
  async allocations(@Ctx() ctx: RequestContext, @Root() payment: PaymentType) {
    const rows = await groupLoaderFor<PaymentAllocation>(ctx, 'allocationsByPayment', allocationsByPaymentIds, (a) => a.paymentId).load(
      payment.id,
    );
    return rows.map(toAllocationType);
  }

  @FieldResolver(() => [PaymentRefundType])
  async refunds(@Ctx() ctx: RequestContext, @Root() payment: PaymentType) {
    const rows = await groupLoaderFor<PaymentRefund>(ctx, 'refundsByPayment', refundsByPaymentIds, (r) => r.paymentId).load(payment.id);
    return rows.map(toRefundType);
  }

  @Authorized()
  @Mutation(() => PaymentType, {
    description:
      'Records money received and allocates it to invoices of the customer in one go; the rest stays as credit. VALIDATION_FAILED naming the fields, PAYMENT_EXCEEDS_BALANCE, OTHER_CUSTOMER, NOT_PAYABLE. Needs finance:write or billing:write.',
  })
  async recordPayment(@Ctx() ctx: RequestContext, @Arg('input', () => RecordPaymentInput) input: RecordPaymentInput) {
    requireAnyPermission(ctx, RECORDERS);
    return toPaymentType(await recordPayment(em(ctx), identityOf(ctx), input));
  }

  @Authorized()
  @Mutation(() => PaymentType, {
    description:
      'Allocates the payment’s remaining credit to invoices of the same customer. ALLOCATION_EXCEEDS_PAYMENT, PAYMENT_EXCEEDS_BALANCE, OTHER_CUSTOMER, PAYMENT_REVERSED, STALE_VERSION. Needs finance:write or billing:write.',
  })
  async allocatePayment(
    @Ctx() ctx: RequestContext,
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('allocations', () => [AllocationInput]) allocations: AllocationInput[],
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    requireAnyPermission(ctx, RECORDERS);
    return toPaymentType(await allocatePayment(em(ctx), identityOf(ctx), paymentId, { allocations, expectedVersion }));
  }

  @Authorized('finance:write')
  @Mutation(() => PaymentType, { description: 'Undoes one allocation made by mistake; the amount goes back to the customer’s credit.' })
  async releasePaymentAllocation(
    @Ctx() ctx: RequestContext,
    @Arg('allocationId', () => ID) allocationId: string,
    @Arg('reason', () => String) reason: string,
  ) {
    return toPaymentType(await releaseAllocation(em(ctx), identityOf(ctx), allocationId, reason));
  }

  @Authorized('finance:write')
  @Mutation(() => PaymentType, {
    description:
      'The money did not arrive (rejected cheque, returned direct debit): allocations are released, the invoices open again, the reason is kept. PAYMENT_REVERSED, PAYMENT_REFUNDED, STALE_VERSION.',
  })
  async reversePayment(
    @Ctx() ctx: RequestContext,
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('reversedOn', () => LocalDateScalar) reversedOn: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toPaymentType(await reversePayment(em(ctx), identityOf(ctx), paymentId, { reversedOn, reason, expectedVersion }));
  }

  @Authorized('finance:write')
  @Mutation(() => PaymentType, { description: 'Pays back part of the customer’s credit. REFUND_EXCEEDS_CREDIT.' })
  async refundPayment(
    @Ctx() ctx: RequestContext,
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('input', () => RefundInput) input: RefundInput,
  ) {
    return toPaymentType(await refundPayment(em(ctx), identityOf(ctx), paymentId, input));
  }

  @Authorized()
  @Mutation(() => [CreditAllocationType], {
    description:
      'Moves what a credit note left over on the invoice it credited (already paid) to other invoices of the same customer. CREDIT_EXCEEDS_SURPLUS, OTHER_CUSTOMER, NOT_A_CREDIT_NOTE. Needs finance:write or billing:write (the billing clerk does it from the credit note).',
  })
  async allocateCreditNote(
    @Ctx() ctx: RequestContext,
    @Arg('creditNoteId', () => ID) creditNoteId: string,
    @Arg('allocations', () => [AllocationInput]) allocations: AllocationInput[],
  ) {
    requireAnyPermission(ctx, RECORDERS);
    return (await allocateCreditNote(em(ctx), identityOf(ctx), creditNoteId, { allocations })).map(toCreditAllocationType);
  }
}

@Resolver(() => PaymentAllocationType)
export class PaymentAllocationResolver {
  @FieldResolver(() => PaymentType)
  async payment(@Ctx() ctx: RequestContext, @Root() allocation: PaymentAllocationType) {
    return toPaymentType((await paymentLoader(ctx).load(allocation.paymentId))!);
  }
}
