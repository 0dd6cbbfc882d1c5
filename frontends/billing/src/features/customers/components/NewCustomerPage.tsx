import { useFormAction } from '@relais/session';
import { PageHeader } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { customerFormPath, customerInput, newCustomerValues, type CustomerFormValues } from '../hooks/customer-form';
import { useCreateCustomer } from '../hooks/use-customer-save';
import { CustomerForm } from './CustomerForm';

/** "Nouveau client": the record, then its file, where contacts and sites are added. */
export function NewCustomerPage() {
  const { t } = useTranslation(billingNamespace);
  const navigate = useNavigate();
  const { create, busy } = useCreateCustomer();
  const form = useForm<CustomerFormValues>({ defaultValues: newCustomerValues() });
  const action = useFormAction(form, customerFormPath);

  const submit = form.handleSubmit(async (values) => {
    const created = await action.run(() => create(customerInput(values)));
    if (created) void navigate(billingPaths.customer(created.id), { state: { createdCode: created.code } });
  });

  return (
    <>
      <PageHeader title={t('customerFile.newTitle')} />
      <CustomerForm
        form={form}
        submitLabel={t('customerFile.form.create')}
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={() => void navigate(billingPaths.customers)}
      />
    </>
  );
}
