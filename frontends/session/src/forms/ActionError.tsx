import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphQLErrorCodes } from '../apollo/graphql-error-codes';
import { sessionNamespace } from '../i18n/register';
import { errorCodes, useErrorMessage } from './error-message';

/**
 * A refused action, in the user's language (the error catalogue by code), its stable code as a small
 * reference in brackets. A STALE_VERSION conflict (someone saved the record meanwhile) offers to
 * reload it instead.
 */
export function ActionError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation(sessionNamespace);
  const message = useErrorMessage();
  if (!error) return null;
  if (onReload && graphQLErrorCodes(error).includes('STALE_VERSION'))
    return (
      <Alert color="orange" title={t('action.staleTitle')} role="alert" mb="md">
        {t('action.staleVersion')}{' '}
        <Button size="xs" variant="light" color="orange" onClick={onReload}>
          {t('action.reload')}
        </Button>
      </Alert>
    );
  const codes = errorCodes(error);
  return (
    <Alert color="red" title={t('action.failed')} role="alert" mb="md">
      {message(error)}
      {codes.length > 0 && (
        <Text span size="xs" c="dimmed" data-testid="error-code">
          {' '}
          ({codes.join(', ')})
        </Text>
      )}
    </Alert>
  );
}
