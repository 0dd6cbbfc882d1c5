import { Alert, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useInvoiceMailPreview } from '../hooks/use-invoicing-settings';

/** The mail as a customer would read it, rendered by the server with the same function as real mails. */
export function MailPreview({ subject, body }: { subject: string; body: string }) {
  const { t } = useTranslation(billingNamespace);
  const { preview } = useInvoiceMailPreview(subject, body);
  return (
    <Stack gap="xs" data-testid="invoice-mail-preview">
      <Text size="sm" fw={600}>
        {t('invoicingSettings.preview.title')}
      </Text>
      {preview && (
        <>
          <Text size="xs" c="dimmed">
            {t('invoicingSettings.preview.hint', { client: preview.customerName })}
          </Text>
          {preview.unknownPlaceholders.length > 0 && (
            <Alert color="orange" p="xs">
              {t('invoicingSettings.preview.unknown', { names: preview.unknownPlaceholders.join(', ') })}
            </Alert>
          )}
          <Card withBorder padding="sm" radius="sm" bg="gray.0">
            <Text size="sm">
              <Text span fw={600}>
                {t('invoicingSettings.preview.subject')}
              </Text>{' '}
              <span data-testid="invoice-mail-preview-subject">{preview.subject}</span>
            </Text>
            <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="invoice-mail-preview-body">
              {preview.body}
            </Text>
          </Card>
        </>
      )}
    </Stack>
  );
}
