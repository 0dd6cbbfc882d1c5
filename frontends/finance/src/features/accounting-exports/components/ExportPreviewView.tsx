import { Alert, Code, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { ExportPreview } from '../hooks/use-accounting-exports';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

/** What the file will hold: its name, counts and totals, what is provisional, and its first lines as they read. */
export function ExportPreviewView({ preview }: { preview: ExportPreview }) {
  const { t } = useTranslation(financeNamespace);
  const f = useFormatters();
  const isLedger = preview.entryCount > 0 || preview.totalDebit !== '0.00';
  return (
    <Stack gap="sm" data-testid="export-preview">
      <Group gap="xl" wrap="wrap">
        <Figure label={t('exports.summary.file')} value={preview.fileName} />
        <Figure label={t('exports.summary.lines')} value={f.count(preview.lineCount)} />
        {isLedger && <Figure label={t('exports.summary.entries')} value={f.count(preview.entryCount)} />}
        {isLedger && <Figure label={t('exports.summary.debit')} value={f.money(preview.totalDebit)} />}
        {isLedger && <Figure label={t('exports.summary.credit')} value={f.money(preview.totalCredit)} />}
        <Figure label={t('exports.summary.encoding')} value={preview.encoding.toUpperCase()} />
      </Group>
      {preview.provisionalEntries > 0 && (
        <Alert color="yellow" variant="light">
          {t('exports.provisional', { count: preview.provisionalEntries, formattedCount: f.count(preview.provisionalEntries) })}
        </Alert>
      )}
      {preview.unpostedFacts > 0 && (
        <Alert color="orange" variant="light">
          {t('exports.unposted', { count: preview.unpostedFacts, formattedCount: f.count(preview.unpostedFacts) })}
        </Alert>
      )}
      <Text size="sm" fw={500}>
        {t('exports.firstLines')}
      </Text>
      <ScrollArea.Autosize mah={260} type="auto">
        <Code block data-testid="export-lines" style={{ whiteSpace: 'pre', fontSize: 12 }}>
          {preview.lines.join('\n')}
        </Code>
      </ScrollArea.Autosize>
    </Stack>
  );
}
