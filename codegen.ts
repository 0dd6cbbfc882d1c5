import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, visit, type ASTNode, type FieldNode, type SelectionSetNode } from 'graphql';

/**
 * Typed documents for each front-end package, generated with the `client` preset from the
 * composed supergraph and the package's own `.graphql` operations.
 * Each package also gets `persisted-documents.json` (SHA-256 id -> document text), and each typed
 * document carries its id (`__meta__.hash`, "sha256:<hex>"): the back-office sends ids, not texts
 * (docs/api.md, trusted documents). `__typename` is written into the documents here where Apollo
 * Client adds it before sending (addTypenameToDocument), so that the registered text, which the
 * gateway runs, answers what the client's cache expects.
 * `pnpm codegen` then merges every package's list into schema/trusted-documents.json for the gateway
 * (scripts/trusted-documents.ts).
 * Output is committed: `pnpm codegen` must leave the tree unchanged.
 */
const schema = 'schema/supergraph.graphql';

const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** Apollo Client's own rule: every selection set but an operation's root gets `__typename`, unless it selects a `__` field. */
const addTypenameAsApolloClientDoes = {
  transform: ({ documents }: { documents: { document?: ASTNode }[] }) =>
    documents.map((source) => ({
      ...source,
      document:
        source.document &&
        visit(source.document, {
          SelectionSet(node: SelectionSetNode, _key, parent) {
            if (parent && !Array.isArray(parent) && (parent as ASTNode).kind === Kind.OPERATION_DEFINITION) return undefined;
            if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))) return undefined;
            return { ...node, selections: [...node.selections, typename] };
          },
        }),
    })),
};

const packagesWithOperations = ['session', 'billing', 'planning', 'finance', 'shell'] as const;

const generates = Object.fromEntries(
  packagesWithOperations.map((name) => [
    `frontends/${name}/src/gql/`,
    {
      preset: 'client',
      documents: [`frontends/${name}/src/**/*.graphql`],
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } },
      documentTransforms: [addTypenameAsApolloClientDoes],
      config: {
        enumsAsTypes: true,
        onlyOperationTypes: true,
        useTypeImports: true,
        skipTypename: false,
        scalars: { DateTime: 'string', LocalDate: 'string', Decimal: 'string' },
      },
    },
  ]),
) satisfies CodegenConfig['generates'];

/**
 * The offline field app sends its documents with fetch from its own sync queue (no Apollo Client
 * in its bundle): typed document strings.
 */
const fieldApp = {
  'frontends/field/src/gql/': {
    preset: 'client',
    documents: ['frontends/field/src/**/*.graphql'],
    // Sent by id like the back-office's (trusted documents); no Apollo cache, so no added __typename.
    presetConfig: { fragmentMasking: false, persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } },
    config: {
      documentMode: 'string',
      enumsAsTypes: true,
      onlyOperationTypes: true,
      useTypeImports: true,
      skipTypename: false,
      scalars: { DateTime: 'string', LocalDate: 'string', Decimal: 'string' },
    },
  },
} satisfies CodegenConfig['generates'];

/** The customer portal sends its documents with fetch as well (docs/portal.md, "The web app"). */
const portalApp = {
  'frontends/portal/src/gql/': { ...fieldApp['frontends/field/src/gql/'], documents: ['frontends/portal/src/**/*.graphql'] },
} satisfies CodegenConfig['generates'];

const config: CodegenConfig = {
  schema,
  generates: { ...generates, ...fieldApp, ...portalApp },
  ignoreNoDocuments: false,
};

export default config;
