import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import {
  FieldProblemsAlert,
  errorCodes,
  fieldErrorOf,
  graphQLErrorCodes,
  graphQLFieldErrors,
  useErrorMessage,
  type GraphQLFieldError,
} from '@relais/session';
import { SectionCard } from '@relais/ui';
import { useState } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { planningNamespace } from '../../../i18n/register';
import { oneYearFrom, priorities, type ContractFormValues } from '../hooks/contract-form';
import { useContractOptions } from '../hooks/use-contract-save';
import { ContractBillingFields } from './ContractBillingFields';
import { PlansFields } from './PlansFields';
import { RateCardFields } from './RateCardFields';

/**
 * The terms of a contract, typed by the planner: customer and dates, covered sites, SLA, rate card
 * and preventive plans; for an amendment, its effective date and reason too. Someone who also sets
 * billing terms may give them here, saved in the same call (from the contract's start, or from the
 * amendment's date). The server checks them and names the fields it refuses, shown under them.
 */
export function ContractForm({
  form,
  mode,
  withBilling,
  customerName,
  busy,
  error,
  unplaced,
  onSubmit,
  onCancel,
  onReload,
}: {
  form: UseFormReturn<ContractFormValues>;
  mode: 'create' | 'amend';
  /** Offer the billing terms section. */
  withBilling: boolean;
  /** The contract's customer, fixed once the contract exists. */
  customerName?: string;
  busy: boolean;
  error: unknown;
  unplaced: readonly GraphQLFieldError[];
  onSubmit: () => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation(planningNamespace);
  const [customerSearch, setCustomerSearch] = useState('');
  const customerId = form.watch('customerId');
  const billingEnabled = form.watch('billing.enabled');
  const options = useContractOptions(customerSearch, customerId);
  const errorOf = (path: string) => fieldErrorOf(form.formState.errors, path);
  const required = { required: t('contractForm.required') };
  const wholeNumber = (optional: boolean) => ({
    validate: (value: string) => (optional && value.trim() === '') || /^\d{1,4}$/.test(value.trim()) || t('contractForm.wholeNumber'),
  });

  return (
    <Stack
      component="form"
      gap="md"
      maw={1180}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      data-testid="contract-form"
    >
      {mode === 'amend' && (
        <SectionCard title={t('contractForm.section.amendment')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('contractForm.effectiveOn')}
              description={t('contractForm.effectiveOnHint')}
              withAsterisk
              error={errorOf('effectiveOn')}
              {...form.register('effectiveOn', required)}
            />
            <Textarea
              label={t('contractForm.reason')}
              placeholder={t('contractForm.reasonPlaceholder')}
              withAsterisk
              autosize
              minRows={2}
              style={{ gridColumn: 'span 2' }}
              error={errorOf('reason')}
              {...form.register('reason', { validate: (value) => value.trim().length > 0 || t('contractForm.required') })}
            />
          </SimpleGrid>
        </SectionCard>
      )}
      <SectionCard title={t('contractForm.section.contract')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {mode === 'create' ? (
              <Controller
                control={form.control}
                name="customerId"
                rules={required}
                render={({ field, fieldState }) => (
                  <Select
                    label={t('contractForm.customer')}
                    placeholder={t('contractForm.customerPlaceholder')}
                    withAsterisk
                    searchable
                    filter={({ options: all }) => all}
                    searchValue={customerSearch}
                    onSearchChange={setCustomerSearch}
                    data={options.customers}
                    value={field.value}
                    onChange={(value) => {
                      field.onChange(value);
                      form.setValue('siteIds', []);
                    }}
                    error={fieldState.error?.message}
                    nothingFoundMessage="—"
                  />
                )}
              />
            ) : (
              <TextInput
                label={t('contractForm.customer')}
                value={customerName ?? ''}
                description={t('contractForm.customerFixed')}
                readOnly
              />
            )}
            <TextInput
              label={t('contractForm.title')}
              placeholder={t('contractForm.titlePlaceholder')}
              withAsterisk
              error={errorOf('title')}
              {...form.register('title', { validate: (value) => value.trim().length > 0 || t('contractForm.required') })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            <TextInput
              type="date"
              label={t('contractForm.startsOn')}
              withAsterisk
              error={errorOf('startsOn')}
              {...form.register('startsOn', {
                ...required,
                onChange: (event: { target: { value: string } }) => {
                  if (mode === 'create' && event.target.value) form.setValue('endsOn', oneYearFrom(event.target.value));
                },
              })}
            />
            <TextInput
              type="date"
              label={t('contractForm.endsOn')}
              withAsterisk
              error={errorOf('endsOn')}
              {...form.register('endsOn', required)}
            />
            <TextInput
              label={t('contractForm.noticeDays')}
              inputMode="numeric"
              withAsterisk
              error={errorOf('noticeDays')}
              {...form.register('noticeDays', wholeNumber(false))}
            />
            <TextInput
              label={t('contractForm.renewalTermMonths')}
              inputMode="numeric"
              withAsterisk
              error={errorOf('renewalTermMonths')}
              {...form.register('renewalTermMonths', wholeNumber(false))}
            />
            <Controller
              control={form.control}
              name="tacitRenewal"
              render={({ field }) => (
                <Switch
                  mt={30}
                  label={t('contractForm.tacitRenewal')}
                  checked={field.value}
                  onChange={(event) => field.onChange(event.currentTarget.checked)}
                />
              )}
            />
          </SimpleGrid>
        </Stack>
      </SectionCard>
      <SimpleGrid cols={{ base: 1, lg: 2 }} style={{ alignItems: 'start' }}>
        <SectionCard title={t('contractForm.section.sites')}>
          <Controller
            control={form.control}
            name="siteIds"
            render={({ field, fieldState }) => (
              <Checkbox.Group
                value={field.value}
                onChange={field.onChange}
                description={t('contractForm.sitesHint')}
                error={fieldState.error?.message}
                aria-label={t('contractForm.section.sites')}
              >
                <Stack gap={6} mt="xs">
                  {!customerId ? (
                    <Text size="sm" c="dimmed">
                      {t('contractForm.sitesChooseCustomer')}
                    </Text>
                  ) : options.sites.length === 0 && !options.sitesLoading ? (
                    <Text size="sm" c="dimmed">
                      {t('contractForm.sitesNone')}
                    </Text>
                  ) : (
                    options.sites.map((site) => <Checkbox key={site.value} value={site.value} label={site.label} />)
                  )}
                </Stack>
              </Checkbox.Group>
            )}
          />
        </SectionCard>
        <SectionCard title={t('contractForm.section.sla')}>
          <Text size="xs" c="dimmed" mb="xs">
            {t('contractForm.slaHint')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {priorities.map((priority) => (
              <TextInput
                key={priority}
                label={t(`enum.priority.${priority}`)}
                inputMode="numeric"
                rightSection={<Text size="xs">{t('contractForm.slaHours')}</Text>}
                error={errorOf(`sla.${priority}`)}
                {...form.register(`sla.${priority}`, wholeNumber(true))}
              />
            ))}
          </SimpleGrid>
        </SectionCard>
      </SimpleGrid>
      <SectionCard title={t('contractForm.section.rateCard')}>
        <RateCardFields form={form} />
      </SectionCard>
      <SectionCard title={t('contractForm.section.plans')}>
        <PlansFields form={form} />
      </SectionCard>
      {withBilling && (
        <SectionCard title={t('contractForm.section.billing')}>
          <Stack gap="md">
            <Controller
              control={form.control}
              name="billing.enabled"
              render={({ field }) => (
                <Switch
                  label={t(mode === 'create' ? 'contractForm.billing.enableCreate' : 'contractForm.billing.enableAmend')}
                  description={t(mode === 'create' ? 'contractForm.billing.enableCreateHint' : 'contractForm.billing.enableAmendHint')}
                  checked={field.value}
                  onChange={(event) => field.onChange(event.currentTarget.checked)}
                />
              )}
            />
            {billingEnabled && <ContractBillingFields form={form} />}
          </Stack>
        </SectionCard>
      )}
      <ContractFormError error={error} unplaced={unplaced} onReload={onReload} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('contractForm.cancel')}
        </Button>
        <Button type="submit" loading={busy}>
          {mode === 'create' ? t('contractForm.create') : t('contractForm.saveAmendment')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Why the contract was refused: the fields to fix (each shows its message), a conflict to reload, or the refusal in the user's language. */
function ContractFormError({
  error,
  unplaced,
  onReload,
}: {
  error: unknown;
  unplaced: readonly GraphQLFieldError[];
  onReload?: () => void;
}) {
  const { t } = useTranslation(planningNamespace);
  const errorMessage = useErrorMessage();
  if (!error) return null;
  if (graphQLFieldErrors(error).length > 0) return <FieldProblemsAlert error={error} unplaced={unplaced} />;
  if (onReload && graphQLErrorCodes(error).includes('STALE_VERSION'))
    return (
      <Alert color="orange" title={t('contractForm.failed')} role="alert">
        {t('contractForm.stale')}{' '}
        <Button size="xs" variant="light" color="orange" onClick={onReload}>
          {t('contractForm.reload')}
        </Button>
      </Alert>
    );
  return (
    <Alert color="red" title={t('contractForm.failed')} role="alert">
      {errorMessage(error)}
      {errorCodes(error).length > 0 && ` (${errorCodes(error).join(', ')})`}
    </Alert>
  );
}
