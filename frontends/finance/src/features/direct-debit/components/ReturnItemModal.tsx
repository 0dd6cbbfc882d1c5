import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { FormActionError, fieldErrorOf, useFormAction } from '@relais/session';
import { todayInParis } from '@relais/ui';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useReturnItem, useReturnReasons, type DirectDebitItem } from '../hooks/use-batches';

interface ReturnValues {
  reasonCode: string | null;
  reason: string;
  returnedOn: string;
}

const serverFields = new Set(['reasonCode', 'reason', 'returnedOn']);
const isField = (path: string): path is keyof ReturnValues => serverFields.has(path);

/**
 * "Impayé": the bank rejected or returned one collection, with its reason code; before settlement
 * the invoice just leaves the batch, after it the payment is reversed and the invoice open again.
 */
export function ReturnItemModal({ item, onClose, onReload }: { item: DirectDebitItem; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation(financeNamespace);
  const reasons = useReturnReasons();
  const { returnItem, busy } = useReturnItem(item);
  const form = useForm<ReturnValues>({ defaultValues: { reasonCode: null, reason: '', returnedOn: todayInParis() } });
  const action = useFormAction(form, (path) => (isField(path) ? path : null));
  const { errors } = form.formState;
  const number = item.invoice.number ?? item.endToEndId;
  const submit = form.handleSubmit(async (values) => {
    const returned = await action.run(() =>
      returnItem({ returnedOn: values.returnedOn, reasonCode: values.reasonCode!, reason: values.reason.trim() || null }),
    );
    if (returned) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('directDebit.returnItem.title', { number })} size="lg">
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Text size="sm">
          {t(item.status === 'COLLECTED' ? 'directDebit.returnItem.explanationCollected' : 'directDebit.returnItem.explanationPending')}
        </Text>
        <Controller
          control={form.control}
          name="reasonCode"
          rules={{ required: t('common.required') }}
          render={({ field }) => (
            <Select
              label={t('directDebit.returnItem.reasonCode')}
              placeholder={t('directDebit.returnItem.reasonCodePlaceholder')}
              withAsterisk
              searchable
              data-autofocus
              value={field.value}
              onChange={field.onChange}
              error={fieldErrorOf(errors, 'reasonCode')}
              data={reasons.map((reason) => ({ value: reason.code, label: `${reason.code} — ${reason.label}` }))}
            />
          )}
        />
        <TextInput
          label={t('directDebit.returnItem.reason')}
          description={t('directDebit.returnItem.reasonHint')}
          error={fieldErrorOf(errors, 'reason')}
          {...form.register('reason')}
        />
        <TextInput
          type="date"
          w={220}
          label={t('directDebit.returnItem.returnedOn')}
          withAsterisk
          max={todayInParis()}
          error={fieldErrorOf(errors, 'returnedOn')}
          {...form.register('returnedOn', { required: t('common.required') })}
        />
        <FormActionError
          error={action.error}
          unplaced={action.unplaced}
          onReload={() => {
            action.clear();
            onReload();
            onClose();
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button type="submit" color="red" loading={busy}>
            {t('directDebit.returnItem.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
