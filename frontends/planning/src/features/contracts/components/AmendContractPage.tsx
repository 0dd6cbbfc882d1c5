import { useFormAction } from '@relais/session';
import { Text } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader } from '@relais/ui';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { planningPaths } from '../../../routes';
import { contractBillingInput, type BillingTermsVersion } from '../hooks/contract-billing-form';
import { amendmentValues, contractFormPath, contractTermsInput, type ContractFormValues } from '../hooks/contract-form';
import { useAmendContract, useLatestBillingTerms } from '../hooks/use-contract-save';
import { useCanSetContractBilling, useContract, type ContractDetail } from '../hooks/use-contracts';
import type { ContractSaved } from './ContractSavedNotice';
import { ContractForm } from './ContractForm';

/**
 * "Modifier par avenant": the contract's current terms to change, from an effective date and for a
 * reason; for someone who also sets billing terms, its fees from the same date, in the same call.
 */
export function AmendContractPage() {
  const { t } = useTranslation(planningNamespace);
  const { contractId = '' } = useParams();
  const withBilling = useCanSetContractBilling();
  const { contract, loading, error, retry } = useContract(contractId);
  const billing = useLatestBillingTerms(contractId, !withBilling);
  if (loading || billing.loading) return <LoadingState />;
  if (error || billing.error)
    return (
      <ErrorNotice
        onRetry={() => {
          retry();
          billing.retry();
        }}
      />
    );
  if (!contract) return <Text c="dimmed">{t('common.notFound')}</Text>;
  // A new version of the contract (after a reload) starts the form again from its terms.
  return (
    <AmendContractForm key={contract.version} contract={contract} latestBilling={billing.latest} withBilling={withBilling} reload={retry} />
  );
}

function AmendContractForm({
  contract,
  latestBilling,
  withBilling,
  reload,
}: {
  contract: ContractDetail;
  latestBilling: BillingTermsVersion | undefined;
  withBilling: boolean;
  reload: () => void;
}) {
  const { t } = useTranslation(planningNamespace);
  const navigate = useNavigate();
  const { amend, busy } = useAmendContract(contract.id);
  const form = useForm<ContractFormValues>({ defaultValues: amendmentValues(contract, latestBilling) });
  const action = useFormAction(form, contractFormPath);

  const submit = form.handleSubmit(async (values) => {
    const billing = withBilling && values.billing.enabled ? contractBillingInput(values.billing) : null;
    const amended = await action.run(() =>
      amend({
        terms: contractTermsInput(values),
        effectiveOn: values.effectiveOn,
        reason: values.reason.trim(),
        expectedVersion: contract.version,
        billing,
      }),
    );
    if (!amended) return;
    const saved: ContractSaved = { kind: 'amended', reference: amended.reference, withBilling: billing !== null };
    void navigate(planningPaths.contract(amended.id), { state: { saved } });
  });

  return (
    <>
      <PageHeader title={t('contractForm.amendTitle', { reference: contract.reference })} subtitle={contract.title} />
      <ContractForm
        form={form}
        mode="amend"
        withBilling={withBilling}
        customerName={`${contract.customer.name} (${contract.customer.code})`}
        busy={busy}
        error={action.error}
        unplaced={action.unplaced}
        onSubmit={() => void submit()}
        onCancel={() => void navigate(planningPaths.contract(contract.id))}
        onReload={reload}
      />
    </>
  );
}
