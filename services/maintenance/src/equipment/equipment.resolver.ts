import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createEquipment, equipmentHistory, listEquipment, pageSize, updateEquipment } from '@relais/domain';
import { DecimalScalar, LocalDateScalar, em, tenantIdOf, toConnection, type RequestContext } from '@relais/subgraph-kit';
import { EquipmentConnection, EquipmentEventType, EquipmentType, toEquipmentType } from './equipment.type';
import { EquipmentCategoryEnum, EquipmentStatusEnum } from '../shared/enums';
import { loaders } from '../shared/loaders';
import { ContractType, toContractType } from '../contracts/contract.type';
import { CustomerType, toCustomerType } from '../customers/customer.type';
import { customerLoader } from '../customers/customer.resolver';
import { SiteType, toSiteType } from '../sites/site.type';
import { InterventionType, toInterventionType } from '../interventions/intervention.type';
import { interventionLoader } from '../interventions/intervention.resolver';

@InputType()
export class EquipmentInput {
  @Field(() => ID, { nullable: true }) siteId?: string;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => ID, { nullable: true }) contractId?: string | null;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => EquipmentCategoryEnum, { nullable: true }) category?: EquipmentCategoryEnum;
  @Field(() => String, { nullable: true }) brand?: string | null;
  @Field(() => String, { nullable: true }) model?: string | null;
  @Field(() => String, { nullable: true }) serialNumber?: string | null;
  @Field(() => String, { nullable: true }) refrigerantType?: string | null;
  @Field(() => DecimalScalar, { nullable: true }) refrigerantChargeKg?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) installedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) warrantyEndsOn?: string | null;
  @Field(() => EquipmentStatusEnum, { nullable: true }) status?: EquipmentStatusEnum;
}

@Resolver(() => EquipmentType)
export class EquipmentResolver {
  @Authorized('maintenance:read')
  @Query(() => EquipmentConnection)
  async equipments(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('siteId', () => ID, { nullable: true }) siteId: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Name, serial number, brand or model.' }) search: string | null,
  ) {
    return toConnection(await listEquipment(em(ctx), { first, after, siteId, customerId, search }), toEquipmentType);
  }

  @Authorized('maintenance:read')
  @Query(() => EquipmentType, { nullable: true })
  async equipment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const equipment = await loaders.equipment(ctx).load(id);
    return equipment ? toEquipmentType(equipment) : null;
  }

  @Authorized('maintenance:write')
  @Mutation(() => EquipmentType)
  async createEquipment(@Ctx() ctx: RequestContext, @Arg('input', () => EquipmentInput) input: EquipmentInput) {
    return toEquipmentType(
      await createEquipment(em(ctx), tenantIdOf(ctx), {
        ...input,
        siteId: input.siteId ?? '',
        name: input.name ?? '',
        category: input.category ?? '',
      }),
    );
  }

  @Authorized('maintenance:write')
  @Mutation(() => EquipmentType)
  async updateEquipment(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => EquipmentInput) input: EquipmentInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toEquipmentType(await updateEquipment(em(ctx), id, input, expectedVersion));
  }

  @FieldResolver(() => SiteType)
  async site(@Root() equipment: EquipmentType, @Ctx() ctx: RequestContext) {
    return toSiteType((await loaders.site(ctx).load(equipment.siteId))!);
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() equipment: EquipmentType, @Ctx() ctx: RequestContext) {
    return toCustomerType((await customerLoader(ctx).load(equipment.customerId))!);
  }

  @FieldResolver(() => EquipmentType, { nullable: true })
  async parent(@Root() equipment: EquipmentType, @Ctx() ctx: RequestContext) {
    const parent = equipment.parentId ? await loaders.equipment(ctx).load(equipment.parentId) : null;
    return parent ? toEquipmentType(parent) : null;
  }

  @FieldResolver(() => [EquipmentType])
  async children(@Root() equipment: EquipmentType, @Ctx() ctx: RequestContext) {
    return (await loaders.children(ctx).load(equipment.id)).map(toEquipmentType);
  }

  @FieldResolver(() => ContractType, { nullable: true })
  async contract(@Root() equipment: EquipmentType, @Ctx() ctx: RequestContext) {
    const contract = equipment.contractId ? await loaders.contract(ctx).load(equipment.contractId) : null;
    return contract ? toContractType(contract) : null;
  }

  @FieldResolver(() => [EquipmentEventType], { description: 'Interventions, parts replaced and observations, newest first.' })
  async history(
    @Root() equipment: EquipmentType,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ) {
    return equipmentHistory(em(ctx), equipment.id, pageSize(first));
  }
}

@Resolver(() => EquipmentEventType)
export class EquipmentEventResolver {
  @FieldResolver(() => InterventionType)
  async intervention(@Root() event: EquipmentEventType, @Ctx() ctx: RequestContext) {
    return toInterventionType((await interventionLoader(ctx).load(event.interventionId))!);
  }
}

export async function resolveEquipmentReference(reference: { id: string }, ctx: RequestContext) {
  const equipment = await loaders.equipment(ctx).load(reference.id);
  return equipment ? toEquipmentType(equipment) : null;
}
