import { List, Text, Textarea, TextInput } from '@mantine/core';
import { fieldErrorOf } from '@relais/session';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../i18n/register';
import type { SendValues } from './mail-form';

export interface MailAttachmentView {
  filename: string;
  description: string;
}

/**
 * The mail part of a send dialog (an invoice's or a quote's): recipients with where the default
 * ones come from, copies, who replies reach, subject and text from the template, and the
 * attachments, as the server will send them.
 */
export function MailComposeFields<T extends SendValues>({
  form: dialogForm,
  recipientHint,
  replyTo,
  bodyHint,
  attachments,
}: {
  /** The dialog's form: the mail fields, and maybe more of its own (a quote's new validity). */
  form: UseFormReturn<T>;
  /** Where the default recipients come from. */
  recipientHint: string;
  replyTo: string | null;
  bodyHint?: string;
  attachments: readonly MailAttachmentView[];
}) {
  const { t } = useTranslation(billingNamespace);
  // Only the mail fields are drawn here; react-hook-form cannot type paths of a generic form.
  const form = dialogForm as unknown as UseFormReturn<SendValues>;
  const errors = form.formState.errors;
  return (
    <>
      <TextInput
        label={t('send.to')}
        description={`${recipientHint} ${t('send.toHint')}`}
        error={fieldErrorOf(errors, 'to')}
        data-autofocus
        {...form.register('to')}
      />
      <TextInput label={t('send.cc')} description={t('send.ccHint')} error={fieldErrorOf(errors, 'cc')} {...form.register('cc')} />
      {replyTo && (
        <Text size="xs" c="dimmed" mt={-8}>
          {t('send.replyTo', { address: replyTo })}
        </Text>
      )}
      <TextInput label={t('send.subject')} error={fieldErrorOf(errors, 'subject')} {...form.register('subject')} />
      <Textarea
        label={t('send.message')}
        description={bodyHint}
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
          {attachments.map((attachment) => (
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
    </>
  );
}
