import { FieldProblemsAlert, graphQLFieldErrors, type GraphQLFieldError } from '@relais/session';
import { ActionError } from './ActionError';

/** Why a form was refused: the fields to fix (VALIDATION_FAILED), or any other error as {@link ActionError}. */
export function FormActionError({ error, unplaced }: { error: unknown; unplaced: readonly GraphQLFieldError[] }) {
  if (!error) return null;
  if (graphQLFieldErrors(error).length === 0) return <ActionError error={error} />;
  return <FieldProblemsAlert error={error} unplaced={unplaced} />;
}
