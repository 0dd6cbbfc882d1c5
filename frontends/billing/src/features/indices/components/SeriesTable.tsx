import { Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useFormatters } from '@relais/ui';
import type { IndexSeries } from '../hooks/use-indices';

/** The series by code with their latest value; choosing one shows its values beside. */
export function SeriesTable({
  series,
  selectedId,
  onSelect,
}: {
  series: readonly IndexSeries[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  return (
    <Table verticalSpacing={6} highlightOnHover data-testid="index-series">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('indices.column.code')}</Table.Th>
          <Table.Th>{t('indices.column.name')}</Table.Th>
          <Table.Th ta="right">{t('indices.column.latest')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {series.map((s) => {
          const selected = s.id === selectedId;
          return (
            <Table.Tr
              key={s.id}
              bg={selected ? 'blue.0' : undefined}
              data-testid="index-series-row"
              style={{ cursor: 'pointer' }}
              onClick={() => onSelect(s.id)}
            >
              <Table.Td>
                <UnstyledButton
                  aria-label={t('indices.select', { code: s.code })}
                  aria-pressed={selected}
                  onClick={(event) => {
                    event.stopPropagation();
                    onSelect(s.id);
                  }}
                >
                  <Text size="sm" fw={700} c={selected ? 'blue.8' : undefined}>
                    {s.code}
                  </Text>
                </UnstyledButton>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.name}</Text>
              </Table.Td>
              <Table.Td ta="right">
                {s.latestValue ? (
                  <>
                    <Text size="sm" fw={500}>
                      {format.decimal(s.latestValue.value)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {format.month(s.latestValue.period)}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('indices.noValue')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
