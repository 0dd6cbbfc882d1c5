import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphQLErrorCodes } from '../apollo/graphql-error-codes';
import { sessionNamespace } from '../i18n/register';
import { errorMessage } from './error-message';

/**
 * A refused action, with the server's French message and its stable code. A STALE_VERSION
 * conflict (someone saved the record meanwhile) offers to reload it instead.
 */
export function ActionError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation(sessionNamespace);
  if (!error) return null;
  const codes = graphQLErrorCodes(error);
  if (onReload && codes.includes('STALE_VERSION'))
    return (
      <Alert color="orange" title={t('action.staleTitle')} role="alert" mb="md">
        {t('action.staleVersion')}{' '}
        <Button size="xs" variant="light" color="orange" onClick={onReload}>
          {t('action.reload')}
        </Button>
      </Alert>
    );
  return (
    <Alert color="red" title={t('action.failed')} role="alert" mb="md">
      {errorMessage(error)}
      {codes.length > 0 && ` (${codes.join(', ')})`}
    </Alert>
  );
}
