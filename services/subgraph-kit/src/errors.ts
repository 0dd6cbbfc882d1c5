import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  DriverException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
  CheckConstraintViolationException,
} from '@mikro-orm/core';
import { DomainError, Errors, periodErrorFromDatabase, type ErrorCategory, type FieldReason } from '@relais/domain';
import type { Logger } from 'pino';

/** One table from error category to what a client sees; `code` is stable, the message is for humans. */
const CATEGORY_HTTP_STATUS: Record<ErrorCategory, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

function fromDomain(error: DomainError): GraphQLFormattedError['extensions'] {
  return { code: error.code, category: error.category, status: CATEGORY_HTTP_STATUS[error.category], ...error.details };
}

/** SQLSTATEs of values the database refused (bad text for a type, too long, out of range, NUL byte, impossible date). */
const REFUSED_VALUE_STATES: Record<string, { message: string; reason: FieldReason }> = {
  '22P02': { message: 'valeur illisible pour ce champ', reason: 'INVALID' },
  '22001': { message: 'texte trop long', reason: 'TOO_LONG' },
  '22003': { message: 'nombre hors des limites', reason: 'OUT_OF_RANGE' },
  '22008': { message: 'date hors des limites', reason: 'OUT_OF_RANGE' },
  '22007': { message: 'date illisible', reason: 'DATE_EXPECTED' },
  '22021': { message: 'caractère refusé', reason: 'INVALID' },
  '22P05': { message: 'caractère refusé', reason: 'INVALID' },
  // What the server answers to a bound parameter holding U+0000 ("invalid message format").
  '08P01': { message: 'caractère refusé', reason: 'INVALID' },
  '22023': { message: 'valeur refusée', reason: 'INVALID' },
  '22012': { message: 'division par zéro', reason: 'INVALID' },
};

function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

type DatabaseError = Error & { detail?: string; column?: string; table?: string; constraint?: string };

/**
 * The column a refusal is about, as the API names fields (`intervention_id` → `interventionId`);
 * never the values. From the detail ("Key (tenant_id, intervention_id)=(…)") or the column when
 * PostgreSQL gives them, else from the default name of a one-column constraint
 * (`invoice_lines_tenant_id_intervention_id_fkey`, `payments_amount_check`): row-level security
 * hides the detail of a foreign-key violation.
 */
function fieldOf(error: DatabaseError): string | undefined {
  const fromDetail = error.detail ? /Key \(([^)]*)\)/.exec(error.detail)?.[1] : undefined;
  const named = error.table ? new RegExp(`^${error.table}_(?:tenant_id_)?([a-z0-9_]+)_(?:fkey|check)$`).exec(error.constraint ?? '') : null;
  const fromConstraint = named && (named[1]!.match(/_id(?=_|$)/g) ?? []).length <= 1 ? named[1] : undefined;
  const columns = fromDetail ?? error.column ?? fromConstraint;
  const column = columns
    ?.split(',')
    .map((c) => c.trim())
    .filter((c) => c !== 'tenant_id')
    .at(-1);
  return column && /^[a-z0-9_]+$/.test(column) ? camelCase(column) : undefined;
}

/**
 * Database refusals that a user can cause become typed errors, in this one place; nothing from the
 * driver (SQL text, constraint wording, values) leaks out.
 */
export function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof OptimisticLockError)
    return new DomainError('STALE_VERSION', 'CONFLICT', 'Cet enregistrement a été modifié entre-temps ; rechargez-le');
  if (error instanceof UniqueConstraintViolationException)
    return new DomainError('ALREADY_EXISTS', 'CONFLICT', 'Un enregistrement identique existe déjà', {
      constraint: (error as DriverException & { constraint?: string }).constraint,
    });
  const closedPeriod = periodErrorFromDatabase(error);
  if (closedPeriod) return closedPeriod;
  // MikroORM wraps driver errors; a raw `pg` error (severity, code) is the same refusal unwrapped.
  const isDatabaseError = error instanceof DriverException || (error instanceof Error && 'severity' in error);
  if (!isDatabaseError) return null;
  const sqlState = (error as Error & { code?: unknown }).code;
  if (typeof sqlState !== 'string') return null;
  if (error instanceof ForeignKeyConstraintViolationException || sqlState === '23503') {
    const field = fieldOf(error);
    return new DomainError('REFERENCE_NOT_FOUND', 'BAD_USER_INPUT', 'Un élément référencé est introuvable', field ? { field } : {});
  }
  if (error instanceof NotNullConstraintViolationException || sqlState === '23502') {
    const field = fieldOf(error) ?? 'input';
    return Errors.validation([{ field, message: 'valeur obligatoire', reason: 'REQUIRED' }]);
  }
  if (error instanceof CheckConstraintViolationException || sqlState === '23514')
    return Errors.validation([
      { field: fieldOf(error) ?? 'input', message: 'valeur refusée par une règle de la base de données', reason: 'INVALID' },
    ]);
  if (sqlState === '42501') return new DomainError('FORBIDDEN', 'FORBIDDEN', 'Opération refusée');
  // An id that is not one of ours (not a UUID) names nothing: the same answer as an unknown id.
  if (sqlState === '22P02' && /type uuid/.test(error.message))
    return new DomainError('NOT_FOUND', 'NOT_FOUND', 'Aucun enregistrement ne porte cet identifiant', { reason: 'MALFORMED_ID' });
  const refused = REFUSED_VALUE_STATES[sqlState];
  if (refused) return Errors.validation([{ field: 'input', message: refused.message, reason: refused.reason }]);
  return null;
}

/** Apollo `formatError`: typed errors pass with their code, anything else is logged and masked. */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(raw);
    // A refusal thrown before execution (inputRulesPlugin) carries its DomainError as the cause.
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError ? unwrapped.originalError : unwrapped;
    const domain = toDomainError(original);
    if (domain) return { message: domain.message, path: formatted.path, extensions: fromDomain(domain) };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      // GraphQL validation and parsing errors: already typed and safe to show.
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    log.error({ err: original }, 'unexpected error');
    return { message: 'Erreur interne ; l’incident a été enregistré', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

export function graphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { extensions: fromDomain(error) });
}
