import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { billingNamespace } from '../i18n/register';
import { billingPaths } from '../routes';

const tabs = [
  { key: 'billable', path: billingPaths.billable },
  { key: 'quotes', path: billingPaths.quotes },
  { key: 'invoices', path: billingPaths.invoices },
  { key: 'creditNotes', path: billingPaths.creditNotes },
  { key: 'customers', path: billingPaths.customers },
  { key: 'contracts', path: billingPaths.contracts },
  { key: 'contractBilling', path: billingPaths.contractBilling },
  { key: 'indices', path: billingPaths.indices },
] as const;

/** The billing app's sections, as tabs above the page. */
export function BillingNavigation() {
  const { t } = useTranslation(billingNamespace);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // The longest path wins: "Facturation des contrats" lives under "Contrats".
  const active = tabs.filter((tab) => pathname.startsWith(tab.path)).sort((a, b) => b.path.length - a.path.length)[0]?.key ?? 'billable';
  return (
    <Tabs value={active} onChange={(key) => navigate(tabs.find((tab) => tab.key === key)?.path ?? billingPaths.billable)} mb="md">
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
