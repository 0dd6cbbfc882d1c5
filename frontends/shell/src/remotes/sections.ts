import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface Section {
  /** Translation key under `navigation.` and name of the remote app. */
  key: 'planning' | 'billing' | 'finance';
  path: string;
  App: LazyExoticComponent<ComponentType>;
}

/** The back-office sections, each one a remote app loaded at run time. */
export const sections: readonly Section[] = [
  { key: 'planning', path: '/planning', App: lazy(() => import('planning/App')) },
  { key: 'billing', path: '/facturation', App: lazy(() => import('billing/App')) },
  { key: 'finance', path: '/finance', App: lazy(() => import('finance/App')) },
];
