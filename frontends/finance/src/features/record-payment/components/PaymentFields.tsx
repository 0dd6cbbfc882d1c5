import { SimpleGrid, TextInput } from '@mantine/core';
import { fieldErrorOf } from '@relais/session';
import { useTranslation } from 'react-i18next';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { financeNamespace } from '../../../i18n/register';
import { typedAmount } from '../../allocation/hooks/allocation-form';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { PaymentMethodSelect } from '../../payments/components/PaymentMethodSelect';
import type { RecordPaymentValues } from '../hooks/use-record-payment-form';

/** Who paid, when, how much and how; choosing another customer clears the invoices ticked. */
export function PaymentFields({ form }: { form: UseFormReturn<RecordPaymentValues> }) {
  const { t } = useTranslation(financeNamespace);
  const { errors } = form.formState;
  const required = t('common.required');
  return (
    <>
      <Controller
        control={form.control}
        name="customerId"
        rules={{ required }}
        render={({ field }) => (
          <CustomerPicker
            label={t('recordPayment.customer')}
            required
            value={field.value}
            error={fieldErrorOf(errors, 'customerId')}
            onChange={(customerId) => {
              field.onChange(customerId);
              form.setValue('allocations', {});
            }}
          />
        )}
      />
      <SimpleGrid cols={3}>
        <TextInput
          type="date"
          label={t('recordPayment.receivedOn')}
          withAsterisk
          error={fieldErrorOf(errors, 'receivedOn')}
          {...form.register('receivedOn', { required })}
        />
        <TextInput
          label={t('recordPayment.amount')}
          rightSection="€"
          withAsterisk
          error={fieldErrorOf(errors, 'amount')}
          {...form.register('amount', { validate: (value) => typedAmount(value) !== null || t('common.invalidAmount') })}
        />
        <Controller
          control={form.control}
          name="method"
          render={({ field }) => (
            <PaymentMethodSelect
              label={t('recordPayment.method')}
              value={field.value}
              onChange={field.onChange}
              error={fieldErrorOf(errors, 'method')}
            />
          )}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('recordPayment.payerName')}
          placeholder={t('recordPayment.payerNamePlaceholder')}
          error={fieldErrorOf(errors, 'payerName')}
          {...form.register('payerName')}
        />
        <TextInput
          label={t('recordPayment.reference')}
          placeholder={t('recordPayment.referencePlaceholder')}
          error={fieldErrorOf(errors, 'reference')}
          {...form.register('reference')}
        />
      </SimpleGrid>
    </>
  );
}
