import { Alert } from '@mantine/core';
import { graphQLErrorCodes } from '@relais/session';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../i18n/register';
import { errorMessage } from './error-message';

/** A refused action, with the server's French message and its stable code. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation(billingNamespace);
  if (!error) return null;
  const codes = graphQLErrorCodes(error);
  return (
    <Alert color="red" title={t('common.actionFailed')} role="alert" mb="md">
      {errorMessage(error)}
      {codes.length > 0 && ` (${codes.join(', ')})`}
    </Alert>
  );
}
