import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import {
  closeInterventions,
  interventionSettings,
  previewCloseInterventions,
  updateInterventionSettings,
  type CloseResult,
} from '@relais/domain';
import { em, tenantIdOf, type RequestContext } from '@relais/subgraph-kit';
import { InterventionType, toInterventionType } from './intervention.type';
import { requireOffice } from './intervention.resolver';

export enum CloseOutcomeEnum {
  CLOSED = 'CLOSED',
  ALREADY_CLOSED = 'ALREADY_CLOSED',
  REFUSED = 'REFUSED',
}
registerEnumType(CloseOutcomeEnum, {
  name: 'CloseOutcome',
  description:
    'CLOSED (closed now; in a preview: would be closed), ALREADY_CLOSED (closed or invoiced: unchanged), REFUSED (see the code).',
});

export enum CloseRefusalEnum {
  NOT_FOUND = 'NOT_FOUND',
  NOT_COMPLETED = 'NOT_COMPLETED',
  SIGNATURE_MISSING = 'SIGNATURE_MISSING',
  CUSTOMER_RESERVATIONS = 'CUSTOMER_RESERVATIONS',
}
registerEnumType(CloseRefusalEnum, {
  name: 'CloseRefusal',
  description:
    'Why a job is left out of a bulk close: NOT_FOUND, NOT_COMPLETED (not finished), SIGNATURE_MISSING, CUSTOMER_RESERVATIONS (closed from its own page, after reading them).',
});

@ObjectType('InterventionCloseResult', { description: 'What closing one of the jobs asked for did (or would do).' })
export class InterventionCloseResultType {
  @Field(() => ID) interventionId!: string;
  @Field(() => InterventionType, { nullable: true, description: 'Null for an id that names no intervention.' })
  intervention!: InterventionType | null;
  @Field(() => CloseOutcomeEnum) outcome!: CloseOutcomeEnum;
  @Field(() => CloseRefusalEnum, { nullable: true }) code!: CloseRefusalEnum | null;
  @Field(() => String, { nullable: true, description: 'French text for logs; clients translate by code.' }) message!: string | null;
}

@ObjectType('InterventionSettings', { description: 'How the office closes interventions.' })
export class InterventionSettingsType {
  @Field(() => Boolean, {
    description: '« Clôture automatique »: a job completed with the customer’s signature and no reservation closes itself.',
  })
  autoCloseInterventions!: boolean;
}

@InputType('InterventionSettingsInput')
export class InterventionSettingsInput {
  @Field(() => Boolean, { nullable: true }) autoCloseInterventions?: boolean | null;
}

const toResult = (r: CloseResult): InterventionCloseResultType => ({
  interventionId: r.interventionId,
  intervention: r.intervention ? toInterventionType(r.intervention) : null,
  outcome: r.outcome as CloseOutcomeEnum,
  code: r.refusal as CloseRefusalEnum | null,
  message: r.message,
});

@Resolver()
export class InterventionClosingResolver {
  @Authorized('maintenance:read')
  @Query(() => [InterventionCloseResultType], { description: 'What closeInterventions would do with these jobs; changes nothing.' })
  async closeInterventionsPreview(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID]) ids: string[]) {
    requireOffice(ctx);
    return (await previewCloseInterventions(em(ctx), ids)).map(toResult);
  }

  @Authorized('maintenance:read')
  @Mutation(() => [InterventionCloseResultType], {
    description:
      'The office closes finished jobs at once (200 at most): one result per id; refused ones are left untouched, closed ones unchanged.',
  })
  async closeInterventions(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID]) ids: string[]) {
    requireOffice(ctx);
    return (await closeInterventions(em(ctx), ids)).map(toResult);
  }

  @Authorized('maintenance:read')
  @Query(() => InterventionSettingsType)
  async interventionSettings(@Ctx() ctx: RequestContext) {
    return interventionSettings(em(ctx), tenantIdOf(ctx));
  }

  @Authorized('platform:admin')
  @Mutation(() => InterventionSettingsType, { description: 'Admins only.' })
  async updateInterventionSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => InterventionSettingsInput) input: InterventionSettingsInput,
  ) {
    return updateInterventionSettings(em(ctx), tenantIdOf(ctx), {
      ...(input.autoCloseInterventions != null ? { autoCloseInterventions: input.autoCloseInterventions } : {}),
    });
  }
}
