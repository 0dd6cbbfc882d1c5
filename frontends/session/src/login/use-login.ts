import { useMutation } from '@apollo/client/react';
import { refusalsOf } from '../forms/error-message';
import { LoginDocument } from '../gql/graphql';
import { sessionStore } from '../session-store';
import { loginFailureOf, type LoginFailure } from './sign-in';

/** Signs in with email and password; a failure is reduced to what the user can act on. */
export function useLogin() {
  const [login, { loading, error }] = useMutation(LoginDocument);

  async function submit(credentials: { email: string; password: string }): Promise<void> {
    const { data } = await login({ variables: credentials }).catch(() => ({ data: undefined }));
    if (data) sessionStore.signIn(data.login);
  }

  // Too many failed sign-ins is a 429 answer (a ServerError), read like the GraphQL errors.
  const failure: LoginFailure | null = error ? loginFailureOf(refusalsOf(error).map((refusal) => refusal.code)) : null;

  return { submit, loading, failure };
}
