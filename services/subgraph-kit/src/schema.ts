import { parse, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema, printSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { authChecker } from './auth-checker';
import type { InputLengthLimits } from './input-rules';
import type { RequestContext } from './context';
import { isUuid, type Orm } from '@relais/domain';
import type { Logger } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A plain HTTP route served beside /graphql (public pages, downloads), matched by path prefix. */
export interface HttpRoute {
  prefix: string;
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    resources: { orm: Orm; log: Logger; deriveKey: (purpose: string) => Uint8Array },
  ): Promise<void>;
}

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])';

export interface SubgraphDefinition {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Starts background work (job workers) with the process; returns how to stop it. */
  onStart?: (resources: { orm: Orm; databaseUrl: string; log: Logger }) => Promise<() => Promise<void>>;
  /** Environment variables the process refuses to start without. */
  requiredEnv?: string[];
  /** Types no query returns but other subgraphs reference (entity extensions). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type this subgraph resolves for others. */
  references?: Record<string, (reference: { id: string } & Record<string, unknown>, ctx: RequestContext) => unknown>;
  /** Longer string limits for inputs carrying files, by schema coordinate (see input-rules.ts). */
  inputLimits?: InputLengthLimits;
  /** Plain HTTP routes; they get no identity from the gateway and must check access themselves. */
  httpRoutes?: HttpRoute[];
}

/** type-graphql builds the types; @apollo/subgraph turns them into a Federation 2 subgraph. */
export async function buildFederatedSchema(definition: SubgraphDefinition): Promise<{ schema: GraphQLSchema; sdl: string }> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: definition.resolvers,
    authChecker,
    validate: false,
    skipCheck: true,
    orphanedTypes: definition.orphanedTypes,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphQLSchema)}`);
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<RequestContext>;
  for (const [typeName, resolveReference] of Object.entries(definition.references ?? {})) {
    // A representation sent to the subgraph directly may name anything: an id that is not a UUID names no entity.
    // A customer's contact gets none of the office's entities (docs/portal.md): only the `Portal*` types are theirs.
    const officeOnly = !typeName.startsWith('Portal');
    const guarded = (reference: { id: string } & Record<string, unknown>, ctx: RequestContext) =>
      typeof reference.id === 'string' && isUuid(reference.id) && !(officeOnly && ctx.identity?.kind === 'customer')
        ? resolveReference(reference, ctx)
        : null;
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: guarded } as never;
  }
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return { schema, sdl: printSubgraphSchema(schema) };
}
