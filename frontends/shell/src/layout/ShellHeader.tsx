import { Divider, Group, Text } from '@mantine/core';
import type { SessionUser } from '@relais/session';
import { LanguageSwitch } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { shellNamespace } from '../i18n/register';
import { SessionMenu } from './SessionMenu';

export function ShellHeader({ user }: { user: SessionUser }) {
  const { t } = useTranslation(shellNamespace);
  return (
    <Group h="100%" px="md" justify="space-between">
      <Group gap="sm">
        <Text fw={700} size="lg" c="indigo">
          {t('brand')}
        </Text>
        <Divider orientation="vertical" />
        <Text fw={500} data-testid="tenant-name">
          {user.tenant.name}
        </Text>
      </Group>
      <Group gap="lg">
        <LanguageSwitch />
        <SessionMenu user={user} />
      </Group>
    </Group>
  );
}
