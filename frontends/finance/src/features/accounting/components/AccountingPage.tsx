import { Alert, Tabs } from '@mantine/core';
import { PageHeader } from '@relais/ui';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { useAccountingPermissions } from '../hooks/use-accounting';
import { BalanceTab } from './BalanceTab';
import { EntriesTab } from './EntriesTab';
import { LedgerMappingTab } from './LedgerMappingTab';
import { VatTab } from './VatTab';
import { ExportsTab } from '../../accounting-exports/components/ExportsTab';

/**
 * The page's tabs, in order: `value` is the `?tab=` of the address, `label` a key of the finance
 * namespace; each panel reads and writes its own filters in the address. A tab is one line here.
 */
const tabs: readonly { value: string; label: string; Panel: ComponentType }[] = [
  { value: 'entries', label: 'accounting.tab.entries', Panel: EntriesTab },
  { value: 'balance', label: 'accounting.tab.balance', Panel: BalanceTab },
  { value: 'vat', label: 'accounting.tab.vat', Panel: VatTab },
  { value: 'mapping', label: 'accounting.tab.mapping', Panel: LedgerMappingTab },
  { value: 'exports', label: 'exports.tab', Panel: ExportsTab },
];

/**
 * "Comptabilité": the journal entries derived from the facts (filtered, each opening its document),
 * the trial balance, the VAT of a month and the accounts the ledger posts to. The tab and its
 * filters are in the address, so a view can be linked to and reloaded.
 */
export function AccountingPage() {
  const { t } = useTranslation(financeNamespace);
  const { canRead } = useAccountingPermissions();
  const [params, setParams] = useSearchParams();
  const active = tabs.find((tab) => tab.value === params.get('tab')) ?? tabs[0]!;
  return (
    <>
      <PageHeader title={t('accounting.title')} subtitle={t('accounting.subtitle')} />
      {canRead ? (
        <Tabs value={active.value} onChange={(value) => value && setParams({ tab: value })} keepMounted={false}>
          <Tabs.List aria-label={t('accounting.title')} mb="md">
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.value} value={tab.value}>
                {t(tab.label)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Panel key={tab.value} value={tab.value}>
              <tab.Panel />
            </Tabs.Panel>
          ))}
        </Tabs>
      ) : (
        <Alert color="orange">{t('accounting.forbidden')}</Alert>
      )}
    </>
  );
}
