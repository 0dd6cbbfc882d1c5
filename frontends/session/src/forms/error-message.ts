import { CombinedGraphQLErrors } from '@apollo/client';

/** The message a user can act on: the server's own (French) message, or the network failure. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join(' — ');
  return error instanceof Error ? error.message : String(error);
}
