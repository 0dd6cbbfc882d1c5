import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import { InterventionPriorityEnum, InterventionStatusEnum, InterventionTypeEnum, LabourTypeEnum } from '../shared/enums';

@InputType()
export class CreateInterventionRequestInput {
  @Field(() => ID) customerId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => ID, { nullable: true }) equipmentId?: string | null;
  @Field(() => InterventionTypeEnum, { defaultValue: InterventionTypeEnum.CORRECTIVE }) type!: InterventionTypeEnum;
  @Field(() => InterventionPriorityEnum, { defaultValue: InterventionPriorityEnum.NORMAL }) priority!: InterventionPriorityEnum;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) requiredSkills?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Expected duration, 120 by default.' }) estimatedDurationMinutes?: number | null;
}

@InputType()
export class LabourEntryInput {
  @Field(() => ID) technicianId!: string;
  @Field(() => LocalDateScalar) workDate!: string;
  @Field(() => DecimalScalar) hours!: string;
  @Field(() => LabourTypeEnum, { defaultValue: LabourTypeEnum.NORMAL }) labourType!: LabourTypeEnum;
}

@InputType()
export class PartUsedInput {
  @Field(() => ID) catalogItemId!: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => String, { nullable: true }) serialNumber?: string | null;
}

@InputType()
export class PhotoInput {
  @Field(() => String, { nullable: true }) caption?: string | null;
  @Field(() => String, { description: 'data:image/png|jpeg|webp;base64,… (2 MB at most)' }) dataUrl!: string;
}

@InputType({ description: 'The whole report: it replaces what was recorded before (photos only when given).' })
export class InterventionReportInput {
  @Field(() => [LabourEntryInput]) labour!: LabourEntryInput[];
  @Field(() => Int, { defaultValue: 0 }) travelCount!: number;
  @Field(() => String, { nullable: true }) travelZone?: string | null;
  @Field(() => [PartUsedInput]) parts!: PartUsedInput[];
  @Field(() => String, { nullable: true }) observations?: string | null;
  @Field(() => String, { nullable: true, description: 'What the customer wrote beside the signature (« sous réserve de… »).' })
  customerReservations?: string | null;
  @Field(() => [PhotoInput], { nullable: true }) photos?: PhotoInput[] | null;
  @Field(() => String, { nullable: true }) signerName?: string | null;
  @Field(() => String, { nullable: true, description: 'The customer’s drawn signature, data:image/png;base64,…' }) signatureDataUrl?:
    string | null;
}

@InputType('InterventionFilter')
export class InterventionFilterInput {
  @Field(() => [InterventionStatusEnum], { nullable: true }) status?: InterventionStatusEnum[] | null;
  @Field(() => [InterventionTypeEnum], { nullable: true }) type?: InterventionTypeEnum[] | null;
  @Field(() => ID, { nullable: true }) technicianId?: string | null;
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => ID, { nullable: true }) equipmentId?: string | null;
  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'Scheduled window overlapping [from, to); unscheduled ones by request date.',
  })
  from?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) to?: Date | null;
  @Field(() => Boolean, { nullable: true }) unscheduled?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Number or title.' }) search?: string | null;
}
