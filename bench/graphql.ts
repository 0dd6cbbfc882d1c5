/** The few GraphQL calls the bench makes outside the load: log in, and build a request body. */

export interface GraphQLBody<T = unknown> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export function graphqlRequestBody(query: string, variables: Record<string, unknown> = {}, operationName?: string): string {
  return JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) });
}

/** Logs in through the gateway and returns the session token. */
export async function login(gatewayUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: graphqlRequestBody(
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      {
        email,
        password,
      },
    ),
  });
  const body = (await response.json()) as GraphQLBody<{ login: { token: string } }>;
  if (!body.data?.login) throw new Error(`login failed for ${email}: ${response.status} ${JSON.stringify(body.errors)}`);
  return body.data.login.token;
}
