import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginDocument } from '../gql/graphql';
import { documentIdOf } from './document-id';
import { trustedDocumentsFetch, trustedDocumentsLink, withDocumentId } from './trusted-documents';

describe('trusted documents in the back-office', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('knows the id codegen gave a generated document', () => {
    expect(documentIdOf(LoginDocument)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(documentIdOf({ kind: 'Document', definitions: [] })).toBeNull();
  });

  it('moves the id from the extensions to documentId, and leaves a body without one alone', () => {
    const body = JSON.stringify({ operationName: 'Login', variables: { email: 'a@b.fr' }, extensions: { documentId: 'sha256:ab' } });
    expect(JSON.parse(withDocumentId(body))).toEqual({ documentId: 'sha256:ab', operationName: 'Login', variables: { email: 'a@b.fr' } });
    const other = JSON.stringify({ query: '{ me { id } }', extensions: { tracing: true } });
    expect(withDocumentId(other)).toBe(other);
  });

  it('sends a generated operation as its id, without its text', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ data: { login: null } }), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const client = new ApolloClient({
      link: ApolloLink.from([trustedDocumentsLink, new HttpLink({ uri: 'http://gateway.test/graphql', fetch: trustedDocumentsFetch })]),
      cache: new InMemoryCache(),
    });
    await client.mutate({ mutation: LoginDocument, variables: { email: 'a@b.fr', password: 'secret' } }).catch(() => undefined);
    const sent = JSON.parse((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string) as Record<string, unknown>;
    expect(sent).toMatchObject({
      documentId: documentIdOf(LoginDocument),
      operationName: 'Login',
      variables: { email: 'a@b.fr', password: 'secret' },
    });
    expect(sent).not.toHaveProperty('query');
    expect(sent).not.toHaveProperty('extensions.documentId');
  });
});
