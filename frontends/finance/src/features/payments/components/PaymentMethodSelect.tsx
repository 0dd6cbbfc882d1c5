import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

const paymentMethods: PaymentMethod[] = ['TRANSFER', 'CHECK', 'CARD', 'DIRECT_DEBIT', 'CASH'];

/** How the money came (or went back): transfer, cheque, card, direct debit, cash. */
export function PaymentMethodSelect({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: PaymentMethod;
  onChange: (method: PaymentMethod) => void;
  error?: string;
}) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Select
      label={label}
      allowDeselect={false}
      error={error}
      data={paymentMethods.map((method) => ({ value: method, label: t(`paymentMethod.${method}`) }))}
      value={value}
      onChange={(method) => method && onChange(method as PaymentMethod)}
    />
  );
}
