import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';

export function CustomerSearchInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <TextInput
      type="search"
      w={320}
      aria-label={t('customers.search')}
      placeholder={t('customers.searchPlaceholder')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
