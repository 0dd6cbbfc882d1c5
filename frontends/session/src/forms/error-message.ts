import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { useCallback } from 'react';
import { fieldErrorsOfExtensions } from '../apollo/graphql-field-errors';
import { unplacedProblemMessage, type Translate } from './field-problem-message';
import { useFormTranslate } from './use-translate';

/** One refusal as the server sent it: its stable code, its (French) message and its details. */
export interface Refusal {
  code: string | null;
  message: string;
  details: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** What a gateway or proxy answered with a non-2xx status: `{ errors: [...] }` or `{ code, message }`. */
function refusalsOfBody(error: ServerError): Refusal[] {
  let body: unknown;
  try {
    body = JSON.parse(error.bodyText);
  } catch {
    body = null;
  }
  const entries = isRecord(body) && Array.isArray(body['errors']) ? (body['errors'] as unknown[]) : [body];
  const refusals = entries.filter(isRecord).flatMap((entry): Refusal[] => {
    const extensions = isRecord(entry['extensions']) ? entry['extensions'] : {};
    const code = extensions['code'] ?? entry['code'];
    return typeof code === 'string' ? [{ code, message: String(entry['message'] ?? code), details: extensions }] : [];
  });
  if (refusals.length > 0) return refusals;
  const code = error.statusCode >= 502 && error.statusCode <= 504 ? 'GATEWAY_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
  return [{ code, message: error.message, details: {} }];
}

/**
 * The refusals an action failed with: the GraphQL errors, a gateway's non-2xx answer, or a network
 * failure (fetch's TypeError, as NETWORK_ERROR). Anything else keeps its message and has no code.
 */
export function refusalsOf(error: unknown): Refusal[] {
  if (CombinedGraphQLErrors.is(error))
    return error.errors.map((graphQLError) => {
      const extensions = graphQLError.extensions ?? {};
      const code = extensions['code'];
      return { code: typeof code === 'string' ? code : null, message: graphQLError.message, details: extensions };
    });
  if (ServerError.is(error)) return refusalsOfBody(error);
  if (error instanceof TypeError) return [{ code: 'NETWORK_ERROR', message: error.message, details: {} }];
  return [{ code: null, message: error instanceof Error ? error.message : String(error), details: {} }];
}

const localDate = /^\d{4}-\d{2}-\d{2}$/;
const periodKey = /^\d{4}-\d{2}$/;

/**
 * An error's details as the catalogue reads them: a LocalDate ("2026-03-14") or a period
 * ("2026-03") becomes a Date the catalogue formats in the user's language; null details are left
 * out, so a text needing them is not used.
 */
export function messageValues(details: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(details)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' && localDate.test(value)) values[name] = new Date(`${value}T12:00:00Z`);
    else if (typeof value === 'string' && periodKey.test(value)) values[name] = new Date(`${value}-15T12:00:00Z`);
    else values[name] = value;
  }
  return values;
}

/** One refusal in the user's language: the catalogue's text for its code, else the server's own message. */
function refusalMessage(refusal: Refusal, translate: Translate): string {
  const known = refusal.code ? translate(`apiError.${refusal.code}`, messageValues(refusal.details)) : undefined;
  if (!known || known.includes('{{')) return refusal.message;
  if (refusal.code !== 'VALIDATION_FAILED') return known;
  const problems = fieldErrorsOfExtensions(refusal.details);
  return problems.length === 0 ? known : `${known} ${problems.map((problem) => unplacedProblemMessage(problem, translate)).join(' ; ')}`;
}

/**
 * What a user reads when an action fails, in their language: the error catalogue's text for each
 * refusal's `extensions.code` (with its details: period, date, amount, invoice number…), the
 * server's message for a code the catalogue lacks. Never a raw code or a field path.
 */
export function errorMessage(error: unknown, translate: Translate): string {
  return refusalsOf(error)
    .map((refusal) => refusalMessage(refusal, translate))
    .join(' — ');
}

/** The stable codes of a failure, shown as a small reference after its message ("(PERIOD_CLOSED)"). */
export function errorCodes(error: unknown): string[] {
  return refusalsOf(error).flatMap((refusal) => (refusal.code && refusal.code !== 'NETWORK_ERROR' ? [refusal.code] : []));
}

/** {@link errorMessage} in the current user's language (re-renders when it changes). */
export function useErrorMessage(): (error: unknown) => string {
  const translate = useFormTranslate();
  return useCallback((error: unknown) => errorMessage(error, translate), [translate]);
}
