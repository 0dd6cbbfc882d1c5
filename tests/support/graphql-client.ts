import { inject } from 'vitest';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** Talks to the real gateway over HTTP, as a partner or the back-office would. */
export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(inject('gatewayUrl'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** The answer's data, or a failure naming the errors (for the calls a test relies on to set up its world). */
export function must<T>(response: { data?: T | null; errors?: unknown }): T {
  if (!response.data) throw new Error(`GraphQL call failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export function errorCodes(response: GraphQLResponse<unknown>): (string | undefined)[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

export const DEMO_PASSWORD = 'relais-demo';

export async function login(email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await gql<{ login: { token: string } }>(
    'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email, password },
  );
  if (!response.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(response.errors)}`);
  return response.data.login.token;
}
