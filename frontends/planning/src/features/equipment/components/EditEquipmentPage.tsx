import { Text } from '@mantine/core';
import { useFormAction } from '@relais/session';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { EquipmentDetailQuery } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { equipmentFormPath, equipmentInput, equipmentValuesFrom, type EquipmentFormValues } from '../hooks/equipment-form';
import { useEquipment } from '../hooks/use-equipment';
import { useEquipmentFormOptions, useUpdateEquipment } from '../hooks/use-equipment-save';
import { EquipmentForm } from './EquipmentForm';

/** "Modifier" an equipment, from the version loaded (STALE_VERSION if someone saved it meanwhile). */
export function EditEquipmentPage() {
  const { t } = useTranslation(planningNamespace);
  const { equipmentId = '' } = useParams();
  const { equipment, loading, error, retry } = useEquipment(equipmentId);
  if (loading) return <LoadingState />;
  if (error) return <ErrorNotice onRetry={retry} />;
  if (!equipment) return <Text c="dimmed">{t('common.notFound')}</Text>;
  return <EditEquipment key={equipment.version} equipment={equipment} onReload={retry} />;
}

function EditEquipment({ equipment, onReload }: { equipment: NonNullable<EquipmentDetailQuery['equipment']>; onReload: () => void }) {
  const { t } = useTranslation(planningNamespace);
  const navigate = useNavigate();
  const options = useEquipmentFormOptions(equipment.site.id);
  const { update, busy } = useUpdateEquipment(equipment.id);
  const form = useForm<EquipmentFormValues>({ defaultValues: equipmentValuesFrom(equipment) });
  const action = useFormAction(form, equipmentFormPath);

  const submit = form.handleSubmit(async (values) => {
    const saved = await action.run(() => update(equipmentInput(values), equipment.version));
    if (saved) void navigate(planningPaths.equipment(equipment.id));
  });

  return (
    <>
      <PageHeader
        title={t('equipmentForm.editTitle', { name: equipment.name })}
        subtitle={t('equipmentForm.where', { customer: equipment.customer.name, site: equipment.site.name })}
      />
      <EquipmentForm
        form={form}
        sites={options.sites}
        contracts={options.contracts}
        submitLabel={t('equipmentForm.save')}
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={() => void navigate(planningPaths.equipment(equipment.id))}
        onReload={onReload}
      />
    </>
  );
}
