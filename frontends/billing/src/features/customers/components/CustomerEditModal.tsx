import { Modal } from '@mantine/core';
import { useFormAction } from '@relais/session';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { customerFormPath, customerInput, customerValuesFrom, type CustomerFormValues } from '../hooks/customer-form';
import type { CustomerRecord } from '../hooks/use-customer';
import { useUpdateCustomer } from '../hooks/use-customer-save';
import { CustomerForm } from './CustomerForm';

/** "Modifier la fiche": saved from the version loaded, so that someone else's change is never overwritten. */
export function CustomerEditModal({
  customer,
  onClose,
  onReload,
}: {
  customer: CustomerRecord;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const { update, busy } = useUpdateCustomer(customer.id);
  const form = useForm<CustomerFormValues>({ defaultValues: customerValuesFrom(customer) });
  const action = useFormAction(form, customerFormPath);

  const submit = form.handleSubmit(async (values) => {
    const saved = await action.run(() => update(customerInput(values), customer.version));
    if (saved) onClose();
  });

  return (
    <Modal opened onClose={onClose} title={t('customerFile.edit.title', { name: customer.name })} size="xl">
      <CustomerForm
        form={form}
        submitLabel={t('customerFile.form.save')}
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={onClose}
        onReload={() => {
          onReload();
          onClose();
        }}
      />
    </Modal>
  );
}
