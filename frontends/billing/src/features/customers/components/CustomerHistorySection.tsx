import { List, Stack, Text, Timeline } from '@mantine/core';
import { ErrorNotice, LoadingState, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { historyValueKind } from '../hooks/history-values';
import { useCustomerHistory, type HistoryEntry } from '../hooks/use-customer';
import { FileSection } from './FileSection';

/** Who changed what and when, on the customer, its contacts, sites and equipment (the audit log), newest first. */
export function CustomerHistorySection({ customerId }: { customerId: string }) {
  const { t } = useTranslation(billingNamespace);
  const { history, loading, error, retry } = useCustomerHistory(customerId);
  return (
    <FileSection title={t('customerFile.tabs.history')}>
      {error && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : history.length === 0 ? (
        <Text c="dimmed">{t('customerFile.history.empty')}</Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="customer-history">
          {history.map((entry) => (
            <Timeline.Item key={entry.id} title={<EntryTitle entry={entry} />}>
              <EntryBody entry={entry} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </FileSection>
  );
}

function EntryTitle({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <>
      {t(`customerFile.history.${entry.action}`, {
        subject: t(`customerFile.history.subject.${entry.subject}`),
        label: entry.subjectLabel,
      })}
    </>
  );
}

function EntryBody({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const valueOf = (field: string, value: string | null): string => {
    if (value === null) return t('customerFile.history.emptyValue');
    switch (historyValueKind(field)) {
      case 'yesNo':
        return t(value === 'true' ? 'customerFile.history.yes' : 'customerFile.history.no');
      case 'date':
        return format.date(value);
      case 'decimal':
        return format.decimal(value);
      case 'paymentTermsKind':
        return t(`customerFile.paymentTermsKind.${value}`, { defaultValue: value });
      case 'equipmentCategory':
        return t(`customerFile.equipmentCategory.${value}`, { defaultValue: value });
      case 'equipmentStatus':
        return t(`customerFile.equipmentStatus.${value}`, { defaultValue: value });
      default:
        return value;
    }
  };
  const line = (change: HistoryEntry['changes'][number]) => {
    const field = t(`customerFile.history.field.${change.field}`, { defaultValue: change.field });
    const from = valueOf(change.field, change.from);
    const to = valueOf(change.field, change.to);
    if (entry.action === 'CREATED') return t('customerFile.history.set', { field, to });
    if (entry.action === 'DELETED') return t('customerFile.history.removed', { field, from });
    return t('customerFile.history.change', { field, from, to });
  };
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {t('customerFile.history.by', { date: format.dateTime(entry.at), actor: entry.actorName })}
      </Text>
      {entry.changes.length > 0 && (
        <List size="sm" spacing={0}>
          {entry.changes.map((change) => (
            <List.Item key={change.field}>{line(change)}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
