import { ActionIcon, Anchor, Card, Checkbox, Group, Menu, Table, Text } from '@mantine/core';
import { sumAmounts, useFormatters } from '@relais/ui';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import type { PlannedReminder } from '../hooks/use-dunning';
import type { InvoiceExclusions } from '../hooks/use-exclusions';
import { DisputeModal, type CollectedInvoice } from './DisputeModal';
import { LevelBadge } from './LevelBadge';
import { PromiseModal } from './PromiseModal';

interface CustomerGroup {
  customerId: string;
  customerName: string;
  customerEmail: string | null;
  reminders: PlannedReminder[];
}

/** The server lists the reminders by customer name, then due date: one group per customer, in that order. */
function byCustomer(reminders: readonly PlannedReminder[]): CustomerGroup[] {
  const groups = new Map<string, CustomerGroup>();
  for (const reminder of reminders) {
    const group = groups.get(reminder.customer.id) ?? {
      customerId: reminder.customer.id,
      customerName: reminder.customerName,
      customerEmail: reminder.customerEmail,
      reminders: [],
    };
    group.reminders.push(reminder);
    groups.set(reminder.customer.id, group);
  }
  return [...groups.values()];
}

const COLUMNS = 9;

/**
 * The reminders of the day, customer by customer: each line with its level, interest and indemnity
 * as the server computed them, a box to leave it out of the run, and the collection actions.
 */
export function PreviewTable({ reminders, exclusions }: { reminders: readonly PlannedReminder[]; exclusions: InvoiceExclusions }) {
  const { t } = useTranslation(financeNamespace);
  const [acting, setActing] = useState<{ kind: 'dispute' | 'promise'; invoice: CollectedInvoice } | null>(null);
  return (
    <Card withBorder padding={0} radius="md">
      <Table.ScrollContainer minWidth={1100}>
        <Table verticalSpacing={6} data-testid="dunning-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48} />
              <Table.Th>{t('dunning.column.invoice')}</Table.Th>
              <Table.Th>{t('dunning.column.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('dunning.column.daysLate')}</Table.Th>
              <Table.Th ta="right">{t('dunning.column.openBalance')}</Table.Th>
              <Table.Th miw={240}>{t('dunning.column.level')}</Table.Th>
              <Table.Th ta="right">{t('dunning.column.lateInterest')}</Table.Th>
              <Table.Th ta="right">{t('dunning.column.indemnity')}</Table.Th>
              <Table.Th w={48} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byCustomer(reminders).map((group) => (
              <Fragment key={group.customerId}>
                <CustomerRow group={group} exclusions={exclusions} />
                {group.reminders.map((reminder) => (
                  <ReminderRow
                    key={reminder.invoice.id}
                    reminder={reminder}
                    excluded={exclusions.has(reminder.invoice.id)}
                    onToggle={() => exclusions.toggle(reminder.invoice.id)}
                    onAct={(kind) =>
                      setActing({
                        kind,
                        invoice: { invoiceId: reminder.invoice.id, number: reminder.invoiceNumber, customerName: reminder.customerName },
                      })
                    }
                  />
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {acting?.kind === 'dispute' && <DisputeModal invoice={acting.invoice} onClose={() => setActing(null)} />}
      {acting?.kind === 'promise' && <PromiseModal invoice={acting.invoice} onClose={() => setActing(null)} />}
    </Card>
  );
}

function CustomerRow({ group, exclusions }: { group: CustomerGroup; exclusions: InvoiceExclusions }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const ids = group.reminders.map((reminder) => reminder.invoice.id);
  const excludedCount = ids.filter((id) => exclusions.has(id)).length;
  return (
    <Table.Tr bg="gray.1" data-testid="dunning-customer">
      <Table.Td>
        <Checkbox
          color="orange"
          aria-label={t('dunning.excludeCustomer', { customer: group.customerName })}
          checked={excludedCount === ids.length}
          indeterminate={excludedCount > 0 && excludedCount < ids.length}
          onChange={() => exclusions.set(ids, excludedCount < ids.length)}
        />
      </Table.Td>
      <Table.Td colSpan={3}>
        <Group gap="sm" wrap="nowrap">
          <Anchor component={Link} to={billingPaths.customer(group.customerId)} fw={700} c="dark">
            {group.customerName}
          </Anchor>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('dunning.customerReminders', { count: ids.length })}
          </Text>
        </Group>
        {group.customerEmail ? (
          <Text size="xs" c="dimmed">
            {group.customerEmail}
          </Text>
        ) : (
          <Text size="xs" c="orange.9">
            {t('dunning.noEmail')}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" fw={700}>
        {format.money(sumAmounts(group.reminders.map((reminder) => reminder.openBalance)))}
      </Table.Td>
      <Table.Td colSpan={COLUMNS - 5} />
    </Table.Tr>
  );
}

function ReminderRow({
  reminder,
  excluded,
  onToggle,
  onAct,
}: {
  reminder: PlannedReminder;
  excluded: boolean;
  onToggle: () => void;
  onAct: (kind: 'dispute' | 'promise') => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const number = reminder.invoiceNumber;
  const struck = excluded ? ({ textDecoration: 'line-through' } as const) : undefined;
  const amount = (value: string) => (value === '0.00' ? '—' : format.money(value));
  return (
    <Table.Tr
      data-testid="dunning-line"
      data-invoice={number}
      data-excluded={excluded}
      c={excluded ? 'dimmed' : undefined}
      bg={reminder.problem && !excluded ? 'yellow.0' : undefined}
    >
      <Table.Td>
        <Checkbox color="orange" aria-label={t('dunning.exclude', { number })} checked={excluded} onChange={onToggle} />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={billingPaths.invoice(reminder.invoice.id)} size="sm" fw={600} style={struck}>
          {number}
        </Anchor>
        {excluded && (
          <Text size="xs" c="orange.8">
            {t('dunning.excludedHint')}
          </Text>
        )}
        {reminder.problem && (
          <Text size="xs" c="orange.9" fw={500} data-testid="dunning-problem">
            ⚠ {reminder.problem}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{format.date(reminder.dueDate)}</Table.Td>
      <Table.Td ta="right" data-testid="dunning-days-late">
        {t('dunning.days', { count: reminder.daysLate })}
      </Table.Td>
      <Table.Td ta="right" fw={600} style={struck} data-testid="dunning-open-balance">
        {format.money(reminder.openBalance)}
      </Table.Td>
      <Table.Td>
        <LevelBadge level={reminder.level} skippedRanks={reminder.skippedRanks} />
      </Table.Td>
      <Table.Td ta="right" style={struck} data-testid="dunning-interest">
        {amount(reminder.lateInterest)}
      </Table.Td>
      <Table.Td ta="right" style={struck} data-testid="dunning-indemnity">
        {amount(reminder.indemnity)}
      </Table.Td>
      <Table.Td>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('dunning.actions.label', { number })}>
              ⋯
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => onAct('dispute')}>{t('dunning.actions.dispute')}</Menu.Item>
            <Menu.Item onClick={() => onAct('promise')}>{t('dunning.actions.promise')}</Menu.Item>
            <Menu.Divider />
            <Menu.Item component={Link} to={billingPaths.invoice(reminder.invoice.id)}>
              {t('dunning.actions.openInvoice')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}
