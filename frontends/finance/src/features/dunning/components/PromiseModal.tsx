import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { FormActionError, useFormAction } from '@relais/session';
import { todayInParis } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useSetPromise } from '../hooks/use-collection-actions';
import type { CollectedInvoice } from './DisputeModal';

interface PromiseValues {
  until: string;
  note: string;
}

/** "Promesse de paiement": the customer said they would pay by a date; no reminder until the day after. */
export function PromiseModal({ invoice, onClose }: { invoice: CollectedInvoice; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const { promise, busy } = useSetPromise();
  const form = useForm<PromiseValues>({ defaultValues: { until: '', note: '' } });
  const action = useFormAction(form, (path) => (path === 'until' || path === 'note' ? path : null));
  const { errors } = form.formState;
  const submit = form.handleSubmit(async ({ until, note }) => {
    if (await action.run(() => promise(invoice.invoiceId, until, note.trim() || null))) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('dunning.promise.title', { number: invoice.number })}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Text size="sm">{t('dunning.promise.explanation', { customer: invoice.customerName })}</Text>
        <TextInput
          type="date"
          label={t('dunning.promise.until')}
          description={t('dunning.promise.untilHint')}
          withAsterisk
          data-autofocus
          min={todayInParis()}
          error={errors.until?.message}
          {...form.register('until', {
            required: t('common.required'),
            validate: (value) => value >= todayInParis() || t('dunning.promise.untilPast'),
          })}
        />
        <Textarea
          label={t('dunning.promise.note')}
          placeholder={t('dunning.promise.notePlaceholder')}
          autosize
          minRows={2}
          error={errors.note?.message}
          {...form.register('note')}
        />
        <FormActionError error={action.error} unplaced={action.unplaced} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('dunning.promise.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
