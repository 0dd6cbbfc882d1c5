/**
 * What a signed-in user may do, as the API says it (`login { user { permissions } }`): the partner
 * API scopes, `maintenance:office` (dispatching, closing: not a technician's) and `platform:admin`.
 */
export type Permission =
  | 'maintenance:read'
  | 'maintenance:write'
  | 'maintenance:office'
  | 'billing:read'
  | 'billing:write'
  | 'finance:read'
  | 'finance:write'
  | 'webhooks:write'
  | 'platform:admin';

/**
 * Where a user lands, from what they may do: the billing clerk on what is waiting to be billed,
 * the accountant on the finance dashboard, the planner on the dispatch board, a technician on the
 * day's jobs.
 */
export function homePathOf(permissions: readonly string[]): string {
  if (permissions.includes('billing:write')) return '/facturation/a-facturer';
  if (permissions.includes('finance:write')) return '/finance/dashboard';
  if (permissions.includes('maintenance:office')) return '/planning';
  if (permissions.includes('maintenance:read')) return '/planning/ma-journee';
  return '/facturation';
}
