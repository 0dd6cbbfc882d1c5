import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ConnectionType, DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import type { InterventionRow, JobRun } from '@relais/domain';
import {
  InterventionPriorityEnum,
  InterventionStatusEnum,
  InterventionTypeEnum,
  JobStateEnum,
  LabourTypeEnum,
  ScheduleWarningKindEnum,
} from '../shared/enums';

@ObjectType('LabourEntry')
export class LabourEntryType {
  @Field(() => ID) id!: string;
  technicianId!: string;
  @Field(() => LocalDateScalar) workDate!: string;
  @Field(() => DecimalScalar) hours!: string;
  @Field(() => LabourTypeEnum) labourType!: LabourTypeEnum;
}

@ObjectType('PartUsed')
export class PartUsedType {
  @Field(() => ID) id!: string;
  catalogItemId!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => String, { nullable: true }) serialNumber!: string | null;
}

@ObjectType('Photo')
export class PhotoType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) caption!: string | null;
  @Field(() => String, { description: 'A data: URL of the image.' }) url!: string;
}

@ObjectType('InterventionReport', { description: 'What the technician recorded on site; frozen once the office closes the intervention.' })
export class InterventionReportType {
  interventionId!: string;
  @Field(() => Int) travelCount!: number;
  @Field(() => String, { nullable: true }) travelZone!: string | null;
  @Field(() => String, { nullable: true }) observations!: string | null;
  @Field(() => String, { nullable: true, description: 'What the customer wrote beside the signature; such a job is closed one by one.' })
  customerReservations!: string | null;
  @Field(() => String, { nullable: true }) signerName!: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) signedAt!: Date | null;
  @Field(() => Boolean) frozen!: boolean;
}

@ObjectType('ScheduleWarning')
export class ScheduleWarningType {
  @Field(() => ScheduleWarningKindEnum) kind!: ScheduleWarningKindEnum;
  @Field(() => String) message!: string;
  technicianId!: string | null;
}

@ObjectType('Intervention', { description: 'An intervention (bon d’intervention) and its report.' })
@Directive('@key(fields: "id")')
export class InterventionType {
  @Field(() => ID) id!: string;
  customerId!: string;
  siteId!: string;
  equipmentId!: string | null;
  contractId!: string | null;
  @Field(() => String) number!: string;
  @Field(() => InterventionTypeEnum) type!: InterventionTypeEnum;
  @Field(() => InterventionPriorityEnum) priority!: InterventionPriorityEnum;
  @Field(() => InterventionStatusEnum) status!: InterventionStatusEnum;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String]) requiredSkills!: string[];
  @Field(() => Int) estimatedDurationMinutes!: number;
  @Field(() => String, { description: 'PLANNER, PARTNER_API, PREVENTIVE_PLAN or PORTAL' }) source!: string;
  @Field(() => String, { nullable: true, description: 'Who asked, for a request from the customer portal: the contact’s name.' })
  requestedBy!: string | null;
  @Field(() => DateTimeResolver) requestedAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Deadline from the contract’s SLA for this priority.' })
  dueBy!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) scheduledStart!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) scheduledEnd!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) startedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) completedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) closedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
  @Field(() => Int, { description: 'Pass it back as expectedVersion in every change.' }) version!: number;
  report!: InterventionReportType;
}

@ObjectType('JobRun', { description: 'A long-running job (e.g. preventive generation) and its progress.' })
export class JobRunType {
  @Field(() => ID) id!: string;
  @Field(() => String) kind!: string;
  @Field(() => JobStateEnum) state!: JobStateEnum;
  @Field(() => Int) progress!: number;
  @Field(() => Int) total!: number;
  @Field(() => String, { nullable: true }) result!: string | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) finishedAt!: Date | null;
}

export const InterventionConnection = ConnectionType(InterventionType, 'Intervention');

export function toInterventionType(i: InterventionRow): InterventionType {
  return {
    id: i.id,
    customerId: i.customerId,
    siteId: i.siteId,
    equipmentId: i.equipmentId ?? null,
    contractId: i.contractId ?? null,
    number: i.number,
    type: i.type as InterventionTypeEnum,
    priority: i.priority as InterventionPriorityEnum,
    status: i.status as InterventionStatusEnum,
    title: i.title,
    description: i.description ?? null,
    requiredSkills: i.requiredSkills as string[],
    estimatedDurationMinutes: i.estimatedDurationMinutes,
    source: i.source,
    requestedBy: i.requestedBy ?? null,
    requestedAt: i.requestedAt,
    dueBy: i.dueBy ?? null,
    scheduledStart: i.scheduledStart ?? null,
    scheduledEnd: i.scheduledEnd ?? null,
    startedAt: i.startedAt ?? null,
    completedAt: i.completedAt ?? null,
    closedAt: i.closedAt ?? null,
    cancelledAt: i.cancelledAt ?? null,
    cancelReason: i.cancelReason ?? null,
    version: i.version,
    report: {
      interventionId: i.id,
      travelCount: i.travelCount,
      travelZone: i.travelZone ?? null,
      observations: i.observations ?? null,
      customerReservations: i.customerReservations ?? null,
      signerName: i.signerName ?? null,
      signedAt: i.signedAt ?? null,
      frozen: i.status === 'CLOSED' || i.status === 'INVOICED',
    },
  };
}

export function toJobRunType(run: JobRun): JobRunType {
  return {
    id: run.id,
    kind: run.kind,
    state: run.state as JobStateEnum,
    progress: run.progress,
    total: run.total,
    result: run.result ?? null,
    error: run.error ?? null,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt ?? null,
  };
}
