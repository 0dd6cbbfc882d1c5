import { Card, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgeingBucket } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { AGEING_COLUMNS, nextTotalSort, sortAgeingRows, type AgeingSort } from '../hooks/ageing-view';
import type { ReceivablesAgeing } from '../hooks/use-ageing';
import { AgeingRow } from './AgeingRow';

/**
 * One line per customer with their amounts by column and total, then the column totals, as the
 * server computed them; sorted by name or by total. One line at a time shows its items.
 */
export function AgeingTable({
  ageing,
  sort,
  onSort,
  stale,
}: {
  ageing: ReceivablesAgeing;
  sort: AgeingSort;
  onSort: (sort: AgeingSort) => void;
  stale: boolean;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [open, setOpen] = useState<{ customerId: string; bucket: AgeingBucket | null } | null>(null);
  const rows = sortAgeingRows(ageing.rows, sort);
  if (rows.length === 0)
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('receivables.ageing.empty', { date: format.date(ageing.asOf) })}
      </Text>
    );
  return (
    <Card withBorder padding={0} radius="md" aria-busy={stale} style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}>
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing={6} data-testid="ageing-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th aria-sort={sort === 'name' ? 'ascending' : 'none'}>
                <SortButton
                  label={t('receivables.ageing.column.customer')}
                  hint={t('receivables.ageing.sortByName')}
                  arrow={sort === 'name' ? '▲' : null}
                  onClick={() => onSort('name')}
                />
              </Table.Th>
              {AGEING_COLUMNS.map(({ bucket }) => (
                <Table.Th key={bucket} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t(`receivables.ageing.column.${bucket}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right" aria-sort={sort === 'totalDesc' ? 'descending' : sort === 'totalAsc' ? 'ascending' : 'none'}>
                <SortButton
                  label={t('receivables.ageing.column.total')}
                  hint={t('receivables.ageing.sortByTotal')}
                  arrow={sort === 'totalDesc' ? '▼' : sort === 'totalAsc' ? '▲' : null}
                  onClick={() => onSort(nextTotalSort(sort))}
                  right
                />
              </Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <AgeingRow
                key={row.customer.id}
                row={row}
                asOf={ageing.asOf}
                expanded={open?.customerId === row.customer.id ? open.bucket : undefined}
                onExpand={(bucket) => setOpen(bucket === undefined ? null : { customerId: row.customer.id, bucket })}
              />
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700} data-testid="ageing-totals" style={{ borderTop: '2px solid var(--mantine-color-gray-4)' }}>
              <Table.Td>
                {t('receivables.ageing.totals')}{' '}
                <Text span size="xs" c="dimmed" fw={400}>
                  ({t('receivables.ageing.count', { count: rows.length, formattedCount: format.count(rows.length) })})
                </Text>
              </Table.Td>
              {AGEING_COLUMNS.map(({ bucket, field }) => (
                <Table.Td key={bucket} ta="right" data-testid={`ageing-total-${bucket}`} style={{ whiteSpace: 'nowrap' }}>
                  {format.money(ageing.totals.buckets[field])}
                </Table.Td>
              ))}
              <Table.Td ta="right" data-testid="ageing-grand-total" style={{ whiteSpace: 'nowrap' }}>
                {format.money(ageing.totals.total)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function SortButton({
  label,
  hint,
  arrow,
  onClick,
  right,
}: {
  label: string;
  hint: string;
  arrow: string | null;
  onClick: () => void;
  right?: boolean;
}) {
  return (
    <UnstyledButton onClick={onClick} title={hint} fw={700} fz="sm">
      <Group gap={4} justify={right ? 'flex-end' : 'flex-start'} wrap="nowrap">
        {label}
        <Text span size="xs" c={arrow ? undefined : 'dimmed'}>
          {arrow ?? '↕'}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
