import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { ErrorNotice, FigureCard, LoadingState, PageHeader, SectionCard, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { useInvoicesToCollect } from '../hooks/use-to-collect';
import { ToCollectTable } from './ToCollectTable';

/** "À encaisser cette semaine": what to chase now, overdue or falling due within 7 days, with the totals. */
export function ToCollectPage() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const { toCollect, updating, loading, error, retry } = useInvoicesToCollect(customerId);
  return (
    <>
      <PageHeader title={t('receivables.toCollect.title')} subtitle={t('receivables.toCollect.subtitle')} />
      <Stack>
        <Group>
          <CustomerPicker width={280} label={t('receivables.toCollect.customer')} value={customerId} onChange={setCustomerId} />
        </Group>
        {Boolean(error) && <ErrorNotice onRetry={retry} />}
        {loading ? (
          <LoadingState />
        ) : (
          toCollect && (
            <>
              <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" aria-busy={updating} data-testid="to-collect-totals">
                <FigureCard label={t('receivables.toCollect.count')} value={format.count(toCollect.totalCount)} testId="to-collect-count" />
                <FigureCard
                  label={t('receivables.toCollect.total')}
                  value={format.money(toCollect.totalAmount)}
                  testId="to-collect-total"
                  strong
                />
              </SimpleGrid>
              <SectionCard title={t('receivables.toCollect.list')}>
                <ToCollectTable items={toCollect.items} />
                {toCollect.items.length < toCollect.totalCount && (
                  <Text size="sm" c="dimmed" mt="sm">
                    {t('receivables.toCollect.partial', {
                      shown: format.count(toCollect.items.length),
                      count: format.count(toCollect.totalCount),
                    })}
                  </Text>
                )}
              </SectionCard>
            </>
          )
        )}
      </Stack>
    </>
  );
}
