import { Alert, Button } from '@mantine/core';
import { graphQLErrorCodes } from '@relais/session';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../i18n/register';
import { errorMessage } from './error-message';

/**
 * A refused action, with the server's French message and its stable code. A STALE_VERSION
 * conflict (someone saved the document meanwhile) offers to reload it instead.
 */
export function ActionError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation(billingNamespace);
  if (!error) return null;
  const codes = graphQLErrorCodes(error);
  if (onReload && codes.includes('STALE_VERSION'))
    return (
      <Alert color="orange" title={t('common.staleTitle')} role="alert" mb="md">
        {t('common.staleVersion')}{' '}
        <Button size="xs" variant="light" color="orange" onClick={onReload}>
          {t('common.reload')}
        </Button>
      </Alert>
    );
  return (
    <Alert color="red" title={t('common.actionFailed')} role="alert" mb="md">
      {errorMessage(error)}
      {codes.length > 0 && ` (${codes.join(', ')})`}
    </Alert>
  );
}
