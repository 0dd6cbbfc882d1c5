import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Kind, parse, stripIgnoredCharacters, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import type { ValidationContext } from 'graphql';
import { documentTextCache } from './document-cache';
import { checkDocumentSize, COST_WEIGHTS, type QueryLimits } from './limits';
import { requestDocumentText } from './trusted-documents';

/** What the gateway needs to know of a GraphQL request before it runs: its kind, estimated cost and normalised body. */
export interface RequestOperation {
  /** 'mutation' when the operation to run is one; null when the request cannot be read (the runtime will refuse it). */
  kind: 'query' | 'mutation' | 'subscription' | null;
  /** GraphQL Armor's estimated cost of the operation to run (2 per object, 1 per scalar, ×1.5 per level), at least 1. */
  cost: number;
  /** SHA-256 of the normalised request: query without ignored characters, operationName, variables with sorted keys. */
  hash: string;
}

interface GraphqlBody {
  query?: unknown;
  documentId?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** JSON with object keys sorted, so that `{"a":1,"b":2}` and `{"b":2,"a":1}` hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The operation the runtime will run: the one named, or the only one. */
function selectedOperation(document: DocumentNode, operationName: unknown): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (typeof operationName === 'string' && operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/** The estimate GraphQL Armor's cost-limit plugin makes (same rule, same weights as queryLimitPlugins). */
export function estimatedCost(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  let cost = 0;
  const context = { getFragment: (name: string) => fragments.get(name), reportError: () => undefined } as unknown as ValidationContext;
  const visitor = costLimitRule({
    ...COST_WEIGHTS,
    maxCost: Number.MAX_SAFE_INTEGER,
    propagateOnRejection: false,
    onAccept: [(_ctx, { n }) => (cost = n)],
  })(context) as unknown as { OperationDefinition: { enter(node: OperationDefinitionNode): void } };
  visitor.OperationDefinition.enter(operation);
  return cost;
}

/** What a document says of its operation, kept per document text and operation name (clients send the same few documents). */
interface ReadDocument {
  kind: 'query' | 'mutation' | 'subscription';
  cost: number;
  /** The query without ignored characters, for the request hash. */
  stripped: string;
}

/** Each document read once while it stays among the most recent (document-cache.ts); null (no operation selected) is kept as such. */
const documents = documentTextCache<{ read: ReadDocument | null }>();

/** Lexes, parses and estimates a document once per (query, operationName); null when no operation is selected. */
function readDocument(query: string, operationName: unknown, limits: QueryLimits): ReadDocument | null {
  const key = `${typeof operationName === 'string' ? operationName : ''}\n${limits.maxTokens}:${limits.maxAliases}\n${query}`;
  const known = documents.get(key);
  if (known) return known.read;
  checkDocumentSize(query, limits);
  const document = parse(query, { noLocation: true });
  const operation = selectedOperation(document, operationName);
  const read = operation
    ? {
        kind: operation.operation,
        cost: Math.max(1, Math.ceil(estimatedCost(document, operation))),
        stripped: stripIgnoredCharacters(query),
      }
    : null;
  documents.set(key, { read });
  return read;
}

/**
 * Reads the request's operation from a POST body (read by admitGraphqlRequest) or a GET's query
 * string: its `query`, or the registered document it names by id (trusted-documents.ts).
 */
export function requestOperation(
  req: IncomingMessage & { body?: Buffer },
  limits: QueryLimits,
  trustedDocuments?: ReadonlyMap<string, string>,
): RequestOperation {
  let body: GraphqlBody;
  try {
    if (req.method === 'POST') body = (JSON.parse(req.body?.toString('utf8') ?? '') as GraphqlBody | null) ?? {};
    else {
      const params = new URL(req.url ?? '/', 'http://gateway').searchParams;
      const variables = params.get('variables');
      body = {
        query: params.get('query') ?? undefined,
        documentId: params.get('documentId') ?? undefined,
        operationName: params.get('operationName'),
        variables: variables && JSON.parse(variables),
      };
    }
  } catch {
    body = {};
  }
  const unreadable = (hashed: string): RequestOperation => ({ kind: null, cost: 1, hash: sha256(hashed) });
  const text = typeof body === 'object' && body !== null && !Array.isArray(body) ? requestDocumentText(body, trustedDocuments) : undefined;
  if (text === undefined) return unreadable(canonicalJson(body));
  try {
    // A registered document reads and hashes as its text would: sent by id or by text, a retry is the same request.
    const read = readDocument(text, body.operationName, limits);
    if (!read)
      return unreadable(
        canonicalJson({
          query: stripIgnoredCharacters(text),
          operationName: body.operationName ?? null,
          variables: body.variables ?? null,
        }),
      );
    const normalised = canonicalJson({
      query: read.stripped,
      operationName: body.operationName ?? null,
      variables: body.variables ?? null,
    });
    return { kind: read.kind, cost: read.cost, hash: sha256(normalised) };
  } catch {
    return unreadable(canonicalJson(body));
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
