import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { LocalDateScalar } from '@relais/subgraph-kit';
import type { PortalEquipmentRow, PortalRequestRow, PortalSiteRow, PortalVisitRow } from '@relais/domain';
import { EquipmentCategoryEnum } from '../shared/enums';

/** What a customer's contact sees of their sites, equipment, visits and requests (docs/portal.md): no costs, no internal notes. */

export enum PortalVisitKindEnum {
  PREVENTIVE = 'PREVENTIVE',
  CORRECTIVE = 'CORRECTIVE',
}
export enum PortalVisitStatusEnum {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
export enum PortalRequestStatusEnum {
  RECEIVED = 'RECEIVED',
  SCHEDULED = 'SCHEDULED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PortalVisitKindEnum, { name: 'PortalVisitKind' });
registerEnumType(PortalVisitStatusEnum, { name: 'PortalVisitStatus' });
registerEnumType(PortalRequestStatusEnum, { name: 'PortalRequestStatus' });

@ObjectType('PortalVisit', { description: 'A visit to a customer’s equipment, as the customer sees it.' })
export class PortalVisitType {
  @Field(() => ID) id!: string;
  @Field(() => String) reference!: string;
  @Field(() => PortalVisitKindEnum) kind!: PortalVisitKindEnum;
  @Field(() => PortalVisitStatusEnum) status!: PortalVisitStatusEnum;
  @Field(() => LocalDateScalar, { description: 'The day it was done, or is planned (tenant-local).' }) date!: string;
  @Field(() => String, { nullable: true, description: 'What the technician wrote in the report.' }) workDone!: string | null;
  @Field(() => [String], { description: 'First names of the technicians.' }) technicians!: string[];
  @Field(() => String, { nullable: true, description: 'Who signed the report for the customer.' }) signedBy!: string | null;
  hasReport!: boolean;
}

@ObjectType('PortalEquipment')
export class PortalEquipmentType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => EquipmentCategoryEnum) category!: EquipmentCategoryEnum;
  @Field(() => String, { nullable: true }) brand!: string | null;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => String, { nullable: true }) serialNumber!: string | null;
  @Field(() => String) siteName!: string;
}

@ObjectType('PortalSite')
export class PortalSiteType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) addressLine1!: string;
  @Field(() => String) postalCode!: string;
  @Field(() => String) city!: string;
  @Field(() => [PortalEquipmentType], { description: 'In service or out of service (decommissioned left out), by name.' })
  equipment!: PortalEquipmentType[];
}

@ObjectType('PortalRequest', { description: 'A breakdown the customer reported on the portal, and where it stands.' })
export class PortalRequestType {
  @Field(() => ID) id!: string;
  @Field(() => String) reference!: string;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => String) siteName!: string;
  @Field(() => String, { nullable: true }) equipmentName!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => PortalRequestStatusEnum) status!: PortalRequestStatusEnum;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the visit is planned, once scheduled.' }) scheduledFor!: Date | null;
  @Field(() => Int) photoCount!: number;
}

@InputType()
export class PortalPhotoInput {
  @Field(() => String, { description: 'data:image/png|jpeg;base64,… (2 MB at most)' }) dataUrl!: string;
  @Field(() => String, { nullable: true }) caption?: string | null;
}

@InputType({ description: 'A breakdown to report: the equipment, or the site when no equipment fits (one of them).' })
export class PortalBreakdownInput {
  @Field(() => ID, { nullable: true }) equipmentId?: string | null;
  @Field(() => ID, { nullable: true }) siteId?: string | null;
  @Field(() => String) description!: string;
  @Field(() => [PortalPhotoInput], { nullable: true, description: '3 photos at most, JPEG or PNG.' }) photos?: PortalPhotoInput[] | null;
}

export const toPortalEquipmentType = (e: PortalEquipmentRow): PortalEquipmentType => ({
  ...e,
  category: e.category as EquipmentCategoryEnum,
});

export const toPortalSiteType = (s: PortalSiteRow): PortalSiteType => ({ ...s, equipment: s.equipment.map(toPortalEquipmentType) });

export const toPortalVisitType = (v: PortalVisitRow): PortalVisitType => ({
  id: v.id,
  reference: v.reference,
  kind: v.kind as PortalVisitKindEnum,
  status: v.status as PortalVisitStatusEnum,
  date: v.date,
  workDone: v.workDone,
  technicians: v.technicians,
  signedBy: v.signedBy,
  hasReport: v.hasReport,
});

export const toPortalRequestType = (r: PortalRequestRow): PortalRequestType => ({ ...r, status: r.status as PortalRequestStatusEnum });
