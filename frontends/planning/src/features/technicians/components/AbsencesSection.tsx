import { Button, Group, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { ConfirmModal, FormActionError, fieldErrorOf, useAction, useCan, useFormAction } from '@relais/session';
import { ErrorNotice, LoadingState, SectionCard, todayInParis, useFormatters } from '@relais/ui';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TechnicianAbsenceFragment } from '../../../gql/graphql';
import { planningNamespace } from '../../../i18n/register';
import {
  absenceDays,
  absenceFormPath,
  absenceInput,
  absencesWindow,
  newAbsenceValues,
  type AbsenceFormValues,
} from '../hooks/absence-form';
import { useTechnicianAbsences } from '../hooks/use-technician-absences';

/**
 * « Absences » of a technician's record: leave, training, sick days, from a month back to a year
 * ahead. The office adds one by its first and last days and removes one after confirming; the board
 * shows them. Others read the list.
 */
export function AbsencesSection({ technicianId, technicianName }: { technicianId: string; technicianName: string }) {
  const { t } = useTranslation(planningNamespace);
  const format = useFormatters();
  const office = useCan('maintenance:office');
  const window = useMemo(() => absencesWindow(todayInParis()), []);
  const absences = useTechnicianAbsences(technicianId, window);
  const [removed, setRemoved] = useState<TechnicianAbsenceFragment | null>(null);
  const removal = useAction();
  const period = (absence: TechnicianAbsenceFragment) => {
    const { first, last } = absenceDays(absence);
    return { from: format.date(first), to: format.date(last) };
  };
  return (
    <SectionCard title={t('technicians.absences.title')}>
      <Stack gap="md" data-testid="technician-absences">
        <Text size="sm" c="dimmed">
          {t('technicians.absences.hint')}
        </Text>
        {Boolean(absences.error) && <ErrorNotice onRetry={absences.retry} />}
        {absences.loading ? (
          <LoadingState />
        ) : absences.absences.length === 0 ? (
          <Text size="sm">{t('technicians.absences.empty')}</Text>
        ) : (
          <Table verticalSpacing="xs" aria-label={t('technicians.absences.tableLabel', { name: technicianName })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('technicians.absences.column.from')}</Table.Th>
                <Table.Th>{t('technicians.absences.column.to')}</Table.Th>
                <Table.Th>{t('technicians.absences.column.reason')}</Table.Th>
                {office && (
                  <Table.Th>
                    <VisuallyHidden>{t('technicians.absences.column.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {absences.absences.map((absence) => (
                <Table.Tr key={absence.id}>
                  <Table.Td>{period(absence).from}</Table.Td>
                  <Table.Td>{period(absence).to}</Table.Td>
                  <Table.Td>{absence.reason}</Table.Td>
                  {office && (
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={t('technicians.absences.removeLabel', period(absence))}
                        onClick={() => {
                          removal.clear();
                          setRemoved(absence);
                        }}
                      >
                        {t('technicians.absences.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {office && <AddAbsenceForm technicianId={technicianId} busy={absences.adding} add={absences.add} />}
      </Stack>
      {removed && (
        <ConfirmModal
          title={t('technicians.absences.confirmTitle')}
          confirmLabel={t('technicians.absences.confirm')}
          color="red"
          busy={absences.removing}
          error={removal.error}
          onClose={() => setRemoved(null)}
          onConfirm={() =>
            void removal
              .run(() => absences.remove(removed.id))
              .then((done) => {
                if (done) setRemoved(null);
              })
          }
        >
          {t('technicians.absences.confirmText', { name: technicianName, reason: removed.reason, ...period(removed) })}
        </ConfirmModal>
      )}
    </SectionCard>
  );
}

function AddAbsenceForm({
  technicianId,
  busy,
  add,
}: {
  technicianId: string;
  busy: boolean;
  add: ReturnType<typeof useTechnicianAbsences>['add'];
}) {
  const { t } = useTranslation(planningNamespace);
  const form = useForm<AbsenceFormValues>({ defaultValues: newAbsenceValues() });
  const action = useFormAction(form, absenceFormPath);
  const errorOf = (path: keyof AbsenceFormValues) => fieldErrorOf(form.formState.errors, path);
  const required = (value: string) => value.trim().length > 0 || t('technicians.form.required');
  const submit = form.handleSubmit(async (values) => {
    const added = await action.run(() => add(absenceInput(technicianId, values)));
    if (added) form.reset(newAbsenceValues());
  });
  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={t('technicians.absences.add')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="absence-form"
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={t('technicians.absences.from')}
          withAsterisk
          error={errorOf('from')}
          {...form.register('from', { validate: required })}
        />
        <TextInput
          type="date"
          label={t('technicians.absences.to')}
          withAsterisk
          error={errorOf('to')}
          {...form.register('to', { validate: required })}
        />
        <TextInput
          label={t('technicians.absences.reason')}
          placeholder={t('technicians.absences.reasonPlaceholder')}
          withAsterisk
          error={errorOf('reason')}
          {...form.register('reason', { validate: required })}
        />
      </SimpleGrid>
      <FormActionError error={action.error} unplaced={action.unplaced} />
      <Group justify="flex-end">
        <Button type="submit" variant="light" loading={busy}>
          {t('technicians.absences.add')}
        </Button>
      </Group>
    </Stack>
  );
}
