import { Badge } from '@mantine/core';
import { DataTable, SectionCard } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { CustomerDetail } from '../hooks/use-customer';

type Contact = CustomerDetail['contacts'][number];

export function CustomerContactsCard({ contacts }: { contacts: readonly Contact[] }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <SectionCard title={t('customer.contacts')}>
      <DataTable
        rows={contacts}
        rowKey={(contact) => contact.id}
        emptyLabel={t('customer.noContacts')}
        columns={[
          {
            key: 'fullName',
            header: t('customer.contact.fullName'),
            render: (contact) => (
              <>
                {contact.fullName}{' '}
                {contact.isBillingContact && (
                  <Badge size="xs" variant="light">
                    {t('customer.contact.billingContact')}
                  </Badge>
                )}
              </>
            ),
          },
          {
            key: 'jobTitle',
            header: t('customer.contact.jobTitle'),
            render: (contact) => contact.jobTitle,
          },
          { key: 'email', header: t('customer.contact.email'), render: (contact) => contact.email },
          { key: 'phone', header: t('customer.contact.phone'), render: (contact) => contact.phone },
        ]}
      />
    </SectionCard>
  );
}
