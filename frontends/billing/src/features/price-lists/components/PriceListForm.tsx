import { ActionIcon, Button, Fieldset, Group, Stack, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { FormActionError, fieldErrorOf, type GraphQLFieldError } from '@relais/session';
import { SectionCard, isTypedDecimal, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { CatalogPickerModal } from '../../invoice/components/CatalogPickerModal';
import { priceListItemOf, type PriceListFormValues } from '../hooks/price-list-form';

/**
 * A price list as the office types it: its name, whether it applies, and the unit prices HT (French
 * decimals) of the catalog items it changes, each beside its catalog price. Read-only for those who
 * may not write billing data.
 */
export function PriceListForm({
  form,
  readOnly,
  submitLabel,
  busy,
  error,
  unplaced,
  onSubmit,
  onCancel,
  onReload,
}: {
  form: UseFormReturn<PriceListFormValues>;
  readOnly: boolean;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  unplaced: readonly GraphQLFieldError[];
  onSubmit: () => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'items' });
  const [picking, setPicking] = useState(false);
  const errorOf = (path: string) => fieldErrorOf(form.formState.errors, path);
  return (
    <Stack
      component="form"
      gap="md"
      maw={980}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      data-testid="price-list-form"
    >
      <Fieldset variant="unstyled" disabled={readOnly}>
        <Stack gap="md">
          <SectionCard title={t('priceLists.form.section.list')}>
            <Stack gap="sm">
              <TextInput
                label={t('priceLists.form.name')}
                withAsterisk
                data-autofocus
                error={errorOf('name')}
                {...form.register('name', { validate: (value) => value.trim().length > 0 || t('priceLists.form.required') })}
              />
              <Textarea label={t('priceLists.form.notes')} autosize minRows={2} error={errorOf('notes')} {...form.register('notes')} />
              <Controller
                control={form.control}
                name="active"
                render={({ field }) => (
                  <Switch
                    label={t('priceLists.form.active')}
                    description={t('priceLists.form.activeHint')}
                    checked={field.value}
                    onChange={(event) => field.onChange(event.currentTarget.checked)}
                  />
                )}
              />
            </Stack>
          </SectionCard>
          <SectionCard title={t('priceLists.form.section.prices')}>
            <Table verticalSpacing={4} data-testid="price-list-items">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('priceLists.form.item')}</Table.Th>
                  <Table.Th ta="right">{t('priceLists.form.catalogPrice')}</Table.Th>
                  <Table.Th ta="right" w={200}>
                    {t('priceLists.form.unitPrice')}
                  </Table.Th>
                  <Table.Th w={48} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {fields.map((field, index) => (
                  <Table.Tr key={field.id}>
                    <Table.Td>
                      <Text size="sm">{field.label}</Text>
                      <Text size="xs" c="dimmed">
                        {field.code}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{format.money(field.catalogPrice)}</Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('priceLists.form.priceOf', { item: field.label })}
                        inputMode="decimal"
                        ta="right"
                        rightSection={<Text size="sm">€</Text>}
                        error={errorOf(`items.${index}.unitPrice`)}
                        {...form.register(`items.${index}.unitPrice`, {
                          validate: (value) => isTypedDecimal(value) || t('priceLists.form.decimal'),
                        })}
                      />
                    </Table.Td>
                    <Table.Td>
                      {!readOnly && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('priceLists.form.remove', { item: field.label })}
                          onClick={() => remove(index)}
                        >
                          ×
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {fields.length === 0 && (
              <Text c="dimmed" size="sm" py="sm">
                {t('priceLists.form.noItems')}
              </Text>
            )}
            {!readOnly && (
              <Button variant="light" size="xs" mt="sm" onClick={() => setPicking(true)}>
                {t('priceLists.form.addItem')}
              </Button>
            )}
          </SectionCard>
        </Stack>
      </Fieldset>
      {picking && (
        <CatalogPickerModal
          onPick={(item) => {
            if (!form.getValues('items').some((existing) => existing.catalogItemId === item.id)) append(priceListItemOf(item));
          }}
          onClose={() => setPicking(false)}
        />
      )}
      <FormActionError error={error} unplaced={unplaced} onReload={onReload} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {readOnly ? t('priceLists.form.back') : t('priceLists.form.cancel')}
        </Button>
        {!readOnly && (
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
