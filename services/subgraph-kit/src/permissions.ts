import { API_SCOPES, type ApiScope, type Identity, type Role } from '@relais/domain';

/** What each role may do, in the same vocabulary as partner API key scopes. */
export const ROLE_PERMISSIONS: Record<Role, readonly ApiScope[]> = {
  admin: API_SCOPES,
  planner: ['maintenance:read', 'maintenance:write', 'billing:read'],
  technician: ['maintenance:read', 'maintenance:write'],
  billing: ['maintenance:read', 'billing:read', 'billing:write', 'finance:read'],
  accountant: ['maintenance:read', 'billing:read', 'finance:read', 'finance:write'],
};

/**
 * `maintenance:office`: the office's decisions on interventions (dispatching, closing, cancelling),
 * which a technician never takes even with `maintenance:write`; a partner key has it with
 * `maintenance:write` or `billing:write`.
 */
export type Permission = ApiScope | 'platform:admin' | 'maintenance:office';

const PERMISSIONS: readonly Permission[] = [...API_SCOPES, 'maintenance:office', 'platform:admin'];

export function hasPermission(identity: Identity, permission: Permission): boolean {
  if (permission === 'platform:admin') return identity.kind === 'user' && identity.role === 'admin';
  if (permission === 'maintenance:office')
    return (
      (hasPermission(identity, 'maintenance:write') || hasPermission(identity, 'billing:write')) &&
      !(identity.kind === 'user' && identity.role === 'technician')
    );
  if (identity.kind === 'api_key') return identity.scopes.includes(permission);
  if (identity.kind === 'system') return false;
  return ROLE_PERMISSIONS[identity.role].includes(permission);
}

/** Every permission the caller holds: what the back-office shows or hides (`useCan` in @relais/session). */
export const permissionsOf = (identity: Identity): Permission[] => PERMISSIONS.filter((p) => hasPermission(identity, p));
