import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  closePeriod,
  closingBlocker,
  listAccountingPeriods,
  listFiscalYears,
  localDate,
  openFiscalYear,
  periodClosingChecks,
  periodEventsOf,
  reopenPeriod,
  reopeningBlocker,
  type AccountingPeriod,
  type AccountingPeriodEvent,
} from '@relais/domain';
import { em, groupLoaderFor, identityOf, loaderFor, type RequestContext } from '@relais/subgraph-kit';
import {
  AccountingPeriodType,
  FiscalYearType,
  OpenFiscalYearInput,
  PeriodClosingChecksType,
  PeriodEventType,
  toClosingChecksType,
  toFiscalYearType,
  toPeriodEventType,
  toPeriodType,
} from './periods.type';

/** The tenant's periods, read once per request: whether one can close or reopen depends on the others. */
async function periodsAround(ctx: RequestContext, id: string): Promise<{ period: AccountingPeriod; all: AccountingPeriod[] }> {
  const loaded = await loaderFor<{ key: string; periods: AccountingPeriod[] }>(
    ctx,
    'allPeriods',
    async (manager) => [{ key: 'all', periods: await listAccountingPeriods(manager) }],
    (row) => row.key,
  ).load('all');
  const all = loaded!.periods;
  return { period: all.find((p) => p.id === id)!, all };
}

@Resolver(() => AccountingPeriodType)
export class PeriodsResolver {
  @Authorized('finance:read')
  @Query(() => [FiscalYearType], { description: 'The fiscal years, latest first, each with its months.' })
  async fiscalYears(@Ctx() ctx: RequestContext) {
    return (await listFiscalYears(em(ctx))).map(toFiscalYearType);
  }

  @Authorized('finance:read')
  @Query(() => PeriodClosingChecksType, {
    description: 'What is left in a month before closing it (counts and the oldest items), and what forbids closing it today.',
  })
  async periodClosingChecks(@Ctx() ctx: RequestContext, @Arg('periodId', () => ID) periodId: string) {
    return toClosingChecksType(await periodClosingChecks(em(ctx), periodId));
  }

  @Authorized('finance:write')
  @Mutation(() => FiscalYearType, {
    description:
      'Opens the next fiscal year (or the first) with its months. VALIDATION_FAILED on startsOn (not the day after the previous year, not a 1st, a first year not started yet) or endsOn (not a month end, over 24 months).',
  })
  async openFiscalYear(@Ctx() ctx: RequestContext, @Arg('input', () => OpenFiscalYearInput) input: OpenFiscalYearInput) {
    return toFiscalYearType(await openFiscalYear(em(ctx), identityOf(ctx), input));
  }

  @Authorized('finance:write')
  @Mutation(() => AccountingPeriodType, {
    description:
      'Closes a month: nothing dated in it can be added or changed afterwards. PERIOD_NOT_IN_ORDER (an earlier month is open), PERIOD_NOT_ENDED, PERIOD_ALREADY_CLOSED, PERIOD_CHECKS_NOT_ACKNOWLEDGED (items left: see periodClosingChecks, then pass acknowledgeWarnings), STALE_VERSION.',
  })
  async closePeriod(
    @Ctx() ctx: RequestContext,
    @Arg('periodId', () => ID) periodId: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Arg('acknowledgeWarnings', () => Boolean, { defaultValue: false }) acknowledgeWarnings: boolean,
  ) {
    return toPeriodType(await closePeriod(em(ctx), identityOf(ctx), periodId, { expectedVersion, acknowledgeWarnings }));
  }

  @Authorized('finance:write', 'platform:admin')
  @Mutation(() => AccountingPeriodType, {
    description:
      'Admins only: reopens the last closed month, the reason kept in its history and the audit log. PERIOD_NOT_IN_ORDER (a later month is closed), PERIOD_NOT_CLOSED, VALIDATION_FAILED on reason, STALE_VERSION.',
  })
  async reopenPeriod(
    @Ctx() ctx: RequestContext,
    @Arg('periodId', () => ID) periodId: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toPeriodType(await reopenPeriod(em(ctx), identityOf(ctx), periodId, { reason, expectedVersion }));
  }

  @FieldResolver(() => Boolean, {
    description: 'It can be closed today: it is over and every earlier month is closed (items left still ask for acknowledgement).',
  })
  async canClose(@Ctx() ctx: RequestContext, @Root() root: AccountingPeriodType) {
    const { period, all } = await periodsAround(ctx, root.id);
    return closingBlocker(period, all, localDate(new Date())) === null;
  }

  @FieldResolver(() => Boolean, { description: 'It is the last closed month, the one an admin may reopen.' })
  async canReopen(@Ctx() ctx: RequestContext, @Root() root: AccountingPeriodType) {
    const { period, all } = await periodsAround(ctx, root.id);
    return reopeningBlocker(period, all) === null;
  }

  @FieldResolver(() => [PeriodEventType], { description: 'Its closings and reopenings, oldest first.' })
  async history(@Ctx() ctx: RequestContext, @Root() period: AccountingPeriodType) {
    const events = await groupLoaderFor<AccountingPeriodEvent>(ctx, 'periodEvents', periodEventsOf, (e) => e.periodId).load(period.id);
    return events.map(toPeriodEventType);
  }
}
