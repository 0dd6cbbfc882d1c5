import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';

const colorOf: Record<string, string> = { DRAFT: 'gray', ACTIVE: 'green', EXPIRED: 'orange', TERMINATED: 'red' };

export function ContractStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation(planningNamespace);
  return (
    <Badge size="sm" variant="light" color={colorOf[status] ?? 'gray'}>
      {t(`enum.contractStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}
