import { graphQLFieldErrors, formPathOf, type GraphQLFieldError } from '../apollo/graphql-field-errors';
import { errorMessage } from './error-message';

/** How a form shows a refused action: a message under each of its inputs, the rest above the form. */
export interface FormErrors {
  /** Message per form input ("lines.0.quantity"), for the fields the form shows. */
  fields: Record<string, string>;
  /** Messages no input can show (a field the form lacks, or a refusal that is not about a field). */
  general: string[];
}

/** Translates a catalogue key, or answers `undefined` when the catalogue has none. */
export type Translate = (key: string, options?: Record<string, unknown>) => string | undefined;

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);

/**
 * A refused field in the user's language: the catalogue's text for its `reason`, else the server's
 * (French) message; never its path nor a code.
 */
export function fieldProblemMessage(problem: GraphQLFieldError, translate: Translate): string {
  const known = problem.reason && problem.reason !== 'INVALID' ? translate(`fieldReason.${problem.reason}`) : undefined;
  return known ?? capitalized(problem.message);
}

/** A problem shown above the form, its line named for people ("Ligne 3 : …"; the server counts from 0). */
export function unplacedProblemMessage(problem: GraphQLFieldError, translate: Translate): string {
  const message = fieldProblemMessage(problem, translate);
  const line = /^lines\[(\d+)\]/.exec(problem.field);
  const place = line ? translate('form.line', { line: Number(line[1]) + 1 }) : undefined;
  return place ? `${place} : ${message}` : message;
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
  if (problems.length === 0) return { ...result, general: [errorMessage(error)] };
  for (const problem of problems) {
    const path = pathOf(formPathOf(problem.field));
    if (!path) result.general.push(unplacedProblemMessage(problem, translate));
    else if (!(path in result.fields)) result.fields[path] = fieldProblemMessage(problem, translate);
  }
  return result;
}
