import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Money, type CreditAllocation, type Payment, type PaymentAllocation, type PaymentMethod, type PaymentRefund } from '@relais/domain';
import { ConnectionType, DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { CustomerAccounting } from '../customers/customer-accounting.resolver';

export enum PaymentMethodEnum {
  TRANSFER = 'TRANSFER',
  CHECK = 'CHECK',
  CARD = 'CARD',
  CASH = 'CASH',
  DIRECT_DEBIT = 'DIRECT_DEBIT',
}
registerEnumType(PaymentMethodEnum, { name: 'PaymentMethod' });

export enum PaymentStatusEnum {
  UNALLOCATED = 'UNALLOCATED',
  PARTLY_ALLOCATED = 'PARTLY_ALLOCATED',
  ALLOCATED = 'ALLOCATED',
  REVERSED = 'REVERSED',
}
registerEnumType(PaymentStatusEnum, {
  name: 'PaymentStatus',
  description: 'ALLOCATED once nothing is left to allocate (allocated or refunded); REVERSED when the money did not arrive.',
});

/** An invoice (owned by billing) that finance extends with how it was settled. */
@ObjectType('Invoice')
@Directive('@key(fields: "id")')
export class InvoiceRef {
  @Field(() => ID) id!: string;
}

@ObjectType('Payment', { description: 'Money received from a customer, allocated to invoices; the rest is the customer’s credit.' })
export class PaymentType {
  @Field(() => ID) id!: string;
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => LocalDateScalar) receivedOn!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => PaymentMethodEnum) method!: PaymentMethodEnum;
  @Field(() => String, { nullable: true }) payerName!: string | null;
  @Field(() => String, { nullable: true }) payerIban!: string | null;
  @Field(() => String, { nullable: true, description: 'Bank reference, cheque number…' }) reference!: string | null;
  @Field(() => DecimalScalar) allocatedAmount!: string;
  @Field(() => DecimalScalar) refundedAmount!: string;
  @Field(() => DecimalScalar, { description: 'Left to allocate or refund: the customer’s credit. 0 once reversed.' })
  unallocatedAmount!: string;
  @Field(() => PaymentStatusEnum) status!: PaymentStatusEnum;
  @Field(() => LocalDateScalar, { nullable: true }) reversedOn!: string | null;
  @Field(() => String, { nullable: true }) reversalReason!: string | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => Int, { description: 'Pass it back as expectedVersion.' }) version!: number;
}

export const PaymentConnection = ConnectionType(PaymentType, 'Payment');

@ObjectType('PaymentAllocation', { description: 'Part of a payment settling an invoice.' })
export class PaymentAllocationType {
  @Field(() => ID) id!: string;
  paymentId!: string;
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => LocalDateScalar) allocatedOn!: string;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Set when the allocation was undone (payment reversed, mistake).' })
  releasedAt!: Date | null;
  @Field(() => String, { nullable: true }) releaseReason!: string | null;
}

@ObjectType('PaymentRefund')
export class PaymentRefundType {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateScalar) refundedOn!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => PaymentMethodEnum) method!: PaymentMethodEnum;
  @Field(() => String, { nullable: true }) reference!: string | null;
}

@ObjectType('CreditAllocation', {
  description: 'Credit left by a credit note on a paid invoice, moved to another invoice of the customer.',
})
export class CreditAllocationType {
  @Field(() => ID) id!: string;
  @Field(() => InvoiceRef) creditNote!: InvoiceRef;
  @Field(() => InvoiceRef, { description: 'The invoice the credit note credited, whose surplus this is.' }) fromInvoice!: InvoiceRef;
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => LocalDateScalar) allocatedOn!: string;
}

@ObjectType('CustomerBalance')
export class CustomerBalanceType {
  @Field(() => DecimalScalar, { description: 'Open balances of issued invoices (credit left by credit notes counts negative).' })
  invoicesOpen!: string;
  @Field(() => DecimalScalar, { description: 'Payments received and neither allocated nor refunded.' }) unallocatedPayments!: string;
  @Field(() => DecimalScalar, { description: 'invoicesOpen − unallocatedPayments; negative: we owe the customer.' }) balance!: string;
  @Field(() => DecimalScalar, { description: 'Open balances past their due date.' }) overdue!: string;
}

@InputType()
export class AllocationInput {
  @Field(() => ID) invoiceId!: string;
  @Field(() => DecimalScalar) amount!: string;
}

@InputType()
export class RecordPaymentInput {
  @Field(() => ID) customerId!: string;
  @Field(() => LocalDateScalar) receivedOn!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => PaymentMethodEnum) method!: PaymentMethodEnum;
  @Field(() => String, { nullable: true }) payerName?: string | null;
  @Field(() => String, { nullable: true }) payerIban?: string | null;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => [AllocationInput], { nullable: true, description: 'Invoices of the same customer; the rest stays as credit.' })
  allocations?: AllocationInput[] | null;
}

@InputType()
export class RefundInput {
  @Field(() => LocalDateScalar) refundedOn!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => PaymentMethodEnum) method!: PaymentMethodEnum;
  @Field(() => String, { nullable: true }) reference?: string | null;
}

export function paymentStatus(p: Payment): PaymentStatusEnum {
  if (p.reversedOn) return PaymentStatusEnum.REVERSED;
  if (new Money(p.unallocatedAmount ?? p.amount).isZero()) return PaymentStatusEnum.ALLOCATED;
  return new Money(p.allocatedAmount).greaterThan(0) ? PaymentStatusEnum.PARTLY_ALLOCATED : PaymentStatusEnum.UNALLOCATED;
}

export const toPaymentType = (p: Payment): PaymentType => ({
  id: p.id,
  customer: { id: p.customerId } as CustomerAccounting,
  receivedOn: p.receivedOn,
  amount: p.amount,
  method: p.method as PaymentMethod as PaymentMethodEnum,
  payerName: p.payerName ?? null,
  payerIban: p.payerIban ?? null,
  reference: p.reference ?? null,
  allocatedAmount: p.allocatedAmount,
  refundedAmount: p.refundedAmount,
  unallocatedAmount: p.unallocatedAmount ?? '0.00',
  status: paymentStatus(p),
  reversedOn: p.reversedOn ?? null,
  reversalReason: p.reversalReason ?? null,
  createdAt: p.createdAt,
  version: p.version,
});

export const toAllocationType = (a: PaymentAllocation): PaymentAllocationType => ({
  id: a.id,
  paymentId: a.paymentId,
  invoice: { id: a.invoiceId },
  amount: a.amount,
  allocatedOn: a.allocatedOn,
  releasedAt: a.releasedAt ?? null,
  releaseReason: a.releaseReason ?? null,
});

export const toRefundType = (r: PaymentRefund): PaymentRefundType => ({
  id: r.id,
  refundedOn: r.refundedOn,
  amount: r.amount,
  method: r.method as PaymentMethodEnum,
  reference: r.reference ?? null,
});

export const toCreditAllocationType = (c: CreditAllocation): CreditAllocationType => ({
  id: c.id,
  creditNote: { id: c.creditNoteId },
  fromInvoice: { id: c.fromInvoiceId },
  invoice: { id: c.invoiceId },
  amount: c.amount,
  allocatedOn: c.allocatedOn,
});
