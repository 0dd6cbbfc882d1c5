import { AddressLines, FieldList, SectionCard } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { CustomerDetail } from '../hooks/use-customer';
import { PaymentTermsLabel } from './PaymentTermsLabel';

export function CustomerBillingCard({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <SectionCard title={t('customer.billing')}>
      <FieldList
        fields={[
          {
            label: t('customer.billingAddress'),
            value: <AddressLines address={customer.billingAddress} />,
          },
          {
            label: t('customer.paymentTerms'),
            value: <PaymentTermsLabel days={customer.paymentTermsDays} kind={customer.paymentTermsKind} />,
          },
          { label: t('customer.notes'), value: customer.notes },
        ]}
      />
    </SectionCard>
  );
}
