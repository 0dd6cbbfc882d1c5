import type { TypedDocumentString } from '../gql/graphql';
import { readSession } from './session';

/** What one request to the gateway came to, without throwing: the sync queue decides on `kind`. */
export type RequestOutcome<T> =
  | { kind: 'ok'; data: T }
  /** Nothing reached the server, or no answer came back: try again later with the same key. */
  | { kind: 'offline' }
  /** The session is missing or expired: sign in again, the queue waits. */
  | { kind: 'unauthenticated' }
  /** The server refused (STALE_VERSION, INTERVENTION_NOT_IN_PROGRESS, VALIDATION_FAILED…). */
  | { kind: 'refused'; code: string; message: string };

const authCodes = new Set(['UNAUTHENTICATED', 'INVALID_TOKEN', 'TOKEN_EXPIRED']);
/** Answers that say "not now" rather than "no": retried like a lost connection. */
const retryLaterCodes = new Set(['IDEMPOTENCY_KEY_IN_USE', 'GATEWAY_UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']);

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * The registered id `pnpm codegen` gave the document ("sha256:<hex>"; docs/api.md, trusted documents):
 * the gateway runs the text it registered under it. A document without one is sent as text.
 */
function requestBody<T, V>(document: TypedDocumentString<T, V>, variables: V): string {
  const documentId: unknown = document.__meta__?.['hash'];
  return JSON.stringify(typeof documentId === 'string' ? { documentId, variables } : { query: document.toString(), variables });
}

/** POSTs one operation to the same-origin /graphql, with the session token and, for a mutation, its idempotency key. */
export async function graphqlRequest<T, V>(
  document: TypedDocumentString<T, V>,
  variables: V,
  options: { idempotencyKey?: string } = {},
): Promise<RequestOutcome<T>> {
  const token = readSession()?.token;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: requestBody(document, variables) });
  } catch {
    return { kind: 'offline' };
  }
  let answer: GraphQLAnswer<T>;
  try {
    answer = (await response.json()) as GraphQLAnswer<T>;
  } catch {
    return { kind: 'offline' };
  }
  const error = answer.errors?.[0];
  if (!error && answer.data) return { kind: 'ok', data: answer.data };
  const code = error?.extensions?.code ?? (response.status >= 500 ? 'GATEWAY_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR');
  if (authCodes.has(code) || response.status === 401) return { kind: 'unauthenticated' };
  if (retryLaterCodes.has(code) || response.status >= 500) return { kind: 'offline' };
  return { kind: 'refused', code, message: error?.message ?? '' };
}
