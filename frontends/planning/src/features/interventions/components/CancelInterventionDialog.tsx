import { Button, Group, Modal, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';

export function CancelInterventionDialog({
  number,
  opened,
  busy,
  onClose,
  onConfirm,
}: {
  number: string;
  opened: boolean;
  busy: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation(planningNamespace);
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('intervention.cancelDialog.title', { number })}>
      <Textarea
        label={t('intervention.cancelDialog.reason')}
        placeholder={t('intervention.cancelDialog.reasonPlaceholder')}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        data-autofocus
      />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('intervention.cancelDialog.keep')}
        </Button>
        <Button color="red" loading={busy} disabled={!reason.trim()} onClick={() => onConfirm(reason.trim())}>
          {t('intervention.cancelDialog.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
