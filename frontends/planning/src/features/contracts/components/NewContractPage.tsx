import { useFormAction } from '@relais/session';
import { PageHeader } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { contractBillingInput } from '../hooks/contract-billing-form';
import { contractFormPath, contractTermsInput, newContractValues, type ContractFormValues } from '../hooks/contract-form';
import { useCreateContract } from '../hooks/use-contract-save';
import { useCanSetContractBilling } from '../hooks/use-contracts';
import type { ContractSaved } from './ContractSavedNotice';
import { ContractForm } from './ContractForm';

/**
 * "Nouveau contrat": the terms of service and, for someone who also sets billing terms, its fees,
 * created in one call; the contract page then links to its billing page. From a customer's file,
 * `?client=` chooses the customer.
 */
export function NewContractPage() {
  const { t } = useTranslation(planningNamespace);
  const navigate = useNavigate();
  const { create, busy } = useCreateContract();
  const withBilling = useCanSetContractBilling();
  const customerId = useSearchParams()[0].get('client');
  const form = useForm<ContractFormValues>({ defaultValues: { ...newContractValues(), customerId } });
  const action = useFormAction(form, contractFormPath);

  const submit = form.handleSubmit(async (values) => {
    const billing = withBilling && values.billing.enabled ? contractBillingInput(values.billing) : null;
    const created = await action.run(() => create(values.customerId!, contractTermsInput(values), billing));
    if (!created) return;
    const saved: ContractSaved = { kind: 'created', reference: created.reference, withBilling: billing !== null };
    void navigate(planningPaths.contract(created.id), { state: { saved } });
  });

  return (
    <>
      <PageHeader title={t('contractForm.newTitle')} />
      <ContractForm
        form={form}
        mode="create"
        withBilling={withBilling}
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={() => void navigate(planningPaths.contracts)}
      />
    </>
  );
}
