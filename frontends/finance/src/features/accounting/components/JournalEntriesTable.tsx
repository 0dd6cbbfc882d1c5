import { Anchor, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import type { LoadMoreControls } from '@relais/session';
import { isNegativeAmount, isPositiveAmount, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { documentPath, entryTotals } from '../hooks/accounting-view';
import type { JournalEntryItem } from '../hooks/use-accounting';

const COLUMNS = ['date', 'journal', 'number', 'piece', 'account', 'auxiliary', 'label', 'debit', 'credit'] as const;
const AMOUNT_COLUMNS: ReadonlySet<string> = new Set(['debit', 'credit']);

/**
 * The entries as a journal: each entry's heading (date, journal, number or "provisoire", the piece
 * linking to its document, the label), its lines with their accounts, then its totals.
 */
export function JournalEntriesTable({ entries, loadMore }: { entries: readonly JournalEntryItem[]; loadMore: LoadMoreControls }) {
  const { t } = useTranslation(financeNamespace);
  const { t: common } = useTranslation();
  const format = useFormatters();
  /** A zero debit or credit is left blank, as on a printed journal. */
  const amount = (value: string) => (isPositiveAmount(value) || isNegativeAmount(value) ? format.money(value) : '');
  if (entries.length === 0)
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('accounting.entries.empty')}
      </Text>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={1100}>
        <Table verticalSpacing={4} data-testid="journal-entries">
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((column) => (
                <Table.Th key={column} ta={AMOUNT_COLUMNS.has(column) ? 'right' : undefined}>
                  {t(`accounting.entries.column.${column}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          {entries.map((entry) => {
            const totals = entryTotals(entry);
            return (
              <Table.Tbody key={entry.id} data-testid="journal-entry" data-journal={entry.journal}>
                <Table.Tr bg="var(--mantine-color-gray-0)">
                  <Table.Td>{format.date(entry.entryDate)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={entry.journal === 'VT' ? 'blue' : entry.journal === 'BQ' ? 'teal' : 'gray'}>
                      {entry.journal}
                    </Badge>
                  </Table.Td>
                  <Table.Td data-testid="entry-number" style={{ whiteSpace: 'nowrap' }}>
                    {entry.number ?? (
                      <Tooltip label={t('accounting.entries.provisionalHint')}>
                        <Text size="sm" c="dimmed" fs="italic" span>
                          {t('accounting.entries.provisional')}
                        </Text>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={documentPath(entry)}
                      size="sm"
                      aria-label={t('accounting.entries.openDocument', { piece: entry.pieceRef })}
                    >
                      {entry.pieceRef}
                    </Anchor>
                  </Table.Td>
                  <Table.Td colSpan={5}>
                    <Text size="sm" fw={500}>
                      {entry.label}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {entry.lines.map((line) => (
                  <Table.Tr key={line.position} data-testid="entry-line" data-account={line.account}>
                    <Table.Td colSpan={4} />
                    <Table.Td>
                      <Text size="sm" ff="monospace" data-testid="line-account">
                        {line.account}
                      </Text>
                      {line.accountLabel && (
                        <Text size="xs" c="dimmed">
                          {line.accountLabel}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {line.auxiliaryAccount && (
                        <>
                          <Text size="sm" ff="monospace">
                            {line.auxiliaryAccount}
                          </Text>
                          {line.auxiliaryLabel && (
                            <Text size="xs" c="dimmed">
                              {line.auxiliaryLabel}
                            </Text>
                          )}
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>{line.label}</Table.Td>
                    <Table.Td ta="right" data-testid="line-debit" style={{ whiteSpace: 'nowrap' }}>
                      {amount(line.debit)}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="line-credit" style={{ whiteSpace: 'nowrap' }}>
                      {amount(line.credit)}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr data-testid="entry-total">
                  <Table.Td colSpan={7} ta="right">
                    <Text size="sm" fw={600} span>
                      {t('accounting.entries.entryTotal')}
                    </Text>
                    {totals.debit !== totals.credit && (
                      <Badge color="red" ml="xs">
                        {t('accounting.entries.unbalanced')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" fw={600} data-testid="total-debit" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(totals.debit)}
                  </Table.Td>
                  <Table.Td ta="right" fw={600} data-testid="total-credit" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(totals.credit)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            );
          })}
        </Table>
      </Table.ScrollContainer>
      {loadMore.hasMore && (
        <Group justify="center">
          <Button variant="light" loading={loadMore.loading} onClick={loadMore.onLoadMore}>
            {common('table.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
