import { defineEntity, p } from '@mikro-orm/core';
import { ROLES } from '../shared/identity';

export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.uuid().primary(),
    tenantId: p.uuid(),
    email: p.string(),
    fullName: p.string(),
    role: p.enum(ROLES),
    passwordHash: p.string().hidden().lazy(),
    active: p.boolean().default(true),
    lastLoginAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type User = InstanceType<typeof User.class>;
