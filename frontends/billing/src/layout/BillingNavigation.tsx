import { Tabs } from '@mantine/core';
import { useCan } from '@relais/session';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { billingNamespace } from '../i18n/register';
import { billingPaths } from '../routes';

const tabs = [
  // The clerk's worktable: for those who may write billing data.
  { key: 'billable', path: billingPaths.billable, writersOnly: true },
  { key: 'quotes', path: billingPaths.quotes },
  { key: 'invoices', path: billingPaths.invoices },
  { key: 'creditNotes', path: billingPaths.creditNotes },
  { key: 'customers', path: billingPaths.customers },
  { key: 'contracts', path: billingPaths.contracts },
  { key: 'contractBilling', path: billingPaths.contractBilling },
  { key: 'indices', path: billingPaths.indices },
  { key: 'catalog', path: billingPaths.catalog },
  { key: 'priceLists', path: billingPaths.priceLists },
  // The tenant's settings: only admins may change them.
  { key: 'invoicingSettings', path: billingPaths.invoicingSettings, adminsOnly: true },
] as const;

/** The billing app's sections, as tabs above the page. */
export function BillingNavigation() {
  const { t } = useTranslation(billingNamespace);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const canWrite = useCan('billing:write');
  const isAdmin = useCan('platform:admin');
  const shown = tabs.filter((tab) => (canWrite || !('writersOnly' in tab)) && (isAdmin || !('adminsOnly' in tab)));
  // The longest path wins: "Facturation des contrats" lives under "Contrats"; an unknown page highlights none.
  const active = shown.filter((tab) => pathname.startsWith(tab.path)).sort((a, b) => b.path.length - a.path.length)[0]?.key ?? null;
  return (
    <Tabs value={active} onChange={(key) => navigate(tabs.find((tab) => tab.key === key)?.path ?? billingPaths.billable)} mb="md">
      <Tabs.List aria-label={t('nav.label')}>
        {shown.map((tab) => (
          <Tabs.Tab key={tab.key} value={tab.key}>
            {t(`nav.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
