import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import {
  absencesOverlapping,
  addTechnicianAbsence,
  type AbsenceRow,
  createTechnician,
  listTechnicians,
  localDayBounds,
  removeTechnicianAbsence,
  updateTechnician,
} from '@relais/domain';
import { DecimalScalar, LocalDateScalar, em, groupLoaderFor, tenantIdOf, toConnection, type RequestContext } from '@relais/subgraph-kit';
import { AbsenceType, TechnicianConnection, TechnicianType, toAbsenceType, toTechnicianType } from './technician.type';
import { loaders } from '../shared/loaders';

@InputType()
export class TechnicianInput {
  @Field(() => String, { nullable: true }) fullName?: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => [String], { nullable: true }) skills?: string[];
  @Field(() => String, { nullable: true }) color?: string;
  @Field(() => String, { nullable: true }) workDayStart?: string;
  @Field(() => String, { nullable: true }) workDayEnd?: string;
  @Field(() => [Int], { nullable: true }) workDays?: number[];
  @Field(() => Boolean, { nullable: true }) active?: boolean;
  @Field(() => ID, { nullable: true, description: 'The user account the technician signs in with.' }) userId?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Loaded cost of one hour of work, HT (null: unknown).' })
  costRate?: string | null;
}

@InputType()
export class AbsenceInput {
  @Field(() => ID) technicianId!: string;
  @Field(() => DateTimeResolver) startsAt!: Date;
  @Field(() => DateTimeResolver) endsAt!: Date;
  @Field(() => String) reason!: string;
}

@Resolver(() => TechnicianType)
export class TechnicianResolver {
  @Authorized('maintenance:read')
  @Query(() => TechnicianConnection)
  async technicians(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('activeOnly', () => Boolean, { nullable: true, defaultValue: true }) activeOnly: boolean,
  ) {
    return toConnection(await listTechnicians(em(ctx), { first, after, activeOnly }), toTechnicianType);
  }

  @Authorized('maintenance:read')
  @Query(() => TechnicianType, { nullable: true })
  async technician(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const technician = await loaders.technician(ctx).load(id);
    return technician ? toTechnicianType(technician) : null;
  }

  @Authorized('maintenance:office')
  @Mutation(() => TechnicianType, {
    description: 'A new technician. VALIDATION_FAILED naming the fields (hours, days, unknown skill, cost rate…). Office only.',
  })
  async createTechnician(@Ctx() ctx: RequestContext, @Arg('input', () => TechnicianInput) input: TechnicianInput) {
    return toTechnicianType(await createTechnician(em(ctx), tenantIdOf(ctx), { ...input, fullName: input.fullName ?? '' }));
  }

  @Authorized('maintenance:office')
  @Mutation(() => TechnicianType, {
    description: 'Edits a technician (only the fields given); STALE_VERSION if saved since expectedVersion. Office only.',
  })
  async updateTechnician(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TechnicianInput) input: TechnicianInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toTechnicianType(await updateTechnician(em(ctx), id, input, expectedVersion));
  }

  @Authorized('maintenance:office')
  @Mutation(() => AbsenceType, { description: 'Records an absence (leave, training…): the board shows it. Office only.' })
  async addTechnicianAbsence(@Ctx() ctx: RequestContext, @Arg('input', () => AbsenceInput) input: AbsenceInput) {
    return toAbsenceType(await addTechnicianAbsence(em(ctx), tenantIdOf(ctx), input));
  }

  @Authorized('maintenance:office')
  @Mutation(() => AbsenceType, { description: 'Removes an absence entered by mistake or cancelled; answers it. Office only.' })
  async removeTechnicianAbsence(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return toAbsenceType(await removeTechnicianAbsence(em(ctx), id));
  }

  @FieldResolver(() => [AbsenceType], { description: 'Absences overlapping the local dates [from, to].' })
  async absences(
    @Root() technician: TechnicianType,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
  ) {
    const absences = await absencesLoader(ctx).load(`${technician.id}|${from}|${to}`);
    return absences.map((row) => toAbsenceType(row.absence));
  }
}

export async function resolveTechnicianReference(reference: { id: string }, ctx: RequestContext) {
  const technician = await loaders.technician(ctx).load(reference.id);
  return technician ? toTechnicianType(technician) : null;
}

/** Absences already read for this request (the board reads them with its technicians): technicians, span, rows. */
export interface AbsencesRead {
  technicianIds: readonly string[];
  from: Date;
  to: Date;
  rows: readonly AbsenceRow[];
}
const absencesRead = new WeakMap<RequestContext, AbsencesRead>();

/** Lets `absences(from, to)` answer from what the request already read, when that covers the dates asked. */
export function rememberAbsences(ctx: RequestContext, read: AbsencesRead): void {
  absencesRead.set(ctx, read);
}

/** Absences of many technicians over the same dates (the board's rows) in one statement; keys are "id|from|to". */
function absencesLoader(ctx: RequestContext) {
  return groupLoaderFor<{ key: string; absence: AbsenceRow }>(
    ctx,
    'absencesByTechnicianAndDates',
    async (scope, keys) => {
      const byRange = Map.groupBy(keys, (key) => key.slice(key.indexOf('|') + 1));
      const rows = await Promise.all(
        [...byRange].map(async ([range, rangeKeys]) => {
          const [from, to] = range.split('|') as [string, string];
          const ids = rangeKeys.map((k) => k.split('|')[0]!);
          const bounds = { from: localDayBounds(from).from, to: localDayBounds(to).to };
          const read = absencesRead.get(ctx);
          const found =
            read && read.from <= bounds.from && read.to >= bounds.to && ids.every((id) => read.technicianIds.includes(id))
              ? read.rows.filter((a) => ids.includes(a.technicianId) && a.startsAt < bounds.to && a.endsAt > bounds.from)
              : await absencesOverlapping(scope, ids, bounds.from, bounds.to);
          return found.map((absence) => ({ key: `${absence.technicianId}|${range}`, absence }));
        }),
      );
      return rows.flat();
    },
    (a) => a.key,
  );
}
