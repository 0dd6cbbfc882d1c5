import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { FormActionError, useFormAction } from '@relais/session';
import { ErrorNotice, FieldList, LoadingState, SectionCard } from '@relais/ui';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SepaCreditorFieldsFragment } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { formatIban } from '../hooks/iban';
import { useSepaCreditor, useSetCreditorId } from '../hooks/use-sepa-creditor';

/** "Créancier SEPA": the name, account and creditor identifier (ICS) the batches carry; the ICS set when missing. */
export function CreditorTab() {
  const { t } = useTranslation(financeNamespace);
  const { creditor, loading, error, retry } = useSepaCreditor();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (error) return <ErrorNotice onRetry={retry} />;
  if (loading || !creditor) return <LoadingState />;
  const missing = t('directDebit.creditor.missing');
  return (
    <SectionCard title={t('directDebit.creditor.title')}>
      <Stack>
        <FieldList
          fields={[
            { label: t('directDebit.creditor.name'), value: creditor.name },
            {
              label: t('directDebit.creditor.iban'),
              value: creditor.iban ? (
                <span style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>{formatIban(creditor.iban)}</span>
              ) : (
                missing
              ),
            },
            { label: t('directDebit.creditor.bic'), value: creditor.bic },
            {
              label: t('directDebit.creditor.creditorId'),
              value: (
                <Text component="span" ff="monospace" c={creditor.creditorId ? undefined : 'orange.9'} data-testid="creditor-id">
                  {creditor.creditorId ?? missing}
                </Text>
              ),
            },
          ]}
        />
        {saved && !editing && (
          <Alert color="green" data-testid="creditor-saved">
            {t('directDebit.creditor.saved')}
          </Alert>
        )}
        {creditor.creditorId && !editing ? (
          <Group>
            <Button
              variant="light"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('directDebit.creditor.edit')}
            </Button>
          </Group>
        ) : (
          <CreditorIdForm
            creditor={creditor}
            onCancel={creditor.creditorId ? () => setEditing(false) : undefined}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
            }}
          />
        )}
      </Stack>
    </SectionCard>
  );
}

function CreditorIdForm({
  creditor,
  onCancel,
  onSaved,
}: {
  creditor: SepaCreditorFieldsFragment;
  onCancel?: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const { save, busy } = useSetCreditorId();
  const form = useForm<{ creditorId: string }>({ defaultValues: { creditorId: creditor.creditorId ?? '' } });
  const action = useFormAction(form, (path) => (path === 'creditorId' ? path : null));
  const submit = form.handleSubmit(async ({ creditorId }) => {
    if (await action.run(() => save(creditorId.trim()))) onSaved();
  });
  return (
    <Stack component="form" gap="sm" onSubmit={(event) => void submit(event)}>
      <Group align="flex-start" gap="sm">
        <TextInput
          w={400}
          label={t('directDebit.creditor.field')}
          description={t('directDebit.creditor.fieldHint')}
          withAsterisk
          autoComplete="off"
          data-autofocus
          error={form.formState.errors.creditorId?.message}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.register('creditorId', { validate: (value) => value.trim().length > 0 || t('common.required') })}
        />
      </Group>
      <FormActionError error={action.error} unplaced={action.unplaced} />
      <Group gap="sm">
        <Button type="submit" loading={busy}>
          {t('directDebit.creditor.save')}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('directDebit.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
