import { CombinedGraphQLErrors } from '@apollo/client';

/** A field the server refused, as VALIDATION_FAILED names it in `extensions.fields` ("feeLines[1].amount"). */
export interface GraphQLFieldError {
  field: string;
  message: string;
  /** Stable code of the problem ("REQUIRED", "MUST_BE_POSITIVE"...), translated by the front end. */
  reason?: string;
}

const isFieldError = (value: unknown): value is GraphQLFieldError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as GraphQLFieldError).field === 'string' &&
  typeof (value as GraphQLFieldError).message === 'string';

/** The fields one GraphQL error's extensions name when its code is VALIDATION_FAILED. */
export function fieldErrorsOfExtensions(extensions: Record<string, unknown> | undefined): GraphQLFieldError[] {
  if (extensions?.['code'] !== 'VALIDATION_FAILED') return [];
  const fields = extensions['fields'];
  return Array.isArray(fields) ? fields.filter(isFieldError) : [];
}

/** The fields a VALIDATION_FAILED error names, in the server's order; none for any other error. */
export function graphQLFieldErrors(error: unknown): GraphQLFieldError[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((graphQLError) => fieldErrorsOfExtensions(graphQLError.extensions));
}

/** The server's field path as a form path: "feeLines[1].amount" → "feeLines.1.amount". */
export const formPathOf = (field: string): string => field.replace(/\[(\d+)\]/g, '.$1');
