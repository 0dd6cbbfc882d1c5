import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionNamespace } from '../i18n/register';
import { ActionError } from './ActionError';

/** Asks before an action that cannot be undone, and shows why it was refused, if it was. */
export function ConfirmModal({
  title,
  children,
  confirmLabel,
  color,
  busy,
  error,
  onConfirm,
  onClose,
  onReload,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation(sessionNamespace);
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{children}</Text>
        <ActionError error={error} onReload={onReload} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button color={color} loading={busy} onClick={onConfirm} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
