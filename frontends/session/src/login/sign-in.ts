import { documentIdOf } from '../apollo/document-id';
import { LoginDocument, type LoginMutation } from '../gql/graphql';
import { loginEn } from '../i18n/login.en';
import { loginFr } from '../i18n/login.fr';
import { sessionStore } from '../session-store';

export type LoginFailure = 'INVALID_CREDENTIALS' | 'RATE_LIMITED' | 'unexpected';

/** The sign-in page's texts in each language of the back-office (the same as the React login page's). */
export const loginTexts = { fr: loginFr, en: loginEn };

/** What a refused sign-in tells the user: a wrong e-mail or password, too many failures (a 429 answer), or anything else. */
export function loginFailureOf(codes: readonly (string | null)[]): LoginFailure {
  if (codes.includes('INVALID_CREDENTIALS')) return 'INVALID_CREDENTIALS';
  if (codes.includes('RATE_LIMITED')) return 'RATE_LIMITED';
  return 'unexpected';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The codes of an answer's body: its GraphQL errors' `extensions.code`, or a proxy's `{ code }`. */
export function answerCodes(body: unknown): string[] {
  const entries = isRecord(body) && Array.isArray(body['errors']) ? (body['errors'] as unknown[]) : [body];
  return entries.filter(isRecord).flatMap((entry) => {
    const code = (isRecord(entry['extensions']) ? entry['extensions']['code'] : undefined) ?? entry['code'];
    return typeof code === 'string' ? [code] : [];
  });
}

/** Whether the page has a session (the one the shell and the apps read, see session-store.ts). */
export const isSignedIn = (): boolean => sessionStore.get() !== null;

/**
 * Signs in without Apollo Client, for the shell's sign-in page (frontends/shell/src/sign-in): sends
 * the registered Login document by id to the same-origin /graphql, as the Apollo link would, and
 * keeps the session as useLogin does. Resolves to the failure to show, or null once signed in.
 */
export async function signIn(credentials: { email: string; password: string }, endpoint = '/graphql'): Promise<LoginFailure | null> {
  let body: unknown;
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9' },
      body: JSON.stringify({ documentId: documentIdOf(LoginDocument), operationName: 'Login', variables: credentials }),
    });
    body = await response.json().catch(() => null);
  } catch {
    return 'unexpected';
  }
  const login = isRecord(body) && isRecord(body['data']) ? (body['data'] as LoginMutation).login : null;
  if (!login) return loginFailureOf(answerCodes(body));
  sessionStore.signIn(login);
  return null;
}
