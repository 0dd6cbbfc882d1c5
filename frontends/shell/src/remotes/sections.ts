import type { Permission } from '@relais/session';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface Section {
  /** Translation key under `navigation.` and name of the remote app (the shell's own for `admin`). */
  key: 'planning' | 'billing' | 'finance' | 'admin';
  path: string;
  /** Who sees the section (in the navigation) and may open it. */
  permission: Permission;
  App: LazyExoticComponent<ComponentType>;
}

/** The back-office sections, each one a remote app loaded at run time (Administration excepted). */
export const sections: readonly Section[] = [
  { key: 'planning', path: '/planning', permission: 'maintenance:read', App: lazy(() => import('planning/App')) },
  { key: 'billing', path: '/facturation', permission: 'billing:read', App: lazy(() => import('billing/App')) },
  { key: 'finance', path: '/finance', permission: 'finance:read', App: lazy(() => import('finance/App')) },
  // Served by the shell itself: the platform's screens belong to no business app.
  { key: 'admin', path: '/administration', permission: 'platform:admin', App: lazy(() => import('../admin/AdminApp')) },
];
