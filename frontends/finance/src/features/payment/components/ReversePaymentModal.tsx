import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { FormActionError, useFormAction } from '@relais/session';
import { todayInParis, useFormatters } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { PaymentDetail } from '../hooks/use-payment';
import { useReversePayment } from '../hooks/use-payment-actions';

interface ReversalValues {
  reversedOn: string;
  reason: string;
}

/** "Annuler le règlement": the money did not arrive; asks when and why before reopening the invoices. */
export function ReversePaymentModal({ payment, onClose, onReload }: { payment: PaymentDetail; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { reverse, busy } = useReversePayment(payment);
  const form = useForm<ReversalValues>({ defaultValues: { reversedOn: todayInParis(), reason: '' } });
  const action = useFormAction(form, (path) => (path === 'reversedOn' || path === 'reason' ? path : null));
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    if (await action.run(() => reverse({ reversedOn: values.reversedOn, reason: values.reason.trim() }))) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('payment.reverse.title', { amount: format.money(payment.amount) })}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Text size="sm">{t('payment.reverse.explanation')}</Text>
        <TextInput
          type="date"
          label={t('payment.reverse.reversedOn')}
          withAsterisk
          error={errors.reversedOn?.message}
          {...form.register('reversedOn', { required: t('common.required') })}
        />
        <Textarea
          label={t('payment.reverse.reason')}
          placeholder={t('payment.reverse.reasonPlaceholder')}
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          error={errors.reason?.message}
          {...form.register('reason', { validate: (value) => value.trim().length > 0 || t('common.required') })}
        />
        <FormActionError
          error={action.error}
          unplaced={action.unplaced}
          onReload={() => {
            action.clear();
            onReload();
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" color="red" loading={busy}>
            {t('payment.reverse.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
