import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useIssueAndSendInvoices } from '../hooks/use-bulk-invoicing';

/** "Émettre et envoyer la sélection" on the invoice list: the drafts issued, then every one mailed, as one batch. */
export function IssueAndSendModal({
  invoiceIds,
  onClose,
  onStarted,
}: {
  invoiceIds: readonly string[];
  onClose: () => void;
  onStarted: (batchId: string) => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const { start, busy } = useIssueAndSendInvoices();
  const action = useAction();
  const [send, setSend] = useState(true);
  const confirm = async () => {
    const id = await action.run(() => start(invoiceIds, send));
    if (id) onStarted(id);
  };
  return (
    <Modal opened onClose={onClose} title={t('bulkInvoicing.drafts.title')}>
      <Stack>
        <Text size="sm">{t('bulkInvoicing.drafts.text', { count: invoiceIds.length })}</Text>
        <Checkbox label={t('bulkInvoicing.drafts.send')} checked={send} onChange={(event) => setSend(event.currentTarget.checked)} />
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void confirm()} data-autofocus>
            {send ? t('bulkInvoicing.drafts.confirmSend') : t('bulkInvoicing.drafts.confirmIssue')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
