import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { FormActionError, fieldErrorOf, type GraphQLFieldError } from '@relais/session';
import { SectionCard, isTypedDecimal } from '@relais/ui';
import type { ReactNode } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { VatRateOption } from '../../invoice/hooks/use-editor-data';
import { catalogKinds, catalogUnits, type CatalogFormValues } from '../hooks/catalog-form';

/**
 * A part or a service as the office types it: code, label, kind and unit, prices HT in French
 * decimals and the VAT rate its lines take. The server checks it and names the fields it refuses,
 * shown under them. Read-only for those who may not write billing data.
 */
export function CatalogItemForm({
  form,
  vatRates,
  readOnly,
  submitLabel,
  busy,
  error,
  unplaced,
  onSubmit,
  onCancel,
  extraActions,
}: {
  form: UseFormReturn<CatalogFormValues>;
  vatRates: readonly VatRateOption[];
  readOnly: boolean;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  unplaced: readonly GraphQLFieldError[];
  onSubmit: () => void;
  onCancel: () => void;
  extraActions?: ReactNode;
}) {
  const { t } = useTranslation(billingNamespace);
  const errorOf = (path: keyof CatalogFormValues) => fieldErrorOf(form.formState.errors, path);
  const required = (value: string) => value.trim().length > 0 || t('catalog.form.required');
  const price = (optional: boolean) => (value: string) =>
    (optional && value.trim() === '') || isTypedDecimal(value) || t('catalog.form.decimal');
  const unit = form.watch('unit');
  const units = [...catalogUnits, ...(catalogUnits.includes(unit as never) ? [] : [unit])];
  const select = (name: 'kind' | 'unit' | 'vatRateCode', data: { value: string; label: string }[]) => (
    <Controller
      control={form.control}
      name={name}
      rules={{ validate: required }}
      render={({ field, fieldState }) => (
        <Select
          label={t(`catalog.form.${name}`)}
          withAsterisk
          allowDeselect={false}
          data={data}
          value={field.value || null}
          onChange={(value) => value && field.onChange(value)}
          error={fieldState.error?.message}
        />
      )}
    />
  );
  return (
    <Stack
      component="form"
      gap="md"
      maw={900}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      data-testid="catalog-item-form"
    >
      <Fieldset variant="unstyled" disabled={readOnly}>
        <Stack gap="md">
          <SectionCard title={t('catalog.form.section.item')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('catalog.form.code')}
                description={t('catalog.form.codeHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                withAsterisk
                data-autofocus
                error={errorOf('code')}
                {...form.register('code', { validate: required })}
              />
              <TextInput
                label={t('catalog.form.label')}
                withAsterisk
                error={errorOf('label')}
                {...form.register('label', { validate: required })}
              />
              {select(
                'kind',
                catalogKinds.map((kind) => ({ value: kind, label: t(`catalog.kind.${kind}`) })),
              )}
              {select(
                'unit',
                units.map((code) => ({ value: code, label: t(`catalog.unit.${code}`, { defaultValue: code }) })),
              )}
            </SimpleGrid>
          </SectionCard>
          <SectionCard title={t('catalog.form.section.prices')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('catalog.form.salePrice')}
                withAsterisk
                inputMode="decimal"
                rightSection={<Text size="sm">€</Text>}
                error={errorOf('salePrice')}
                {...form.register('salePrice', { validate: price(false) })}
              />
              <TextInput
                label={t('catalog.form.purchaseCost')}
                description={t('catalog.form.purchaseCostHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                inputMode="decimal"
                rightSection={<Text size="sm">€</Text>}
                error={errorOf('purchaseCost')}
                {...form.register('purchaseCost', { validate: price(true) })}
              />
              {select('vatRateCode', [...vatRates])}
            </SimpleGrid>
          </SectionCard>
        </Stack>
      </Fieldset>
      <FormActionError error={error} unplaced={unplaced} />
      <Group justify="space-between">
        <Group>{extraActions}</Group>
        <Group>
          <Button variant="default" onClick={onCancel}>
            {readOnly ? t('catalog.form.back') : t('catalog.form.cancel')}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}
