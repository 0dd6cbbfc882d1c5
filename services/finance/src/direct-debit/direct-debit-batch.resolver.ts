import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  DIRECT_DEBIT_FILE_LINK_KEY_PURPOSE,
  cancelDirectDebitBatch,
  createDirectDebitBatch,
  directDebitBatchesByIds,
  directDebitFilePath,
  directDebitItemsByBatchIds,
  directDebitItemsByInvoiceIds,
  latestCollectionDate,
  listDirectDebitBatches,
  localDate,
  mandatesByIds,
  paymentsByIds,
  planDirectDebit,
  returnDirectDebitItem,
  settleDirectDebitBatch,
  signDirectDebitFileLink,
  type DirectDebitBatch,
  type DirectDebitItem,
  type Payment,
  type SepaMandate,
} from '@relais/domain';
import { LocalDateScalar, em, groupLoaderFor, identityOf, loaderFor, toConnection, type RequestContext } from '@relais/subgraph-kit';
import { InvoiceRef, PaymentType, toPaymentType } from '../payments/payment.type';
import {
  DirectDebitBatchConnection,
  DirectDebitBatchStateEnum,
  DirectDebitBatchType,
  DirectDebitCandidateType,
  DirectDebitCandidatesType,
  DirectDebitItemType,
  DirectDebitReturnReasonType,
  SepaMandateType,
  collectionDateProblemOf,
  returnReasons,
  toBatchType,
  toBlockedType,
  toCandidateType,
  toItemType,
  toMandateType,
} from './direct-debit.type';

const batchLoader = (ctx: RequestContext) => loaderFor<DirectDebitBatch>(ctx, 'directDebitBatchById', directDebitBatchesByIds, (b) => b.id);
const mandateLoader = (ctx: RequestContext) => loaderFor<SepaMandate>(ctx, 'mandateById', mandatesByIds, (m) => m.id);
const itemsOfBatch = (ctx: RequestContext) =>
  groupLoaderFor<DirectDebitItem>(ctx, 'directDebitItemsByBatch', directDebitItemsByBatchIds, (i) => i.batchId);

@Resolver(() => DirectDebitBatchType)
export class DirectDebitBatchResolver {
  @Authorized('finance:read')
  @Query(() => DirectDebitCandidatesType, {
    description:
      'What a batch collecting on the date would take, exactly: open invoices paid by direct debit, due by then, not already in a pending batch, with their mandate and sequence type; and those it cannot take, with why.',
  })
  async directDebitCandidates(@Ctx() ctx: RequestContext, @Arg('collectionDate', () => LocalDateScalar) collectionDate: string) {
    const today = localDate(new Date());
    const plan = await planDirectDebit(em(ctx), collectionDate, { today });
    return {
      collectionDate: plan.collectionDate,
      earliestCollectionDate: plan.earliestCollectionDate,
      latestCollectionDate: latestCollectionDate(today),
      collectionDateProblem: collectionDateProblemOf(collectionDate, today),
      candidates: plan.candidates.map(toCandidateType),
      blocked: plan.blocked.map(toBlockedType),
      count: plan.totals.count,
      totalAmount: plan.totals.amount,
    };
  }

  @Authorized('finance:read')
  @Query(() => [DirectDebitReturnReasonType], {
    description: 'The reason codes returnDirectDebitItem accepts (ISO 20022, as the bank reports them), with their French label.',
  })
  directDebitReturnReasons() {
    return returnReasons();
  }

  @Authorized('finance:read')
  @Query(() => DirectDebitBatchConnection, { description: 'Direct debit batches, most recent first.' })
  async directDebitBatches(
    @Ctx() ctx: RequestContext,
    @Arg('state', () => DirectDebitBatchStateEnum, { nullable: true }) state: DirectDebitBatchStateEnum | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return toConnection(await listDirectDebitBatches(em(ctx), { state, first, after }), toBatchType);
  }

  @Authorized('finance:read')
  @Query(() => DirectDebitBatchType, { nullable: true })
  async directDebitBatch(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const batch = await batchLoader(ctx).load(id);
    return batch ? toBatchType(batch) : null;
  }

  @FieldResolver(() => [DirectDebitItemType])
  async items(@Ctx() ctx: RequestContext, @Root() batch: DirectDebitBatchType) {
    return (await itemsOfBatch(ctx).load(batch.id)).map(toItemType);
  }

  @FieldResolver(() => String, {
    description: 'Relative link to the pain.008 file to send to the bank (GET, valid 15 minutes, no Authorization header needed).',
  })
  async pain008Url(@Ctx() ctx: RequestContext, @Root() batch: DirectDebitBatchType): Promise<string> {
    const token = await signDirectDebitFileLink(
      { batchId: batch.id, identity: identityOf(ctx) },
      ctx.deriveKey(DIRECT_DEBIT_FILE_LINK_KEY_PURPOSE),
    );
    return directDebitFilePath(batch, token);
  }

  @Authorized('finance:write')
  @Mutation(() => DirectDebitBatchType, {
    description:
      'Builds the pain.008 file collecting on the date (all candidates, or the invoices given, each of which must be a candidate) and records the batch as SUBMITTED. COLLECTION_DATE_TOO_EARLY (D-1 business day), COLLECTION_DATE_NOT_BUSINESS_DAY, COLLECTION_DATE_TOO_LATE, SEPA_CREDITOR_NOT_CONFIGURED, ALREADY_IN_DIRECT_DEBIT, DIRECT_DEBIT_BLOCKED, NOT_A_DIRECT_DEBIT_CANDIDATE, NO_DIRECT_DEBIT_CANDIDATES.',
  })
  async createDirectDebitBatch(
    @Ctx() ctx: RequestContext,
    @Arg('collectionDate', () => LocalDateScalar) collectionDate: string,
    @Arg('invoiceIds', () => [ID], { nullable: true }) invoiceIds: string[] | null,
  ) {
    return toBatchType(await createDirectDebitBatch(em(ctx), identityOf(ctx), { collectionDate, invoiceIds }));
  }

  @Authorized('finance:write')
  @Mutation(() => DirectDebitBatchType, {
    description:
      'The bank credited the batch: one DIRECT_DEBIT payment per pending item, allocated to its invoice. BATCH_NOT_SUBMITTED, VALIDATION_FAILED (settledOn), STALE_VERSION.',
  })
  async settleDirectDebitBatch(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('settledOn', () => LocalDateScalar) settledOn: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toBatchType(await settleDirectDebitBatch(em(ctx), identityOf(ctx), id, { settledOn, expectedVersion }));
  }

  @Authorized('finance:write')
  @Mutation(() => DirectDebitBatchType, {
    description: 'The file was not sent to the bank: its pending invoices can be collected again. BATCH_NOT_SUBMITTED, STALE_VERSION.',
  })
  async cancelDirectDebitBatch(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toBatchType(await cancelDirectDebitBatch(em(ctx), identityOf(ctx), id, { reason, expectedVersion }));
  }

  @Authorized('finance:write')
  @Mutation(() => DirectDebitItemType, {
    description:
      'An R-transaction (reject before settlement, return or refund after): a collected item’s payment is reversed and its invoice open again. ITEM_ALREADY_RETURNED, ITEM_CANCELLED, VALIDATION_FAILED (returnedOn, reasonCode), STALE_VERSION.',
  })
  async returnDirectDebitItem(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('returnedOn', () => LocalDateScalar) returnedOn: string,
    @Arg('reason', () => String, { nullable: true, description: 'Free text; the label of reasonCode when omitted.' }) reason: string | null,
    @Arg('reasonCode', () => String, { nullable: true, description: 'ISO 20022 code from the bank (AC04, AM04, MD01, MD06, MS02...).' })
    reasonCode: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toItemType(await returnDirectDebitItem(em(ctx), identityOf(ctx), id, { returnedOn, reason, reasonCode, expectedVersion }));
  }
}

@Resolver(() => DirectDebitItemType)
export class DirectDebitItemResolver {
  @FieldResolver(() => DirectDebitBatchType)
  async batch(@Ctx() ctx: RequestContext, @Root() item: DirectDebitItemType) {
    return toBatchType((await batchLoader(ctx).load(item.batchId))!);
  }

  @FieldResolver(() => SepaMandateType)
  async mandate(@Ctx() ctx: RequestContext, @Root() item: DirectDebitItemType) {
    return toMandateType((await mandateLoader(ctx).load(item.mandateId))!);
  }

  @FieldResolver(() => PaymentType, { nullable: true, description: 'The payment the collection produced, once settled.' })
  async payment(@Ctx() ctx: RequestContext, @Root() item: DirectDebitItemType) {
    if (!item.paymentId) return null;
    const payment = await loaderFor<Payment>(ctx, 'paymentById', paymentsByIds, (p) => p.id).load(item.paymentId);
    return payment ? toPaymentType(payment) : null;
  }
}

@Resolver(() => DirectDebitCandidateType)
export class DirectDebitCandidateResolver {
  @FieldResolver(() => SepaMandateType)
  async mandate(@Ctx() ctx: RequestContext, @Root() candidate: DirectDebitCandidateType) {
    return toMandateType((await mandateLoader(ctx).load(candidate.mandateId))!);
  }
}

/** Finance's side of an invoice: its direct debit collections. */
@Resolver(() => InvoiceRef)
export class InvoiceDirectDebitResolver {
  @Authorized('finance:read')
  @FieldResolver(() => [DirectDebitItemType], { description: 'SEPA direct debit collections of the invoice, oldest first.' })
  async directDebitItems(@Ctx() ctx: RequestContext, @Root() invoice: InvoiceRef) {
    const rows = await groupLoaderFor<DirectDebitItem>(
      ctx,
      'directDebitItemsByInvoice',
      directDebitItemsByInvoiceIds,
      (i) => i.invoiceId,
    ).load(invoice.id);
    return rows.map(toItemType);
  }
}
