import { NavLink, Stack } from '@mantine/core';
import { useSession } from '@relais/session';
import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { shellNamespace } from '../i18n/register';
import { sections, type Section } from '../remotes/sections';

export function SectionNavigation() {
  const { t } = useTranslation(shellNamespace);
  const permissions = useSession()?.user.permissions ?? [];
  return (
    <Stack component="nav" gap={4} aria-label={t('navigation.label')}>
      {sections
        .filter((section) => permissions.includes(section.permission))
        .map((section) => (
          <SectionLink key={section.key} section={section} label={t(`navigation.${section.key}`)} />
        ))}
    </Stack>
  );
}

function SectionLink({ section, label }: { section: Section; label: string }) {
  const active = useMatch(`${section.path}/*`) !== null;
  return <NavLink component={Link} to={section.path} active={active} label={label} />;
}
