import { AppShell } from '@mantine/core';
import type { SessionUser } from '@relais/session';
import type { ReactNode } from 'react';
import { SectionNavigation } from './SectionNavigation';
import { ShellHeader } from './ShellHeader';

export function ShellLayout({ user, children }: { user: SessionUser; children: ReactNode }) {
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: true } }} padding="lg">
      <AppShell.Header>
        <ShellHeader user={user} />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <SectionNavigation />
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
