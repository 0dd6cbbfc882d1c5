import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  customerStatement,
  customerStatementPdf,
  invoicesToCollect,
  localDate,
  paymentsByIds,
  receivablesAgeing,
  receivablesAgeingCsv,
  sendCustomerStatement,
  statementFileName,
  sumAmounts,
  toAmount,
  type AgeingBucket,
  type Payment,
} from '@relais/domain';
import {
  DecimalScalar,
  LocalDateScalar,
  em,
  identityOf,
  loaderFor,
  requireAnyPermission,
  tenantIdOf,
  type RequestContext,
} from '@relais/subgraph-kit';
import {
  AgeingBucketEnum,
  CustomerStatementSentType,
  CustomerStatementType,
  InvoicesToCollectType,
  ReceivablesAgeingType,
  StatementMovementType,
  StatementOpenItemType,
  toAgeingType,
  toCollectType,
  toStatementType,
} from './receivables.type';
import { PaymentType, toPaymentType } from '../payments/payment.type';

/** The clerk sends statements as she sends reminders; the accountant does everything. */
const SENDERS = ['finance:write', 'billing:write'] as const;

const paymentOf = async (ctx: RequestContext, id: string | null) => {
  if (!id) return null;
  const payment = await loaderFor<Payment>(ctx, 'paymentById', paymentsByIds, (p) => p.id).load(id);
  return payment ? toPaymentType(payment) : null;
};

@Resolver(() => ReceivablesAgeingType)
export class ReceivablesResolver {
  @Authorized('finance:read')
  @Query(() => ReceivablesAgeingType, {
    description:
      'Balance âgée at asOf (default today; a past date rebuilds the balances as they stood then). Filters keep whole customers: minimumAmount on the total, overdueOnly, or a bucket with a positive amount.',
  })
  async receivablesAgeing(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('overdueOnly', () => Boolean, { nullable: true }) overdueOnly: boolean | null,
    @Arg('minimumAmount', () => DecimalScalar, { nullable: true }) minimumAmount: string | null,
    @Arg('bucket', () => AgeingBucketEnum, { nullable: true }) bucket: AgeingBucketEnum | null,
  ): Promise<ReceivablesAgeingType> {
    const report = await receivablesAgeing(em(ctx), {
      asOf,
      customerId,
      overdueOnly,
      minimumAmount,
      bucket: bucket as AgeingBucket | null,
    });
    return toAgeingType(report);
  }

  @FieldResolver(() => String, {
    description: 'The rows and totals as a CSV file French Excel opens as is (UTF-8 with BOM, semicolons, decimal commas).',
  })
  csv(@Root() ageing: ReceivablesAgeingType): string {
    return receivablesAgeingCsv(ageing.report);
  }

  @Authorized('finance:read')
  @Query(() => InvoicesToCollectType, { description: 'What to chase this week: invoices overdue or falling due within 7 days of today.' })
  async invoicesToCollect(
    @Ctx() ctx: RequestContext,
    @Arg('today', () => LocalDateScalar, { nullable: true }) today: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most 1000.' }) first: number,
  ): Promise<InvoicesToCollectType> {
    const date = today ?? localDate(new Date());
    const items = await invoicesToCollect(em(ctx), date, customerId);
    return {
      today: date,
      totalCount: items.length,
      totalAmount: toAmount(sumAmounts(items.map((i) => i.openBalance))),
      items: items.slice(0, Math.min(Math.max(first, 0), 1000)).map(toCollectType),
    };
  }

  @Authorized('finance:read')
  @Query(() => CustomerStatementType, {
    description: 'Relevé de compte of a customer for [from, to]. NOT_FOUND, VALIDATION_FAILED (dates).',
  })
  async customerStatement(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
  ): Promise<CustomerStatementType> {
    const statement = await customerStatement(em(ctx), customerId, { from, to });
    return toStatementType(statement, statementFileName(statement));
  }

  @Authorized()
  @Mutation(() => CustomerStatementSentType, {
    description:
      'Mails the statement as a PDF through the outbox (to the customer’s address unless recipients are given). VALIDATION_FAILED (no address, dates), NOT_FOUND. Needs finance:write or billing:write.',
  })
  async sendCustomerStatement(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Arg('recipients', () => [String], { nullable: true }) recipients: string[] | null,
    @Arg('message', () => String, { nullable: true }) message: string | null,
  ): Promise<CustomerStatementSentType> {
    requireAnyPermission(ctx, SENDERS);
    const mail = await sendCustomerStatement(em(ctx), identityOf(ctx), customerId, { from, to, recipients, message });
    return { deliveryId: mail.id, to: mail.to, subject: mail.subject };
  }
}

@Resolver(() => CustomerStatementType)
export class CustomerStatementResolver {
  @FieldResolver(() => String, { description: 'The statement as a PDF, base64-encoded (rendered on demand).' })
  async pdfBase64(@Ctx() ctx: RequestContext, @Root() statement: CustomerStatementType): Promise<string> {
    return Buffer.from(await customerStatementPdf(em(ctx), tenantIdOf(ctx), statement.statement)).toString('base64');
  }
}

@Resolver(() => StatementMovementType)
export class StatementMovementResolver {
  @FieldResolver(() => PaymentType, { nullable: true, description: 'The payment it comes from (received, reversed or refunded).' })
  payment(@Ctx() ctx: RequestContext, @Root() movement: StatementMovementType) {
    return paymentOf(ctx, movement.paymentId);
  }
}

@Resolver(() => StatementOpenItemType)
export class StatementOpenItemResolver {
  @FieldResolver(() => PaymentType, { nullable: true, description: 'The payment whose credit this is.' })
  payment(@Ctx() ctx: RequestContext, @Root() item: StatementOpenItemType) {
    return paymentOf(ctx, item.paymentId);
  }
}
