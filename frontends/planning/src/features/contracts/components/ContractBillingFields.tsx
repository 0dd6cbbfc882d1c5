import { fieldErrorOf } from '@relais/session';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { isTypedDecimal } from '@relais/ui';
import { useEffect } from 'react';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { billingRhythms, billingTimings, contractPaymentMethods, emptyFeeLine } from '../hooks/contract-billing-form';
import type { ContractFormValues } from '../hooks/contract-form';
import { useContractBillingOptions } from '../hooks/use-contract-save';

/** Hints under the inputs, so that the inputs of a row line up. */
const belowInput: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/**
 * The billing terms saved with the contract: rhythm, timing, payment, fee lines (amounts excl.
 * VAT per full period) and the optional indexation. The rest (anchor date, revenue accounts,
 * coefficient bounds) is set on the contract's billing page.
 */
export function ContractBillingFields({ form }: { form: UseFormReturn<ContractFormValues> }) {
  const { t } = useTranslation(planningNamespace);
  const options = useContractBillingOptions();
  const lines = useFieldArray({ control: form.control, name: 'billing.feeLines' });
  const withIndexation = useWatch({ control: form.control, name: 'billing.withIndexation' });
  const errorOf = (path: string) => fieldErrorOf(form.formState.errors, `billing.${path}`);
  const required = { required: t('contractForm.required') };
  const amount = { validate: (value: string) => isTypedDecimal(value) || t('contractForm.amountFormat') };
  const decimal = { validate: (value: string) => isTypedDecimal(value) || t('contractForm.decimalFormat') };
  const lineLabel = (field: string, line: number) =>
    t('contractForm.billing.fieldOf', { field: t(`contractForm.billing.line.${field}`), line });

  // The VAT rates arrive after the form: a line without a rate gets the default one.
  useEffect(() => {
    if (!options.defaultVatRateCode) return;
    form.getValues('billing.feeLines').forEach((line, index) => {
      if (!line.vatRateCode) form.setValue(`billing.feeLines.${index}.vatRateCode`, options.defaultVatRateCode);
    });
  }, [options.defaultVatRateCode, form]);

  return (
    <Stack gap="md" data-testid="contract-billing-fields">
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <Controller
          control={form.control}
          name="billing.rhythm"
          render={({ field, fieldState }) => (
            <Select
              label={t('contractForm.billing.rhythm')}
              allowDeselect={false}
              data={billingRhythms.map((rhythm) => ({ value: rhythm, label: t(`contractForm.billing.rhythmValue.${rhythm}`) }))}
              value={field.value}
              onChange={(value) => value && field.onChange(value)}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="billing.timing"
          render={({ field, fieldState }) => (
            <Input.Wrapper
              label={t('contractForm.billing.timing')}
              description={t(`contractForm.billing.timingHint.${field.value}`)}
              inputWrapperOrder={belowInput}
              error={fieldState.error?.message}
            >
              <SegmentedControl
                fullWidth
                value={field.value}
                onChange={field.onChange}
                data={billingTimings.map((timing) => ({ value: timing, label: t(`contractForm.billing.timingValue.${timing}`) }))}
              />
            </Input.Wrapper>
          )}
        />
        <Controller
          control={form.control}
          name="billing.paymentMethod"
          render={({ field, fieldState }) => (
            <Input.Wrapper label={t('contractForm.billing.paymentMethod')} error={fieldState.error?.message}>
              <SegmentedControl
                fullWidth
                value={field.value}
                onChange={field.onChange}
                data={contractPaymentMethods.map((method) => ({
                  value: method,
                  label: t(`contractForm.billing.paymentMethodValue.${method}`),
                }))}
              />
            </Input.Wrapper>
          )}
        />
        <TextInput
          label={t('contractForm.billing.paymentTermsDays')}
          placeholder={t('contractForm.billing.paymentTermsPlaceholder')}
          inputMode="numeric"
          error={errorOf('paymentTermsDays')}
          {...form.register('billing.paymentTermsDays', {
            validate: (value) => value.trim() === '' || /^\d{1,3}$/.test(value.trim()) || t('contractForm.wholeNumber'),
          })}
        />
      </SimpleGrid>
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('contractForm.billing.feeLines')}
        </Text>
        <Table verticalSpacing={4} data-testid="contract-fee-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contractForm.billing.line.label')}</Table.Th>
              <Table.Th ta="right">{t('contractForm.billing.line.amount')}</Table.Th>
              <Table.Th>{t('contractForm.billing.line.vatRate')}</Table.Th>
              <Table.Th>{t('contractForm.billing.line.indexed')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.fields.map((field, index) => {
              const line = index + 1;
              return (
                <Table.Tr key={field.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={lineLabel('label', line)}
                      error={errorOf(`feeLines.${index}.label`)}
                      {...form.register(`billing.feeLines.${index}.label`, required)}
                    />
                  </Table.Td>
                  <Table.Td w={150}>
                    <TextInput
                      size="xs"
                      aria-label={lineLabel('amount', line)}
                      rightSection={<Text size="xs">€</Text>}
                      styles={{ input: { textAlign: 'right' } }}
                      error={errorOf(`feeLines.${index}.amount`)}
                      {...form.register(`billing.feeLines.${index}.amount`, amount)}
                    />
                  </Table.Td>
                  <Table.Td w={130}>
                    <Controller
                      control={form.control}
                      name={`billing.feeLines.${index}.vatRateCode`}
                      rules={required}
                      render={({ field: control, fieldState }) => (
                        <Select
                          size="xs"
                          aria-label={lineLabel('vatRate', line)}
                          allowDeselect={false}
                          data={options.vatRates}
                          value={control.value || null}
                          onChange={(value) => value && control.onChange(value)}
                          error={fieldState.error?.message}
                        />
                      )}
                    />
                  </Table.Td>
                  <Table.Td w={80}>
                    <Checkbox mt={6} aria-label={lineLabel('indexed', line)} {...form.register(`billing.feeLines.${index}.indexed`)} />
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon
                      size="sm"
                      mt={4}
                      variant="subtle"
                      color="red"
                      aria-label={t('contractForm.billing.removeLine', { line })}
                      disabled={lines.fields.length === 1}
                      onClick={() => lines.remove(index)}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group mt="xs">
          <Button variant="light" size="xs" onClick={() => lines.append(emptyFeeLine(options.defaultVatRateCode))}>
            {t('contractForm.billing.addLine')}
          </Button>
        </Group>
      </div>
      <Controller
        control={form.control}
        name="billing.withIndexation"
        render={({ field }) => (
          <Checkbox
            label={t('contractForm.billing.withIndexation')}
            checked={field.value}
            onChange={(event) => field.onChange(event.currentTarget.checked)}
          />
        )}
      />
      {withIndexation && (
        <Paper withBorder p="md" radius="md" bg="gray.0">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('contractForm.billing.formula')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Controller
                control={form.control}
                name="billing.indexation.seriesId"
                rules={required}
                render={({ field, fieldState }) => (
                  <Select
                    label={t('contractForm.billing.series')}
                    placeholder={t('contractForm.billing.seriesPlaceholder')}
                    withAsterisk
                    data={options.series}
                    value={field.value}
                    onChange={field.onChange}
                    nothingFoundMessage={t('contractForm.billing.noSeries')}
                    description={options.series.length === 0 ? t('contractForm.billing.noSeries') : undefined}
                    error={fieldState.error?.message}
                  />
                )}
              />
              <TextInput
                label={t('contractForm.billing.fixedPart')}
                withAsterisk
                error={errorOf('indexation.fixedPart')}
                {...form.register('billing.indexation.fixedPart', decimal)}
              />
              <TextInput
                label={t('contractForm.billing.variablePart')}
                withAsterisk
                error={errorOf('indexation.variablePart')}
                {...form.register('billing.indexation.variablePart', decimal)}
              />
              <TextInput
                label={t('contractForm.billing.baseIndexValue')}
                withAsterisk
                error={errorOf('indexation.baseIndexValue')}
                {...form.register('billing.indexation.baseIndexValue', decimal)}
              />
              <TextInput
                type="month"
                label={t('contractForm.billing.baseIndexPeriod')}
                withAsterisk
                error={errorOf('indexation.baseIndexPeriod')}
                {...form.register('billing.indexation.baseIndexPeriod', required)}
              />
              <TextInput
                type="date"
                label={t('contractForm.billing.firstRevisionOn')}
                withAsterisk
                error={errorOf('indexation.firstRevisionOn')}
                {...form.register('billing.indexation.firstRevisionOn', required)}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
