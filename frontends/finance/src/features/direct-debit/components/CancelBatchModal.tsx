import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { FormActionError, useFormAction } from '@relais/session';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useCancelBatch, type DirectDebitBatchSummary } from '../hooks/use-batches';

/** "Annuler le lot": the file never reached the bank; asks why before freeing its invoices for another batch. */
export function CancelBatchModal({
  batch,
  onClose,
  onReload,
}: {
  batch: DirectDebitBatchSummary;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const { cancel, busy } = useCancelBatch(batch);
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const action = useFormAction(form, (path) => (path === 'reason' ? path : null));
  const submit = form.handleSubmit(async ({ reason }) => {
    if (await action.run(() => cancel(reason.trim()))) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('directDebit.cancelBatch.title', { messageId: batch.messageId })}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Text size="sm">{t('directDebit.cancelBatch.explanation')}</Text>
        <Textarea
          label={t('directDebit.cancelBatch.reason')}
          placeholder={t('directDebit.cancelBatch.reasonPlaceholder')}
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          error={form.formState.errors.reason?.message}
          {...form.register('reason', { validate: (value) => value.trim().length > 0 || t('common.required') })}
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
          <Button type="submit" color="red" loading={busy}>
            {t('directDebit.cancelBatch.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
