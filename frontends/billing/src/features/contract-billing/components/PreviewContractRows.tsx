import { AccordionChevron, ActionIcon, Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useFormatters } from '@relais/ui';
import type { PreviewContract, PreviewLine, PreviewPeriod } from '../hooks/use-contract-billing';
import type { LineExclusions } from '../hooks/use-line-exclusions';

const nested = { paddingLeft: 'var(--mantine-spacing-xl)' };

/** One contract of the preview: its totals (or why it is blocked) and, opened, its periods and lines. */
export function PreviewContractRows({
  contract,
  exclusions,
  vatLabel,
}: {
  contract: PreviewContract;
  exclusions: LineExclusions;
  vatLabel: (code: string) => string;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const { periods, postponedPeriods, blocked } = contract;
  const expandable = !blocked && periods.length + postponedPeriods.length > 0;
  const first = periods[0];
  const last = periods.at(-1);

  return (
    <>
      <Table.Tr data-testid="preview-contract" data-reference={contract.reference} bg={blocked ? 'red.0' : undefined}>
        <Table.Td>
          {expandable && (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-expanded={open}
              aria-label={t(open ? 'contractBilling.hideDetail' : 'contractBilling.showDetail', { reference: contract.reference })}
              onClick={() => setOpen(!open)}
            >
              <AccordionChevron
                aria-hidden
                size={16}
                style={{ transform: open ? undefined : 'rotate(-90deg)', transition: 'transform 120ms' }}
              />
            </ActionIcon>
          )}
        </Table.Td>
        <Table.Td>
          <Anchor component={Link} to={billingPaths.contract(contract.contract.id)} size="sm" fw={600}>
            {contract.reference}
          </Anchor>
          <Text size="xs" c="dimmed">
            {contract.title}
          </Text>
          {blocked && (
            <Group gap="xs" mt={4} wrap="nowrap" align="flex-start" data-testid="preview-blocked">
              <Badge color="red" variant="filled" size="sm" style={{ flexShrink: 0 }}>
                {t('contractBilling.blocked')}
              </Badge>
              <Text size="xs" c="red.9">
                {blocked.message}
              </Text>
            </Group>
          )}
        </Table.Td>
        <Table.Td>
          {first && last && (
            <Text size="sm">
              {t('contractBilling.periodsSummary', { count: periods.length, start: format.date(first.start), end: format.date(last.end) })}
            </Text>
          )}
          {postponedPeriods.length > 0 && (
            <Badge color="yellow" variant="light" size="sm">
              {t('contractBilling.postponed', { count: postponedPeriods.length })}
            </Badge>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{t(`paymentMethod.${contract.paymentMethod}`)}</Text>
        </Table.Td>
        {blocked ? (
          <Table.Td colSpan={3} ta="right">
            <Text size="sm" c="red.9" fs="italic">
              {t('contractBilling.notBilled')}
            </Text>
          </Table.Td>
        ) : (
          <>
            <Table.Td ta="right" data-testid="preview-contract-net">
              {format.money(contract.totalNet)}
            </Table.Td>
            <Table.Td ta="right">{format.money(contract.totalVat)}</Table.Td>
            <Table.Td ta="right" fw={600} data-testid="preview-contract-gross">
              {format.money(contract.totalGross)}
            </Table.Td>
          </>
        )}
      </Table.Tr>
      {open &&
        periods.map((period) => (
          <PeriodRows key={period.start} contract={contract} period={period} exclusions={exclusions} vatLabel={vatLabel} />
        ))}
      {open &&
        postponedPeriods.map((period) => {
          const dates = { start: format.date(period.start), end: format.date(period.end) };
          return (
            <Table.Tr key={`postponed-${period.start}`} bg="yellow.0">
              <Table.Td />
              <Table.Td colSpan={6} style={nested}>
                <Group gap="sm">
                  <Text size="sm" fs="italic">
                    {t('contractBilling.postponedPeriod', dates)}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="yellow"
                    aria-label={t('contractBilling.restorePeriod', { ...dates, reference: contract.reference })}
                    onClick={() => exclusions.restorePeriod(contract.contract.id, period.start)}
                  >
                    {t('contractBilling.restore')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
    </>
  );
}

function PeriodRows({
  contract,
  period,
  exclusions,
  vatLabel,
}: {
  contract: PreviewContract;
  period: PreviewPeriod;
  exclusions: LineExclusions;
  vatLabel: (code: string) => string;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  return (
    <>
      <Table.Tr bg="gray.0">
        <Table.Td />
        <Table.Td colSpan={6} style={nested}>
          <Group gap="sm">
            <Text size="sm" fw={500}>
              {t('contractBilling.period', {
                start: format.date(period.start),
                end: format.date(period.end),
                dueOn: format.date(period.dueOn),
              })}
            </Text>
            {period.days !== period.fullDays && (
              <Badge variant="light" color="grape" size="sm" tt="none">
                {t('contractBilling.prorata', { days: period.days, fullDays: period.fullDays })}
              </Badge>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {period.lines.map((line) => (
        <LineRow key={line.id} contract={contract} period={period} line={line} exclusions={exclusions} vatLabel={vatLabel} />
      ))}
    </>
  );
}

function LineRow({
  contract,
  period,
  line,
  exclusions,
  vatLabel,
}: {
  contract: PreviewContract;
  period: PreviewPeriod;
  line: PreviewLine;
  exclusions: LineExclusions;
  vatLabel: (code: string) => string;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const excluded = exclusions.has(line.id);
  const struck = excluded ? { textDecoration: 'line-through' } : undefined;
  const names = { label: line.label, reference: contract.reference, start: format.date(period.start), end: format.date(period.end) };
  return (
    <Table.Tr data-testid="preview-line" data-excluded={excluded} c={excluded ? 'dimmed' : undefined}>
      <Table.Td>
        <Checkbox
          aria-label={t('contractBilling.excludeLine', names)}
          checked={excluded}
          color="orange"
          onChange={() =>
            exclusions.toggle({
              id: line.id,
              contractId: contract.contract.id,
              reference: contract.reference,
              label: line.label,
              start: period.start,
              end: period.end,
            })
          }
        />
      </Table.Td>
      <Table.Td colSpan={2} style={nested}>
        <Stack gap={2}>
          <Group gap="xs">
            <Text size="sm" style={struck}>
              {line.description}
            </Text>
            {excluded && (
              <Badge color="orange" variant="light" size="xs">
                {t('contractBilling.excludedBadge')}
              </Badge>
            )}
          </Group>
          {line.revision && (
            <Text size="xs" c="blue.8">
              {t('contractBilling.revision', {
                series: line.revision.seriesCode,
                coefficient: format.decimal(line.revision.coefficient, 5),
              })}
            </Text>
          )}
          {line.reason && (
            <Text size="xs" c="dimmed">
              {line.reason}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="xs">{`${t('contractBilling.column.vatRate')} ${vatLabel(line.vatRateCode)}`}</Text>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', ...struck }} data-testid="preview-line-amount">
        <Text size="sm">{format.money(line.amount)}</Text>
        {/* P0, then P when the period is also prorated: the amounts the billed one comes from. */}
        {line.amount !== line.baseAmount && (
          <Text size="xs" c="dimmed">
            {t('contractBilling.baseAmount', { amount: format.money(line.baseAmount) })}
          </Text>
        )}
        {line.revisedAmount !== line.baseAmount && line.revisedAmount !== line.amount && (
          <Text size="xs" c="dimmed">
            {t('contractBilling.revisedAmount', { amount: format.money(line.revisedAmount) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td />
      <Table.Td />
    </Table.Tr>
  );
}
