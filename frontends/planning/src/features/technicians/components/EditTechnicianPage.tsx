import { Stack, Text } from '@mantine/core';
import { useFormAction } from '@relais/session';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { TechnicianDetailFragment } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { technicianFormPath, technicianInput, technicianValuesFrom, type TechnicianFormValues } from '../hooks/technician-form';
import { useTechnician, useUpdateTechnician } from '../hooks/use-technician-save';
import { AbsencesSection } from './AbsencesSection';
import { TechnicianForm } from './TechnicianForm';

/** A technician's record, edited from the version loaded (STALE_VERSION if someone saved it meanwhile), and their absences. */
export function EditTechnicianPage() {
  const { t } = useTranslation(planningNamespace);
  const { technicianId = '' } = useParams();
  const { technician, loading, error, retry } = useTechnician(technicianId);
  if (loading) return <LoadingState />;
  if (error) return <ErrorNotice onRetry={retry} />;
  if (!technician) return <Text c="dimmed">{t('common.notFound')}</Text>;
  return <EditTechnician key={technician.version} technician={technician} onReload={retry} />;
}

function EditTechnician({ technician, onReload }: { technician: TechnicianDetailFragment; onReload: () => void }) {
  const { t } = useTranslation(planningNamespace);
  const navigate = useNavigate();
  const { update, busy } = useUpdateTechnician(technician.id);
  const form = useForm<TechnicianFormValues>({ defaultValues: technicianValuesFrom(technician) });
  const action = useFormAction(form, technicianFormPath);

  const submit = form.handleSubmit(async (values) => {
    const saved = await action.run(() => update(technicianInput(values), technician.version));
    if (saved) void navigate(planningPaths.technicians);
  });

  return (
    <>
      <PageHeader title={technician.fullName} subtitle={t('technicians.form.editSubtitle')} />
      <TechnicianForm
        form={form}
        submitLabel={t('technicians.form.save')}
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={() => void navigate(planningPaths.technicians)}
        onReload={onReload}
      />
      <Stack mt="lg" maw={900}>
        <AbsencesSection technicianId={technician.id} technicianName={technician.fullName} />
      </Stack>
    </>
  );
}
