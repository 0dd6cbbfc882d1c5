import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  WEBHOOK_EVENT_TYPES,
} from '@relais/domain';
import { ConnectionType, em, identityOf, tenantIdOf, toConnection, type RequestContext } from '@relais/subgraph-kit';

export enum WebhookDeliveryStatusEnum {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING (an attempt is due at `nextAttemptAt`), DELIVERED (answered 2xx), FAILED (six attempts failed).',
});

export enum WebhookDisabledReasonEnum {
  MANUAL = 'MANUAL',
  FAILING = 'FAILING',
}
registerEnumType(WebhookDisabledReasonEnum, {
  name: 'WebhookDisabledReason',
  description: 'MANUAL (an update disabled it), FAILING (its attempts failed for 24 hours, 5 times at least).',
});

@ObjectType('WebhookEndpoint', { description: 'Where a partner is told of events: POSTs signed per the Standard Webhooks specification.' })
export class WebhookEndpointType {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => String) description!: string;
  @Field(() => [String], { description: 'Subscribed event types (see `webhookEventTypes`).' }) eventTypes!: string[];
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => WebhookDisabledReasonEnum, { nullable: true, description: 'Null while enabled.' })
  disabledReason!: WebhookDisabledReasonEnum | null;
  @Field(() => DateTimeResolver, { nullable: true }) disabledAt!: Date | null;
  @Field(() => Int, { description: 'Failed attempts in a row (0 after a success).' }) consecutiveFailures!: number;
  @Field(() => DateTimeResolver, { nullable: true, description: 'First failure of the current streak.' }) failingSince!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) secretRotatedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Until when the secret replaced by the last rotation still signs.' })
  previousSecretExpiresAt!: Date | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver) updatedAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('WebhookEndpointWithSecret')
export class WebhookEndpointWithSecretType {
  @Field(() => WebhookEndpointType) endpoint!: WebhookEndpointType;
  @Field(() => String, { description: '`whsec_…`, the signing secret: shown once, not retrievable later.' }) secret!: string;
}

@ObjectType('WebhookAttempt', { description: 'One POST of a delivery.' })
export class WebhookAttemptType {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeResolver) attemptedAt!: Date;
  @Field(() => Boolean, { description: 'Asked for with `redeliverWebhook`.' }) manual!: boolean;
  @Field(() => Boolean, { description: 'Answered 2xx.' }) succeeded!: boolean;
  @Field(() => Int, { nullable: true, description: 'Null when no answer came (network error, timeout).' }) httpStatus!: number | null;
  @Field(() => Int) durationMs!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true, description: 'The first 1,024 characters of the answer.' }) responseBody!: string | null;
}

@ObjectType('WebhookDelivery', { description: 'One event for one endpoint, with its attempts.' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'Also the `webhook-id` header and the body’s `id`: the same on every retry.' }) id!: string;
  @Field(() => ID) endpointId!: string;
  @Field(() => String) eventType!: string;
  @Field(() => String, { description: 'The JSON body sent, byte for byte.' }) body!: string;
  @Field(() => WebhookDeliveryStatusEnum) status!: WebhookDeliveryStatusEnum;
  @Field(() => Int) attemptCount!: number;
  @Field(() => DateTimeResolver, { nullable: true, description: 'The next attempt while PENDING.' }) nextAttemptAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => [WebhookAttemptType], { description: 'Oldest first.' }) attempts!: WebhookAttemptType[];
}

const WebhookDeliveryConnection = ConnectionType(WebhookDeliveryType, 'WebhookDelivery');

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'https:// (http:// for localhost only).' }) url!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String]) eventTypes!: string[];
  @Field(() => Boolean, { nullable: true, description: 'Default true.' }) enabled?: boolean | null;
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) eventTypes?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'true re-enables (and forgets past failures), false disables.' })
  enabled?: boolean | null;
}

@Resolver(() => WebhookEndpointType)
export class WebhookResolver {
  @Authorized('webhooks:write')
  @Query(() => [String], { description: 'The event types an endpoint may subscribe to.' })
  webhookEventTypes() {
    return [...WEBHOOK_EVENT_TYPES];
  }

  @Authorized('webhooks:write')
  @Query(() => [WebhookEndpointType])
  webhookEndpoints(@Ctx() ctx: RequestContext) {
    return listWebhookEndpoints(em(ctx), tenantIdOf(ctx));
  }

  @Authorized('webhooks:write')
  @Query(() => WebhookDeliveryConnection, { description: 'The endpoint’s deliveries, latest first.' })
  async webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return toConnection(await listWebhookDeliveries(em(ctx), tenantIdOf(ctx), endpointId, { first, after }), (d) => d);
  }

  @Authorized('webhooks:write')
  @Mutation(() => WebhookEndpointWithSecretType)
  createWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput) {
    return createWebhookEndpoint(em(ctx), identityOf(ctx), input);
  }

  @Authorized('webhooks:write')
  @Mutation(() => WebhookEndpointType)
  updateWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return updateWebhookEndpoint(em(ctx), tenantIdOf(ctx), id, expectedVersion, input);
  }

  @Authorized('webhooks:write')
  @Mutation(() => WebhookEndpointWithSecretType, { description: 'A new secret (shown once); the previous one still signs for 24 h.' })
  rotateWebhookSecret(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return rotateWebhookSecret(em(ctx), tenantIdOf(ctx), id);
  }

  @Authorized('webhooks:write')
  @Mutation(() => ID, { description: 'Deletes the endpoint, its secrets and its delivery log; returns its id.' })
  deleteWebhookEndpoint(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return deleteWebhookEndpoint(em(ctx), tenantIdOf(ctx), id);
  }

  @Authorized('webhooks:write')
  @Mutation(() => WebhookDeliveryType, { description: 'Sends the delivery again now, same id and body; its retries start over.' })
  redeliverWebhook(@Ctx() ctx: RequestContext, @Arg('deliveryId', () => ID) deliveryId: string) {
    return redeliverWebhook(em(ctx), tenantIdOf(ctx), deliveryId);
  }
}
