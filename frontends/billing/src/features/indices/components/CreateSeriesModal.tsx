import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { ActionError, useAction } from '@relais/session';
import { useCreateIndexSeries } from '../hooks/use-indices';

interface SeriesValues {
  code: string;
  name: string;
  description: string;
}

/** "Nouvel indice": a code (SYNTEC), a name, a description; the server refuses a code already taken. */
export function CreateSeriesModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation(billingNamespace);
  const { create, busy } = useCreateIndexSeries();
  const action = useAction();
  const form = useForm<SeriesValues>({ defaultValues: { code: '', name: '', description: '' } });

  const submit = form.handleSubmit(async (values) => {
    const series = await action.run(() =>
      create({ code: values.code.trim(), name: values.name.trim(), description: values.description.trim() || null }),
    );
    if (series) onCreated(series.id);
  });

  return (
    <Modal opened onClose={onClose} title={t('indices.create.title')}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <TextInput
          label={t('indices.create.code')}
          description={t('indices.create.codeHint')}
          required
          data-autofocus
          {...form.register('code')}
        />
        <TextInput label={t('indices.create.name')} required {...form.register('name')} />
        <Textarea label={t('indices.create.description')} autosize minRows={2} {...form.register('description')} />
        <ActionError error={action.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('indices.create.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
