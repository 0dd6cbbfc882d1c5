import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { searchAuditLog } from '@relais/domain';
import { em, type RequestContext } from '@relais/subgraph-kit';

@ObjectType('AuditEntry', { description: 'One change to business data: who, when, what (append-only).' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeResolver) at!: Date;
  @Field(() => String, { description: 'user, api_key or system' }) actorKind!: string;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => String, { nullable: true }) operation!: string | null;
  @Field(() => String) tableName!: string;
  @Field(() => ID) rowId!: string;
  @Field(() => String) action!: string;
  @Field(() => JSONObjectResolver) changes!: Record<string, unknown>;
}

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Authorized('platform:admin')
  @Query(() => [AuditEntryType], {
    description: 'Latest changes first, filtered by actor, record (table, id) and period [from, to); next page: `before` the last id.',
  })
  async auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('rowId', () => ID, { nullable: true }) rowId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('actorId', () => ID, { nullable: true, description: 'The user or API key that made the change.' }) actorId: string | null,
    @Arg('tableName', () => String, { nullable: true }) tableName: string | null,
    @Arg('from', () => DateTimeResolver, { nullable: true }) from: Date | null,
    @Arg('to', () => DateTimeResolver, { nullable: true, description: 'Exclusive.' }) to: Date | null,
    @Arg('before', () => ID, { nullable: true, description: 'Entries older than this id.' }) before: string | null,
  ) {
    return searchAuditLog(em(ctx), { rowId, first, actorId, tableName, from, to, before });
  }
}
