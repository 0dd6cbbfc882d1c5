import { Alert, Button, Group, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ErrorNotice, LoadingState } from '@relais/ui';
import { FormActionError, fieldErrorOf, useFormAction } from '@relais/session';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { InvoiceDetail } from '../hooks/use-invoice';
import { addressList, useInvoiceSendPreview, useIssueAndSendInvoice, useSendInvoice, type SendValues } from '../hooks/use-invoice-sending';

const FIELDS = ['to', 'cc', 'subject', 'body'] as const;

/**
 * "Envoyer" an issued invoice, or "Émettre et envoyer" a draft: who it goes to (the customer's
 * billing contact by default, editable), copies, the subject and the text from the company's
 * template, and the attachments, as the server will send them. A draft is issued and sent at once:
 * if the mail is refused, it stays a draft. `saveFirst` saves pending edits of a draft and
 * resolves to the version to issue.
 */
export function SendInvoiceModal({
  invoice,
  onClose,
  saveFirst,
  pendingEdits = false,
}: {
  invoice: InvoiceDetail;
  onClose: () => void;
  saveFirst?: () => Promise<number>;
  pendingEdits?: boolean;
}) {
  const { t } = useTranslation(billingNamespace);
  const draft = invoice.status === 'DRAFT';
  const { preview, error, retry } = useInvoiceSendPreview(invoice.id);
  const send = useSendInvoice(invoice.id);
  const issueAndSend = useIssueAndSendInvoice(invoice.id);
  const values = useMemo<SendValues | undefined>(
    () => (preview ? { to: preview.to.join(', '), cc: preview.cc.join(', '), subject: preview.subject, body: preview.body } : undefined),
    [preview],
  );
  const form = useForm<SendValues>({ values });
  // "to.1" (the second address) is put on the "to" input.
  const action = useFormAction(form, (path) => FIELDS.find((field) => field === path.split('.')[0]) ?? null);
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (typed) => {
    const input = { to: addressList(typed.to), cc: addressList(typed.cc), subject: typed.subject, body: typed.body };
    const done = await action.run(async () => {
      if (!draft) return send.send(input);
      const version = saveFirst ? await saveFirst() : invoice.version;
      return issueAndSend.issueAndSend(version, input);
    });
    if (done) onClose();
  });

  const title = draft ? t('send.titleDraft') : t('send.title', { number: invoice.number });
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      {error && <ErrorNotice onRetry={retry} />}
      {!preview && !error && <LoadingState />}
      {preview && (
        <Stack component="form" onSubmit={(event) => void submit(event)} data-testid="send-invoice-form">
          <TextInput
            label={t('send.to')}
            description={t(`send.source.${preview.recipientSource}`, { customer: preview.customerName }) + ' ' + t('send.toHint')}
            error={fieldErrorOf(errors, 'to')}
            data-autofocus
            {...form.register('to')}
          />
          <TextInput label={t('send.cc')} description={t('send.ccHint')} error={fieldErrorOf(errors, 'cc')} {...form.register('cc')} />
          {preview.replyTo && (
            <Text size="xs" c="dimmed" mt={-8}>
              {t('send.replyTo', { address: preview.replyTo })}
            </Text>
          )}
          <TextInput label={t('send.subject')} error={fieldErrorOf(errors, 'subject')} {...form.register('subject')} />
          <Textarea
            label={t('send.message')}
            description={draft ? t('send.draftPlaceholders') : undefined}
            autosize
            minRows={8}
            maxRows={16}
            error={fieldErrorOf(errors, 'body')}
            {...form.register('body')}
          />
          <div>
            <Text size="sm" fw={500}>
              {t('send.attachments')}
            </Text>
            <List size="sm" data-testid="send-attachments">
              {preview.attachments.map((attachment) => (
                <List.Item key={attachment.filename}>
                  <Text span size="sm" fw={500}>
                    {attachment.filename}
                  </Text>{' '}
                  <Text span size="xs" c="dimmed">
                    — {attachment.description}
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
          {draft && (
            <Alert color="blue" variant="light">
              {t('send.issueWarning')} {pendingEdits && t('send.savesFirst')}
            </Alert>
          )}
          <FormActionError error={action.error} unplaced={action.unplaced} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.busy || issueAndSend.busy}>
              {draft ? t('send.confirmIssue') : t('send.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
