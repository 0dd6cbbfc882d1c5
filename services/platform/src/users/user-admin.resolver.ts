import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import {
  acceptInvitation,
  changeUserRole,
  inTenantScope,
  invitedUser,
  inviteUser,
  listUsers,
  readInvitationToken,
  setUserActive,
  systemIdentity,
  type Role,
  type UserAuthRow,
} from '@relais/domain';
import { em, identityOf, type RequestContext } from '@relais/subgraph-kit';
import { RoleEnum, UserType, toUserType } from '../auth/user.type';
import { sessionSecret } from '../config';

@InputType()
export class InviteUserInput {
  @Field(() => String) email!: string;
  @Field(() => String) fullName!: string;
  @Field(() => RoleEnum) role!: Role;
}

@Resolver(() => UserType)
export class UserAdminResolver {
  @Authorized('platform:admin')
  @Query(() => [UserType], { description: 'The tenant’s users, by name, deactivated ones included.' })
  async users(@Ctx() ctx: RequestContext) {
    return (await listUsers(em(ctx))).map(toUserType);
  }

  @Authorized('platform:admin')
  @Mutation(() => UserType, {
    description: 'Creates the user and mails them a one-time link to choose their password; EMAIL_TAKEN when the address has an account.',
  })
  async inviteUser(@Ctx() ctx: RequestContext, @Arg('input', () => InviteUserInput) input: InviteUserInput) {
    const emailTaken = async (email: string) =>
      (await em(ctx).getConnection().execute<UserAuthRow[]>('select * from auth_user_by_email(?)', [email])).length > 0;
    return toUserType(await inviteUser(em(ctx), identityOf(ctx), input, { secret: sessionSecret(), emailTaken }));
  }

  @Authorized('platform:admin')
  @Mutation(() => UserType, { description: 'LAST_ADMIN when it would leave no active admin.' })
  async changeUserRole(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('role', () => RoleEnum) role: Role) {
    return toUserType(await changeUserRole(em(ctx), id, role));
  }

  @Authorized('platform:admin')
  @Mutation(() => UserType, {
    description: 'Deactivates (no more sign-in) or reactivates; LAST_ADMIN when it would leave no active admin.',
  })
  async setUserActive(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('active', () => Boolean) active: boolean) {
    return toUserType(await setUserActive(em(ctx), id, active));
  }

  @Query(() => String, {
    description:
      'The e-mail address an invitation link was sent to; INVALID_INVITATION or INVITATION_EXPIRED when it can no longer be used.',
  })
  async invitationEmail(@Ctx() ctx: RequestContext, @Arg('token', () => String) token: string) {
    const { tenantId } = readInvitationToken(token);
    const user = await inTenantScope(
      ctx.orm,
      systemIdentity(tenantId, 'invitation'),
      { requestId: ctx.requestId, operation: 'invitationEmail' },
      (scope) => invitedUser(scope, token, sessionSecret()),
    );
    return user.email;
  }

  @Mutation(() => Boolean, {
    description: 'Sets the password named by an invitation link (once); INVALID_INVITATION or INVITATION_EXPIRED otherwise.',
  })
  async acceptInvitation(
    @Ctx() ctx: RequestContext,
    @Arg('token', () => String) token: string,
    @Arg('password', () => String) password: string,
  ) {
    const { tenantId } = readInvitationToken(token);
    await inTenantScope(
      ctx.orm,
      systemIdentity(tenantId, 'invitation'),
      { requestId: ctx.requestId, operation: 'acceptInvitation' },
      (scope) => acceptInvitation(scope, token, password, sessionSecret()),
    );
    return true;
  }
}
