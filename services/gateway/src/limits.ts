import { GraphQLError, type ValidationContext } from 'graphql';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 20, maxTokens: 2000, maxCost: 20000 };

/** Each limit rejects with its own stable code, so a partner's client can tell them apart. */
function rejectWith(code: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLError) => {
        ctx?.reportError(new GraphQLError(error.message, { extensions: { code, http: { status: 400 } } }));
      },
    ],
  };
}

/** GraphQL Armor's validation rules: depth, aliases, token count and estimated cost. */
export function queryLimitPlugins(limits: QueryLimits) {
  return [
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...rejectWith('QUERY_TOO_DEEP') }),
    maxAliasesPlugin({ n: limits.maxAliases, ...rejectWith('TOO_MANY_ALIASES') }),
    maxTokensPlugin({ n: limits.maxTokens, ...rejectWith('QUERY_TOO_LARGE') }),
    costLimitPlugin({
      maxCost: limits.maxCost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      ignoreIntrospection: true,
      ...rejectWith('QUERY_TOO_COSTLY'),
    }),
  ];
}
