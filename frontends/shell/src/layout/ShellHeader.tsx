import { Divider, Group, Text } from '@mantine/core';
import type { SessionUser } from '@relais/session';
import { LanguageSwitch } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { shellNamespace } from '../i18n/register';
import { SessionMenu } from './SessionMenu';

export function ShellHeader({ user }: { user: SessionUser }) {
  const { t } = useTranslation(shellNamespace);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Text fw={700} size="lg" c="indigo">
          {t('brand')}
        </Text>
        <Divider orientation="vertical" visibleFrom="sm" />
        <Text fw={500} data-testid="tenant-name" visibleFrom="sm">
          {user.tenant.name}
        </Text>
      </Group>
      <Group gap="lg" wrap="nowrap">
        <Group visibleFrom="sm">
          <LanguageSwitch />
        </Group>
        <SessionMenu user={user} />
      </Group>
    </Group>
  );
}
