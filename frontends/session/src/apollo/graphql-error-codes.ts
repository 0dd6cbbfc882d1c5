import { CombinedGraphQLErrors } from '@apollo/client';

/** Stable `extensions.code` values of the GraphQL errors in an Apollo error, if any. */
export function graphQLErrorCodes(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((graphQLError) => {
    const code = graphQLError.extensions?.['code'];
    return typeof code === 'string' ? [code] : [];
  });
}

const sessionEndingCodes = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'INVALID_TOKEN', 'USER_DEACTIVATED']);

export function endsSession(error: unknown): boolean {
  return graphQLErrorCodes(error).some((code) => sessionEndingCodes.has(code));
}
