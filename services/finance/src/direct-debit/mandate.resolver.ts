import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  createMandate,
  earliestCollectionDate,
  listMandates,
  localDate,
  mandatesByCustomerIds,
  mandatesNextCollection,
  revokeMandate,
  type MandateNextCollection,
  type SepaMandate,
} from '@relais/domain';
import { LocalDateScalar, em, groupLoaderFor, identityOf, loaderFor, toConnection, type RequestContext } from '@relais/subgraph-kit';
import { CustomerAccounting } from '../customers/customer-accounting.resolver';
import {
  CreateMandateInput,
  DirectDebitBlockedReasonEnum,
  SepaMandateConnection,
  SepaMandateStatusEnum,
  SepaMandateType,
  SepaSequenceTypeEnum,
  toMandateType,
} from './direct-debit.type';

/** Each mandate's next collection in a batch prepared today (on the earliest collection date). */
const nextCollectionLoader = (ctx: RequestContext) =>
  loaderFor<MandateNextCollection>(
    ctx,
    'mandateNextCollection',
    (manager, ids) => mandatesNextCollection(manager, ids, earliestCollectionDate(localDate(new Date()))),
    (next) => next.mandateId,
  );

@Resolver(() => SepaMandateType)
export class SepaMandateResolver {
  @Authorized('finance:read')
  @Query(() => SepaMandateConnection, { description: 'SEPA mandates, most recently recorded first.' })
  async mandates(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('status', () => SepaMandateStatusEnum, { nullable: true }) status: SepaMandateStatusEnum | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return toConnection(await listMandates(em(ctx), { customerId, status, first, after }), toMandateType);
  }

  @Authorized('finance:write')
  @Mutation(() => SepaMandateType, {
    description:
      'Records a mandate the customer signed; the RUM is generated when not given. VALIDATION_FAILED naming the fields (iban, bic, reference, signedOn...), ACTIVE_MANDATE_EXISTS (one active recurrent mandate per customer), MANDATE_REFERENCE_TAKEN.',
  })
  async createMandate(@Ctx() ctx: RequestContext, @Arg('input', () => CreateMandateInput) input: CreateMandateInput) {
    return toMandateType(await createMandate(em(ctx), identityOf(ctx), input));
  }

  @Authorized('finance:write')
  @Mutation(() => SepaMandateType, {
    description: 'The mandate ends (revoked by the customer or the company). MANDATE_ALREADY_REVOKED, VALIDATION_FAILED, STALE_VERSION.',
  })
  async revokeMandate(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('revokedOn', () => LocalDateScalar) revokedOn: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toMandateType(await revokeMandate(em(ctx), identityOf(ctx), id, { revokedOn, reason, expectedVersion }));
  }

  @FieldResolver(() => SepaSequenceTypeEnum, {
    nullable: true,
    description: 'The sequence type of its next collection in a batch prepared today (FRST, then RCUR; OOFF); null when it cannot collect.',
  })
  async nextSequenceType(@Ctx() ctx: RequestContext, @Root() mandate: SepaMandateType) {
    return (await nextCollectionLoader(ctx).load(mandate.id))?.sequenceType ?? null;
  }

  @FieldResolver(() => DirectDebitBlockedReasonEnum, {
    nullable: true,
    description: 'Why a batch prepared today cannot use it (revoked, lapsed after 36 months, one-off already used); null when it can.',
  })
  async blockedReason(@Ctx() ctx: RequestContext, @Root() mandate: SepaMandateType) {
    return (await nextCollectionLoader(ctx).load(mandate.id))?.blockedReason ?? null;
  }
}

/** Finance's side of the customer: its SEPA mandates. */
@Resolver(() => CustomerAccounting)
export class CustomerMandatesResolver {
  @Authorized('finance:read')
  @FieldResolver(() => [SepaMandateType], { description: 'SEPA mandates, the active ones first, then the latest signed.' })
  async mandates(@Ctx() ctx: RequestContext, @Root() customer: CustomerAccounting) {
    const rows = await groupLoaderFor<SepaMandate>(ctx, 'mandatesByCustomer', mandatesByCustomerIds, (m) => m.customerId).load(customer.id);
    return rows.map(toMandateType);
  }
}
