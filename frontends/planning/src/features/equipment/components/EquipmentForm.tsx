import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { FormActionError, fieldErrorOf, type GraphQLFieldError } from '@relais/session';
import { SectionCard, isTypedDecimal } from '@relais/ui';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { equipmentCategories } from '../../contracts/hooks/contract-form';
import { equipmentStatuses, type EquipmentFormValues } from '../hooks/equipment-form';

type Option = { value: string; label: string };

/**
 * An equipment as the planner types it: what it is, its technical data (refrigerant charge in
 * French decimals), its site among the customer's and the contract that covers it. The server checks
 * it and names the fields it refuses, shown under them.
 */
export function EquipmentForm({
  form,
  sites,
  contracts,
  submitLabel,
  busy,
  error,
  unplaced,
  onSubmit,
  onCancel,
  onReload,
}: {
  form: UseFormReturn<EquipmentFormValues>;
  sites: readonly Option[];
  contracts: readonly Option[];
  submitLabel: string;
  busy: boolean;
  error: unknown;
  unplaced: readonly GraphQLFieldError[];
  onSubmit: () => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation(planningNamespace);
  const errorOf = (path: keyof EquipmentFormValues) => fieldErrorOf(form.formState.errors, path);
  const text = (
    path: 'name' | 'brand' | 'model' | 'serialNumber' | 'refrigerantType' | 'installedOn' | 'warrantyEndsOn',
    options = {},
  ) => ({
    label: t(`equipmentForm.${path}`),
    error: errorOf(path),
    ...form.register(path, options),
  });

  return (
    <Stack
      component="form"
      gap="md"
      maw={980}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      data-testid="equipment-form"
    >
      <SectionCard title={t('equipmentForm.section.equipment')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            withAsterisk
            data-autofocus
            placeholder={t('equipmentForm.namePlaceholder')}
            {...text('name', { validate: (value: string) => value.trim().length > 0 || t('equipmentForm.required') })}
          />
          <Controller
            control={form.control}
            name="category"
            rules={{ required: t('equipmentForm.required') }}
            render={({ field, fieldState }) => (
              <Select
                label={t('equipmentForm.category')}
                placeholder={t('equipmentForm.categoryPlaceholder')}
                withAsterisk
                data={equipmentCategories.map((category) => ({ value: category, label: t(`enum.equipmentCategory.${category}`) }))}
                value={field.value}
                onChange={(value) => field.onChange(value)}
                error={fieldState.error?.message}
              />
            )}
          />
          <TextInput {...text('brand')} />
          <TextInput {...text('model')} />
          <TextInput {...text('serialNumber')} />
          <Controller
            control={form.control}
            name="status"
            render={({ field, fieldState }) => (
              <Select
                label={t('equipmentForm.status')}
                allowDeselect={false}
                data={equipmentStatuses.map((status) => ({ value: status, label: t(`enum.equipmentStatus.${status}`) }))}
                value={field.value}
                onChange={(value) => value && field.onChange(value)}
                error={fieldState.error?.message}
              />
            )}
          />
        </SimpleGrid>
      </SectionCard>
      <SectionCard title={t('equipmentForm.section.technical')}>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput placeholder={t('equipmentForm.refrigerantTypePlaceholder')} {...text('refrigerantType')} />
          <TextInput
            label={t('equipmentForm.refrigerantChargeKg')}
            inputMode="decimal"
            error={errorOf('refrigerantChargeKg')}
            {...form.register('refrigerantChargeKg', {
              validate: (value) => value.trim() === '' || isTypedDecimal(value) || t('equipmentForm.decimal'),
            })}
          />
          <TextInput type="date" {...text('installedOn')} />
          <TextInput type="date" {...text('warrantyEndsOn')} />
        </SimpleGrid>
      </SectionCard>
      <SectionCard title={t('equipmentForm.section.coverage')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="siteId"
            rules={{ required: t('equipmentForm.required') }}
            render={({ field, fieldState }) => (
              <Select
                label={t('equipmentForm.siteId')}
                withAsterisk
                allowDeselect={false}
                data={sites}
                value={field.value || null}
                onChange={(value) => value && field.onChange(value)}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="contractId"
            render={({ field, fieldState }) => (
              <Select
                label={t('equipmentForm.contractId')}
                data={[{ value: '', label: t('equipmentForm.noContract') }, ...contracts]}
                value={field.value}
                allowDeselect={false}
                onChange={(value) => field.onChange(value ?? '')}
                error={fieldState.error?.message}
              />
            )}
          />
        </SimpleGrid>
      </SectionCard>
      <FormActionError error={error} unplaced={unplaced} onReload={onReload} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('equipmentForm.cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
