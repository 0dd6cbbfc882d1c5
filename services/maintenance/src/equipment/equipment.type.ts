import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ConnectionType, DecimalScalar, LocalDateScalar } from '@relais/subgraph-kit';
import type { EquipmentRow } from '@relais/domain';
import { EquipmentCategoryEnum, EquipmentStatusEnum } from '../shared/enums';

@ObjectType('Equipment', { description: 'An installed piece of equipment (le parc): where it is, what covers it, its history.' })
@Directive('@key(fields: "id")')
export class EquipmentType {
  @Field(() => ID) id!: string;
  siteId!: string;
  customerId!: string;
  parentId!: string | null;
  contractId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => EquipmentCategoryEnum) category!: EquipmentCategoryEnum;
  @Field(() => String, { nullable: true }) brand!: string | null;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => String, { nullable: true }) serialNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. R32, R410A' }) refrigerantType!: string | null;
  @Field(() => DecimalScalar, { nullable: true }) refrigerantChargeKg!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) installedOn!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) warrantyEndsOn!: string | null;
  @Field(() => EquipmentStatusEnum) status!: EquipmentStatusEnum;
  @Field(() => Int) version!: number;
}

@ObjectType('EquipmentEvent')
export class EquipmentEventType {
  @Field(() => DateTimeResolver) at!: Date;
  @Field(() => String, { description: 'INTERVENTION, PART_REPLACED or OBSERVATION' }) kind!: string;
  interventionId!: string;
  @Field(() => String) summary!: string;
}

export const EquipmentConnection = ConnectionType(EquipmentType, 'Equipment');

export function toEquipmentType(e: EquipmentRow): EquipmentType {
  return {
    id: e.id,
    siteId: e.siteId,
    customerId: e.customerId,
    parentId: e.parentId ?? null,
    contractId: e.contractId ?? null,
    name: e.name,
    category: e.category as EquipmentCategoryEnum,
    brand: e.brand ?? null,
    model: e.model ?? null,
    serialNumber: e.serialNumber ?? null,
    refrigerantType: e.refrigerantType ?? null,
    refrigerantChargeKg: e.refrigerantChargeKg ?? null,
    installedOn: e.installedOn ?? null,
    warrantyEndsOn: e.warrantyEndsOn ?? null,
    status: e.status as EquipmentStatusEnum,
    version: e.version,
  };
}
