import { Button } from '@mantine/core';
import { downloadCsv } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';

/** Saves a table as a CSV file; the content is built on click. */
export function CsvButton({ fileName, content, disabled }: { fileName: string; content: () => string; disabled?: boolean }) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Button variant="default" size="xs" disabled={disabled} onClick={() => downloadCsv(fileName, content())}>
      {t('dashboard.exportCsv')}
    </Button>
  );
}
