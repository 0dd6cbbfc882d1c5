import { fieldProblemMessage, graphQLFieldErrors, useFormTranslate } from '@relais/session';

/** The messages of the fields a VALIDATION_FAILED error names, by field, in the user's language. */
export function useFieldMessages(error: unknown): Record<string, string> {
  const translate = useFormTranslate();
  return Object.fromEntries(graphQLFieldErrors(error).map((problem) => [problem.field, fieldProblemMessage(problem, translate)]));
}
