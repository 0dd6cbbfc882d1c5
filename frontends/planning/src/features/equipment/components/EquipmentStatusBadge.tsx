import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EquipmentStatus } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';

const colorOf: Record<EquipmentStatus, string> = { IN_SERVICE: 'green', OUT_OF_SERVICE: 'red', DECOMMISSIONED: 'gray' };

export function EquipmentStatusBadge({ status }: { status: EquipmentStatus }) {
  const { t } = useTranslation(planningNamespace);
  return (
    <Badge size="sm" variant="light" color={colorOf[status]}>
      {t(`enum.equipmentStatus.${status}`)}
    </Badge>
  );
}
