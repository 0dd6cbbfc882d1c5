import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type {
  AgeingBucket,
  BucketAmounts,
  CustomerStatement,
  ItemToCollect,
  OpenItem,
  ReceivablesAgeing,
  StatementLine,
  StatementMovementKind,
  StatementOpenItem,
} from '@relais/domain';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { CustomerAccounting } from '../customers/customer-accounting.resolver';
import { InvoiceRef } from '../payments/payment.type';

export enum AgeingBucketEnum {
  NOT_DUE = 'NOT_DUE',
  D1_30 = 'D1_30',
  D31_60 = 'D31_60',
  D61_90 = 'D61_90',
  D90_PLUS = 'D90_PLUS',
}
registerEnumType(AgeingBucketEnum, {
  name: 'AgeingBucket',
  description: 'Days past due at the ageing date: NOT_DUE up to the due date included, then 1–30, 31–60, 61–90, over 90.',
});

export enum OpenItemKindEnum {
  INVOICE = 'INVOICE',
  DEPOSIT_INVOICE = 'DEPOSIT_INVOICE',
  UNALLOCATED_PAYMENT = 'UNALLOCATED_PAYMENT',
}
registerEnumType(OpenItemKindEnum, {
  name: 'OpenItemKind',
  description: 'UNALLOCATED_PAYMENT: money received, not allocated nor refunded (negative).',
});

export enum StatementMovementKindEnum {
  INVOICE = 'INVOICE',
  DEPOSIT_INVOICE = 'DEPOSIT_INVOICE',
  RETENTION = 'RETENTION',
  CREDIT_NOTE = 'CREDIT_NOTE',
  PAYMENT = 'PAYMENT',
  PAYMENT_REVERSED = 'PAYMENT_REVERSED',
  REFUND = 'REFUND',
  WRITE_OFF = 'WRITE_OFF',
  WRITE_OFF_CANCELLED = 'WRITE_OFF_CANCELLED',
}
registerEnumType(StatementMovementKindEnum, {
  name: 'StatementMovementKind',
  description:
    'RETENTION: the retention (retenue de garantie) withheld from an invoice, owed later; REFUND: credit paid back to the customer; ' +
    'WRITE_OFF: part of an invoice passed to losses (a credit); WRITE_OFF_CANCELLED: a write-off cancelled, owed again (a debit).',
});

@ObjectType('AgeingBuckets')
export class AgeingBucketsType {
  @Field(() => DecimalScalar) notDue!: string;
  @Field(() => DecimalScalar) d1To30!: string;
  @Field(() => DecimalScalar) d31To60!: string;
  @Field(() => DecimalScalar) d61To90!: string;
  @Field(() => DecimalScalar) over90!: string;
}

@ObjectType('ReceivablesAgeingRow')
export class ReceivablesAgeingRowType {
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => String) customerName!: string;
  @Field(() => AgeingBucketsType) buckets!: AgeingBucketsType;
  @Field(() => DecimalScalar, { description: 'What the customer owes, net of their unallocated payments.' }) total!: string;
  @Field(() => DecimalScalar, { description: 'Money received and not allocated, included (negative) in notDue.' })
  unallocatedPayments!: string;
}

@ObjectType('ReceivablesAgeingTotals')
export class ReceivablesAgeingTotalsType {
  @Field(() => AgeingBucketsType) buckets!: AgeingBucketsType;
  @Field(() => DecimalScalar) total!: string;
}

@ObjectType('ReceivablesAgeing', { description: 'Balance âgée: what each customer owes, by how late it is at asOf.' })
export class ReceivablesAgeingType {
  @Field(() => LocalDateScalar) asOf!: string;
  @Field(() => [ReceivablesAgeingRowType], { description: 'One row per customer with something open, by name.' })
  rows!: ReceivablesAgeingRowType[];
  @Field(() => ReceivablesAgeingTotalsType) totals!: ReceivablesAgeingTotalsType;
  report!: ReceivablesAgeing;
}

@ObjectType('InvoiceToCollect')
export class InvoiceToCollectType {
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => String) invoiceNumber!: string;
  @Field(() => OpenItemKindEnum) kind!: OpenItemKindEnum;
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => String) customerName!: string;
  @Field(() => LocalDateScalar) issueDate!: string;
  @Field(() => LocalDateScalar) dueDate!: string;
  @Field(() => DecimalScalar) openBalance!: string;
  @Field(() => Int, { description: 'Days past due today; 0 on the due date, negative before it.' }) daysPastDue!: number;
  @Field(() => AgeingBucketEnum) bucket!: AgeingBucketEnum;
}

@ObjectType('InvoicesToCollect', { description: 'Invoices overdue or falling due within 7 days, largest open balance first.' })
export class InvoicesToCollectType {
  @Field(() => LocalDateScalar) today!: string;
  @Field(() => Int) totalCount!: number;
  @Field(() => DecimalScalar) totalAmount!: string;
  @Field(() => [InvoiceToCollectType], { description: 'The first `first` of them.' }) items!: InvoiceToCollectType[];
}

@ObjectType('StatementMovement')
export class StatementMovementType {
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => StatementMovementKindEnum) kind!: StatementMovementKindEnum;
  @Field(() => String, { nullable: true, description: 'Document number, or the payment’s bank reference.' }) reference!: string | null;
  @Field(() => String) label!: string;
  @Field(() => DecimalScalar, { description: 'Signed: positive increases what the customer owes.' }) amount!: string;
  @Field(() => DecimalScalar) debit!: string;
  @Field(() => DecimalScalar) credit!: string;
  @Field(() => DecimalScalar, { description: 'Running balance after this movement.' }) balance!: string;
  @Field(() => InvoiceRef, {
    nullable: true,
    description: 'The invoice or credit note it comes from (a write-off: the invoice written off).',
  })
  invoice!: InvoiceRef | null;
  paymentId!: string | null;
}

@ObjectType('StatementOpenItem')
export class StatementOpenItemType {
  @Field(() => OpenItemKindEnum) kind!: OpenItemKindEnum;
  @Field(() => InvoiceRef, { nullable: true }) invoice!: InvoiceRef | null;
  paymentId!: string | null;
  @Field(() => String, { nullable: true, description: 'Invoice number, or the payment’s bank reference.' }) reference!: string | null;
  @Field(() => LocalDateScalar, { description: 'Issue date, or receipt date of a payment.' }) date!: string;
  @Field(() => LocalDateScalar, { nullable: true }) dueDate!: string | null;
  @Field(() => Int, { description: 'Days past due at the end of the period; 0 when not due.' }) daysLate!: number;
  @Field(() => AgeingBucketEnum, { description: 'Its column in the balance âgée at the end of the period (a payment’s credit: NOT_DUE).' })
  bucket!: AgeingBucketEnum;
  @Field(() => DecimalScalar, { description: 'Open at the end of the period; negative for a payment’s credit.' }) openBalance!: string;
}

@ObjectType('CustomerStatement', {
  description: 'Relevé de compte: opening balance, movements with running balance, closing balance, open items.',
})
export class CustomerStatementType {
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => String) customerName!: string;
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) to!: string;
  @Field(() => DecimalScalar, { description: 'Owed at the start of `from`.' }) openingBalance!: string;
  @Field(() => [StatementMovementType], { description: 'Movements of the period in date order.' }) movements!: StatementMovementType[];
  @Field(() => DecimalScalar) totalDebit!: string;
  @Field(() => DecimalScalar) totalCredit!: string;
  @Field(() => DecimalScalar, { description: 'Owed at the end of `to`; negative: owed to the customer.' }) closingBalance!: string;
  @Field(() => [StatementOpenItemType], { description: 'Open at the end of `to`, oldest due first; they add up to closingBalance.' })
  openItems!: StatementOpenItemType[];
  @Field(() => LocalDateScalar) generatedOn!: string;
  @Field(() => String) pdfFileName!: string;
  statement!: CustomerStatement;
}

@ObjectType('CustomerStatementSent')
export class CustomerStatementSentType {
  @Field(() => ID, { description: 'The queued mail (outbox); it is sent, and retried, in the background.' }) deliveryId!: string;
  @Field(() => [String]) to!: string[];
  @Field(() => String) subject!: string;
}

const amounts = (b: BucketAmounts): AgeingBucketsType => ({
  notDue: b.NOT_DUE,
  d1To30: b.D1_30,
  d31To60: b.D31_60,
  d61To90: b.D61_90,
  over90: b.D90_PLUS,
});
const customerRef = (id: string) => ({ id }) as CustomerAccounting;

export const toAgeingType = (report: ReceivablesAgeing): ReceivablesAgeingType => ({
  asOf: report.asOf,
  rows: report.rows.map((r) => ({
    customer: customerRef(r.customerId),
    customerName: r.customerName,
    buckets: amounts(r.buckets),
    total: r.total,
    unallocatedPayments: r.unallocatedPayments,
  })),
  totals: { buckets: amounts(report.totals.buckets), total: report.totals.total },
  report,
});

export const toCollectType = (item: ItemToCollect<OpenItem>): InvoiceToCollectType => ({
  invoice: { id: item.invoiceId },
  invoiceNumber: item.invoiceNumber,
  kind: item.kind as OpenItemKindEnum,
  customer: customerRef(item.customerId),
  customerName: item.customerName,
  issueDate: item.issueDate,
  dueDate: item.dueDate,
  openBalance: item.openBalance,
  daysPastDue: item.daysPastDue,
  bucket: item.bucket as AgeingBucket as AgeingBucketEnum,
});

const DOCUMENT_KINDS: readonly StatementMovementKind[] = [
  'INVOICE',
  'DEPOSIT_INVOICE',
  'RETENTION',
  'CREDIT_NOTE',
  'WRITE_OFF',
  'WRITE_OFF_CANCELLED',
];

const toMovementType = (l: StatementLine): StatementMovementType => {
  const document = DOCUMENT_KINDS.includes(l.kind);
  return {
    date: l.date,
    kind: l.kind as StatementMovementKindEnum,
    reference: l.reference,
    label: l.label,
    amount: l.amount,
    debit: l.debit,
    credit: l.credit,
    balance: l.balance,
    invoice: document ? { id: l.sourceId } : null,
    paymentId: document ? null : l.sourceId,
  };
};

const toOpenItemType = (item: StatementOpenItem): StatementOpenItemType => {
  const payment = item.kind === 'UNALLOCATED_PAYMENT';
  return {
    kind: item.kind as OpenItemKindEnum,
    invoice: payment ? null : { id: item.invoiceId },
    paymentId: payment ? item.invoiceId : null,
    reference: payment ? item.reference : item.invoiceNumber,
    date: item.issueDate,
    dueDate: payment ? null : item.dueDate,
    daysLate: item.daysLate,
    bucket: item.bucket as AgeingBucketEnum,
    openBalance: item.openBalance,
  };
};

export const toStatementType = (s: CustomerStatement, pdfFileName: string): CustomerStatementType => ({
  customer: customerRef(s.customer.id),
  customerName: s.customer.name,
  from: s.from,
  to: s.to,
  openingBalance: s.opening,
  movements: s.lines.map(toMovementType),
  totalDebit: s.totalDebit,
  totalCredit: s.totalCredit,
  closingBalance: s.closing,
  openItems: s.openItems.map(toOpenItemType),
  generatedOn: s.generatedOn,
  pdfFileName,
  statement: s,
});
