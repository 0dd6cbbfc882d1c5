import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { hoursLabel } from '../../../shared/hours';
import { useSkillNames } from '../../../shared/skills';
import { useDateFormats } from '../../../shared/use-date-formats';
import type { BoardJob, BoardTechnician } from '../hooks/use-dispatch-board';
import { durationChoices, slotOf, validateScheduleForm, type ScheduleFormErrors, type ScheduleFormValues } from '../hooks/schedule-form';
import type { ScheduleRequest } from '../hooks/use-schedule-job';

/**
 * "Planifier": the alternative to drag and drop, usable with the keyboard alone: a technician
 * (type to search, arrows, Enter), a day, a start time and a duration, then Enter.
 */
export function ScheduleJobModal({
  job,
  initial,
  technicians,
  onClose,
  onSchedule,
}: {
  job: BoardJob;
  initial: ScheduleFormValues;
  technicians: readonly BoardTechnician[];
  onClose: () => void;
  onSchedule: (request: ScheduleRequest) => Promise<boolean>;
}) {
  const { t } = useTranslation(planningNamespace);
  const formats = useDateFormats();
  const skillNames = useSkillNames();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ScheduleFormErrors>({});
  const [saving, setSaving] = useState(false);
  const set = (field: keyof ScheduleFormValues) => (value: string | null) => setValues((current) => ({ ...current, [field]: value ?? '' }));
  const errorOf = (field: keyof ScheduleFormValues) => (errors[field] ? t(`schedule.error.${errors[field]}`) : undefined);
  const technician = technicians.find((candidate) => candidate.id === values.technicianId);
  const missing = technician ? job.requiredSkills.filter((skill) => !technician.skills.includes(skill)) : [];

  async function submit() {
    const found = validateScheduleForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0 || !technician) return;
    setSaving(true);
    const scheduled = await onSchedule({ job, technicianIds: [technician.id], technicianName: technician.fullName, ...slotOf(values) });
    setSaving(false);
    if (scheduled) onClose();
  }

  return (
    <Modal opened onClose={onClose} title={t('schedule.title', { number: job.number })} size="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <div>
            <Text fw={600} size="sm">
              {job.title}
            </Text>
            <Text size="sm" c="dimmed">
              {job.customer.name} — {job.site.name}, {job.site.address.city}
            </Text>
            {job.requiredSkills.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('schedule.requiredSkills', { skills: skillNames(job.requiredSkills).join(', ') })}
              </Text>
            )}
          </div>
          <Select
            data-autofocus
            label={t('schedule.technician')}
            searchable
            allowDeselect={false}
            data={technicians.map((candidate) => ({ value: candidate.id, label: candidate.fullName }))}
            value={values.technicianId}
            onChange={set('technicianId')}
            error={errorOf('technicianId')}
            description={missing.length > 0 ? t('schedule.missingSkills', { skills: skillNames(missing).join(', ') }) : undefined}
            comboboxProps={{ withinPortal: false }}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('schedule.date')}
              value={values.date}
              onChange={(event) => set('date')(event.currentTarget.value)}
              error={errorOf('date')}
            />
            <TextInput
              type="time"
              step={900}
              label={t('schedule.time')}
              value={values.time}
              onChange={(event) => set('time')(event.currentTarget.value)}
              error={errorOf('time')}
            />
          </Group>
          <Select
            label={t('schedule.duration')}
            allowDeselect={false}
            data={durationChoices(job.estimatedDurationMinutes).map((minutes) => ({
              value: String(minutes),
              label: hoursLabel(minutes, formats.locale),
            }))}
            value={values.duration}
            onChange={set('duration')}
            error={errorOf('duration')}
            comboboxProps={{ withinPortal: false }}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('schedule.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
