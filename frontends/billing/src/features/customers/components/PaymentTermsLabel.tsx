import { useTranslation } from 'react-i18next';
import type { PaymentTermsKind } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';

export function PaymentTermsLabel({ days, kind }: { days: number; kind: PaymentTermsKind }) {
  const { t } = useTranslation(billingNamespace);
  return <>{t(`paymentTerms.${kind}`, { count: days })}</>;
}
