import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactRole } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';

const colorOf: Record<ContactRole, string> = { BILLING: 'blue', SITE: 'teal', SIGNATORY: 'grape' };

export function ContactRoleBadges({ roles }: { roles: readonly ContactRole[] }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <Group gap={4} wrap="wrap">
      {roles.map((role) => (
        <Badge key={role} size="sm" variant="light" color={colorOf[role]} style={{ minWidth: 'max-content' }}>
          {t(`customerFile.contactRole.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}
