import { Alert, List } from '@mantine/core';
import { graphQLFieldErrors, type GraphQLFieldError } from '@relais/session';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../i18n/register';
import { ActionError } from './ActionError';

/**
 * Why a form was refused: for VALIDATION_FAILED, a short notice (each field shows its own message)
 * and the problems no input of the form could show; any other error as {@link ActionError}.
 */
export function FormActionError({ error, unplaced }: { error: unknown; unplaced: readonly GraphQLFieldError[] }) {
  const { t } = useTranslation(billingNamespace);
  if (!error) return null;
  if (graphQLFieldErrors(error).length === 0) return <ActionError error={error} />;
  return (
    <Alert color="red" title={t('common.fieldsToFix')} role="alert" mb="md">
      {unplaced.length === 0 ? (
        t('common.fieldsToFixHint')
      ) : (
        <List size="sm">
          {unplaced.map((problem) => (
            <List.Item key={`${problem.field}:${problem.message}`}>
              {problem.field} : {problem.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
