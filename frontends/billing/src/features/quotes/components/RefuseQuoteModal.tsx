import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { ActionError } from '@relais/session';
import type { QuoteDetail } from '../hooks/use-quote';

/** The office records the customer's refusal, with the reason given if any. */
export function RefuseQuoteModal({
  quote,
  busy,
  error,
  onRefuse,
  onClose,
  onReload,
}: {
  quote: QuoteDetail;
  busy: boolean;
  error: unknown;
  onRefuse: (reason: string) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('quotes.refuse.title', { number: quote.number ?? '' })}>
      <Stack>
        <Textarea
          label={t('quotes.refuse.reason')}
          autosize
          minRows={3}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        <ActionError error={error} onReload={onReload} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => onRefuse(reason)}>
            {t('quotes.refuse.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
