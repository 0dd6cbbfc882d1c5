import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  DUNNING_QUEUE,
  collectionStatesOf,
  dunningPreview,
  dunningSettings,
  listDunningRuns,
  localDate,
  remindersByInvoiceIds,
  setInvoiceDispute,
  setPaymentPromise,
  startDunningRun,
  updateDunningSettings,
  DunningRun,
  type InvoiceCollectionState,
  type Reminder,
} from '@relais/domain';
import {
  LocalDateScalar,
  em,
  groupLoaderFor,
  identityOf,
  loaderFor,
  requireAnyPermission,
  tenantIdOf,
  type RequestContext,
} from '@relais/subgraph-kit';
import {
  CollectionStateType,
  DunningPreviewType,
  DunningRunType,
  DunningSettingsInput,
  DunningSettingsType,
  ReminderType,
  toCollectionStateType,
  toHeldType,
  toPlannedType,
  toReminderType,
  toRunType,
  toSettingsType,
} from './dunning.type';
import { InvoiceRef } from '../payments/payment.type';
import { dunningQueue } from './dunning.worker';

/** The clerk reviews and sends reminders as the accountant does. */
const SENDERS = ['finance:write', 'billing:write'] as const;

@Resolver(() => DunningRunType)
export class DunningResolver {
  @Authorized('finance:read')
  @Query(() => DunningSettingsType)
  async dunningSettings(@Ctx() ctx: RequestContext) {
    return toSettingsType(await dunningSettings(em(ctx), tenantIdOf(ctx)));
  }

  @Authorized('finance:write')
  @Mutation(() => DunningSettingsType, { description: 'VALIDATION_FAILED naming the level fields, STALE_VERSION.' })
  async updateDunningSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DunningSettingsInput) input: DunningSettingsInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toSettingsType(await updateDunningSettings(em(ctx), identityOf(ctx), { ...input, expectedVersion }));
  }

  @Authorized('finance:read')
  @Query(() => DunningPreviewType, {
    description: 'The reminders a run would send on the date (default today), one level per invoice, and the overdue invoices held back.',
  })
  async dunningPreview(
    @Ctx() ctx: RequestContext,
    @Arg('date', () => LocalDateScalar, { nullable: true }) date: string | null,
    @Arg('excludedInvoiceIds', () => [ID], { defaultValue: [] }) excludedInvoiceIds: string[],
  ): Promise<DunningPreviewType> {
    const preview = await dunningPreview(em(ctx), tenantIdOf(ctx), date ?? localDate(new Date()), { excludedInvoiceIds });
    return {
      date: preview.date,
      totals: preview.totals,
      reminders: preview.reminders.map(toPlannedType),
      held: preview.held.map(toHeldType),
    };
  }

  @Authorized()
  @Mutation(() => DunningRunType, {
    description:
      'Sends, as a background job, today’s preview less the excluded invoices; follow it with dunningRun. Never sends a level twice. Needs finance:write or billing:write.',
  })
  async runDunning(@Ctx() ctx: RequestContext, @Arg('excludedInvoiceIds', () => [ID], { defaultValue: [] }) excludedInvoiceIds: string[]) {
    requireAnyPermission(ctx, SENDERS);
    const identity = identityOf(ctx);
    const run = await startDunningRun(em(ctx), identity, excludedInvoiceIds);
    ctx.afterCommit.push(() => dunningQueue().enqueue(DUNNING_QUEUE, { runId: run.id, identity }));
    return toRunType(run);
  }

  @Authorized('finance:read')
  @Query(() => DunningRunType, { nullable: true })
  async dunningRun(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const run = await em(ctx).findOne(DunningRun, { id });
    return run ? toRunType(run) : null;
  }

  @Authorized('finance:read')
  @Query(() => [DunningRunType], { description: 'The latest runs, newest first.' })
  async dunningRuns(@Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 20 }) first: number) {
    return (await listDunningRuns(em(ctx), Math.min(Math.max(first, 1), 100))).map(toRunType);
  }

  @Authorized()
  @Mutation(() => CollectionStateType, { description: 'A disputed invoice gets no reminder until the dispute is lifted.' })
  async setInvoiceDispute(
    @Ctx() ctx: RequestContext,
    @Arg('invoiceId', () => ID) invoiceId: string,
    @Arg('disputed', () => Boolean) disputed: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ) {
    requireAnyPermission(ctx, SENDERS);
    return toCollectionStateType(await setInvoiceDispute(em(ctx), identityOf(ctx), invoiceId, { disputed, reason }));
  }

  @Authorized()
  @Mutation(() => CollectionStateType, { description: 'No reminder until the day after `until`; null withdraws the promise.' })
  async setPaymentPromise(
    @Ctx() ctx: RequestContext,
    @Arg('invoiceId', () => ID) invoiceId: string,
    @Arg('until', () => LocalDateScalar, { nullable: true }) until: string | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
  ) {
    requireAnyPermission(ctx, SENDERS);
    return toCollectionStateType(await setPaymentPromise(em(ctx), identityOf(ctx), invoiceId, { until, note }));
  }
}

/** Finance's side of an invoice, continued: its reminders and collection state. */
@Resolver(() => InvoiceRef)
export class InvoiceDunningResolver {
  @FieldResolver(() => [ReminderType], { description: 'Reminders sent, oldest first.' })
  async reminders(@Ctx() ctx: RequestContext, @Root() invoice: InvoiceRef) {
    const rows = await groupLoaderFor<Reminder>(ctx, 'remindersByInvoice', remindersByInvoiceIds, (r) => r.invoiceId).load(invoice.id);
    return rows.map(toReminderType);
  }

  @FieldResolver(() => CollectionStateType)
  async collectionState(@Ctx() ctx: RequestContext, @Root() invoice: InvoiceRef) {
    return toCollectionStateType(
      await loaderFor<InvoiceCollectionState>(ctx, 'collectionState', collectionStatesOf, (s) => s.invoiceId).load(invoice.id),
    );
  }
}
