import { Alert, Anchor, Stack } from '@mantine/core';
import { useFormAction } from '@relais/session';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { billingCustomerPath, planningPaths } from '../../../routes';
import { equipmentFormPath, equipmentInput, newEquipmentValues, type EquipmentFormValues } from '../hooks/equipment-form';
import { useCreateEquipment, useEquipmentFormOptions } from '../hooks/use-equipment-save';
import { EquipmentForm } from './EquipmentForm';

/** "Nouvel équipement" on a site (`?site=`), reached from the customer's file; then the equipment's page. */
export function NewEquipmentPage() {
  const { t } = useTranslation(planningNamespace);
  const navigate = useNavigate();
  const siteId = useSearchParams()[0].get('site') ?? '';
  const options = useEquipmentFormOptions(siteId);
  const { create, busy } = useCreateEquipment();
  const form = useForm<EquipmentFormValues>({ defaultValues: newEquipmentValues(siteId) });
  const action = useFormAction(form, equipmentFormPath);

  const submit = form.handleSubmit(async (values) => {
    const created = await action.run(() => create(equipmentInput(values)));
    if (created) void navigate(planningPaths.equipment(created.id));
  });

  if (options.loading) return <LoadingState />;
  if (options.error) return <ErrorNotice />;
  if (!options.site || !options.customer)
    return (
      <>
        <PageHeader title={t('equipmentForm.newTitle')} />
        <Alert color="orange">{t('equipmentForm.siteNotFound')}</Alert>
      </>
    );
  const customer = options.customer;
  return (
    <Stack gap="md">
      <Anchor href={billingCustomerPath(customer.id)} size="sm">
        ← {t('equipmentForm.customerFile')} {customer.name}
      </Anchor>
      <PageHeader
        title={t('equipmentForm.newTitle')}
        subtitle={t('equipmentForm.where', { customer: customer.name, site: options.site.name })}
      />
      <EquipmentForm
        form={form}
        sites={options.sites}
        contracts={options.contracts}
        submitLabel={t('equipmentForm.create')}
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={() => window.location.assign(billingCustomerPath(customer.id))}
      />
    </Stack>
  );
}
