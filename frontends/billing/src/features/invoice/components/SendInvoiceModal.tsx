import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { ActionError, useAction } from '@relais/session';
import type { InvoiceDetail } from '../hooks/use-invoice';
import { useSendInvoice } from '../hooks/use-settlement-actions';

interface SendValues {
  to: string;
  message: string;
}

/** "Envoyer": mails the document with its Factur-X PDF, to the customer's address unless others are typed. */
export function SendInvoiceModal({ invoice, onClose }: { invoice: InvoiceDetail; onClose: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const { send, busy } = useSendInvoice(invoice.id);
  const action = useAction();
  const form = useForm<SendValues>({ defaultValues: { to: '', message: '' } });

  const submit = form.handleSubmit(async (values) => {
    const to = values.to
      .split(/[,;\s]+/)
      .map((address) => address.trim())
      .filter(Boolean);
    const done = await action.run(() => send({ to: to.length > 0 ? to : null, message: values.message.trim() || null }));
    if (done) onClose();
  });

  return (
    <Modal opened onClose={onClose} title={t('send.title', { number: invoice.number })}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <TextInput label={t('send.to')} description={t('send.toHint')} data-autofocus {...form.register('to')} />
        <Textarea label={t('send.message')} autosize minRows={3} {...form.register('message')} />
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('send.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
