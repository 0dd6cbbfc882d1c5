import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useReopenPeriod, type AccountingPeriodItem } from '../hooks/use-periods';

/** "Rouvrir" (admins): the last closed month, with the reason, kept in its history and the audit log. */
export function ReopenPeriodModal({ period, onClose }: { period: AccountingPeriodItem; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { reopen, busy } = useReopenPeriod(period);
  const action = useAction();
  const [reason, setReason] = useState('');
  const confirm = async () => {
    if (await action.run(() => reopen(reason))) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('periods.reopening.title', { month: format.month(period.startsOn) })}>
      <Stack>
        <Text size="sm">{t('periods.reopening.explanation')}</Text>
        <Textarea
          label={t('periods.reopening.reason')}
          placeholder={t('periods.reopening.reasonPlaceholder')}
          withAsterisk
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('periods.cancel')}
          </Button>
          <Button color="orange" loading={busy} disabled={reason.trim() === ''} onClick={() => void confirm()}>
            {t('periods.reopening.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
