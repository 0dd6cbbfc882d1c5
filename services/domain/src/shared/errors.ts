/**
 * The catalogue of errors a user or a partner can cause. Each carries a stable `code` (sent as
 * `extensions.code`) and a category that the API layer maps to one GraphQL error class.
 */
export type ErrorCategory = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly category: ErrorCategory,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * Why a field was refused, as a stable code a client translates (the message stays, in French, for
 * logs and for clients without a catalogue). INVALID when nothing more precise was said.
 */
export type FieldReason =
  | 'INVALID'
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'DECIMAL_EXPECTED'
  | 'TOO_MANY_DECIMALS'
  | 'MUST_BE_POSITIVE'
  | 'MUST_NOT_BE_ZERO'
  | 'OUT_OF_RANGE'
  | 'DATE_EXPECTED'
  | 'UNKNOWN_VALUE';

export interface FieldProblem {
  field: string;
  message: string;
  reason?: FieldReason;
}

export const Errors = {
  validation: (problems: FieldProblem[]) =>
    new DomainError('VALIDATION_FAILED', 'BAD_USER_INPUT', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      fields: problems.map((p) => ({ field: p.field, message: p.message, reason: p.reason ?? 'INVALID' })),
    }),
  notFound: (entity: string, id: string) => new DomainError('NOT_FOUND', 'NOT_FOUND', `${entity} ${id} introuvable`, { entity, id }),
  conflict: (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, 'CONFLICT', message, details),
  /** Someone saved the record after the caller loaded it; `message` names the record for the user. */
  staleVersion: (message: string, currentVersion: number, expectedVersion?: number | null) =>
    new DomainError('STALE_VERSION', 'CONFLICT', message, {
      ...(expectedVersion == null ? {} : { expectedVersion }),
      currentVersion,
    }),
  invalidCredentials: () => new DomainError('INVALID_CREDENTIALS', 'UNAUTHENTICATED', 'Adresse e-mail ou mot de passe incorrect'),
  unauthenticated: (code = 'UNAUTHENTICATED', message = 'Authentification requise') => new DomainError(code, 'UNAUTHENTICATED', message),
  /** A portal session whose contact was removed, moved to another customer or re-addressed (docs/portal.md). */
  portalAccessRevoked: () =>
    new DomainError('PORTAL_ACCESS_REVOKED', 'UNAUTHENTICATED', 'Votre accès à l’espace client a été retiré ; demandez un nouveau lien.'),
  forbidden: (message = 'Action non autorisée pour ce rôle', details: Record<string, unknown> = {}) =>
    new DomainError('FORBIDDEN', 'FORBIDDEN', message, details),
};

/** Collects field problems and throws one VALIDATION_FAILED error naming all of them. */
export class Validator {
  private readonly problems: FieldProblem[] = [];

  check(condition: boolean, field: string, message: string, reason: FieldReason = 'INVALID'): this {
    if (!condition) this.problems.push({ field, message, reason });
    return this;
  }

  throwIfInvalid(): void {
    if (this.problems.length > 0) throw Errors.validation(this.problems);
  }
}

/** Optimistic concurrency: refuses a change made from a version other than the stored one (none given: no check). */
export function assertExpectedVersion(record: { version: number }, expectedVersion: number | null | undefined, message: string): void {
  if (expectedVersion != null && expectedVersion !== record.version) throw Errors.staleVersion(message, record.version, expectedVersion);
}
