import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { ActionError, useAction } from '@relais/session';
import { useMarkNotBillable, type BillableIntervention } from '../hooks/use-billable';

/** "Non facturable": the clerk gives the reason (warranty, goodwill…), kept on the intervention. */
export function NotBillableModal({ intervention, onClose }: { intervention: BillableIntervention['intervention']; onClose: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const [reason, setReason] = useState('');
  const { markNotBillable, busy } = useMarkNotBillable();
  const action = useAction();

  const confirm = async () => {
    const done = await action.run(() => markNotBillable(intervention.id, reason.trim()));
    if (done) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('billable.notBillable.title', { number: intervention.number })}>
      <Stack>
        <Text size="sm">{intervention.title}</Text>
        <Textarea
          label={t('billable.notBillable.reason')}
          placeholder={t('billable.notBillable.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" disabled={!reason.trim()} loading={busy} onClick={() => void confirm()}>
            {t('billable.notBillable.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
