import { ApolloLink } from '@apollo/client';
import { documentIdOf } from './document-id';

/**
 * The back-office sends the id of its generated documents, not their text (docs/api.md, trusted
 * documents): the gateway runs the text it registered under that id. HttpLink writes no
 * `documentId` of its own, so the id travels in the extensions as far as trustedDocumentsFetch,
 * which moves it to the body's `documentId`. A document without an id is sent as text.
 */
export const trustedDocumentsLink = new ApolloLink((operation, forward) => {
  const documentId = documentIdOf(operation.query);
  if (documentId) {
    operation.extensions.documentId = documentId;
    operation.setContext(({ http }: { http?: object }) => ({ http: { ...http, includeQuery: false, includeExtensions: true } }));
  }
  return forward(operation);
});

/** `{ operationName, variables, extensions: { documentId } }` -> `{ documentId, operationName, variables }`. */
export function withDocumentId(body: string): string {
  const parsed = JSON.parse(body) as { extensions?: { documentId?: unknown } & Record<string, unknown> } & Record<string, unknown>;
  const { documentId, ...extensions } = parsed.extensions ?? {};
  if (typeof documentId !== 'string') return body;
  const { extensions: _, ...rest } = parsed;
  return JSON.stringify({ documentId, ...rest, ...(Object.keys(extensions).length ? { extensions } : {}) });
}

/** HttpLink's fetch: the body's `documentId` where trustedDocumentsLink left it in the extensions. */
export const trustedDocumentsFetch: typeof fetch = (input, init) =>
  fetch(input, init && typeof init.body === 'string' ? { ...init, body: withDocumentId(init.body) } : init);
