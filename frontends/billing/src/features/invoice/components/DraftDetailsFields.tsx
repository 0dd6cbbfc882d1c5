import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OperationCategory } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import type { DraftFormValues } from '../hooks/draft-form';

const operationCategories: OperationCategory[] = ['SERVICES', 'GOODS', 'MIXED'];

/** The draft's header fields printed on the invoice: order reference, kind of operation, retention, notes. */
export function DraftDetailsFields({ form }: { form: UseFormReturn<DraftFormValues> }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="sm">
        <TextInput label={t('invoice.purchaseOrderRef')} {...form.register('purchaseOrderRef')} />
        <Controller
          control={form.control}
          name="operationCategory"
          render={({ field }) => (
            <Select
              label={t('invoice.operationCategory')}
              allowDeselect={false}
              data={operationCategories.map((category) => ({ value: category, label: t(`operationCategory.${category}`) }))}
              value={field.value}
              onChange={(value) => value && field.onChange(value)}
            />
          )}
        />
        <TextInput label={t('invoice.retentionPercent')} rightSection="%" {...form.register('retentionPercent')} />
      </SimpleGrid>
      <Textarea label={t('invoice.notes')} autosize minRows={2} {...form.register('notes')} />
    </>
  );
}
