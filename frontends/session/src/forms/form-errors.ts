import { graphQLFieldErrors, formPathOf } from '../apollo/graphql-field-errors';
import { errorMessage } from './error-message';
import { fieldProblemMessage, unplacedProblemMessage, type Translate } from './field-problem-message';

export { fieldProblemMessage, unplacedProblemMessage, type Translate };

/** How a form shows a refused action: a message under each of its inputs, the rest above the form. */
export interface FormErrors {
  /** Message per form input ("lines.0.quantity"), for the fields the form shows. */
  fields: Record<string, string>;
  /** Messages no input can show (a field the form lacks, or a refusal that is not about a field). */
  general: string[];
}

/**
 * Where to show why an action was refused. `pathOf` maps the server's field as a form path
 * ("lines[0].quantity" → "lines.0.quantity") to the form's input name, or null when the form has no
 * such input. Errors other than VALIDATION_FAILED become one general message.
 */
export function formErrors(error: unknown, pathOf: (formPath: string) => string | null, translate: Translate): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  if (!error) return result;
  const problems = graphQLFieldErrors(error);
  if (problems.length === 0) return { ...result, general: [errorMessage(error, translate)] };
  for (const problem of problems) {
    const path = pathOf(formPathOf(problem.field));
    if (!path) result.general.push(unplacedProblemMessage(problem, translate));
    else if (!(path in result.fields)) result.fields[path] = fieldProblemMessage(problem, translate);
  }
  return result;
}
