import { readFile } from 'node:fs/promises';
import { GraphQLError } from 'graphql';
import type { GatewayConfigBase, GatewayContext } from '@graphql-hive/gateway-runtime';

/**
 * Trusted documents (docs/api.md): the operations of the back-office, registered at build time by
 * `pnpm codegen` in schema/trusted-documents.json (id "sha256:<hex of the text>" -> text). A caller
 * sends `documentId` (GraphQL over HTTP, persisted documents: in the JSON body, or in the URL of a
 * GET) instead of `query`. One way only, so that every step reading a request before the runtime
 * (upload size, cost, idempotency, sign-in limits) finds the document where the runtime does.
 *
 * - `allow`: ids and texts are both accepted, from every caller.
 * - `require-for-sessions`: only API keys (`Bearer rk_…`) may send a text, under the cost limits;
 *   a session or an anonymous caller (login) must send the id of a registered document.
 */
export type TrustedDocumentsMode = 'allow' | 'require-for-sessions';

export const TRUSTED_DOCUMENTS_MODES: readonly TrustedDocumentsMode[] = ['allow', 'require-for-sessions'];

export interface TrustedDocuments {
  mode: TrustedDocumentsMode;
  /** Registered document texts by id ("sha256:<hex>"). */
  documents: ReadonlyMap<string, string>;
}

/** TRUSTED_DOCUMENTS: `allow` when unset (tests and benchmarks send texts with sessions); docker-compose.yml and `pnpm start` require ids. */
export function trustedDocumentsModeFromEnv(env: NodeJS.ProcessEnv): TrustedDocumentsMode {
  const value = env.TRUSTED_DOCUMENTS?.trim() || 'allow';
  const mode = TRUSTED_DOCUMENTS_MODES.find((m) => m === value);
  // A configuration defect at start-up, not something a caller can cause.
  if (!mode) throw new Error(`TRUSTED_DOCUMENTS must be one of ${TRUSTED_DOCUMENTS_MODES.join(', ')} (got "${value}")`);
  return mode;
}

/** Reads schema/trusted-documents.json (written by `pnpm codegen`). */
export async function loadTrustedDocuments(file: string): Promise<Map<string, string>> {
  const entries = Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>);
  return new Map(entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

interface RequestParams {
  query?: unknown;
  documentId?: unknown;
}

/** The text the runtime will run: the request's own `query`, else the registered document its `documentId` names (undefined if none). */
export function requestDocumentText(params: RequestParams, documents: ReadonlyMap<string, string> | undefined): string | undefined {
  if (typeof params.query === 'string') return params.query;
  return typeof params.documentId === 'string' ? documents?.get(params.documentId) : undefined;
}

/** `documentId` from the JSON body, or from the URL (a GET); Apollo's `extensions.persistedQuery` is not read. */
function documentIdOf(params: object, request: Request): string | null {
  const { documentId } = params as { documentId?: unknown };
  if (typeof documentId === 'string') return documentId;
  return new URL(request.url).searchParams.get('documentId');
}

/** Whether a caller may send a document's text rather than a registered id: any caller in `allow`, API keys only in `require-for-sessions`. */
export function mayRunArbitraryDocuments(mode: TrustedDocumentsMode, authorization: string | null): boolean {
  return mode === 'allow' || /^\s*Bearer\s+rk_/i.test(authorization ?? '');
}

const BAD_REQUEST = { status: 400 };

/** The runtime's `persistedDocuments` option: ids resolved from the manifest, texts admitted per mayRunArbitraryDocuments. */
export function persistedDocumentsOption(trusted: TrustedDocuments): NonNullable<GatewayConfigBase<GatewayContext>['persistedDocuments']> {
  return {
    extractPersistedOperationId: documentIdOf,
    getPersistedOperation: (key: string) => trusted.documents.get(key) ?? null,
    allowArbitraryDocuments: (request: Request) => mayRunArbitraryDocuments(trusted.mode, request.headers.get('authorization')),
    customErrors: {
      notFound: () =>
        new GraphQLError('Document inconnu : cet identifiant ne correspond à aucune opération enregistrée (rechargez l’application).', {
          extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND', http: BAD_REQUEST },
        }),
      persistedQueryOnly: () =>
        new GraphQLError(
          'Seules les opérations enregistrées sont acceptées avec une session : envoyez leur identifiant (documentId), ou appelez l’API avec une clé d’API.',
          { extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED', http: BAD_REQUEST } },
        ),
      keyNotFound: () =>
        new GraphQLError('Requête sans document : envoyez `query`, ou l’identifiant d’une opération enregistrée (`documentId`).', {
          extensions: { code: 'BAD_REQUEST', http: BAD_REQUEST },
        }),
    },
  };
}
