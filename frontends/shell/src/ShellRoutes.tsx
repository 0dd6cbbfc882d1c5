import type { SessionUser } from '@relais/session';
import { Navigate, Route, Routes } from 'react-router';
import { ShellLayout } from './layout/ShellLayout';
import { RemoteSection } from './remotes/RemoteSection';
import { sections } from './remotes/sections';

/** Where a user lands: technicians on their day's jobs, the office on billing. */
const homePath = (user: SessionUser) => (user.role === 'TECHNICIAN' ? '/planning/ma-journee' : '/facturation');

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
