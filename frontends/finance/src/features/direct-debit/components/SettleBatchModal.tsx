import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { FormActionError, useFormAction } from '@relais/session';
import { todayInParis } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useSettleBatch, type DirectDebitBatchSummary } from '../hooks/use-batches';

/** "Marquer crédité": the day the bank statement shows the batch credited; its invoices become paid. */
export function SettleBatchModal({
  batch,
  onClose,
  onReload,
}: {
  batch: DirectDebitBatchSummary;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const { settle, busy } = useSettleBatch(batch);
  const form = useForm<{ settledOn: string }>({ defaultValues: { settledOn: todayInParis() } });
  const action = useFormAction(form, (path) => (path === 'settledOn' ? path : null));
  const submit = form.handleSubmit(async ({ settledOn }) => {
    if (await action.run(() => settle(settledOn))) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('directDebit.settle.title', { messageId: batch.messageId })}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Text size="sm">{t('directDebit.settle.explanation')}</Text>
        <TextInput
          type="date"
          label={t('directDebit.settle.settledOn')}
          description={t('directDebit.settle.settledOnHint')}
          withAsterisk
          min={batch.submittedOn}
          max={todayInParis()}
          data-autofocus
          error={form.formState.errors.settledOn?.message}
          {...form.register('settledOn', { required: t('common.required') })}
        />
        <FormActionError
          error={action.error}
          unplaced={action.unplaced}
          onReload={() => {
            action.clear();
            onReload();
            onClose();
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('directDebit.settle.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
