import { Badge, Group, Text } from '@mantine/core';
import { DataTable, SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { ExportRecord } from '../hooks/use-accounting-exports';

/** Who exported what: the exports downloaded in full, latest first. */
export function ExportHistory({ records }: { records: readonly ExportRecord[] }) {
  const { t } = useTranslation(financeNamespace);
  const f = useFormatters();
  return (
    <SectionCard title={t('exports.history.title')}>
      <DataTable
        rows={records}
        rowKey={(r) => r.id}
        emptyLabel={t('exports.history.empty')}
        columns={[
          { key: 'at', header: t('exports.history.at'), render: (r) => f.dateTime(r.exportedAt) },
          { key: 'by', header: t('exports.history.by'), render: (r) => r.exportedByName },
          {
            key: 'what',
            header: t('exports.history.what'),
            render: (r) => (
              <Group gap={6} wrap="nowrap">
                <Text size="sm">
                  {t(`exports.kindName.${r.kind}`)}
                  {r.kind !== 'FEC' && ` · ${t(`exports.layoutName.${r.layout}`, { defaultValue: r.layout })}`}
                </Text>
                {r.provisional && (
                  <Badge color="yellow" variant="light" size="sm">
                    {t('exports.history.provisional')}
                  </Badge>
                )}
              </Group>
            ),
          },
          {
            key: 'file',
            header: t('exports.history.file'),
            render: (r) => (
              <Text size="sm" ff="monospace">
                {r.fileName}
              </Text>
            ),
          },
          {
            key: 'range',
            header: t('exports.history.range'),
            render: (r) => (r.from && r.to ? t('exports.history.rangeValue', { from: f.date(r.from), to: f.date(r.to) }) : '—'),
          },
          { key: 'lines', header: t('exports.history.lines'), align: 'right', render: (r) => f.count(r.lineCount) },
          {
            key: 'debit',
            header: t('exports.history.debit'),
            align: 'right',
            render: (r) => (r.kind === 'CUSTOMER_ACCOUNTS' ? '—' : f.money(r.totalDebit)),
          },
        ]}
      />
    </SectionCard>
  );
}
