import { Alert, Badge, Button, Code, ColorInput, Group, Radio, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { FormActionError, fieldErrorOf, useFormAction } from '@relais/session';
import { ErrorNotice, LoadingState, PageHeader, SectionCard } from '@relais/ui';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InvoicingSettingsFieldsFragment } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import {
  invoiceGroupings,
  isHexColour,
  isMailAddressOrEmpty,
  isPublicUrlOrEmpty,
  settingsFormPath,
  settingsInput,
  settingsValuesFrom,
  type InvoicingSettingsValues,
} from '../hooks/invoicing-settings-form';
import { useInvoicingSettings, useUpdateInvoicingSettings } from '../hooks/use-invoicing-settings';
import { MailPreview } from './MailPreview';

/** « Paramètres de facturation »: bulk grouping, reply-to and public addresses, the invoice mail template. Admins only. */
export function InvoicingSettingsPage() {
  const { t } = useTranslation(billingNamespace);
  const { settings, loading, error, reload } = useInvoicingSettings();
  const [saved, setSaved] = useState(false);
  return (
    <>
      <PageHeader title={t('invoicingSettings.title')} subtitle={t('invoicingSettings.subtitle')} />
      {loading ? (
        <LoadingState />
      ) : !settings ? (
        error ? (
          <ErrorNotice onRetry={() => void reload()} />
        ) : null
      ) : (
        <SettingsForm
          // What the server stored after a save starts the form again (a default template shows as such).
          key={JSON.stringify(settings)}
          settings={settings}
          saved={saved}
          onSaved={() => setSaved(true)}
          onEdit={() => setSaved(false)}
        />
      )}
    </>
  );
}

function SettingsForm({
  settings,
  saved,
  onSaved,
  onEdit,
}: {
  settings: InvoicingSettingsFieldsFragment;
  saved: boolean;
  onSaved: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const { save, busy } = useUpdateInvoicingSettings();
  const initial = settingsValuesFrom(settings);
  const form = useForm<InvoicingSettingsValues>({ defaultValues: initial });
  const action = useFormAction(form, settingsFormPath);
  const errorOf = (path: keyof InvoicingSettingsValues) => fieldErrorOf(form.formState.errors, path);
  const submit = form.handleSubmit(async (values) => {
    if (await action.run(() => save(settingsInput(values, initial)))) onSaved();
  });
  const [subject, body] = form.watch(['invoiceMailSubject', 'invoiceMailBody']);
  const text = (name: 'billingEmail' | 'publicUrl', validate: (value: string) => boolean) => (
    <TextInput
      label={t(`invoicingSettings.${name}.label`)}
      description={t(`invoicingSettings.${name}.hint`)}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      inputMode={name === 'billingEmail' ? 'email' : 'url'}
      error={errorOf(name)}
      {...form.register(name, { validate: (value) => validate(value) || t(`invoicingSettings.${name}.invalid`) })}
    />
  );
  const resetTemplate = () => {
    form.setValue('invoiceMailSubject', '', { shouldDirty: true });
    form.setValue('invoiceMailBody', '', { shouldDirty: true });
    onEdit();
  };
  return (
    <Stack component="form" gap="md" maw={1100} onSubmit={(event) => void submit(event)} onChange={onEdit} data-testid="invoicing-settings">
      <SectionCard title={t('invoicingSettings.section.grouping')}>
        <Controller
          control={form.control}
          name="invoiceGrouping"
          render={({ field, fieldState }) => (
            <Radio.Group
              label={t('invoicingSettings.grouping.label')}
              description={t('invoicingSettings.grouping.hint')}
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
                onEdit();
              }}
              error={fieldState.error?.message}
            >
              <Stack gap="sm" mt="sm">
                {invoiceGroupings.map((grouping) => (
                  <Radio
                    key={grouping}
                    value={grouping}
                    label={t(`invoicingSettings.grouping.${grouping}.label`)}
                    description={t(`invoicingSettings.grouping.${grouping}.description`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
      </SectionCard>
      <SectionCard title={t('invoicingSettings.section.addresses')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('billingEmail', isMailAddressOrEmpty)}
          {text('publicUrl', isPublicUrlOrEmpty)}
        </SimpleGrid>
      </SectionCard>
      <SectionCard title={t('invoicingSettings.section.portal')}>
        <Controller
          control={form.control}
          name="portalPrimaryColor"
          rules={{ validate: (value) => isHexColour(value) || t('invoicingSettings.portalPrimaryColor.invalid') }}
          render={({ field, fieldState }) => (
            <ColorInput
              maw={320}
              label={t('invoicingSettings.portalPrimaryColor.label')}
              description={t('invoicingSettings.portalPrimaryColor.hint', { url: settings.portalUrl })}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              format="hex"
              // A typo is shown under the field rather than silently undone on leaving it.
              fixOnBlur={false}
              withEyeDropper={false}
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
                onEdit();
              }}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
      </SectionCard>
      <SectionCard title={t('invoicingSettings.section.mail')}>
        <Group justify="space-between" mb="sm">
          <Badge variant="light" color={settings.customTemplate ? 'blue' : 'gray'}>
            {settings.customTemplate ? t('invoicingSettings.customTemplate') : t('invoicingSettings.defaultTemplate')}
          </Badge>
          {settings.customTemplate && (
            <Button variant="subtle" size="xs" onClick={resetTemplate}>
              {t('invoicingSettings.resetTemplate')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="sm">
            <TextInput
              label={t('invoicingSettings.subject.label')}
              description={t('invoicingSettings.subject.hint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              error={errorOf('invoiceMailSubject')}
              {...form.register('invoiceMailSubject')}
            />
            <Textarea
              label={t('invoicingSettings.body.label')}
              description={t('invoicingSettings.body.hint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autosize
              minRows={8}
              error={errorOf('invoiceMailBody')}
              {...form.register('invoiceMailBody')}
            />
            <Placeholders names={settings.placeholders} />
          </Stack>
          <MailPreview subject={subject} body={body} />
        </SimpleGrid>
      </SectionCard>
      <FormActionError error={action.error} unplaced={action.unplaced} />
      {saved && !action.error && (
        <Alert color="green" data-testid="invoicing-settings-saved">
          {t('invoicingSettings.saved')}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={busy}>
          {t('invoicingSettings.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The placeholders the server accepts ("{{numero}}"), each with what it becomes. */
function Placeholders({ names }: { names: readonly string[] }) {
  const { t } = useTranslation(billingNamespace);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('invoicingSettings.placeholders.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('invoicingSettings.placeholders.hint')}
      </Text>
      <Table verticalSpacing={2} fz="sm" data-testid="invoice-mail-placeholders">
        <Table.Tbody>
          {names.map((name) => (
            <Table.Tr key={name}>
              <Table.Td w={140}>
                <Code>{name}</Code>
              </Table.Td>
              <Table.Td>{t(`invoicingSettings.placeholders.${name.replace(/[{}]/g, '')}`, { defaultValue: '' })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
