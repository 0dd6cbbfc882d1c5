import { fieldErrorOf } from '@relais/session';
import { Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useFormatters } from '@relais/ui';
import type { BillingTermsValues, IndexationValues } from '../hooks/billing-terms-form';
import { useIndexSeriesOptions } from '../hooks/use-contract';

const TYPED_DECIMAL = /^\d+([.,]\d+)?$/;

/** The revision formula P = P0 × (a + b × I / I0): the index, a and b, I0 and its month, first revision, floor and cap. */
export function IndexationFields({ form }: { form: UseFormReturn<BillingTermsValues> }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const series = useIndexSeriesOptions();
  const errorOf = (field: keyof IndexationValues) => fieldErrorOf(form.formState.errors, `indexation.${field}`);
  const required = { required: t('contracts.form.required') };
  const decimal = (optional: boolean) => ({
    validate: (value: string) => (optional && value.trim() === '') || TYPED_DECIMAL.test(value.trim()) || t('contracts.form.decimalFormat'),
  });

  return (
    <Paper withBorder p="md" radius="md" bg="gray.0">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('contracts.form.formula')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Controller
            control={form.control}
            name="indexation.seriesId"
            rules={required}
            render={({ field, fieldState }) => (
              <Select
                label={t('contracts.form.series')}
                placeholder={t('contracts.form.seriesPlaceholder')}
                withAsterisk
                data={series.map((option) => ({ value: option.id, label: `${option.name} (${option.code})` }))}
                value={field.value}
                onChange={field.onChange}
                nothingFoundMessage={t('contracts.form.noSeries')}
                description={(() => {
                  const latest = series.find((option) => option.id === field.value)?.latestValue;
                  return latest
                    ? t('contracts.form.latestValue', { value: format.decimal(latest.value), month: format.month(latest.period) })
                    : series.length === 0
                      ? t('contracts.form.noSeries')
                      : undefined;
                })()}
                error={fieldState.error?.message}
              />
            )}
          />
          <TextInput
            label={t('contracts.form.fixedPart')}
            withAsterisk
            error={errorOf('fixedPart')}
            {...form.register('indexation.fixedPart', decimal(false))}
          />
          <TextInput
            label={t('contracts.form.variablePart')}
            withAsterisk
            error={errorOf('variablePart')}
            {...form.register('indexation.variablePart', decimal(false))}
          />
          <TextInput
            label={t('contracts.form.baseIndexValue')}
            withAsterisk
            error={errorOf('baseIndexValue')}
            {...form.register('indexation.baseIndexValue', decimal(false))}
          />
          <TextInput
            type="month"
            label={t('contracts.form.baseIndexPeriod')}
            withAsterisk
            error={errorOf('baseIndexPeriod')}
            {...form.register('indexation.baseIndexPeriod', required)}
          />
          <TextInput
            type="date"
            label={t('contracts.form.firstRevisionOn')}
            withAsterisk
            error={errorOf('firstRevisionOn')}
            {...form.register('indexation.firstRevisionOn', required)}
          />
          <TextInput
            label={t('contracts.form.coefficientFloor')}
            placeholder="1"
            error={errorOf('coefficientFloor')}
            {...form.register('indexation.coefficientFloor', decimal(true))}
          />
          <TextInput
            label={t('contracts.form.coefficientCap')}
            placeholder="1,05"
            error={errorOf('coefficientCap')}
            {...form.register('indexation.coefficientCap', decimal(true))}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
