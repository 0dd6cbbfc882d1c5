/** One refusal of the API as the portal reads it: a stable code, the server's message, the fields it names. */
export interface Refusal {
  code: string;
  message: string;
  /** VALIDATION_FAILED: field path → the server's message for it ("description", "photos[1].dataUrl"). */
  fields: Record<string, string>;
}

/** Codes after which the portal session is gone: back to the sign-in page with a message. */
export const sessionEndedCodes = new Set(['UNAUTHENTICATED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'PORTAL_ACCESS_REVOKED']);

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: { code?: unknown; fields?: unknown };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The fields a VALIDATION_FAILED error names (`extensions.fields: [{ field, message, reason }]`), first message per field. */
export function fieldMessages(fields: unknown): Record<string, string> {
  const messages: Record<string, string> = {};
  if (!Array.isArray(fields)) return messages;
  for (const entry of fields) {
    if (!isRecord(entry) || typeof entry['field'] !== 'string') continue;
    const message = typeof entry['message'] === 'string' ? entry['message'] : String(entry['reason'] ?? '');
    messages[entry['field']] ??= message;
  }
  return messages;
}

/**
 * The first refusal of an answer: its GraphQL error, else what the HTTP status says (a gateway
 * down, a proxy's 5xx); `NETWORK_ERROR` when no answer came.
 */
export function refusalOf(errors: unknown, status: number | null): Refusal {
  const first: GraphQLErrorLike | undefined = Array.isArray(errors) && isRecord(errors[0]) ? (errors[0] as GraphQLErrorLike) : undefined;
  const code = first?.extensions?.code;
  if (typeof code === 'string') {
    return {
      code,
      message: typeof first?.message === 'string' ? first.message : code,
      fields: code === 'VALIDATION_FAILED' ? fieldMessages(first?.extensions?.fields) : {},
    };
  }
  if (status === null) return { code: 'NETWORK_ERROR', message: '', fields: {} };
  if (status === 401) return { code: 'UNAUTHENTICATED', message: '', fields: {} };
  return { code: status >= 502 && status <= 504 ? 'GATEWAY_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', message: '', fields: {} };
}

export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message || refusal.code);
  }
}
