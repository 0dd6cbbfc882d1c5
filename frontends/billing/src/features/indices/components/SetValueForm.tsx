import { Alert, Button, Group, TextInput } from '@mantine/core';
import { SectionCard, apiDecimal, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { ActionError, useAction } from '@relais/session';
import { useSetIndexValue, type IndexSeries, type IndexValue } from '../hooks/use-indices';

interface ValueForm {
  month: string;
  value: string;
  publishedOn: string;
}

/** Types (or corrects) one month's value, as published ("296,1"). */
export function SetValueForm({ series }: { series: IndexSeries }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { setValue, busy } = useSetIndexValue();
  const action = useAction();
  const [saved, setSaved] = useState<IndexValue | null>(null);
  const form = useForm<ValueForm>({ defaultValues: { month: '', value: '', publishedOn: '' } });

  const submit = form.handleSubmit(async (values) => {
    setSaved(null);
    const value = await action.run(() =>
      setValue({ seriesId: series.id, period: values.month, value: apiDecimal(values.value), publishedOn: values.publishedOn || null }),
    );
    if (value) {
      setSaved(value);
      form.reset();
    }
  });

  return (
    <SectionCard title={t('indices.set.title')}>
      <form onSubmit={(event) => void submit(event)}>
        <Group align="flex-end" gap="sm">
          <TextInput type="month" label={t('indices.set.month')} required w={190} {...form.register('month')} />
          <TextInput label={t('indices.set.value')} required w={140} inputMode="decimal" {...form.register('value')} />
          <TextInput type="date" label={t('indices.set.publishedOn')} w={170} {...form.register('publishedOn')} />
          <Button type="submit" loading={busy}>
            {t('indices.set.confirm')}
          </Button>
        </Group>
      </form>
      <ActionError error={action.error} />
      {saved && (
        <Alert color="green" mt="sm" data-testid="index-value-saved">
          {t('indices.set.saved', { month: format.month(saved.period), value: format.decimal(saved.value) })}
        </Alert>
      )}
    </SectionCard>
  );
}
