import { Button, Group } from '@mantine/core';
import { SectionCard } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { InvoiceDetail } from '../hooks/use-invoice';

/** The legal files of an issued document (short-lived relative links, served by the back-office origin) and a PDF preview. */
export function DocumentFilesCard({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <SectionCard title={t('files.title')}>
      <Group mb="sm">
        <Button component="a" href={invoice.pdfUrl} download variant="light">
          {t('files.pdf')}
        </Button>
        {invoice.facturXUrl && (
          <Button component="a" href={invoice.facturXUrl} download variant="light">
            {t('files.facturX')}
          </Button>
        )}
      </Group>
      <iframe
        title={t('files.preview')}
        src={`${invoice.pdfUrl}&disposition=inline`}
        style={{ width: '100%', height: 720, border: '1px solid var(--mantine-color-gray-3)' }}
      />
    </SectionCard>
  );
}
