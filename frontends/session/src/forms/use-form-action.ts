import { formPathOf, graphQLFieldErrors, type GraphQLFieldError } from '../apollo/graphql-field-errors';
import { useState } from 'react';
import { get, type FieldErrors, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { fieldProblemMessage } from './form-errors';
import { useFormTranslate } from './use-translate';

/**
 * Runs a form's mutation, keeping its failure to show next to the button, and puts the fields a
 * VALIDATION_FAILED error names on the form's inputs (react-hook-form). `pathOf` maps the server's
 * field ("feeLines[1].amount", as "feeLines.1.amount") to the form's input, or null when the form
 * has none: those stay in `unplaced`. Messages are the user's language's (by the problem's `reason`).
 */
export function useFormAction<T extends FieldValues>(form: UseFormReturn<T>, pathOf: (formPath: string) => Path<T> | null) {
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<GraphQLFieldError[]>([]);
  const translate = useFormTranslate();
  const run = async <R>(action: () => Promise<R>): Promise<R | undefined> => {
    setError(null);
    setUnplaced([]);
    try {
      return await action();
    } catch (caught) {
      const left: GraphQLFieldError[] = [];
      for (const problem of graphQLFieldErrors(caught)) {
        const path = pathOf(formPathOf(problem.field));
        if (path) form.setError(path, { type: 'server', message: fieldProblemMessage(problem, translate) }, { shouldFocus: false });
        else left.push(problem);
      }
      setError(caught);
      setUnplaced(left);
      return undefined;
    }
  };
  return { error, unplaced, run, clear: () => setError(null) };
}

/** The message of a form input's error ("feeLines.1.amount"), from client rules or from the server. */
export function fieldErrorOf<T extends FieldValues>(errors: FieldErrors<T>, path: string): string | undefined {
  const error: unknown = get(errors, path);
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : undefined;
}
