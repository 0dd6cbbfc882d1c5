import { GraphQLError, type ExecutionResult } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** Extensions that describe the server rather than the request: never sent to a caller. */
const INTERNAL_EXTENSIONS = ['originalError', 'stacktrace', 'exception'];

/** A GraphQLError raised as such (by a rule, a resolver, a subgraph), not wrapping another error. */
function isOriginalGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && (error.originalError == null || isOriginalGraphQLError(error.originalError));
}

/**
 * Removes the internal extensions in place: the runtime logs as a defect any error that masking
 * replaces, and a client's malformed JSON is not one. The runtime gives such a request its HTTP
 * status (400) only while the error carries the parser's `originalError`; without it, it would
 * answer 200 to a client accepting application/json, so the status becomes a plain one (`spec`
 * dropped).
 */
function withoutInternals(error: GraphQLError): GraphQLError {
  const extensions = error.extensions as Record<string, unknown>;
  const http = extensions.http as { spec?: boolean } | undefined;
  if ('originalError' in extensions && http?.spec) extensions.http = { ...http, spec: false };
  for (const name of INTERNAL_EXTENSIONS) delete extensions[name];
  return error;
}

/**
 * Production masking whatever NODE_ENV says: errors raised as GraphQL errors keep their message
 * and code, without internal extensions; anything else (a defect) becomes "Unexpected error." with
 * INTERNAL_SERVER_ERROR, and is logged by the runtime with the request id.
 */
export function maskGatewayError(error: unknown, message: string): Error {
  if (isOriginalGraphQLError(error)) return withoutInternals(error);
  const wrapped = error instanceof GraphQLError ? error : null;
  const http = wrapped?.extensions.http;
  return new GraphQLError(message, {
    nodes: wrapped?.nodes,
    path: wrapped?.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(http ? { http } : {}) },
  });
}

/**
 * A result without `data` failed before execution began: the variables did not coerce to their
 * declared types (a string for an Int, a missing required variable). Those errors carry no code
 * of their own; they get BAD_USER_INPUT, the caller's input being at fault.
 */
export function withUserInputCodes(result: ExecutionResult): ExecutionResult {
  if ('data' in result || !result.errors?.some((error) => error.extensions.code === undefined)) return result;
  return {
    ...result,
    errors: result.errors.map((error) =>
      error.extensions.code === undefined
        ? new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } })
        : error,
    ),
  };
}

export const userInputErrorCodesPlugin: GatewayPlugin = {
  onExecute() {
    return {
      onExecuteDone({ result, setResult }) {
        if (!(Symbol.asyncIterator in result)) setResult(withUserInputCodes(result));
      },
    };
  },
};
