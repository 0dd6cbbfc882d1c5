import type { ReactNode } from 'react';
import { useSession } from '../use-session';
import type { Permission } from './permissions';
import { AccessDeniedPage } from './StatusPage';

/** Renders a page only for users who hold `permission` (or one of them); the others get "Accès refusé". */
export function RequirePermission({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const held = useSession()?.user.permissions ?? [];
  const allowed = (typeof permission === 'string' ? [permission] : permission).some((p) => held.includes(p));
  return allowed ? children : <AccessDeniedPage />;
}
