import { Alert, Anchor, Button, CloseButton, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { FormActionError, fieldErrorOf, useFormAction } from '@relais/session';
import { ErrorNotice, LoadingState, SectionCard } from '@relais/ui';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { financePaths } from '../../../routes';
import { useLedgerAccounts } from '../../chart-of-accounts/hooks/use-ledger-accounts';
import {
  MAPPING_GROUPS,
  mappingFieldPath,
  mappingFormValues,
  mappingInput,
  type AccountField,
  type MappingFormValues,
} from '../hooks/ledger-mapping-form';
import { useAccountingPermissions, useLedgerMapping, useUpdateLedgerMapping, type LedgerMappingItem } from '../hooks/use-accounting';

type AccountOption = { value: string; label: string };

/**
 * "Comptes de comptabilisation": the accounts of the chart the ledger posts each amount to, by
 * group, and collected VAT per rate. The accountant and the admin change them; for the others they
 * are read only. The server checks each account (in the chart, of the right class) and names it.
 */
export function LedgerMappingTab() {
  const { t } = useTranslation(financeNamespace);
  const { mapping, loading, error, retry } = useLedgerMapping();
  const { accounts } = useLedgerAccounts();
  const { canEdit } = useAccountingPermissions();
  const [saved, setSaved] = useState(false);
  if (error) return <ErrorNotice onRetry={retry} />;
  if (loading || !mapping) return <LoadingState />;
  const options = accounts.map((account) => ({ value: account.number, label: `${account.number} — ${account.label}` }));
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={900}>
          {t('accounting.mapping.hint')} {mapping.version === 0 && t('accounting.mapping.defaults')}
        </Text>
        <Anchor component={Link} to={financePaths.chartOfAccounts} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t('accounting.mapping.chartOfAccounts')}
        </Anchor>
      </Group>
      {!canEdit && <Alert color="gray">{t('accounting.mapping.readOnly')}</Alert>}
      {saved && (
        <Alert color="green" data-testid="mapping-saved">
          {t('accounting.mapping.saved')}
        </Alert>
      )}
      <MappingForm
        key={mapping.version}
        mapping={mapping}
        options={options}
        readOnly={!canEdit}
        onEdit={() => setSaved(false)}
        onSaved={() => setSaved(true)}
        onReload={retry}
      />
    </Stack>
  );
}

function MappingForm({
  mapping,
  options,
  readOnly,
  onEdit,
  onSaved,
  onReload,
}: {
  mapping: LedgerMappingItem;
  options: readonly AccountOption[];
  readOnly: boolean;
  onEdit: () => void;
  onSaved: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const { save, busy } = useUpdateLedgerMapping();
  const form = useForm<MappingFormValues>({ defaultValues: mappingFormValues(mapping) });
  const vatAccounts = useFieldArray({ control: form.control, name: 'vatAccounts' });
  const action = useFormAction(form, mappingFieldPath);
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    if (await action.run(() => save(mappingInput(values), mapping.version))) onSaved();
  });
  const accountSelect = (field: AccountField) => (
    <AccountSelect
      key={field}
      name={field}
      label={t(`accounting.mapping.field.${field}`)}
      control={form.control}
      errors={errors}
      options={options}
      readOnly={readOnly}
      onEdit={onEdit}
    />
  );
  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(Object.keys(MAPPING_GROUPS) as (keyof typeof MAPPING_GROUPS)[]).map((group) => (
            <SectionCard key={group} title={t(`accounting.mapping.group.${group}`)}>
              <Stack gap="xs">{MAPPING_GROUPS[group].map(accountSelect)}</Stack>
            </SectionCard>
          ))}
          <SectionCard title={t('accounting.mapping.group.vat')}>
            <Stack gap="xs">
              {vatAccounts.fields.map((row, index) => (
                <Group key={row.id} align="flex-start" gap="xs" wrap="nowrap" data-testid="vat-account-row">
                  <TextInput
                    w={110}
                    label={index === 0 ? t('accounting.mapping.vatRate') : undefined}
                    aria-label={t('accounting.mapping.vatRateOf', { index: index + 1 })}
                    readOnly={readOnly}
                    error={fieldErrorOf(errors, `vatAccounts.${index}.rate`)}
                    {...form.register(`vatAccounts.${index}.rate`, {
                      required: t('common.required'),
                      onChange: onEdit,
                    })}
                  />
                  <AccountSelect
                    name={`vatAccounts.${index}.account`}
                    label={index === 0 ? t('accounting.mapping.vatAccount') : undefined}
                    ariaLabel={t('accounting.mapping.vatAccountOf', { rate: row.rate })}
                    control={form.control}
                    errors={errors}
                    options={options}
                    readOnly={readOnly}
                    onEdit={onEdit}
                  />
                  {!readOnly && (
                    <CloseButton
                      mt={index === 0 ? 28 : 4}
                      aria-label={t('accounting.mapping.removeRate', { rate: row.rate || '…' })}
                      onClick={() => {
                        vatAccounts.remove(index);
                        onEdit();
                      }}
                    />
                  )}
                </Group>
              ))}
              {!readOnly && (
                <Group>
                  <Button variant="subtle" size="xs" onClick={() => vatAccounts.append({ rate: '', account: '' })}>
                    {t('accounting.mapping.addRate')}
                  </Button>
                </Group>
              )}
              {accountSelect('defaultVatAccount')}
            </Stack>
          </SectionCard>
        </SimpleGrid>
        <FormActionError error={action.error} unplaced={action.unplaced} onReload={onReload} />
        {!readOnly && (
          <Group>
            <Button type="submit" loading={busy}>
              {t('accounting.mapping.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** An account chosen among the chart's, by number or label; one the chart lacks stays shown as it is. */
function AccountSelect({
  name,
  label,
  ariaLabel,
  control,
  errors,
  options,
  readOnly,
  onEdit,
}: {
  name: AccountField | `vatAccounts.${number}.account`;
  label?: string;
  ariaLabel?: string;
  control: Control<MappingFormValues>;
  errors: FieldErrors<MappingFormValues>;
  options: readonly AccountOption[];
  readOnly: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Controller
      control={control}
      name={name}
      rules={{ required: t('common.required') }}
      render={({ field }) => (
        <Select
          flex={1}
          label={label}
          aria-label={ariaLabel ?? label}
          searchable
          readOnly={readOnly}
          allowDeselect={false}
          data={
            options.some((option) => option.value === field.value) || !field.value
              ? options
              : [{ value: field.value, label: field.value }, ...options]
          }
          value={field.value || null}
          error={fieldErrorOf(errors, name)}
          onChange={(value) => {
            field.onChange(value ?? '');
            onEdit();
          }}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}
