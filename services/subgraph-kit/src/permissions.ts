import { API_SCOPES, type ApiScope, type Identity, type Role } from '@relais/domain';

/** What each role may do, in the same vocabulary as partner API key scopes. */
export const ROLE_PERMISSIONS: Record<Role, readonly ApiScope[]> = {
  admin: API_SCOPES,
  planner: ['maintenance:read', 'maintenance:write', 'billing:read'],
  technician: ['maintenance:read', 'maintenance:write'],
  billing: ['maintenance:read', 'billing:read', 'billing:write', 'finance:read'],
  accountant: ['maintenance:read', 'billing:read', 'finance:read', 'finance:write'],
};

export type Permission = ApiScope | 'platform:admin';

export function hasPermission(identity: Identity, permission: Permission): boolean {
  if (permission === 'platform:admin') return identity.kind === 'user' && identity.role === 'admin';
  if (identity.kind === 'api_key') return identity.scopes.includes(permission);
  if (identity.kind === 'system') return false;
  return ROLE_PERMISSIONS[identity.role].includes(permission);
}
