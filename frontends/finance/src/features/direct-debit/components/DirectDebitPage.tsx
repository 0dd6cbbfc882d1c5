import { Alert, Button, Group, Stack, Tabs } from '@mantine/core';
import { PageHeader } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { useSepaCreditor } from '../hooks/use-sepa-creditor';
import { BatchesTab } from './BatchesTab';
import { CreditorTab } from './CreditorTab';
import { MandatesTab } from './MandatesTab';
import { NewBatchTab } from './NewBatchTab';

const tabs = ['new-batch', 'batches', 'mandates', 'creditor'] as const;
type DirectDebitTab = (typeof tabs)[number];
const isTab = (value: string | null): value is DirectDebitTab => tabs.some((tab) => tab === value);
const labelKey: Record<DirectDebitTab, string> = {
  'new-batch': 'newBatch',
  batches: 'batches',
  mandates: 'mandates',
  creditor: 'creditor',
};

/**
 * "Prélèvements": the batch to prepare for a collection date, the batches already made (each
 * opening its page), the customers' mandates and the company's creditor identifier.
 */
export function DirectDebitPage() {
  const { t } = useTranslation(financeNamespace);
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: DirectDebitTab = isTab(requested) ? requested : 'new-batch';
  const open = (next: DirectDebitTab) => setSearchParams(next === 'new-batch' ? {} : { tab: next });
  const { missing } = useSepaCreditor();
  const creditorReady = missing !== null && !missing.creditorId && !missing.iban;

  return (
    <>
      <PageHeader title={t('directDebit.title')} subtitle={t('directDebit.subtitle')} />
      <Stack>
        {missing?.creditorId && (
          <Alert color="orange" title={t('directDebit.creditorMissing.title')} data-testid="creditor-missing">
            <Group justify="space-between" align="center">
              {t('directDebit.creditorMissing.body')}
              {tab !== 'creditor' && (
                <Button size="xs" variant="light" color="orange" onClick={() => open('creditor')}>
                  {t('directDebit.creditorMissing.action')}
                </Button>
              )}
            </Group>
          </Alert>
        )}
        {missing?.iban && (
          <Alert color="orange" title={t('directDebit.creditorMissing.ibanTitle')}>
            {t('directDebit.creditorMissing.ibanBody')}
          </Alert>
        )}
        <Tabs value={tab} onChange={(value) => isTab(value) && open(value)} keepMounted={false}>
          <Tabs.List aria-label={t('directDebit.title')} mb="md">
            {tabs.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`directDebit.tab.${labelKey[value]}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="new-batch">
            <NewBatchTab creditorReady={creditorReady} />
          </Tabs.Panel>
          <Tabs.Panel value="batches">
            <BatchesTab />
          </Tabs.Panel>
          <Tabs.Panel value="mandates">
            <MandatesTab />
          </Tabs.Panel>
          <Tabs.Panel value="creditor">
            <CreditorTab />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
