/**
 * What the bench measures. Each scenario is one GraphQL operation sent through the gateway and,
 * when it has one, the hand-written SQL baseline answering the same data (BASELINE_QUERIES). New
 * scenarios (dispatch board, invoices...) are added to SCENARIOS; each gets its own section in
 * docs/benchmarks.md, titled by `title`.
 */
import type { SubgraphName } from '../scripts/stack-config';
import { BASELINE_QUERIES } from './baseline-server';

export interface ScenarioContext {
  /** Customers the tenant holds after the data generation (seeded + generated). */
  tenantCustomers: number;
}

export interface Scenario {
  /** Short id, for BENCH_SCENARIOS. */
  id: string;
  /** Section heading in docs/benchmarks.md. */
  title: string;
  /** One paragraph of markdown for the docs: what is measured and why. */
  description: string;
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
  /**
   * Subgraphs whose SQL statements the operation costs; the first is the one the gateway calls
   * exactly once per operation (its request count is the denominator of SQL/request).
   */
  sqlSubgraphs: readonly SubgraphName[];
  /** Key of BASELINE_QUERIES, when the scenario has a baseline. */
  baseline?: keyof typeof BASELINE_QUERIES;
  /** Throws when a response's `data` is not what the scenario expects. */
  verify(data: unknown, context: ScenarioContext): void;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

interface CustomersData {
  customers: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        code: string;
        name: string;
        billingAddress: { city: string };
        sites: { id: string; name: string; address: { city: string } }[];
      };
    }[];
  };
}

export const customersList: Scenario = {
  id: 'customers',
  title: 'Customers list',
  description:
    'The back-office customer list: the first 50 customers of a tenant holding about 10,000 (each with 1–3 sites and 2 contacts), ' +
    'ordered by name, with their billing city and their sites, and the total count. Through the gateway it is served by the ' +
    'maintenance subgraph alone (keyset page, count and one batched query for the sites, in one tenant-scoped transaction).',
  operationName: 'CustomersWithSites',
  query:
    'query CustomersWithSites { customers(first: 50) { totalCount edges { node { id code name billingAddress { city } sites { id name address { city } } } } } }',
  sqlSubgraphs: ['maintenance'],
  baseline: 'customersWithSites',
  verify(raw, context) {
    const data = raw as CustomersData;
    check(Array.isArray(data?.customers?.edges), 'no customers.edges in the response');
    check(data.customers.edges.length === 50, `expected 50 edges, got ${data.customers.edges.length}`);
    check(
      data.customers.totalCount === context.tenantCustomers,
      `expected totalCount ${context.tenantCustomers}, got ${data.customers.totalCount}`,
    );
    for (const { node } of data.customers.edges) check(node.sites.length > 0, `customer ${node.code} came back without sites`);
  },
};

export const SCENARIOS: readonly Scenario[] = [customersList];
