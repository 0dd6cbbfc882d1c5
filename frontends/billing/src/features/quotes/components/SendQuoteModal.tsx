import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { ErrorNotice, LoadingState, useFormatters } from '@relais/ui';
import { FormActionError, fieldErrorOf, useFormAction } from '@relais/session';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { UpdateQuoteInput } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { MailComposeFields } from '../../../shared/mail/MailComposeFields';
import { sendFieldOf, sendInputOf, sendValuesOf, type SendValues } from '../../../shared/mail/mail-form';
import { useQuoteActions, useQuoteSendPreview, type QuoteDetail } from '../hooks/use-quote';

type QuoteSendValues = SendValues & { validUntil: string };

/**
 * « Envoyer » a quote, as invoices are sent: the customer's signatory by default (editable), copies,
 * the text from the template with the link of the customer's page, and the PDF attached. A quote
 * whose validity has passed is announced, with a new validity (today + 30 days, editable) it is sent
 * with: the server refuses to send it expired. Pending edits are saved first.
 */
export function SendQuoteModal({
  quote,
  pendingInput,
  onSent,
  onClose,
}: {
  quote: QuoteDetail;
  /** The edits not saved yet, saved before sending. */
  pendingInput: UpdateQuoteInput | null;
  onSent: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { preview, error, retry } = useQuoteSendPreview(quote.id);
  const actions = useQuoteActions(quote);
  const values = useMemo<QuoteSendValues | undefined>(
    () => (preview ? { ...sendValuesOf(preview), validUntil: preview.proposedValidUntil } : undefined),
    [preview],
  );
  const form = useForm<QuoteSendValues>({ values });
  const action = useFormAction(form, (path) => (path === 'validUntil' ? 'validUntil' : sendFieldOf(path)));

  const submit = form.handleSubmit(async (typed) => {
    const mail = { ...sendInputOf(typed), validUntil: preview?.expired ? typed.validUntil || null : null };
    if (await action.run(() => actions.saveAndSend(pendingInput, mail))) onSent();
  });

  const title = quote.number ? t('quotes.sendDialog.title', { number: quote.number }) : t('quotes.sendDialog.titleFirst');
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('quotes.sendDialog.close') }}>
      {error && <ErrorNotice onRetry={retry} />}
      {!preview && !error && <LoadingState />}
      {preview && (
        <Stack component="form" onSubmit={(event) => void submit(event)} data-testid="send-quote-form">
          {preview.expired && (
            <Alert color="orange" title={t('quotes.sendDialog.expiredTitle')} data-testid="quote-expired-warning">
              <Stack gap="xs">
                {t('quotes.sendDialog.expiredText', { date: format.date(preview.validUntil) })}
                <TextInput
                  type="date"
                  label={t('quotes.sendDialog.newValidUntil')}
                  description={t('quotes.sendDialog.newValidUntilHint')}
                  error={fieldErrorOf(form.formState.errors, 'validUntil')}
                  w={260}
                  {...form.register('validUntil')}
                />
              </Stack>
            </Alert>
          )}
          <MailComposeFields
            form={form}
            recipientHint={t(`quotes.sendDialog.source.${preview.recipientSource}`, { customer: preview.customerName })}
            replyTo={preview.replyTo ?? null}
            bodyHint={quote.number ? undefined : t('quotes.sendDialog.numberOnSend')}
            attachments={preview.attachments}
          />
          {pendingInput && (
            <Alert color="blue" variant="light">
              {t('quotes.sendDialog.savesFirst')}
            </Alert>
          )}
          <FormActionError error={action.error} unplaced={action.unplaced} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={actions.busy}>
              {preview.expired ? t('quotes.sendDialog.confirmExtended') : t('quotes.sendDialog.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
