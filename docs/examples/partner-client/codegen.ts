import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * A partner's typed client for the Relais API: graphql-codegen's `client` preset turns the schema
 * and the partner's own operations (src/*.graphql) into typed documents (src/gql/). Run it with
 * `npx graphql-codegen --config codegen.ts` after each change of an operation or of the schema.
 *
 * The schema: the published `supergraph.graphql` (schema/ in the Relais repository), or the API
 * itself by introspection (set RELAIS_GRAPHQL_URL and RELAIS_API_KEY).
 */
const endpoint = process.env.RELAIS_GRAPHQL_URL;

const config: CodegenConfig = {
  schema: endpoint
    ? [{ [endpoint]: { headers: { Authorization: `Bearer ${process.env.RELAIS_API_KEY ?? ''}` } } }]
    : (process.env.RELAIS_SCHEMA ?? '../../../schema/supergraph.graphql'),
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      // Documents as typed strings: sent with fetch as they are, no GraphQL library at run time.
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        // Amounts are decimal strings ("120.00"), dates "YYYY-MM-DD", instants ISO 8601 (docs/api.md).
        scalars: { Decimal: 'string', LocalDate: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
