import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type {
  CashForecast,
  CashMovement,
  Listed,
  RevenueDocument,
  ExpectedBasis,
  ForecastEntry,
  ForecastSource,
  ReceivablesSummary,
  UnbilledAge,
  UnbilledWork,
  YearComparison,
} from '@relais/domain';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { CustomerAccounting } from '../customers/customer-accounting.resolver';
import { InvoiceRef, PaymentMethodEnum } from '../payments/payment.type';

export enum UnbilledAgeEnum {
  D0_7 = 'D0_7',
  D8_30 = 'D8_30',
  D31_60 = 'D31_60',
  D60_PLUS = 'D60_PLUS',
}
registerEnumType(UnbilledAgeEnum, {
  name: 'UnbilledAge',
  description: 'Days since a closed intervention was closed: up to 7, 8–30, 31–60, over 60.',
});

export enum ForecastSourceEnum {
  INVOICE = 'INVOICE',
  CONTRACT = 'CONTRACT',
  DIRECT_DEBIT = 'DIRECT_DEBIT',
}
registerEnumType(ForecastSourceEnum, {
  name: 'ForecastSource',
  description:
    'INVOICE: an open invoice paid by the customer; CONTRACT: a contract period to bill; DIRECT_DEBIT: collected by direct debit.',
});

export enum ExpectedBasisEnum {
  DUE_DATE = 'DUE_DATE',
  CUSTOMER_BEHAVIOUR = 'CUSTOMER_BEHAVIOUR',
  OVERDUE = 'OVERDUE',
  PAYMENT_PROMISE = 'PAYMENT_PROMISE',
  DIRECT_DEBIT_BATCH = 'DIRECT_DEBIT_BATCH',
  DIRECT_DEBIT_DUE = 'DIRECT_DEBIT_DUE',
  CONTRACT_TERMS = 'CONTRACT_TERMS',
}
registerEnumType(ExpectedBasisEnum, {
  name: 'ExpectedBasis',
  description:
    'Why an amount is expected when it is: the due date (no payment history), the customer’s usual lateness, already late (expected now), a payment promise, a direct debit batch’s collection date, a direct debit’s due date, a contract period’s payment terms.',
});

@ObjectType('MonthComparison')
export class MonthComparisonType {
  @Field(() => Int, { description: '1 to 12.' }) month!: number;
  @Field(() => DecimalScalar, { nullable: true, description: 'This year; null for the months after asOf’s month.' })
  current!: string | null;
  @Field(() => DecimalScalar, { description: 'The same month last year.' }) previous!: string;
}

@ObjectType('YearComparison', { description: 'A figure month by month, this year (to asOf) beside last year.' })
export class YearComparisonType {
  @Field(() => Int) year!: number;
  @Field(() => [MonthComparisonType]) months!: MonthComparisonType[];
  @Field(() => DecimalScalar, { description: 'This year up to asOf included.' }) currentToDate!: string;
  @Field(() => DecimalScalar, { description: 'Last year up to the same day.' }) previousToDate!: string;
}

@ObjectType('ReceivablesSummary')
export class ReceivablesSummaryType {
  @Field(() => LocalDateScalar) asOf!: string;
  @Field(() => DecimalScalar, { description: 'What customers owe, net of their unallocated payments: the balance âgée’s total.' })
  open!: string;
  @Field(() => DecimalScalar, { description: 'The part past due.' }) overdue!: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Days sales outstanding, count-back method, one decimal; null when receivables exceed the last 12 months of sales.',
  })
  dso!: string | null;
}

@ObjectType('UnbilledAgeCount')
export class UnbilledAgeCountType {
  @Field(() => UnbilledAgeEnum) age!: UnbilledAgeEnum;
  @Field(() => Int) count!: number;
}

@ObjectType('UnbilledWork', { description: 'Closed interventions neither invoiced nor marked not billable ("À facturer").' })
export class UnbilledWorkType {
  @Field(() => Int) count!: number;
  @Field(() => Int, { nullable: true, description: 'Days since the oldest was closed.' }) oldestDays!: number | null;
  @Field(() => [UnbilledAgeCountType]) buckets!: UnbilledAgeCountType[];
}

@ObjectType('CashForecastWeek')
export class CashForecastWeekType {
  @Field(() => LocalDateScalar, { description: 'Monday.' }) start!: string;
  @Field(() => LocalDateScalar, { description: 'Sunday.' }) end!: string;
  @Field(() => DecimalScalar) invoices!: string;
  @Field(() => DecimalScalar) contracts!: string;
  @Field(() => DecimalScalar) directDebits!: string;
  @Field(() => DecimalScalar) total!: string;
}

@ObjectType('CashForecast', { description: 'Cash expected over 13 weeks (Monday to Sunday) from the week of asOf.' })
export class CashForecastType {
  @Field(() => [CashForecastWeekType]) weeks!: CashForecastWeekType[];
  @Field(() => DecimalScalar, { description: 'The 13 weeks added up.' }) total!: string;
  @Field(() => Int, { description: 'Disputed invoices, not counted on.' }) disputedCount!: number;
  @Field(() => DecimalScalar, { description: 'Their open balances.' }) disputedAmount!: string;
}

@ObjectType('CashForecastEntry', { description: 'One amount expected in a week of the forecast.' })
export class CashForecastEntryType {
  @Field(() => ForecastSourceEnum) source!: ForecastSourceEnum;
  @Field(() => ExpectedBasisEnum) basis!: ExpectedBasisEnum;
  @Field(() => LocalDateScalar) expectedOn!: string;
  @Field(() => DecimalScalar, { description: 'TTC: an open balance, or a contract period as it will be billed.' }) amount!: string;
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => String) customerName!: string;
  @Field(() => InvoiceRef, { nullable: true }) invoice!: InvoiceRef | null;
  @Field(() => String, { nullable: true }) invoiceNumber!: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The invoice’s due date, or when the contract period will fall due.' })
  dueDate!: string | null;
  @Field(() => Int, { nullable: true, description: 'Days after the due date the customer usually pays.' }) daysLate!: number | null;
  @Field(() => ID, { nullable: true }) contractId!: string | null;
  @Field(() => String, { nullable: true }) contractReference!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) periodStart!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) periodEnd!: string | null;
}

export enum RevenueDocumentKindEnum {
  INVOICE = 'INVOICE',
  CREDIT_NOTE = 'CREDIT_NOTE',
}
registerEnumType(RevenueDocumentKindEnum, { name: 'RevenueDocumentKind' });

export enum CashMovementKindEnum {
  RECEIVED = 'RECEIVED',
  REVERSED = 'REVERSED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(CashMovementKindEnum, {
  name: 'CashMovementKind',
  description: 'RECEIVED: a payment; REVERSED: a payment taken back, at its reversal; REFUNDED: credit paid back.',
});

@ObjectType('RevenueDocument')
export class RevenueDocumentType {
  @Field(() => InvoiceRef) invoice!: InvoiceRef;
  @Field(() => String) number!: string;
  @Field(() => RevenueDocumentKindEnum) kind!: RevenueDocumentKindEnum;
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => String) customerName!: string;
  @Field(() => LocalDateScalar) issueDate!: string;
  @Field(() => DecimalScalar, { description: 'HT; negative for a credit note.' }) net!: string;
}

@ObjectType('RevenueDocuments', { description: 'The invoices and credit notes behind a month of revenue.' })
export class RevenueDocumentsType {
  @Field(() => String, { description: 'YYYY-MM.' }) month!: string;
  @Field(() => Int) totalCount!: number;
  @Field(() => DecimalScalar, { description: 'The month’s revenue: every document added up, not only those listed.' }) total!: string;
  @Field(() => [RevenueDocumentType], { description: 'In issue order, the first `first`.' }) items!: RevenueDocumentType[];
}

@ObjectType('CashMovement')
export class CashMovementType {
  @Field(() => ID) paymentId!: string;
  @Field(() => CashMovementKindEnum) kind!: CashMovementKindEnum;
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => CustomerAccounting) customer!: CustomerAccounting;
  @Field(() => String) customerName!: string;
  @Field(() => PaymentMethodEnum) method!: PaymentMethodEnum;
  @Field(() => String, { nullable: true, description: 'The bank reference, or the reason of a reversal.' }) reference!: string | null;
  @Field(() => DecimalScalar, { description: 'Negative for a reversal or a refund.' }) amount!: string;
}

@ObjectType('CashMovements', { description: 'The payments, reversals and refunds behind a month of cash collected.' })
export class CashMovementsType {
  @Field(() => String, { description: 'YYYY-MM.' }) month!: string;
  @Field(() => Int) totalCount!: number;
  @Field(() => DecimalScalar, { description: 'The month’s cash collected: every movement added up.' }) total!: string;
  @Field(() => [CashMovementType], { description: 'In date order, the first `first`.' }) items!: CashMovementType[];
}

@ObjectType('Dashboard', {
  description:
    'The owner’s and the accountant’s home at asOf; each field is computed when asked for (one block, one or two SQL statements).',
})
export class DashboardType {
  @Field(() => LocalDateScalar) asOf!: string;
}

export const toReceivablesType = (r: ReceivablesSummary): ReceivablesSummaryType => ({ ...r });

export const toComparisonType = (c: YearComparison): YearComparisonType => ({ ...c, months: c.months.map((m) => ({ ...m })) });

export const toUnbilledType = (u: UnbilledWork): UnbilledWorkType => ({
  count: u.count,
  oldestDays: u.oldestDays,
  buckets: u.buckets.map((b) => ({ age: b.age satisfies UnbilledAge as UnbilledAgeEnum, count: b.count })),
});

export const toForecastType = (f: CashForecast): CashForecastType => ({
  weeks: f.weeks.map((w) => ({ ...w })),
  total: f.total,
  disputedCount: f.disputed.count,
  disputedAmount: f.disputed.amount,
});

export const toEntryType = (e: ForecastEntry): CashForecastEntryType => ({
  source: e.source satisfies ForecastSource as ForecastSourceEnum,
  basis: e.basis satisfies ExpectedBasis as ExpectedBasisEnum,
  expectedOn: e.expectedOn,
  amount: e.amount,
  customer: customerRef(e.customerId),
  customerName: e.customerName,
  invoice: e.invoiceId ? { id: e.invoiceId } : null,
  invoiceNumber: e.invoiceNumber,
  dueDate: e.dueDate,
  daysLate: e.daysLate,
  contractId: e.contractId,
  contractReference: e.contractReference,
  periodStart: e.periodStart,
  periodEnd: e.periodEnd,
});

const customerRef = (id: string) => ({ id }) as CustomerAccounting;

export const toRevenueDocumentsType = (l: Listed<RevenueDocument>): RevenueDocumentsType => ({
  month: l.month,
  totalCount: l.totalCount,
  total: l.total,
  items: l.items.map((d) => ({
    invoice: { id: d.invoiceId },
    number: d.number,
    kind: d.kind as RevenueDocumentKindEnum,
    customer: customerRef(d.customerId),
    customerName: d.customerName,
    issueDate: d.issueDate,
    net: d.net,
  })),
});

export const toCashMovementsType = (l: Listed<CashMovement>): CashMovementsType => ({
  month: l.month,
  totalCount: l.totalCount,
  total: l.total,
  items: l.items.map((m) => ({
    paymentId: m.paymentId,
    kind: m.kind as CashMovementKindEnum,
    date: m.date,
    customer: customerRef(m.customerId),
    customerName: m.customerName,
    method: m.method as PaymentMethodEnum,
    reference: m.reference,
    amount: m.amount,
  })),
});
