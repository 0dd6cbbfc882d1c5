import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { AuditEntry, pageSize } from '@relais/domain';
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
  @Query(() => [AuditEntryType], { description: 'Latest changes first, optionally for one record.' })
  async auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('rowId', () => ID, { nullable: true }) rowId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
  ) {
    return em(ctx).find(AuditEntry, rowId ? { rowId } : {}, { orderBy: { id: 'desc' }, limit: pageSize(first) });
  }
}
