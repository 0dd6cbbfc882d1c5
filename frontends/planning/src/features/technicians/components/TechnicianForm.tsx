import { Button, Checkbox, Group, MultiSelect, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { FormActionError, fieldErrorOf, type GraphQLFieldError } from '@relais/session';
import { SectionCard, isTypedDecimal } from '@relais/ui';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { technicianSkills, weekdays, type TechnicianFormValues } from '../hooks/technician-form';

/**
 * A technician as the office types them: name and contact, skills by their names, working hours and
 * days (the board's frame), and the loaded hourly cost in French decimals. The server checks it and
 * names the fields it refuses, shown under them.
 */
export function TechnicianForm({
  form,
  submitLabel,
  busy,
  error,
  unplaced,
  onSubmit,
  onCancel,
  onReload,
}: {
  form: UseFormReturn<TechnicianFormValues>;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  unplaced: readonly GraphQLFieldError[];
  onSubmit: () => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation(planningNamespace);
  const errorOf = (path: keyof TechnicianFormValues) => fieldErrorOf(form.formState.errors, path);
  return (
    <Stack
      component="form"
      gap="md"
      maw={900}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      data-testid="technician-form"
    >
      <SectionCard title={t('technicians.form.section.identity')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('technicians.form.fullName')}
            withAsterisk
            data-autofocus
            error={errorOf('fullName')}
            {...form.register('fullName', { validate: (value) => value.trim().length > 0 || t('technicians.form.required') })}
          />
          <TextInput label={t('technicians.form.email')} type="email" error={errorOf('email')} {...form.register('email')} />
          <TextInput label={t('technicians.form.phone')} type="tel" error={errorOf('phone')} {...form.register('phone')} />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="skills"
          render={({ field, fieldState }) => (
            <MultiSelect
              mt="sm"
              label={t('technicians.form.skills')}
              placeholder={field.value.length ? undefined : t('technicians.form.skillsPlaceholder')}
              data={technicianSkills.map((skill) => ({ value: skill, label: t(`skill.${skill}`) }))}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
      </SectionCard>
      <SectionCard title={t('technicians.form.section.hours')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('technicians.form.workDayStart')}
            type="time"
            error={errorOf('workDayStart')}
            {...form.register('workDayStart')}
          />
          <TextInput label={t('technicians.form.workDayEnd')} type="time" error={errorOf('workDayEnd')} {...form.register('workDayEnd')} />
          <TextInput
            label={t('technicians.form.costRate')}
            description={t('technicians.modal.hint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            inputMode="decimal"
            rightSection={<Text size="sm">€/h</Text>}
            error={errorOf('costRate')}
            {...form.register('costRate', {
              validate: (value) => value.trim() === '' || isTypedDecimal(value) || t('technicians.modal.invalid'),
            })}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="workDays"
          render={({ field, fieldState }) => (
            <Checkbox.Group
              mt="sm"
              label={t('technicians.form.workDays')}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            >
              <Group mt={6}>
                {weekdays.map((day) => (
                  <Checkbox key={day} value={String(day)} label={t(`technicians.form.weekday.${day}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <Controller
          control={form.control}
          name="active"
          render={({ field }) => (
            <Switch
              mt="md"
              label={t('technicians.form.active')}
              description={t('technicians.form.activeHint')}
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
            />
          )}
        />
      </SectionCard>
      <FormActionError error={error} unplaced={unplaced} onReload={onReload} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('technicians.form.cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
