import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Errors, checkCredentials, type UserAuthRow, inTenantScope, recordLogin, signSessionToken, Tenant, User } from '@relais/domain';
import { em, identityOf, loaderFor, permissionsOf, type RequestContext } from '@relais/subgraph-kit';
import { LoginPayload, TenantType, UserType, toTenantType, toUserType } from './user.type';
import { sessionSecret } from '../config';

/** Federation: a user named by another subgraph, read in the caller's tenant (null when not one of its users). */
export async function resolveUserReference(reference: { id: string }, ctx: RequestContext): Promise<UserType | null> {
  const user = await loaderFor(
    ctx,
    'userById',
    (scope, ids) => scope.find(User, { id: { $in: [...ids] } }),
    (u: User) => u.id,
  ).load(reference.id);
  return user ? toUserType(user) : null;
}

@Resolver(() => UserType)
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Signs in with e-mail and password; wrong either way gives INVALID_CREDENTIALS.' })
  async login(@Ctx() ctx: RequestContext, @Arg('email', () => String) email: string, @Arg('password', () => String) password: string) {
    const findUser = async (candidate: string) =>
      (await ctx.orm.em.getConnection().execute<UserAuthRow[]>('select * from auth_user_by_email(?)', [candidate]))[0];
    const checked = await checkCredentials(findUser, email, password);
    const identity = { kind: 'user' as const, tenantId: checked.tenantId, userId: checked.id, role: checked.role, email: checked.email };
    const user = await inTenantScope(ctx.orm, identity, { requestId: ctx.requestId, operation: 'login' }, async (scope) => ({
      ...toUserType(await recordLogin(scope, checked.id)),
      // The caller has no session yet, so the tenant is read now, inside the login's own scope.
      tenant: toTenantType(await scope.findOneOrFail(Tenant, { id: checked.tenantId })),
    }));
    const { token, expiresAt } = await signSessionToken(checked, sessionSecret());
    return { token, expiresAt, user };
  }

  @Authorized()
  @Query(() => UserType, { description: 'The signed-in user (API keys have no user: FORBIDDEN).' })
  async me(@Ctx() ctx: RequestContext) {
    const identity = identityOf(ctx);
    if (identity.kind !== 'user') throw Errors.forbidden('Une clé d’API n’est pas un utilisateur');
    return toUserType(await em(ctx).findOneOrFail(User, { id: identity.userId }));
  }

  @Authorized()
  @Query(() => TenantType)
  async tenant(@Ctx() ctx: RequestContext) {
    return toTenantType(await em(ctx).findOneOrFail(Tenant, { id: identityOf(ctx).tenantId }));
  }

  @FieldResolver(() => [String], {
    description:
      'What the user may do (`billing:write`, `maintenance:office`...): the back-office shows only the sections and actions allowed.',
  })
  permissions(@Root() user: UserType) {
    return permissionsOf({ kind: 'user', tenantId: user.tenantId, userId: user.id, role: user.role, email: user.email });
  }

  @FieldResolver(() => TenantType, { name: 'tenant' })
  async tenantOfUser(@Root() user: UserType, @Ctx() ctx: RequestContext) {
    if (user.tenant) return user.tenant;
    const tenant = await loaderFor(
      ctx,
      'tenantById',
      (scope, ids) => scope.find(Tenant, { id: { $in: [...ids] } }),
      (t: Tenant) => t.id,
    ).load(user.tenantId);
    return toTenantType(tenant!);
  }
}
