import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import {
  agenda,
  cancelIntervention,
  closeIntervention,
  completeIntervention,
  createInterventionRequest,
  dispatchBoard,
  Errors,
  interventionRelations,
  interventionsByIds,
  listInterventions,
  myDay,
  recordInterventionReport,
  scheduleIntervention,
  startIntervention,
  unscheduleIntervention,
  warningsForInterventions,
  type Intervention,
  type InterventionRelations,
  type ScheduleWarning,
} from '@relais/domain';
import { LocalDateScalar, em, hasPermission, identityOf, loaderFor, toConnection, type RequestContext } from '@relais/subgraph-kit';
import DataLoader from 'dataloader';
import {
  InterventionConnection,
  InterventionReportType,
  InterventionType,
  ScheduleWarningType,
  toInterventionType,
} from './intervention.type';
import { CreateInterventionRequestInput, InterventionFilterInput, InterventionReportInput } from './intervention.input';
import { InterventionSortEnum, type ScheduleWarningKindEnum } from '../shared/enums';
import { TechnicianType, toTechnicianType } from '../technicians/technician.type';
import { rememberAbsences } from '../technicians/technician.resolver';
import { EquipmentType, toEquipmentType } from '../equipment/equipment.type';
import { ContractType, toContractType } from '../contracts/contract.type';
import { CustomerType, toCustomerType } from '../customers/customer.type';
import { SiteType, toSiteType } from '../sites/site.type';
import { loaders } from '../shared/loaders';

@ObjectType('DispatchBoard', {
  description: 'The planner’s board: technicians, their scheduled jobs in the window, and the jobs to schedule.',
})
export class DispatchBoardType {
  @Field(() => [TechnicianType]) technicians!: TechnicianType[];
  @Field(() => [InterventionType]) scheduled!: InterventionType[];
  @Field(() => [InterventionType], { description: 'Requested, not scheduled yet; most urgent deadline first.' })
  unscheduled!: InterventionType[];
}

const toWarningTypes = (warnings: readonly ScheduleWarning[]): ScheduleWarningType[] =>
  warnings.map((w) => ({ kind: w.kind as ScheduleWarningKindEnum, message: w.message, technicianId: w.technicianId ?? null }));

/** Warnings of every intervention asked for in one request, computed together (constant SQL). */
function warningsLoader(ctx: RequestContext) {
  const name = 'warningsByIntervention';
  let loader = ctx.loaders.get(name) as DataLoader<string, ScheduleWarningType[]> | undefined;
  if (!loader) {
    loader = new DataLoader<string, ScheduleWarningType[]>(async (ids) => {
      const interventions = await interventionsByIds(em(ctx), ids);
      const warnings = await warningsForInterventions(em(ctx), interventions);
      return ids.map((id) => toWarningTypes(warnings.get(id) ?? []));
    });
    ctx.loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** Customer, site, equipment and technicians of every intervention asked for in one request: one statement. */
function relationsLoader(ctx: RequestContext) {
  return loaderFor<InterventionRelations & { id: string }>(
    ctx,
    'relationsByIntervention',
    async (scope, ids) => [...(await interventionRelations(scope, ids))].map(([id, relations]) => ({ id, ...relations })),
    (r) => r.id,
  );
}

export function interventionLoader(ctx: RequestContext) {
  return loaderFor<Intervention>(ctx, 'interventionById', interventionsByIds, (i) => i.id);
}

@Resolver(() => InterventionType)
export class InterventionResolver {
  @Authorized('maintenance:read')
  @Query(() => InterventionConnection)
  async interventions(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => InterventionFilterInput, { nullable: true }) filter: InterventionFilterInput | null,
    @Arg('sort', () => InterventionSortEnum, { nullable: true, defaultValue: InterventionSortEnum.REQUESTED_AT })
    sort: InterventionSortEnum,
  ) {
    return toConnection(await listInterventions(em(ctx), { first, after, filter, sort }), toInterventionType);
  }

  @Authorized('maintenance:read')
  @Query(() => InterventionType, { nullable: true })
  async intervention(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const intervention = await interventionLoader(ctx).load(id);
    return intervention ? toInterventionType(intervention) : null;
  }

  @Authorized('maintenance:read')
  @Query(() => [InterventionType], { description: 'A technician’s jobs in the period.' })
  async agenda(
    @Ctx() ctx: RequestContext,
    @Arg('technicianId', () => ID) technicianId: string,
    @Arg('from', () => DateTimeResolver) from: Date,
    @Arg('to', () => DateTimeResolver) to: Date,
  ) {
    return (await agenda(em(ctx), technicianId, from, to)).map(toInterventionType);
  }

  @Authorized('maintenance:read')
  @Query(() => DispatchBoardType)
  async dispatchBoard(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateTimeResolver) from: Date,
    @Arg('to', () => DateTimeResolver) to: Date,
  ) {
    const board = await dispatchBoard(em(ctx), from, to);
    // The board read its jobs' warnings and its technicians' absences with them: no more SQL for those fields.
    for (const [id, warnings] of board.warnings) warningsLoader(ctx).prime(id, toWarningTypes(warnings));
    rememberAbsences(ctx, board.absences);
    return {
      technicians: board.technicians.map(toTechnicianType),
      scheduled: board.scheduled.map(toInterventionType),
      unscheduled: board.unscheduled.map(toInterventionType),
    };
  }

  @Authorized('maintenance:read')
  @Query(() => [InterventionType], { description: 'The signed-in technician’s jobs for a day (today by default, tenant time zone).' })
  async myDay(@Ctx() ctx: RequestContext, @Arg('date', () => LocalDateScalar, { nullable: true }) date: string | null) {
    return (await myDay(em(ctx), identityOf(ctx), date)).map(toInterventionType);
  }

  @Authorized('maintenance:write')
  @Mutation(() => InterventionType, { description: 'A new request, from a planner or a partner: unscheduled, with its SLA deadline.' })
  async createInterventionRequest(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateInterventionRequestInput) input: CreateInterventionRequestInput,
  ) {
    return toInterventionType(await createInterventionRequest(em(ctx), identityOf(ctx), input));
  }

  @Authorized('maintenance:write')
  @Mutation(() => InterventionType, { description: 'Schedules, moves or reassigns; problems come back as warnings, not errors.' })
  async scheduleIntervention(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('technicianIds', () => [ID]) technicianIds: string[],
    @Arg('start', () => DateTimeResolver) start: Date,
    @Arg('end', () => DateTimeResolver) end: Date,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    return toInterventionType(await scheduleIntervention(em(ctx), id, { technicianIds, start, end, expectedVersion }));
  }

  @Authorized('maintenance:write')
  @Mutation(() => InterventionType)
  async unscheduleIntervention(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    return toInterventionType(await unscheduleIntervention(em(ctx), id, expectedVersion));
  }

  @Authorized('maintenance:write')
  @Mutation(() => InterventionType)
  async startIntervention(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    return toInterventionType(await startIntervention(em(ctx), identityOf(ctx), id, expectedVersion));
  }

  @Authorized('maintenance:write')
  @Mutation(() => InterventionType)
  async recordInterventionReport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('report', () => InterventionReportInput) report: InterventionReportInput,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    return toInterventionType(await recordInterventionReport(em(ctx), identityOf(ctx), id, report, expectedVersion));
  }

  @Authorized('maintenance:write')
  @Mutation(() => InterventionType, { description: 'The technician’s end of job: needs labour and the customer’s signature.' })
  async completeIntervention(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    return toInterventionType(await completeIntervention(em(ctx), identityOf(ctx), id, expectedVersion));
  }

  @Authorized('maintenance:read')
  @Mutation(() => InterventionType, {
    description: 'The office (planner or billing clerk) has checked the report: it is frozen and ready to bill.',
  })
  async closeIntervention(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    requireOffice(ctx);
    return toInterventionType(await closeIntervention(em(ctx), id, expectedVersion));
  }

  @Authorized('maintenance:write')
  @Mutation(() => InterventionType)
  async cancelIntervention(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    requireOffice(ctx);
    return toInterventionType(await cancelIntervention(em(ctx), id, reason, expectedVersion));
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() intervention: InterventionType, @Ctx() ctx: RequestContext) {
    return toCustomerType((await relationsLoader(ctx).load(intervention.id))!.customer);
  }

  @FieldResolver(() => SiteType)
  async site(@Root() intervention: InterventionType, @Ctx() ctx: RequestContext) {
    return toSiteType((await relationsLoader(ctx).load(intervention.id))!.site);
  }

  @FieldResolver(() => EquipmentType, { nullable: true })
  async equipment(@Root() intervention: InterventionType, @Ctx() ctx: RequestContext) {
    const equipment = intervention.equipmentId ? (await relationsLoader(ctx).load(intervention.id))!.equipment : null;
    return equipment ? toEquipmentType(equipment) : null;
  }

  @FieldResolver(() => ContractType, { nullable: true })
  async contract(@Root() intervention: InterventionType, @Ctx() ctx: RequestContext) {
    const contract = intervention.contractId ? await loaders.contract(ctx).load(intervention.contractId) : null;
    return contract ? toContractType(contract) : null;
  }

  @FieldResolver(() => [TechnicianType])
  async technicians(@Root() intervention: InterventionType, @Ctx() ctx: RequestContext) {
    return (await relationsLoader(ctx).load(intervention.id))!.technicians.map(toTechnicianType);
  }

  @FieldResolver(() => InterventionReportType)
  report(@Root() intervention: InterventionType) {
    return intervention.report;
  }

  @FieldResolver(() => [ScheduleWarningType], { description: 'Overlaps, absences, hours, skills and SLA, for scheduled jobs.' })
  async warnings(@Root() intervention: InterventionType, @Ctx() ctx: RequestContext) {
    return warningsLoader(ctx).load(intervention.id);
  }
}

/**
 * Closing and cancelling are office decisions (planning or billing), not a technician's: the
 * billing clerk checks a report before invoicing it.
 */
export function requireOffice(ctx: RequestContext): void {
  if (!hasPermission(identityOf(ctx), 'maintenance:office')) throw Errors.forbidden('Réservé au bureau (planification, facturation)');
}

export async function resolveInterventionReference(reference: { id: string }, ctx: RequestContext) {
  const intervention = await interventionLoader(ctx).load(reference.id);
  return intervention ? toInterventionType(intervention) : null;
}
