import { fieldErrorOf, useFormAction, FormActionError } from '@relais/session';
import { Button, Checkbox, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useVatRates } from '../../invoice/hooks/use-editor-data';
import {
  billingRhythms,
  billingTermsInput,
  billingTermsPath,
  billingTimings,
  contractPaymentMethods,
  newVersionValues,
  type BillingTermsValues,
} from '../hooks/billing-terms-form';
import type { ContractDetail } from '../hooks/use-contract';
import { useSetContractBilling } from '../hooks/use-contract-actions';
import { FeeLinesEditor } from './FeeLinesEditor';
import { IndexationFields } from './IndexationFields';

/** Hints under the inputs, so that the inputs of a row line up. */
const belowInput: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/**
 * A new version of the billing terms, from its effective date: rhythm, timing, anchor, payment,
 * fee lines and optional indexation. Starts from the latest version; the server checks it and
 * names the fields it refuses, shown under them.
 */
export function BillingTermsForm({ contract, onDone, onCancel }: { contract: ContractDetail; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const vatRates = useVatRates();
  const { save, busy } = useSetContractBilling(contract.id);
  const form = useForm<BillingTermsValues>({ defaultValues: newVersionValues(contract, vatRates.defaultCode) });
  const action = useFormAction(form, billingTermsPath);
  const errorOf = (path: string) => fieldErrorOf(form.formState.errors, path);
  const withIndexation = useWatch({ control: form.control, name: 'withIndexation' });

  // The VAT rates arrive after the form: a first line without a rate gets the default one.
  useEffect(() => {
    if (!vatRates.defaultCode) return;
    form.getValues('feeLines').forEach((line, index) => {
      if (!line.vatRateCode) form.setValue(`feeLines.${index}.vatRateCode`, vatRates.defaultCode);
    });
  }, [vatRates.defaultCode, form]);

  const submit = form.handleSubmit(async (values) => {
    const saved = await action.run(() => save(billingTermsInput(values)));
    if (saved) onDone();
  });

  return (
    <Stack component="form" gap="md" onSubmit={(event) => void submit(event)} data-testid="billing-terms-form">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={t('contracts.form.effectiveOn')}
          description={t('contracts.form.effectiveOnHint')}
          inputWrapperOrder={belowInput}
          withAsterisk
          error={errorOf('effectiveOn')}
          {...form.register('effectiveOn', { required: t('contracts.form.required') })}
        />
        <Controller
          control={form.control}
          name="rhythm"
          render={({ field, fieldState }) => (
            <Select
              label={t('contracts.form.rhythm')}
              allowDeselect={false}
              data={billingRhythms.map((rhythm) => ({ value: rhythm, label: t(`contracts.rhythm.${rhythm}`) }))}
              value={field.value}
              onChange={(value) => value && field.onChange(value)}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="timing"
          render={({ field, fieldState }) => (
            <Input.Wrapper
              label={t('contracts.form.timing')}
              description={t(`contracts.timingHint.${field.value}`)}
              inputWrapperOrder={belowInput}
              error={fieldState.error?.message}
            >
              <SegmentedControl
                fullWidth
                value={field.value}
                onChange={field.onChange}
                data={billingTimings.map((timing) => ({ value: timing, label: t(`contracts.timing.${timing}`) }))}
              />
            </Input.Wrapper>
          )}
        />
        <TextInput
          type="date"
          label={t('contracts.form.anchorDate')}
          description={t('contracts.form.anchorDateHint')}
          inputWrapperOrder={belowInput}
          error={errorOf('anchorDate')}
          {...form.register('anchorDate')}
        />
        <Controller
          control={form.control}
          name="paymentMethod"
          render={({ field, fieldState }) => (
            <Input.Wrapper label={t('contracts.form.paymentMethod')} error={fieldState.error?.message}>
              <SegmentedControl
                fullWidth
                value={field.value}
                onChange={field.onChange}
                data={contractPaymentMethods.map((method) => ({ value: method, label: t(`contracts.paymentMethod.${method}`) }))}
              />
            </Input.Wrapper>
          )}
        />
        <TextInput
          label={t('contracts.form.paymentTermsDays')}
          placeholder={t('contracts.form.paymentTermsPlaceholder')}
          inputMode="numeric"
          error={errorOf('paymentTermsDays')}
          {...form.register('paymentTermsDays', {
            validate: (value) => value.trim() === '' || /^\d{1,3}$/.test(value.trim()) || t('contracts.form.wholeDays'),
          })}
        />
      </SimpleGrid>
      <FeeLinesEditor form={form} vatRates={vatRates.options} defaultVatRateCode={vatRates.defaultCode} />
      <Controller
        control={form.control}
        name="withIndexation"
        render={({ field }) => (
          <Checkbox
            label={t('contracts.form.withIndexation')}
            checked={field.value}
            onChange={(event) => field.onChange(event.currentTarget.checked)}
          />
        )}
      />
      {withIndexation && <IndexationFields form={form} />}
      <TextInput
        label={t('contracts.form.reason')}
        placeholder={t('contracts.form.reasonPlaceholder')}
        error={errorOf('reason')}
        {...form.register('reason')}
      />
      <FormActionError error={action.error} unplaced={action.unplaced} />
      <Group justify="flex-end">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" loading={busy}>
          {t('contracts.form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
