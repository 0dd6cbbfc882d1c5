import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useFormatters } from '@relais/ui';
import type { IndexSeries } from '../hooks/use-indices';

/** A series' values, newest month first: month, value, publication date, how it was recorded. */
export function ValuesTable({ series }: { series: IndexSeries }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  if (series.values.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('indices.values.empty')}
      </Text>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={480} mah={360} type="native">
        <Table verticalSpacing={4} striped stickyHeader data-testid="index-values">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('indices.column.month')}</Table.Th>
              <Table.Th ta="right">{t('indices.column.value')}</Table.Th>
              <Table.Th>{t('indices.column.publishedOn')}</Table.Th>
              <Table.Th>{t('indices.column.source')}</Table.Th>
              <Table.Th>{t('indices.column.recordedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {series.values.map((value) => (
              <Table.Tr key={value.period} data-testid="index-value">
                <Table.Td>{format.month(value.period)}</Table.Td>
                <Table.Td ta="right" fw={500}>
                  {format.decimal(value.value)}
                </Table.Td>
                <Table.Td>{value.publishedOn ? format.date(value.publishedOn) : '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={value.source === 'CSV' ? 'teal' : 'gray'} size="sm">
                    {t(`indices.source.${value.source === 'CSV' ? 'CSV' : 'MANUAL'}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(value.recordedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt="xs">
        {t('indices.values.shown')}
      </Text>
    </>
  );
}
