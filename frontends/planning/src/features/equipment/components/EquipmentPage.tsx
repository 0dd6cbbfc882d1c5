import { Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { AddressLines, ErrorNotice, FieldList, LoadingState, PageHeader, SectionCard } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { billingCustomerPath, planningPaths } from '../../../routes';
import { useDateFormats } from '../../../shared/use-date-formats';
import { useCanEditEquipment, useEquipment } from '../hooks/use-equipment';
import { EquipmentHistoryTimeline } from './EquipmentHistoryTimeline';
import { EquipmentStatusBadge } from './EquipmentStatusBadge';

export function EquipmentPage() {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const { equipmentId = '' } = useParams();
  const { equipment, loading, error, retry } = useEquipment(equipmentId);
  const canEdit = useCanEditEquipment();
  if (loading) return <LoadingState />;
  if (error) return <ErrorNotice onRetry={retry} />;
  if (!equipment) return <Text c="dimmed">{t('common.notFound')}</Text>;
  return (
    <>
      <PageHeader title={equipment.name} subtitle={`${equipment.customer.name} — ${equipment.site.name}`}>
        <Group gap="sm">
          <EquipmentStatusBadge status={equipment.status} />
          <Button variant="default" component="a" href={billingCustomerPath(equipment.customer.id)}>
            {t('equipmentForm.customerFile')}
          </Button>
          {canEdit && (
            <Button component={Link} to={planningPaths.editEquipment(equipment.id)}>
              {t('equipmentForm.edit')}
            </Button>
          )}
        </Group>
      </PageHeader>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <SectionCard title={t('equipment.identity')}>
            <FieldList
              fields={[
                { label: t('equipment.field.category'), value: t(`enum.equipmentCategory.${equipment.category}`) },
                { label: t('equipment.field.brand'), value: equipment.brand },
                { label: t('equipment.field.model'), value: equipment.model },
                { label: t('equipment.field.serial'), value: equipment.serialNumber },
                { label: t('equipment.field.refrigerant'), value: equipment.refrigerantType },
                {
                  label: t('equipment.field.charge'),
                  value: equipment.refrigerantChargeKg
                    ? t('equipment.field.chargeValue', { kg: formats.decimal(equipment.refrigerantChargeKg) })
                    : null,
                },
                { label: t('equipment.field.installedOn'), value: equipment.installedOn ? formats.date(equipment.installedOn) : null },
                {
                  label: t('equipment.field.warrantyEndsOn'),
                  value: equipment.warrantyEndsOn ? formats.date(equipment.warrantyEndsOn) : null,
                },
                { label: t('equipment.field.customer'), value: equipment.customer.name },
                {
                  label: t('equipment.field.site'),
                  value: (
                    <>
                      <Text>{equipment.site.name}</Text>
                      <AddressLines address={equipment.site.address} />
                    </>
                  ),
                },
                {
                  label: t('equipment.field.parent'),
                  value: equipment.parent && (
                    <Anchor component={Link} to={planningPaths.equipment(equipment.parent.id)}>
                      {equipment.parent.name}
                    </Anchor>
                  ),
                },
                {
                  label: t('equipment.field.contract'),
                  value: equipment.contract && (
                    <Anchor component={Link} to={planningPaths.contract(equipment.contract.id)}>
                      {equipment.contract.reference} — {equipment.contract.title}
                    </Anchor>
                  ),
                },
              ]}
            />
          </SectionCard>
          {equipment.children.length > 0 && (
            <SectionCard title={t('equipment.children')}>
              <Stack gap={4}>
                {equipment.children.map((child) => (
                  <Anchor key={child.id} component={Link} to={planningPaths.equipment(child.id)} size="sm">
                    {child.name} — {t(`enum.equipmentCategory.${child.category}`)}
                  </Anchor>
                ))}
              </Stack>
            </SectionCard>
          )}
        </Stack>
        <SectionCard title={t('equipment.history')}>
          <EquipmentHistoryTimeline events={equipment.history} />
        </SectionCard>
      </SimpleGrid>
    </>
  );
}
