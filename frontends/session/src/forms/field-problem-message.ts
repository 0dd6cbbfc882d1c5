import type { GraphQLFieldError } from '../apollo/graphql-field-errors';

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
