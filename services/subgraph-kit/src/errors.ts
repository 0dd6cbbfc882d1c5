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
import { DomainError, periodErrorFromDatabase, type ErrorCategory } from '@relais/domain';
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

/** Database refusals that a user can cause become typed errors; nothing from the driver leaks out. */
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
  if (error instanceof ForeignKeyConstraintViolationException)
    return new DomainError('REFERENCE_NOT_FOUND', 'BAD_USER_INPUT', 'Un élément référencé est introuvable');
  if (error instanceof NotNullConstraintViolationException || error instanceof CheckConstraintViolationException)
    return new DomainError('VALIDATION_FAILED', 'BAD_USER_INPUT', 'Valeur refusée par la base de données');
  const sqlState = error instanceof DriverException ? (error as DriverException & { code?: string }).code : undefined;
  if (sqlState === '42501') return new DomainError('FORBIDDEN', 'FORBIDDEN', 'Opération refusée');
  // An id that is not one of ours (not a UUID) names nothing: the same answer as an unknown id.
  if (sqlState === '22P02' && /type uuid/.test((error as Error).message))
    return new DomainError('NOT_FOUND', 'NOT_FOUND', 'Aucun enregistrement ne porte cet identifiant', { reason: 'MALFORMED_ID' });
  return null;
}

/** Apollo `formatError`: typed errors pass with their code, anything else is logged and masked. */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(raw);
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
