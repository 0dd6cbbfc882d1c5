import { Button, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DataTableColumn<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  align?: 'left' | 'right';
}

export interface DataTableProps<Row> {
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  emptyLabel: string;
  onRowClick?: (row: Row) => void;
  /** Cursor pagination: shows "Charger plus" while more rows exist. */
  loadMore?: { hasMore: boolean; loading: boolean; onLoadMore: () => void };
}

/** A plain list of rows with typed columns, an empty state and optional "load more". */
export function DataTable<Row>({ columns, rows, rowKey, emptyLabel, onRowClick, loadMore }: DataTableProps<Row>) {
  const { t } = useTranslation();
  return (
    <>
      <Table striped highlightOnHover={Boolean(onRowClick)} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} ta={column.align}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={rowKey(row)}
              onClick={onRowClick ? () => onRowClick(row) : undefined}
              style={onRowClick ? { cursor: 'pointer' } : undefined}
            >
              {columns.map((column) => (
                <Table.Td key={column.key} ta={column.align}>
                  {column.render(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {emptyLabel}
        </Text>
      )}
      {loadMore?.hasMore && (
        <Group justify="center" mt="md">
          <Button variant="light" loading={loadMore.loading} onClick={loadMore.onLoadMore}>
            {t('table.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
