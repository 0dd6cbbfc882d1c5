import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { ErrorNotice, LoadingState } from '@relais/ui';
import { FormActionError, useFormAction } from '@relais/session';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { MailComposeFields } from '../../../shared/mail/MailComposeFields';
import { sendFieldOf, sendInputOf, sendValuesOf, type SendValues } from '../../../shared/mail/mail-form';
import type { InvoiceDetail } from '../hooks/use-invoice';
import { useInvoiceSendPreview, useIssueAndSendInvoice, useSendInvoice } from '../hooks/use-invoice-sending';

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
  const values = useMemo<SendValues | undefined>(() => (preview ? sendValuesOf(preview) : undefined), [preview]);
  const form = useForm<SendValues>({ values });
  const action = useFormAction(form, sendFieldOf);

  const submit = form.handleSubmit(async (typed) => {
    const input = sendInputOf(typed);
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
          <MailComposeFields
            form={form}
            recipientHint={t(`send.source.${preview.recipientSource}`, { customer: preview.customerName })}
            replyTo={preview.replyTo ?? null}
            bodyHint={draft ? t('send.draftPlaceholders') : undefined}
            attachments={preview.attachments}
          />
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
