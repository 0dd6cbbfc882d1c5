import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Role, Tenant, User } from '@relais/domain';

export enum RoleEnum {
  ADMIN = 'admin',
  PLANNER = 'planner',
  TECHNICIAN = 'technician',
  BILLING = 'billing',
  ACCOUNTANT = 'accountant',
}
registerEnumType(RoleEnum, { name: 'Role' });

@ObjectType('Tenant', { description: 'The company using Relais; every business row belongs to one tenant.' })
export class TenantType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) legalName!: string;
  @Field(() => String, { nullable: true }) siren!: string | null;
  @Field(() => String, { nullable: true }) siret!: string | null;
  @Field(() => String, { nullable: true }) vatNumber!: string | null;
  @Field(() => String) timezone!: string;
  @Field(() => String) locale!: string;
}

@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserType {
  @Field(() => ID) id!: string;
  tenantId!: string;
  /** Set when already loaded (login); otherwise resolved through a loader. */
  tenant?: TenantType;
  @Field(() => String) email!: string;
  @Field(() => String) fullName!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => Boolean, { description: 'False once deactivated: the user can no longer sign in.' }) active!: boolean;
  @Field(() => DateTimeResolver, { nullable: true }) lastLoginAt!: Date | null;
}

@ObjectType()
export class LoginPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' }) token!: string;
  @Field(() => DateTimeResolver) expiresAt!: Date;
  @Field(() => UserType) user!: UserType;
}

export function toUserType(user: User): UserType {
  return {
    id: user.id,
    tenantId: user.tenantId,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    active: user.active,
    lastLoginAt: user.lastLoginAt ?? null,
  };
}

export function toTenantType(tenant: Tenant): TenantType {
  return {
    id: tenant.id,
    name: tenant.name,
    legalName: tenant.legalName,
    siren: tenant.siren ?? null,
    siret: tenant.siret ?? null,
    vatNumber: tenant.vatNumber ?? null,
    timezone: tenant.timezone,
    locale: tenant.locale,
  };
}
