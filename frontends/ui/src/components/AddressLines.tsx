import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface PostalAddress {
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  country: string;
}

export function AddressLines({ address }: { address: PostalAddress }) {
  const { t } = useTranslation();
  return (
    <Text component="address" fs="normal">
      {address.line1}
      <br />
      {address.line2 && (
        <>
          {address.line2}
          <br />
        </>
      )}
      {address.postalCode} {address.city}
      <br />
      {t(`country.${address.country}`, { defaultValue: address.country })}
    </Text>
  );
}
