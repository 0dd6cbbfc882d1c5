import { useFormAction } from '@relais/session';
import { PageHeader } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { newTechnicianValues, technicianFormPath, technicianInput, type TechnicianFormValues } from '../hooks/technician-form';
import { useCreateTechnician } from '../hooks/use-technician-save';
import { TechnicianForm } from './TechnicianForm';

/** "Nouveau technicien": then back to the team. */
export function NewTechnicianPage() {
  const { t } = useTranslation(planningNamespace);
  const navigate = useNavigate();
  const { create, busy } = useCreateTechnician();
  const form = useForm<TechnicianFormValues>({ defaultValues: newTechnicianValues() });
  const action = useFormAction(form, technicianFormPath);

  const submit = form.handleSubmit(async (values) => {
    const created = await action.run(() => create(technicianInput(values)));
    if (created) void navigate(planningPaths.technicians);
  });

  return (
    <>
      <PageHeader title={t('technicians.form.newTitle')} />
      <TechnicianForm
        form={form}
        submitLabel={t('technicians.form.create')}
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={() => void navigate(planningPaths.technicians)}
      />
    </>
  );
}
