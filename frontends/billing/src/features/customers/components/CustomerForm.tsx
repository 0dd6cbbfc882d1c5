import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { FormActionError, fieldErrorOf, type GraphQLFieldError } from '@relais/session';
import { SectionCard } from '@relais/ui';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { isWholeDays, paymentTermsKinds, type CustomerFormValues } from '../hooks/customer-form';

/**
 * The customer record as typed: professional or private person, identity, billing address and
 * payment terms. The server checks it (SIREN and SIRET keys, VAT number, postal code, legal payment
 * terms…) and names the fields it refuses, shown under them.
 */
export function CustomerForm({
  form,
  submitLabel,
  busy,
  error,
  unplaced,
  onSubmit,
  onCancel,
  onReload,
}: {
  form: UseFormReturn<CustomerFormValues>;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  unplaced: readonly GraphQLFieldError[];
  onSubmit: () => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const isConsumer = useWatch({ control: form.control, name: 'isConsumer' });
  const errorOf = (path: keyof CustomerFormValues) => fieldErrorOf(form.formState.errors, path);
  const required = { validate: (value: string) => value.trim().length > 0 || t('customerFile.form.required') };
  const text = (path: Exclude<keyof CustomerFormValues, 'isConsumer' | 'paymentTermsKind'>, options = {}) => ({
    label: t(`customerFile.form.${path}`),
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
      data-testid="customer-form"
    >
      <SectionCard title={t('customerFile.form.identity')}>
        <Stack gap="sm">
          <Controller
            control={form.control}
            name="isConsumer"
            render={({ field }) => (
              <Stack gap={4}>
                <Text size="sm" fw={500} id="customer-kind-label">
                  {t('customerFile.kind.label')}
                </Text>
                <SegmentedControl
                  aria-labelledby="customer-kind-label"
                  w="fit-content"
                  value={field.value ? 'consumer' : 'professional'}
                  onChange={(value) => field.onChange(value === 'consumer')}
                  data={[
                    { value: 'professional', label: t('customerFile.kind.professional') },
                    { value: 'consumer', label: t('customerFile.kind.consumer') },
                  ]}
                />
                {field.value && (
                  <Text size="xs" c="dimmed">
                    {t('customerFile.kind.consumerHint')}
                  </Text>
                )}
              </Stack>
            )}
          />
          <TextInput
            withAsterisk
            data-autofocus
            {...text('name', required)}
            label={t(isConsumer ? 'customerFile.form.consumerName' : 'customerFile.form.name')}
          />
          {!isConsumer && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput {...text('siren')} />
              <TextInput {...text('siret')} />
              <TextInput {...text('vatNumber')} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="email" {...text('email')} />
            <TextInput type="tel" {...text('phone')} />
          </SimpleGrid>
        </Stack>
      </SectionCard>
      <SectionCard title={t('customerFile.form.billing')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput withAsterisk {...text('billingAddressLine1', required)} />
            <TextInput {...text('billingAddressLine2')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput withAsterisk {...text('billingPostalCode', required)} />
            <TextInput withAsterisk {...text('billingCity', required)} />
            <TextInput {...text('billingCountry')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              inputMode="numeric"
              withAsterisk
              description={t('customerFile.form.paymentTermsHint')}
              inputWrapperOrder={['label', 'input', 'error', 'description']}
              {...text('paymentTermsDays', { validate: (value: string) => isWholeDays(value) || t('customerFile.form.wholeDays') })}
            />
            <Controller
              control={form.control}
              name="paymentTermsKind"
              render={({ field }) => (
                <Select
                  label={t('customerFile.form.paymentTermsKind')}
                  allowDeselect={false}
                  data={paymentTermsKinds.map((kind) => ({ value: kind, label: t(`customerFile.paymentTermsKind.${kind}`) }))}
                  value={field.value}
                  onChange={(value) => value && field.onChange(value)}
                  error={errorOf('paymentTermsKind')}
                />
              )}
            />
          </SimpleGrid>
          <Textarea autosize minRows={2} {...text('notes')} />
        </Stack>
      </SectionCard>
      <FormActionError error={error} unplaced={unplaced} onReload={onReload} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('customerFile.form.cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
