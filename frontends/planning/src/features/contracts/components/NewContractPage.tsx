import { useFormAction } from '@relais/session';
import { PageHeader } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { contractFormPath, contractTermsInput, newContractValues, type ContractFormValues } from '../hooks/contract-form';
import { useCreateContract } from '../hooks/use-contract-save';
import type { ContractSaved } from './ContractSavedNotice';
import { ContractForm } from './ContractForm';

/** "Nouveau contrat": the terms of service; once created, the contract page offers its billing terms next. */
export function NewContractPage() {
  const { t } = useTranslation(planningNamespace);
  const navigate = useNavigate();
  const { create, busy } = useCreateContract();
  const form = useForm<ContractFormValues>({ defaultValues: newContractValues() });
  const action = useFormAction(form, contractFormPath);

  const submit = form.handleSubmit(async (values) => {
    const created = await action.run(() => create(values.customerId!, contractTermsInput(values)));
    if (!created) return;
    const saved: ContractSaved = { kind: 'created', reference: created.reference };
    void navigate(planningPaths.contract(created.id), { state: { saved } });
  });

  return (
    <>
      <PageHeader title={t('contractForm.newTitle')} />
      <ContractForm
        form={form}
        mode="create"
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={() => void navigate(planningPaths.contracts)}
      />
    </>
  );
}
