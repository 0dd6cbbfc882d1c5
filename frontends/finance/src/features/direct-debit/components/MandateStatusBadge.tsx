import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { MandateListItem } from '../hooks/use-mandates';

/** Actif, Révoqué, or why an active mandate can no longer collect (caduc after 36 months, one-off already used). */
export function MandateStatusBadge({ mandate }: { mandate: Pick<MandateListItem, 'status' | 'blockedReason'> }) {
  const { t } = useTranslation(financeNamespace);
  if (mandate.status === 'REVOKED')
    return (
      <Badge color="red" variant="light" data-testid="mandate-status">
        {t('directDebit.mandateStatus.REVOKED')}
      </Badge>
    );
  if (mandate.blockedReason)
    return (
      <Badge color="orange" variant="light" data-testid="mandate-status">
        {t(`directDebit.blockedReason.${mandate.blockedReason}`)}
      </Badge>
    );
  return (
    <Badge color="green" variant="light" data-testid="mandate-status">
      {t('directDebit.mandateStatus.ACTIVE')}
    </Badge>
  );
}
