import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { DraftFormValues } from '../hooks/draft-form';
import type { VatRateOption } from '../hooks/use-editor-data';

/** Document-level discounts and charges (HT, at one VAT rate each). */
export function AllowanceChargesEditor({
  form,
  vatRates,
  defaultVatRateCode,
}: {
  form: UseFormReturn<DraftFormValues>;
  vatRates: readonly VatRateOption[];
  defaultVatRateCode: string;
}) {
  const { t } = useTranslation(billingNamespace);
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'allowanceCharges' });
  const label = (field: string, index: number) =>
    t('invoice.allowance.fieldOf', { field: t(`invoice.allowance.${field}`), row: index + 1 });
  return (
    <Stack gap="xs">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('invoice.allowance.none')}
        </Text>
      )}
      {fields.map((field, index) => (
        <Group key={field.id} gap="xs" wrap="nowrap">
          <Controller
            control={form.control}
            name={`allowanceCharges.${index}.charge`}
            render={({ field: charge }) => (
              <Select
                size="xs"
                w={120}
                aria-label={label('kind', index)}
                allowDeselect={false}
                data={[
                  { value: 'allowance', label: t('invoice.allowance.allowance') },
                  { value: 'charge', label: t('invoice.allowance.charge') },
                ]}
                value={charge.value ? 'charge' : 'allowance'}
                onChange={(value) => charge.onChange(value === 'charge')}
              />
            )}
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            aria-label={label('reason', index)}
            placeholder={t('invoice.allowance.reason')}
            {...form.register(`allowanceCharges.${index}.reason`)}
          />
          <TextInput
            size="xs"
            w={110}
            aria-label={label('amount', index)}
            placeholder={t('invoice.allowance.amount')}
            styles={{ input: { textAlign: 'right' } }}
            {...form.register(`allowanceCharges.${index}.amount`)}
          />
          <Controller
            control={form.control}
            name={`allowanceCharges.${index}.vatRateCode`}
            render={({ field: vat }) => (
              <Select
                size="xs"
                w={110}
                aria-label={label('vatRate', index)}
                allowDeselect={false}
                data={vatRates}
                value={vat.value}
                onChange={(value) => value && vat.onChange(value)}
              />
            )}
          />
          <ActionIcon
            size="sm"
            variant="subtle"
            color="red"
            aria-label={t('invoice.allowance.remove', { row: index + 1 })}
            onClick={() => remove(index)}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => append({ charge: false, reason: '', amount: '', vatRateCode: defaultVatRateCode })}
        >
          {t('invoice.allowance.add')}
        </Button>
      </Group>
    </Stack>
  );
}
