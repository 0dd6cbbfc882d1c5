import { useSession } from '../use-session';
import type { Permission } from './permissions';

/** Whether the signed-in user may do this: gates navigation items, buttons and pages. */
export function useCan(permission: Permission): boolean {
  return useSession()?.user.permissions.includes(permission) ?? false;
}
