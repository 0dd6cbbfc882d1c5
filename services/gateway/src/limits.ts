import { GraphQLError, Lexer, Source, TokenKind, type ValidationContext } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 20, maxTokens: 2000, maxCost: 20000 };

/** The estimated cost's weights, shared by the per-operation limit and the per-minute rate limits (rate-limits.ts). */
export const COST_WEIGHTS = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true } as const;

function limitError(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * Reads the document's tokens before it is parsed and refuses it as soon as it has more than
 * `maxTokens` tokens (QUERY_TOO_LARGE) or more than `maxAliases` aliases (TOO_MANY_ALIASES,
 * `__typename` included): a huge document costs at most `maxTokens` tokens of work, and never
 * reaches validation (whose overlapping-fields rule is quadratic in the number of fields). An
 * alias is a name followed by a colon outside parentheses; inside them colons belong to arguments
 * and variable definitions.
 */
export function checkDocumentSize(source: string, limits: Pick<QueryLimits, 'maxTokens' | 'maxAliases'>): void {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  let aliases = 0;
  let parentheses = 0;
  let previous = lexer.token;
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    tokens += 1;
    if (tokens > limits.maxTokens) throw limitError('QUERY_TOO_LARGE', `Token limit of ${limits.maxTokens} exceeded.`);
    if (token.kind === TokenKind.PAREN_L) parentheses += 1;
    else if (token.kind === TokenKind.PAREN_R) parentheses -= 1;
    else if (token.kind === TokenKind.COLON && parentheses === 0 && previous.kind === TokenKind.NAME && ++aliases > limits.maxAliases)
      throw limitError('TOO_MANY_ALIASES', `Aliases limit of ${limits.maxAliases} exceeded.`);
    previous = token;
  }
}

/** Checks the size before parsing; the runtime caches the parse (and this refusal) per document text. */
function documentSizePlugin(limits: QueryLimits): GatewayPlugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        checkDocumentSize(typeof source === 'string' ? source : source.body, limits);
        return parseFn(source, options);
      });
    },
  };
}

/** Each limit rejects with its own stable code, so a partner's client can tell them apart. */
function rejectWith(code: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLError) => {
        ctx?.reportError(limitError(code, error.message));
      },
    ],
  };
}

/**
 * The document's size (tokens, aliases) before parsing, then GraphQL Armor's validation rules:
 * depth, aliases counted through fragments (with `__typename`, which Armor lets through by
 * default) and estimated cost.
 */
export function queryLimitPlugins(limits: QueryLimits): GatewayPlugin[] {
  return [
    documentSizePlugin(limits),
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...rejectWith('QUERY_TOO_DEEP') }),
    maxAliasesPlugin({ n: limits.maxAliases, allowList: [], ...rejectWith('TOO_MANY_ALIASES') }),
    costLimitPlugin({
      maxCost: limits.maxCost,
      ...COST_WEIGHTS,
      ...rejectWith('QUERY_TOO_COSTLY'),
    }),
  ];
}
