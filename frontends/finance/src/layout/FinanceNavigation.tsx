import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { financeNamespace } from '../i18n/register';
import { financePaths } from '../routes';

/** Banque, Prélèvements, Relances and Balance âgée join here as their pages come. */
const tabs = [
  { key: 'dashboard', path: financePaths.dashboard },
  { key: 'payments', path: financePaths.payments },
  { key: 'bank', path: financePaths.bank },
  { key: 'dunning', path: financePaths.dunning },
  { key: 'directDebit', path: financePaths.directDebit },
  { key: 'toCollect', path: financePaths.toCollect },
  { key: 'ageing', path: financePaths.ageing },
  { key: 'statements', path: financePaths.statements },
  { key: 'profitability', path: financePaths.profitability },
  { key: 'chartOfAccounts', path: financePaths.chartOfAccounts },
  { key: 'periods', path: financePaths.periods },
  { key: 'accounting', path: financePaths.accounting },
] as const;

/** The finance app's sections, as tabs above the page. */
export function FinanceNavigation() {
  const { t } = useTranslation(financeNamespace);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // An unknown page (the not-found page) highlights no section.
  const active = tabs.find((tab) => pathname.startsWith(tab.path))?.key ?? null;
  return (
    <Tabs value={active} onChange={(key) => navigate(tabs.find((tab) => tab.key === key)?.path ?? financePaths.payments)} mb="md">
      <Tabs.List aria-label={t('nav.label')}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.key} value={tab.key}>
            {t(`nav.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
