import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { AccountingPeriodItem, FiscalYearItem } from '../hooks/use-periods';
import { PeriodStateBadge } from './PeriodStateBadge';

/** Who closed the month and when; for an open month reopened, who reopened it and why. */
function ClosingNote({ period }: { period: AccountingPeriodItem }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  if (period.closedAt && period.closedBy)
    return <Text size="sm">{t('periods.closedBy', { date: format.date(period.closedAt), name: period.closedBy })}</Text>;
  const last = period.history.at(-1);
  if (last?.action !== 'REOPENED') return null;
  return (
    <Text size="sm" c="orange.9">
      {t('periods.reopenedNote', { date: format.date(last.at), name: last.actorName, reason: last.reason })}
    </Text>
  );
}

/** A fiscal year and its months, with "Clôturer" on the month to close next and "Rouvrir" on the last closed one. */
export function FiscalYearCard({
  year,
  canClose,
  canReopen,
  onClose,
  onReopen,
  onDeferredRevenue,
}: {
  year: FiscalYearItem;
  canClose: boolean;
  canReopen: boolean;
  onClose: (period: AccountingPeriodItem) => void;
  onReopen: (period: AccountingPeriodItem) => void;
  onDeferredRevenue: (year: FiscalYearItem) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  return (
    <Card withBorder padding="lg" radius="md" data-testid={`fiscal-year-${year.startsOn}`}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('periods.fiscalYear', { from: format.date(year.startsOn), to: format.date(year.endsOn) })}</Title>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            onClick={() => onDeferredRevenue(year)}
            aria-label={t('deferredRevenue.actionOf', { from: format.date(year.startsOn), to: format.date(year.endsOn) })}
          >
            {t('deferredRevenue.action')}
          </Button>
          <PeriodStateBadge state={year.state} year />
        </Group>
      </Group>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('periods.column.month')}</Table.Th>
            <Table.Th>{t('periods.column.state')}</Table.Th>
            <Table.Th>{t('periods.column.closed')}</Table.Th>
            <Table.Th ta="right">{t('periods.column.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {year.periods.map((period) => {
            const month = format.month(period.startsOn);
            return (
              <Table.Tr key={period.id} data-testid={`period-${period.month}`}>
                <Table.Td fw={500} tt="capitalize">
                  {month}
                </Table.Td>
                <Table.Td>
                  <PeriodStateBadge state={period.state} />
                </Table.Td>
                <Table.Td>
                  <ClosingNote period={period} />
                </Table.Td>
                <Table.Td ta="right">
                  {canClose && period.canClose && (
                    <Button size="xs" onClick={() => onClose(period)} aria-label={t('periods.closeOf', { month })}>
                      {t('periods.close')}
                    </Button>
                  )}
                  {canReopen && period.canReopen && (
                    <Button
                      size="xs"
                      variant="light"
                      color="orange"
                      onClick={() => onReopen(period)}
                      aria-label={t('periods.reopenOf', { month })}
                    >
                      {t('periods.reopen')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
