import { AddressLines, DataTable, SectionCard } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { CustomerDetail } from '../hooks/use-customer';

type Site = CustomerDetail['sites'][number];

export function CustomerSitesCard({ sites }: { sites: readonly Site[] }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <SectionCard title={t('customer.sites')}>
      <DataTable
        rows={sites}
        rowKey={(site) => site.id}
        emptyLabel={t('customer.noSites')}
        columns={[
          { key: 'name', header: t('customer.site.name'), render: (site) => site.name },
          {
            key: 'address',
            header: t('customer.site.address'),
            render: (site) => <AddressLines address={site.address} />,
          },
          {
            key: 'accessNotes',
            header: t('customer.site.accessNotes'),
            render: (site) => site.accessNotes,
          },
        ]}
      />
    </SectionCard>
  );
}
