import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentIdOf } from '../apollo/document-id';
import { LoginDocument } from '../gql/graphql';
import { sessionStore } from '../session-store';
import { answerCodes, isSignedIn, loginFailureOf, signIn } from './sign-in';

const session = {
  __typename: 'LoginPayload',
  token: 'jeton',
  expiresAt: '2026-12-08T10:00:00.000Z',
  user: {
    __typename: 'User',
    id: 'u1',
    email: 'facturation@demo.relais.fr',
    fullName: 'Claire Facturation',
    role: 'BILLING',
    permissions: ['billing:read'],
    tenant: { __typename: 'Tenant', id: 't1', name: 'Clim’Ouest Maintenance' },
  },
};

/** fetch answering `status` with `body` (a string is sent as it is), recording what was sent. */
function answer(status: number, body: unknown) {
  const fetch = vi.fn(
    async (_url: string, _init: RequestInit) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('signing in from the light sign-in page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    sessionStore.signOut();
  });

  it('sends the registered Login document by id, never its text, and keeps the session', async () => {
    const fetch = answer(200, { data: { login: session } });
    expect(isSignedIn()).toBe(false);

    expect(await signIn({ email: 'facturation@demo.relais.fr', password: 'relais-demo' })).toBeNull();

    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(JSON.parse(init.body as string)).toEqual({
      documentId: documentIdOf(LoginDocument),
      operationName: 'Login',
      variables: { email: 'facturation@demo.relais.fr', password: 'relais-demo' },
    });
    expect(sessionStore.get()).toEqual(session);
    expect(isSignedIn()).toBe(true);
  });

  it('tells a wrong password, then the lock-out after too many failures (429), and keeps no session', async () => {
    answer(200, { data: null, errors: [{ message: 'Identifiants invalides', extensions: { code: 'INVALID_CREDENTIALS' } }] });
    expect(await signIn({ email: 'a@b.fr', password: 'faux' })).toBe('INVALID_CREDENTIALS');
    answer(429, { errors: [{ message: 'Trop de tentatives', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 900 } }] });
    expect(await signIn({ email: 'a@b.fr', password: 'faux' })).toBe('RATE_LIMITED');
    expect(isSignedIn()).toBe(false);
  });

  it('answers "unexpected" when the network fails or the gateway answers something else', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await signIn({ email: 'a@b.fr', password: 'x' })).toBe('unexpected');
    answer(502, '<html>Bad gateway</html>');
    expect(await signIn({ email: 'a@b.fr', password: 'x' })).toBe('unexpected');
    answer(200, { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(await signIn({ email: 'a@b.fr', password: 'x' })).toBe('unexpected');
    expect(isSignedIn()).toBe(false);
  });
});

describe('reading a refused sign-in', () => {
  it('finds the codes of GraphQL errors and of a proxy’s own answer', () => {
    expect(answerCodes({ errors: [{ extensions: { code: 'INVALID_CREDENTIALS' } }, { message: 'sans code' }] })).toEqual([
      'INVALID_CREDENTIALS',
    ]);
    expect(answerCodes({ code: 'GATEWAY_UNAVAILABLE', message: 'down' })).toEqual(['GATEWAY_UNAVAILABLE']);
    expect(answerCodes(null)).toEqual([]);
    expect(answerCodes('<html>')).toEqual([]);
  });

  it('puts a wrong password before the lock-out, and anything else as unexpected', () => {
    expect(loginFailureOf(['RATE_LIMITED', 'INVALID_CREDENTIALS'])).toBe('INVALID_CREDENTIALS');
    expect(loginFailureOf(['RATE_LIMITED'])).toBe('RATE_LIMITED');
    expect(loginFailureOf([null, 'NETWORK_ERROR'])).toBe('unexpected');
    expect(loginFailureOf([])).toBe('unexpected');
  });
});
