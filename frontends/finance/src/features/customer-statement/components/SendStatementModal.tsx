import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { FormActionError, useFormAction } from '@relais/session';
import { useFormatters } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { defaultRecipients, typedRecipients } from '../hooks/statement-period';
import { useSendStatement, type CustomerStatement, type StatementSent } from '../hooks/use-customer-statement';

interface SendValues {
  recipients: string;
  message: string;
}

/** "Envoyer par e-mail": the statement shown, as a PDF, to the customer's billing contacts unless other addresses are typed. */
export function SendStatementModal({
  statement,
  onClose,
  onSent,
}: {
  statement: CustomerStatement;
  onClose: () => void;
  onSent: (sent: StatementSent) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const { send, busy } = useSendStatement();
  const form = useForm<SendValues>({ defaultValues: { recipients: defaultRecipients(statement.customer).join(', '), message: '' } });
  const action = useFormAction(form, (path) => (path === 'recipients' || path === 'message' ? path : null));
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const recipients = typedRecipients(values.recipients);
    const sent = await action.run(() =>
      send(
        { customerId: statement.customer.id, from: statement.from, to: statement.to },
        recipients.length > 0 ? recipients : null,
        values.message.trim() || null,
      ),
    );
    if (sent) onSent(sent);
  });

  return (
    <Modal opened onClose={onClose} size="lg" title={t('statement.sendModal.title', { customer: statement.customerName })}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Text size="sm">
          {t('statement.sendModal.summary', {
            from: format.date(statement.from),
            to: format.date(statement.to),
            closing: format.money(statement.closingBalance),
          })}
        </Text>
        <TextInput
          label={t('statement.sendModal.recipients')}
          description={t('statement.sendModal.recipientsHint')}
          error={errors.recipients?.message}
          data-autofocus
          {...form.register('recipients')}
        />
        <Textarea
          label={t('statement.sendModal.message')}
          description={t('statement.sendModal.messageHint')}
          error={errors.message?.message}
          autosize
          minRows={3}
          {...form.register('message')}
        />
        <FormActionError error={action.error} unplaced={action.unplaced} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('statement.sendModal.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('statement.sendModal.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
