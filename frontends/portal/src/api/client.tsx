import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { RefusalError, refusalOf, sessionEndedCodes } from './refusal';

export type Send = <T, V>(document: TypedDocumentString<T, V>, variables: V) => Promise<T>;

/**
 * The registered id `pnpm codegen` gave the document ("sha256:<hex>"; docs/api.md, trusted
 * documents): the gateway runs the text it registered under it.
 */
function requestBody<T, V>(document: TypedDocumentString<T, V>, variables: V): string {
  const documentId: unknown = document.__meta__?.['hash'];
  return JSON.stringify(typeof documentId === 'string' ? { documentId, variables } : { query: document.toString(), variables });
}

/** POSTs one operation to the same-origin /graphql; a refusal is thrown as a RefusalError with its code. */
export async function send<T, V>(document: TypedDocumentString<T, V>, variables: V, token: string | null): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: requestBody(document, variables) });
  } catch {
    throw new RefusalError(refusalOf(undefined, null));
  }
  const answer = (await response.json().catch(() => null)) as { data?: T | null; errors?: unknown } | null;
  if (answer?.data && !answer.errors) return answer.data;
  throw new RefusalError(refusalOf(answer?.errors, response.status));
}

/** Outside a signed-in portal, requests go without a session (the anonymous sign-in operations). */
const ClientContext = createContext<Send>((document, variables) => send(document, variables, null));

/** Sends with the portal session's token; a session refused by the gateway ends it (`onSessionEnded`). */
export function PortalClientProvider({
  token,
  onSessionEnded,
  children,
}: {
  token: string;
  onSessionEnded: (code: string) => void;
  children: ReactNode;
}) {
  const client = useCallback<Send>(
    async (document, variables) => {
      try {
        return await send(document, variables, token);
      } catch (error) {
        if (error instanceof RefusalError && sessionEndedCodes.has(error.refusal.code)) onSessionEnded(error.refusal.code);
        throw error;
      }
    },
    [token, onSessionEnded],
  );
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export const useSend = (): Send => useContext(ClientContext);

export type QueryState<T> =
  | { status: 'loading'; data?: undefined; refusal?: undefined }
  | { status: 'done'; data: T; refusal?: undefined }
  | { status: 'failed'; data?: undefined; refusal: RefusalError['refusal'] };

/** Runs a query when the screen opens (and again on `reload`), with the portal session. */
export function usePortalQuery<T, V>(document: TypedDocumentString<T, V>, variables: V): QueryState<T> & { reload: () => void } {
  const client = useSend();
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    client(document, JSON.parse(key) as V).then(
      (data) => current && setState({ status: 'done', data }),
      (error: unknown) =>
        current &&
        setState({
          status: 'failed',
          refusal: error instanceof RefusalError ? error.refusal : { code: 'INTERNAL_SERVER_ERROR', message: '', fields: {} },
        }),
    );
    return () => {
      current = false;
    };
  }, [client, document, key, round]);
  return { ...state, reload: () => setRound((value) => value + 1) };
}
