import { graphQLFieldErrors, type GraphQLFieldError } from '../apollo/graphql-field-errors';
import { ActionError } from './ActionError';
import { FieldProblemsAlert } from './FieldProblemsAlert';

/** Why a form was refused: the fields to fix (VALIDATION_FAILED), or any other error as {@link ActionError}. */
export function FormActionError({
  error,
  unplaced,
  onReload,
}: {
  error: unknown;
  unplaced: readonly GraphQLFieldError[];
  onReload?: () => void;
}) {
  if (!error) return null;
  if (graphQLFieldErrors(error).length === 0) return <ActionError error={error} onReload={onReload} />;
  return <FieldProblemsAlert error={error} unplaced={unplaced} />;
}
