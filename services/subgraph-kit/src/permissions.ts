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
 * `portal`: the customer portal's own fields, held by a customer's contact and nobody else; a
 * contact holds no other permission (docs/portal.md).
 */
export type Permission = ApiScope | 'platform:admin' | 'maintenance:office' | 'portal';

const PERMISSIONS: readonly Permission[] = [...API_SCOPES, 'maintenance:office', 'platform:admin', 'portal'];

export function hasPermission(identity: Identity, permission: Permission): boolean {
  if (identity.kind === 'customer' || permission === 'portal') return identity.kind === 'customer' && permission === 'portal';
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
