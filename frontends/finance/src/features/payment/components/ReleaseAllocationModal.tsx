import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { FormActionError, useFormAction } from '@relais/session';
import { useFormatters } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { PaymentAllocation } from '../hooks/use-payment';
import { useReleaseAllocation } from '../hooks/use-payment-actions';

/** "Défaire": one allocation made by mistake goes back to the customer's credit, with the reason. */
export function ReleaseAllocationModal({ allocation, onClose }: { allocation: PaymentAllocation; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { release, busy } = useReleaseAllocation();
  const form = useForm({ defaultValues: { reason: '' } });
  const action = useFormAction(form, (path) => (path === 'reason' ? path : null));
  const submit = form.handleSubmit(async ({ reason }) => {
    if (await action.run(() => release(allocation.id, reason.trim()))) onClose();
  });
  const number = allocation.invoice.number ?? allocation.invoice.id;
  return (
    <Modal opened onClose={onClose} title={t('payment.release.title', { number })}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Text size="sm">{t('payment.release.explanation', { amount: format.money(allocation.amount) })}</Text>
        <Textarea
          label={t('payment.release.reason')}
          placeholder={t('payment.release.reasonPlaceholder')}
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          error={form.formState.errors.reason?.message}
          {...form.register('reason', { validate: (value) => value.trim().length > 0 || t('common.required') })}
        />
        <FormActionError error={action.error} unplaced={action.unplaced} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" color="red" loading={busy}>
            {t('payment.release.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
