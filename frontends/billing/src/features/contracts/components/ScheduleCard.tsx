import { Anchor, Badge, Table, Text } from '@mantine/core';
import { SectionCard, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import type { ContractDetail, SchedulePeriod } from '../hooks/use-contract';

const statusColor: Record<string, string> = { BILLED: 'green', DUE: 'orange', UPCOMING: 'gray', BLOCKED: 'red' };

/** "Échéancier": each period up to a year ahead, with its amount, when it is billable and what billed it. */
export function ScheduleCard({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const periods = contract.billingSchedule;
  return (
    <SectionCard title={t('contracts.schedule.title')}>
      {periods.length === 0 ? (
        <Text c="dimmed">{t('contracts.schedule.empty')}</Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" data-testid="schedule">
          <Table.Thead>
            <Table.Tr style={{ whiteSpace: 'nowrap' }}>
              <Table.Th>{t('contracts.schedule.period')}</Table.Th>
              <Table.Th>{t('contracts.schedule.dueOn')}</Table.Th>
              <Table.Th ta="right">{t('contracts.schedule.amount')}</Table.Th>
              <Table.Th>{t('contracts.schedule.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((period) => (
              <Table.Tr key={period.start} data-testid="schedule-period">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {t('contracts.schedule.periodValue', { from: format.date(period.start), to: format.date(period.end) })}
                  {period.days !== period.fullDays && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('contracts.schedule.prorated', { days: period.days, fullDays: period.fullDays })})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{format.date(period.dueOn)}</Table.Td>
                <Table.Td ta="right" data-testid="schedule-amount" style={{ whiteSpace: 'nowrap' }}>
                  {period.amount == null ? '—' : format.money(period.amount)}
                </Table.Td>
                <Table.Td>
                  <PeriodState period={period} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}

function PeriodState({ period }: { period: SchedulePeriod }) {
  const { t } = useTranslation(billingNamespace);
  if (period.blocked)
    return (
      <>
        <Badge color={statusColor.BLOCKED} variant="light" data-testid="schedule-status">
          {t('contracts.schedule.status.BLOCKED')}
        </Badge>
        <Text size="xs" c="red" mt={2}>
          {period.blocked.message}
        </Text>
      </>
    );
  const badge = (
    <Badge color={statusColor[period.status] ?? 'gray'} variant="light" data-testid="schedule-status">
      {t(`contracts.schedule.status.${period.status}`, { defaultValue: period.status })}
    </Badge>
  );
  if (!period.invoice) return badge;
  return (
    <>
      {badge}{' '}
      <Anchor component={Link} to={billingPaths.invoice(period.invoice.id)} size="sm" style={{ whiteSpace: 'nowrap' }}>
        {period.invoice.number ?? t('contracts.schedule.draftInvoice')}
      </Anchor>
    </>
  );
}
