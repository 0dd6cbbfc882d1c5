import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { FormActionError, fieldErrorOf, useFormAction } from '@relais/session';
import { SectionCard } from '@relais/ui';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { CustomerRecord, CustomerSite } from '../hooks/use-customer';
import { useSaveSite } from '../hooks/use-customer-save';
import { siteFormPath, siteInput, siteValuesFrom, type SiteFormValues } from '../hooks/site-form';

/**
 * A new site of the customer (at its billing address to start with), or one edited from the
 * version loaded; with the attestation that lets works there be invoiced at the reduced VAT rate.
 */
export function SiteModal({
  customer,
  site,
  onClose,
  onReload,
}: {
  customer: CustomerRecord;
  site: CustomerSite | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const { save, busy } = useSaveSite(customer.id);
  const form = useForm<SiteFormValues>({ defaultValues: siteValuesFrom(site, customer.billingAddress) });
  const action = useFormAction(form, siteFormPath);
  const dwelling = useWatch({ control: form.control, name: 'dwellingOverTwoYears' });
  const errorOf = (path: keyof SiteFormValues) => fieldErrorOf(form.formState.errors, path);
  const required = { validate: (value: string) => value.trim().length > 0 || t('customerFile.form.required') };
  const text = (path: Exclude<keyof SiteFormValues, 'dwellingOverTwoYears'>, options = {}) => ({
    label: t(`customerFile.sites.${path}`),
    error: errorOf(path),
    ...form.register(path, options),
  });

  const submit = form.handleSubmit(async (values) => {
    const saved = await action.run(() => save(siteInput(values), site));
    if (saved) onClose();
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={site ? t('customerFile.sites.editTitle', { name: site.name }) : t('customerFile.sites.addTitle')}
      size="xl"
    >
      <Stack component="form" onSubmit={(event) => void submit(event)} data-testid="site-form">
        <TextInput withAsterisk data-autofocus placeholder={t('customerFile.sites.namePlaceholder')} {...text('name', required)} />
        <TextInput withAsterisk {...text('addressLine1', required)} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput withAsterisk {...text('postalCode', required)} />
          <TextInput withAsterisk {...text('city', required)} />
          <TextInput {...text('country')} />
        </SimpleGrid>
        <Textarea autosize minRows={2} {...text('accessNotes')} />
        <SectionCard title={t('customerFile.sites.vatSection')}>
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              {t('customerFile.sites.dwellingHint')}
            </Text>
            <Checkbox label={t('customerFile.sites.dwellingOverTwoYears')} {...form.register('dwellingOverTwoYears')} />
            {dwelling && (
              <TextInput
                type="date"
                w={240}
                description={t('customerFile.sites.reducedVatAttestedOnHint')}
                inputWrapperOrder={['label', 'input', 'error', 'description']}
                {...text('reducedVatAttestedOn')}
              />
            )}
          </Stack>
        </SectionCard>
        <FormActionError
          error={action.error}
          unplaced={action.unplaced}
          onReload={() => {
            onReload();
            onClose();
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('customerFile.form.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('customerFile.sites.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
