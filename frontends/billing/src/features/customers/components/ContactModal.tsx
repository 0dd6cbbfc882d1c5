import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { FormActionError, fieldErrorOf, useFormAction } from '@relais/session';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { contactFormPath, contactInput, contactRoles, contactValuesFrom, type ContactFormValues } from '../hooks/customer-form';
import type { CustomerContact } from '../hooks/use-customer';
import { useSaveContact } from '../hooks/use-customer-save';

/** A new contact of the customer, or one edited from the version loaded; its roles as check boxes. */
export function ContactModal({
  customerId,
  contact,
  onClose,
  onReload,
}: {
  customerId: string;
  contact: CustomerContact | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const { save, busy } = useSaveContact(customerId);
  const form = useForm<ContactFormValues>({ defaultValues: contactValuesFrom(contact) });
  const action = useFormAction(form, contactFormPath);
  const errorOf = (path: keyof ContactFormValues) => fieldErrorOf(form.formState.errors, path);

  const submit = form.handleSubmit(async (values) => {
    const saved = await action.run(() => save(contactInput(values), contact));
    if (saved) onClose();
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={contact ? t('customerFile.contacts.editTitle', { name: contact.fullName }) : t('customerFile.contacts.addTitle')}
      size="lg"
    >
      <Stack component="form" onSubmit={(event) => void submit(event)} data-testid="contact-form">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('customerFile.contacts.fullName')}
            withAsterisk
            data-autofocus
            error={errorOf('fullName')}
            {...form.register('fullName', { validate: (value) => value.trim().length > 0 || t('customerFile.form.required') })}
          />
          <TextInput label={t('customerFile.contacts.jobTitle')} error={errorOf('jobTitle')} {...form.register('jobTitle')} />
          <TextInput type="email" label={t('customerFile.contacts.email')} error={errorOf('email')} {...form.register('email')} />
          <TextInput type="tel" label={t('customerFile.contacts.phone')} error={errorOf('phone')} {...form.register('phone')} />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="roles"
          render={({ field }) => (
            <Checkbox.Group
              label={t('customerFile.contacts.roles')}
              description={t('customerFile.contacts.billingHint')}
              value={field.value}
              onChange={(value) => field.onChange(value)}
              error={errorOf('roles')}
            >
              <Group mt="xs">
                {contactRoles.map((role) => (
                  <Checkbox key={role} value={role} label={t(`customerFile.contactRole.${role}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
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
            {t('customerFile.contacts.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
