import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { planningNamespace } from '../../../i18n/register';
import { billingContractPath } from '../../../routes';

/** What the contract form tells the contract page it opens after saving. */
export interface ContractSaved {
  kind: 'created' | 'amended';
  reference: string;
  /** Its billing terms were saved in the same call. */
  withBilling: boolean;
}

/** "Conditions de facturation →": the contract's page in the billing app. */
export function BillingTermsLink({ contractId }: { contractId: string }) {
  const { t } = useTranslation(planningNamespace);
  return (
    <Anchor href={billingContractPath(contractId)} fw={600}>
      {t('contractForm.billingLink')}
    </Anchor>
  );
}

/** After the form: the contract was saved; its billing terms are the next step (or were saved with it), in the billing app. */
export function ContractSavedNotice({ contractId }: { contractId: string }) {
  const { t } = useTranslation(planningNamespace);
  const saved = (useLocation().state as { saved?: ContractSaved } | null)?.saved;
  if (!saved) return null;
  return (
    <Alert
      color="teal"
      mb="md"
      title={t(saved.kind === 'created' ? 'contractForm.created' : 'contractForm.amended', { reference: saved.reference })}
      data-testid="contract-saved"
    >
      <Text size="sm">
        {t(saved.withBilling ? 'contractForm.billingSaved' : 'contractForm.nextStep')} <BillingTermsLink contractId={contractId} />
      </Text>
    </Alert>
  );
}
