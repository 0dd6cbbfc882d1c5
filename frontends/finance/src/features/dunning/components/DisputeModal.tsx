import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { FormActionError, useFormAction } from '@relais/session';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useSetDispute } from '../hooks/use-collection-actions';

/** The invoice a collection action is about. */
export interface CollectedInvoice {
  invoiceId: string;
  number: string;
  customerName: string;
}

/** "Mettre en litige": the customer contests the invoice; no reminder until the dispute is lifted. */
export function DisputeModal({ invoice, onClose }: { invoice: CollectedInvoice; onClose: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const { dispute, busy } = useSetDispute();
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const action = useFormAction(form, (path) => (path === 'reason' ? path : null));
  const submit = form.handleSubmit(async ({ reason }) => {
    if (await action.run(() => dispute(invoice.invoiceId, reason.trim()))) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('dunning.dispute.title', { number: invoice.number })}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Text size="sm">{t('dunning.dispute.explanation', { customer: invoice.customerName })}</Text>
        <Textarea
          label={t('dunning.dispute.reason')}
          placeholder={t('dunning.dispute.reasonPlaceholder')}
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
            {t('dunning.dispute.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
