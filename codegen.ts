import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for each front-end package, generated with the `client` preset from the
 * composed supergraph and the package's own `.graphql` operations.
 * Output is committed: `pnpm codegen` must leave the tree unchanged.
 */
const schema = 'schema/supergraph.graphql';

const packagesWithOperations = ['session', 'billing', 'planning', 'finance', 'shell'] as const;

const generates = Object.fromEntries(
  packagesWithOperations.map((name) => [
    `frontends/${name}/src/gql/`,
    {
      preset: 'client',
      documents: [`frontends/${name}/src/**/*.graphql`],
      presetConfig: { fragmentMasking: false },
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

const config: CodegenConfig = {
  schema,
  generates,
  ignoreNoDocuments: false,
};

export default config;
