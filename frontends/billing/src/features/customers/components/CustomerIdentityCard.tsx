import { FieldList, SectionCard } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { CustomerDetail } from '../hooks/use-customer';

export function CustomerIdentityCard({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <SectionCard title={t('customer.identity')}>
      <FieldList
        fields={[
          { label: t('customer.siren'), value: customer.siren },
          { label: t('customer.siret'), value: customer.siret },
          { label: t('customer.vatNumber'), value: customer.vatNumber },
          { label: t('customer.accountingAuxiliaryCode'), value: customer.accountingAuxiliaryCode },
          { label: t('customer.email'), value: customer.email },
          { label: t('customer.phone'), value: customer.phone },
        ]}
      />
    </SectionCard>
  );
}
