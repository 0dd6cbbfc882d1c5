import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';

/**
 * "Annuler le rapprochement": asks why; a recorded payment is reversed and its invoices open again,
 * a direct-debit credit or return is only unlinked (the settlement or the return stays).
 */
export function UnmatchSection({
  directDebit,
  busy,
  onSubmit,
}: {
  directDebit: boolean;
  busy: boolean;
  onSubmit: (reason: string) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const [reason, setReason] = useState('');
  return (
    <Stack gap="sm" data-testid="bank-unmatch">
      <Text size="sm">{t(directDebit ? 'bank.unmatch.directDebitExplanation' : 'bank.unmatch.explanation')}</Text>
      <Textarea
        label={t('bank.unmatch.reason')}
        placeholder={t('bank.unmatch.reasonPlaceholder')}
        withAsterisk
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button color="red" disabled={reason.trim() === ''} loading={busy} onClick={() => onSubmit(reason.trim())}>
          {t('bank.unmatch.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
