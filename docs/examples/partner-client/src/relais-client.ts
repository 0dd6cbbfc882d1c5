import type { TypedDocumentString } from './gql/graphql';

/** An error the API answered (`extensions.code`: VALIDATION_FAILED, RATE_LIMITED… see docs/api.md, "Error codes"). */
export class RelaisError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RelaisError';
  }
}

export interface RelaisClientOptions {
  /** The gateway's endpoint, e.g. https://api.relais.example/graphql. */
  endpoint: string;
  /** An API key `rk_…` created by an admin (createApiKey) with the scopes the operations need. */
  apiKey: string;
}

/**
 * Runs one typed operation: its variables and its result are checked by the compiler against the
 * schema. A mutation may carry an Idempotency-Key: a retry with the same key and the same variables
 * gets the first answer again instead of doing the work twice.
 */
export async function execute<TResult, TVariables>(
  options: RelaisClientOptions,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  idempotencyKey?: string,
): Promise<TResult> {
  const response = await fetch(options.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${options.apiKey}`,
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as {
    data?: TResult | null;
    errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  };
  const [error] = body.errors ?? [];
  if (error || !body.data) {
    throw new RelaisError(error?.extensions?.code ?? 'UNKNOWN', error?.message ?? 'No data', response.status, error?.extensions ?? {});
  }
  return body.data;
}
