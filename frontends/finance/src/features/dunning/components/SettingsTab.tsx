import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { FormActionError, fieldErrorOf, useFormAction } from '@relais/session';
import { ErrorNotice, LoadingState, SectionCard, isTypedDecimal } from '@relais/ui';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DunningSettingsFieldsFragment } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import {
  dunningModes,
  isWholeDays,
  settingsInput,
  settingsPath,
  settingsValues,
  type DunningSettingsValues,
} from '../hooks/dunning-settings-form';
import { useDunningSettings, useUpdateDunningSettings } from '../hooks/use-dunning-settings';
import { LevelsEditor } from './LevelsEditor';

/** "Réglages": the ladder of levels, the late-interest rate, the spacing of reminders and the sending mode. */
export function SettingsTab() {
  const { settings, loading, error, reload } = useDunningSettings();
  const [saved, setSaved] = useState(false);
  if (loading) return <LoadingState />;
  if (!settings) return error ? <ErrorNotice onRetry={() => void reload()} /> : null;
  return (
    <SettingsForm
      // A new version read (saved here, or reloaded after someone else saved) starts the form again.
      key={settings.version}
      settings={settings}
      saved={saved}
      onSaved={() => setSaved(true)}
      onEdit={() => setSaved(false)}
      onReload={() => void reload()}
    />
  );
}

function SettingsForm({
  settings,
  saved,
  onSaved,
  onEdit,
  onReload,
}: {
  settings: DunningSettingsFieldsFragment;
  saved: boolean;
  onSaved: () => void;
  onEdit: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const { save, busy } = useUpdateDunningSettings();
  const form = useForm<DunningSettingsValues>({ defaultValues: settingsValues(settings) });
  const action = useFormAction(form, settingsPath);
  const errorOf = (path: string) => fieldErrorOf(form.formState.errors, path);
  const submit = form.handleSubmit(async (values) => {
    if (await action.run(() => save(settingsInput(values), settings.version))) onSaved();
  });
  return (
    <Stack component="form" onSubmit={(event) => void submit(event)} onChange={onEdit} data-testid="dunning-settings">
      <SectionCard title={t('dunning.settings.levels')}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('dunning.settings.levelsHint')}
        </Text>
        <LevelsEditor form={form} />
      </SectionCard>
      <SectionCard title={t('dunning.settings.charges')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('dunning.settings.lateInterestRate')}
            description={t('dunning.settings.lateInterestRateHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            rightSection={<Text size="sm">%</Text>}
            inputMode="decimal"
            withAsterisk
            error={errorOf('lateInterestRate')}
            {...form.register('lateInterestRate', {
              required: t('common.required'),
              validate: (value) => isTypedDecimal(value) || t('dunning.settings.rateFormat'),
            })}
          />
          <TextInput
            label={t('dunning.settings.minimumDaysBetween')}
            description={t('dunning.settings.minimumDaysBetweenHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            rightSection={<Text size="sm">{t('dunning.settings.daysUnit')}</Text>}
            rightSectionWidth={56}
            inputMode="numeric"
            withAsterisk
            error={errorOf('minimumDaysBetween')}
            {...form.register('minimumDaysBetween', {
              required: t('common.required'),
              validate: (value) => isWholeDays(value) || t('dunning.settings.wholeDays'),
            })}
          />
        </SimpleGrid>
      </SectionCard>
      <SectionCard title={t('dunning.settings.mode')}>
        <Controller
          control={form.control}
          name="mode"
          render={({ field, fieldState }) => (
            <Radio.Group
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
                onEdit();
              }}
              error={fieldState.error?.message}
              aria-label={t('dunning.settings.mode')}
            >
              <Stack gap="sm">
                {dunningModes.map((mode) => (
                  <Radio
                    key={mode}
                    value={mode}
                    label={t(`dunning.mode.${mode}.label`)}
                    description={t(`dunning.mode.${mode}.description`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
      </SectionCard>
      <FormActionError
        error={action.error}
        unplaced={action.unplaced}
        onReload={() => {
          action.clear();
          onReload();
        }}
      />
      {saved && !action.error && (
        <Alert color="green" data-testid="dunning-settings-saved">
          {t('dunning.settings.saved')}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={busy}>
          {t('dunning.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
