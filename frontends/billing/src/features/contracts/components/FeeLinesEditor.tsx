import { fieldErrorOf } from '@relais/session';
import { ActionIcon, Button, Checkbox, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { VatRateOption } from '../../../shared/lines/LineRow';
import { emptyFeeLine, type BillingTermsValues } from '../hooks/billing-terms-form';

/** A typed amount: digits, optional spaces between thousands, a comma or a dot before the cents. */
const TYPED_AMOUNT = /^\d[\d\s\u00a0\u202f]*([.,]\d+)?$/;

/** The fee lines of a version, typed inline: label, amount excl. VAT per full period, VAT, indexed, revenue account. */
export function FeeLinesEditor({
  form,
  vatRates,
  defaultVatRateCode,
}: {
  form: UseFormReturn<BillingTermsValues>;
  vatRates: readonly VatRateOption[];
  defaultVatRateCode: string;
}) {
  const { t } = useTranslation(billingNamespace);
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'feeLines' });
  const label = (field: string, line: number) => t('contracts.form.fieldOf', { field: t(`contracts.terms.line.${field}`), line });
  const errorOf = (path: string) => fieldErrorOf(form.formState.errors, path);

  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {t('contracts.form.feeLines')}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={4} data-testid="fee-lines-editor">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.terms.line.label')}</Table.Th>
              <Table.Th ta="right">{t('contracts.terms.line.amount')}</Table.Th>
              <Table.Th>{t('contracts.terms.line.vatRate')}</Table.Th>
              <Table.Th>{t('contracts.terms.line.indexed')}</Table.Th>
              <Table.Th>{t('contracts.terms.line.revenueAccount')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field, index) => {
              const line = index + 1;
              return (
                <Table.Tr key={field.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td miw={260}>
                    <TextInput
                      size="xs"
                      aria-label={label('label', line)}
                      error={errorOf(`feeLines.${index}.label`)}
                      {...form.register(`feeLines.${index}.label`, { required: t('contracts.form.required') })}
                    />
                  </Table.Td>
                  <Table.Td w={140}>
                    <TextInput
                      size="xs"
                      aria-label={label('amount', line)}
                      rightSection={<Text size="xs">€</Text>}
                      styles={{ input: { textAlign: 'right' } }}
                      error={errorOf(`feeLines.${index}.amount`)}
                      {...form.register(`feeLines.${index}.amount`, {
                        required: t('contracts.form.required'),
                        validate: (value) => TYPED_AMOUNT.test(value.trim()) || t('contracts.form.amountFormat'),
                      })}
                    />
                  </Table.Td>
                  <Table.Td w={120}>
                    <Controller
                      control={form.control}
                      name={`feeLines.${index}.vatRateCode`}
                      render={({ field: control, fieldState }) => (
                        <Select
                          size="xs"
                          aria-label={label('vatRate', line)}
                          allowDeselect={false}
                          data={vatRates}
                          value={control.value || null}
                          onChange={(value) => value && control.onChange(value)}
                          error={fieldState.error?.message}
                        />
                      )}
                    />
                  </Table.Td>
                  <Table.Td w={80}>
                    <Checkbox mt={6} aria-label={label('indexed', line)} {...form.register(`feeLines.${index}.indexed`)} />
                  </Table.Td>
                  <Table.Td w={180}>
                    <TextInput
                      size="xs"
                      aria-label={label('revenueAccount', line)}
                      placeholder="706100"
                      error={errorOf(`feeLines.${index}.revenueAccount`)}
                      {...form.register(`feeLines.${index}.revenueAccount`)}
                    />
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon
                      size="sm"
                      mt={4}
                      variant="subtle"
                      color="red"
                      aria-label={t('contracts.form.removeLine', { line })}
                      disabled={fields.length === 1}
                      onClick={() => remove(index)}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group mt="xs">
        <Button variant="light" size="xs" onClick={() => append(emptyFeeLine(defaultVatRateCode))}>
          {t('contracts.form.addLine')}
        </Button>
      </Group>
    </div>
  );
}
