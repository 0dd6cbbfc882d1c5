import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { FormActionError, useFormAction } from '@relais/session';
import { todayInParis } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useRevokeMandate, type MandateListItem } from '../hooks/use-mandates';

interface RevocationValues {
  revokedOn: string;
  reason: string;
}

/** "Révoquer": asks when and why the mandate ended before no batch uses it any more. */
export function RevokeMandateModal({
  mandate,
  onClose,
  onReload,
}: {
  mandate: MandateListItem;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const { revoke, busy } = useRevokeMandate(mandate);
  const form = useForm<RevocationValues>({ defaultValues: { revokedOn: todayInParis(), reason: '' } });
  const action = useFormAction(form, (path) => (path === 'revokedOn' || path === 'reason' ? path : null));
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    if (await action.run(() => revoke({ revokedOn: values.revokedOn, reason: values.reason.trim() }))) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={t('directDebit.revokeMandate.title', { reference: mandate.reference })}>
      <Stack component="form" onSubmit={(event) => void submit(event)}>
        <Text size="sm">{t('directDebit.revokeMandate.explanation', { customer: mandate.customer.name })}</Text>
        <TextInput
          type="date"
          label={t('directDebit.revokeMandate.revokedOn')}
          withAsterisk
          max={todayInParis()}
          error={errors.revokedOn?.message}
          {...form.register('revokedOn', { required: t('common.required') })}
        />
        <Textarea
          label={t('directDebit.revokeMandate.reason')}
          placeholder={t('directDebit.revokeMandate.reasonPlaceholder')}
          withAsterisk
          autosize
          minRows={2}
          data-autofocus
          error={errors.reason?.message}
          {...form.register('reason', { validate: (value) => value.trim().length > 0 || t('common.required') })}
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
            {t('directDebit.revokeMandate.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
