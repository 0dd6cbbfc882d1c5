import type { SessionUser } from '@relais/session';
import { Navigate, Route, Routes } from 'react-router';
import { ShellLayout } from './layout/ShellLayout';
import { RemoteSection } from './remotes/RemoteSection';
import { sections } from './remotes/sections';

/**
 * Where a user lands: technicians on their day's jobs, the planner on the dispatch board, the
 * billing clerk on what is waiting to be billed, the accountant on the finance dashboard; the admin
 * on billing.
 */
const homePaths: Partial<Record<SessionUser['role'], string>> = {
  TECHNICIAN: '/planning/ma-journee',
  PLANNER: '/planning',
  BILLING: '/facturation/a-facturer',
  ACCOUNTANT: '/finance/dashboard',
};
const homePath = (user: SessionUser) => homePaths[user.role] ?? '/facturation';

export function ShellRoutes({ user }: { user: SessionUser }) {
  return (
    <ShellLayout user={user}>
      <Routes>
        {sections.map((section) => (
          <Route key={section.key} path={`${section.path}/*`} element={<RemoteSection section={section} />} />
        ))}
        <Route path="*" element={<Navigate to={homePath(user)} replace />} />
      </Routes>
    </ShellLayout>
  );
}
