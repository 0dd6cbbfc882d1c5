import { Select, Stack, Text } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, sumAmounts, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useBillable } from '../hooks/use-billable';
import { BillableCustomerGroup } from './BillableCustomerGroup';
import { BillableQuotesSection } from './BillableQuotesSection';

/** "À facturer", the clerk's home: closed interventions waiting, by customer, with what they would bill. */
export function BillablePage() {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { interventions, customers, loading, error, retry } = useBillable();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const shown = customers.filter((group) => !customerId || group.customer.id === customerId);

  return (
    <>
      <PageHeader
        title={t('billable.title')}
        subtitle={
          loading
            ? undefined
            : t('billable.count', {
                count: interventions.length,
                net: format.money(sumAmounts(interventions.map((row) => row.estimatedNet))),
              })
        }
      >
        <Select
          w={320}
          aria-label={t('billable.customerFilter')}
          placeholder={t('billable.customerFilter')}
          searchable
          clearable
          value={customerId}
          onChange={setCustomerId}
          data={customers.map((group) => ({ value: group.customer.id, label: group.customer.name }))}
        />
      </PageHeader>
      {error && <ErrorNotice onRetry={retry} />}
      <BillableQuotesSection />
      {loading ? (
        <LoadingState />
      ) : (
        <Stack>
          {shown.map((group) => (
            <BillableCustomerGroup key={group.customer.id} group={group} />
          ))}
          {shown.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {t('billable.empty')}
            </Text>
          )}
        </Stack>
      )}
    </>
  );
}
