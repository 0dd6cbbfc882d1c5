import { Button, Group, Stack, Text } from '@mantine/core';
import { sessionNamespace, useSignOut, type SessionUser } from '@relais/session';
import { useTranslation } from 'react-i18next';

/** Who is signed in, for which company, and the way out. */
export function SessionMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation(sessionNamespace);
  const signOut = useSignOut();
  return (
    <Group gap="md">
      <Stack gap={0} align="flex-end">
        <Text size="sm" fw={600}>
          {user.fullName}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`role.${user.role}`)}
        </Text>
      </Stack>
      <Button variant="default" size="xs" onClick={signOut}>
        {t('signOut')}
      </Button>
    </Group>
  );
}
