import { useMutation } from '@apollo/client/react';
import { graphQLErrorCodes } from '../apollo/graphql-error-codes';
import { LoginDocument } from '../gql/graphql';
import { sessionStore } from '../session-store';

export type LoginFailure = 'INVALID_CREDENTIALS' | 'unexpected';

/** Signs in with email and password; a failure is reduced to what the user can act on. */
export function useLogin() {
  const [login, { loading, error }] = useMutation(LoginDocument);

  async function submit(credentials: { email: string; password: string }): Promise<void> {
    const { data } = await login({ variables: credentials }).catch(() => ({ data: undefined }));
    if (data) sessionStore.signIn(data.login);
  }

  const failure: LoginFailure | null = error
    ? graphQLErrorCodes(error).includes('INVALID_CREDENTIALS')
      ? 'INVALID_CREDENTIALS'
      : 'unexpected'
    : null;

  return { submit, loading, failure };
}
