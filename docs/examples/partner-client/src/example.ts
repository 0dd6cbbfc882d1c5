import { CreateCustomerDocument, CustomersByNameDocument } from './gql/graphql';
import { execute, type RelaisClientOptions } from './relais-client';

/** Creates a customer once, however many times the call is retried, then finds it by name. */
export async function createThenFind(options: RelaisClientOptions, name: string) {
  // One key per business action, kept with it: a retry after a timeout reuses it.
  const idempotencyKey = crypto.randomUUID();
  const input = { name, billingAddressLine1: '12 rue des Lilas', billingPostalCode: '69003', billingCity: 'Lyon' };
  const { createCustomer } = await execute(options, CreateCustomerDocument, { input }, idempotencyKey);
  const { customers } = await execute(options, CustomersByNameDocument, { search: name, first: 10 });
  // Typed: `customers.edges[0].node.billingAddress.city` is a string; a misspelt field does not compile.
  return { created: createCustomer, found: customers.edges.map((edge) => edge.node), total: customers.totalCount, idempotencyKey };
}
