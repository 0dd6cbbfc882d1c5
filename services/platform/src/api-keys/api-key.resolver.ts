import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { ApiKey, createApiKey, revokeApiKey } from '@relais/domain';
import { em, identityOf, type RequestContext } from '@relais/subgraph-kit';

@ObjectType('ApiKey', { description: 'A partner key. Its secret is shown once, at creation.' })
export class ApiKeyType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) prefix!: string;
  @Field(() => [String]) scopes!: string[];
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) revokedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Last request made with the key (to the minute).' })
  lastUsedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKeyType) apiKey!: ApiKeyType;
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`; not retrievable later.' }) token!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String) name!: string;
  @Field(() => [String], { description: 'e.g. maintenance:read, maintenance:write, billing:read' }) scopes!: string[];
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt?: Date | null;
}

function toApiKeyType(key: ApiKey): ApiKeyType {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes as string[],
    createdAt: key.createdAt,
    expiresAt: key.expiresAt ?? null,
    revokedAt: key.revokedAt ?? null,
    lastUsedAt: key.lastUsedAt ?? null,
  };
}

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Authorized('platform:admin')
  @Query(() => [ApiKeyType])
  async apiKeys(@Ctx() ctx: RequestContext) {
    const keys = await em(ctx).find(ApiKey, {}, { orderBy: { createdAt: 'desc' } });
    return keys.map(toApiKeyType);
  }

  @Authorized('platform:admin')
  @Mutation(() => CreatedApiKey)
  async createApiKey(@Ctx() ctx: RequestContext, @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput) {
    const created = await createApiKey(em(ctx), identityOf(ctx), input);
    return { apiKey: toApiKeyType(created.apiKey), token: created.token };
  }

  @Authorized('platform:admin')
  @Mutation(() => ApiKeyType)
  async revokeApiKey(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return toApiKeyType(await revokeApiKey(em(ctx), id));
  }
}
