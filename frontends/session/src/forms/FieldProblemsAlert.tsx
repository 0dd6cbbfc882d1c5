import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphQLFieldErrors, type GraphQLFieldError } from '../apollo/graphql-field-errors';
import { sessionNamespace } from '../i18n/register';
import { unplacedProblemMessage } from './form-errors';
import { useFormTranslate } from './use-translate';

/**
 * A form refused with VALIDATION_FAILED: a short notice (each field shows its own message under it)
 * and the problems no input of the form could show. Renders nothing for any other error: the form
 * shows those its own way.
 */
export function FieldProblemsAlert({ error, unplaced }: { error: unknown; unplaced: readonly GraphQLFieldError[] }) {
  const { t } = useTranslation(sessionNamespace);
  const translate = useFormTranslate();
  if (!error || graphQLFieldErrors(error).length === 0) return null;
  return (
    <Alert color="red" title={t('form.fieldsToFix')} role="alert" mb="md">
      {unplaced.length === 0 ? (
        t('form.fieldsToFixHint')
      ) : (
        <List size="sm">
          {unplaced.map((problem) => (
            <List.Item key={`${problem.field}:${problem.message}`}>{unplacedProblemMessage(problem, translate)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
