import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ConnectionType, DecimalScalar } from '@relais/subgraph-kit';
import type { AbsenceRow, TechnicianRow } from '@relais/domain';

@ObjectType('Absence')
export class AbsenceType {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeResolver) startsAt!: Date;
  @Field(() => DateTimeResolver) endsAt!: Date;
  @Field(() => String) reason!: string;
}

@ObjectType('Technician', { description: 'A field technician: skills, working hours, absences.' })
@Directive('@key(fields: "id")')
export class TechnicianType {
  @Field(() => ID) id!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => [String], { description: 'Skills and certifications, e.g. FLUIDES_CAT1 (fluids handling).' }) skills!: string[];
  @Field(() => String) color!: string;
  @Field(() => String, { description: 'Local time HH:MM.' }) workDayStart!: string;
  @Field(() => String) workDayEnd!: string;
  @Field(() => [Int], { description: 'ISO weekdays, 1 = Monday.' }) workDays!: number[];
  @Field(() => Boolean) active!: boolean;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Loaded cost of one hour of work (salary, charges, vehicle, tools), HT; costs the labour in profitability. Null: unknown.',
  })
  costRate!: string | null;
  @Field(() => Int) version!: number;
}

export const TechnicianConnection = ConnectionType(TechnicianType, 'Technician');

export function toTechnicianType(t: TechnicianRow): TechnicianType {
  return {
    id: t.id,
    fullName: t.fullName,
    email: t.email ?? null,
    phone: t.phone ?? null,
    skills: t.skills as string[],
    color: t.color,
    workDayStart: t.workDayStart,
    workDayEnd: t.workDayEnd,
    workDays: (t.workDays as number[]).map(Number),
    active: t.active,
    costRate: t.costRate ?? null,
    version: t.version,
  };
}

export function toAbsenceType(a: AbsenceRow): AbsenceType {
  return { id: a.id, startsAt: a.startsAt, endsAt: a.endsAt, reason: a.reason };
}
