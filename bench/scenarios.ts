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

/** Monday 00:00 UTC of the current week, and two weeks later: the board's usual window. */
function twoWeeksFromMonday(): { from: string; to: string } {
  const now = new Date();
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)));
  return { from: monday.toISOString(), to: new Date(monday.getTime() + 14 * 24 * 3600_000).toISOString() };
}

interface DispatchBoardData {
  dispatchBoard: {
    technicians: { id: string }[];
    scheduled: { id: string; technicians: { id: string }[] }[];
    unscheduled: { id: string }[];
  };
}

export const dispatchBoard: Scenario = {
  id: 'dispatch-board',
  title: 'Dispatch board',
  description:
    'The planner’s board for the demo tenant’s 8 technicians over two weeks: technicians with their absences, every job scheduled ' +
    'in the window with its technicians, site, customer and computed warnings (overlaps, absences, working hours, skills, SLA), and ' +
    'the queue of requests to schedule. Served by the maintenance subgraph; no hand-written baseline.',
  operationName: 'DispatchBoard',
  query: `query DispatchBoard($from: DateTime!, $to: DateTime!, $fromDate: LocalDate!, $toDate: LocalDate!) {
    dispatchBoard(from: $from, to: $to) {
      technicians { id fullName skills workDayStart workDayEnd absences(from: $fromDate, to: $toDate) { startsAt endsAt reason } }
      scheduled { id number status priority scheduledStart scheduledEnd dueBy technicians { id } site { name address { city } } customer { name } warnings { kind message } }
      unscheduled { id number title priority dueBy site { name } customer { name } }
    }
  }`,
  variables: (() => {
    const window = twoWeeksFromMonday();
    return { ...window, fromDate: window.from.slice(0, 10), toDate: window.to.slice(0, 10) };
  })(),
  sqlSubgraphs: ['maintenance'],
  verify(raw) {
    const data = raw as DispatchBoardData;
    check(Array.isArray(data?.dispatchBoard?.technicians), 'no dispatchBoard.technicians in the response');
    check(data.dispatchBoard.technicians.length === 8, `expected 8 technicians, got ${data.dispatchBoard.technicians.length}`);
    check(data.dispatchBoard.scheduled.length > 0, 'no scheduled job in the window');
  },
};

interface InterventionsData {
  interventions: { totalCount: number; edges: { node: { number: string; customer: { name: string }; site: { name: string } } }[] };
}

export const interventionsList: Scenario = {
  id: 'interventions',
  title: 'Interventions list',
  description:
    'The interventions list: the 50 most recent interventions of the demo tenant with their customer, site, equipment and technicians, ' +
    'and the total count. Served by the maintenance subgraph with batched loaders; no hand-written baseline.',
  operationName: 'InterventionsList',
  query: `query InterventionsList {
    interventions(first: 50) { totalCount edges { node { id number status type priority requestedAt scheduledStart
      customer { name } site { name address { city } } equipment { name category } technicians { fullName } } } }
  }`,
  sqlSubgraphs: ['maintenance'],
  verify(raw) {
    const data = raw as InterventionsData;
    check(Array.isArray(data?.interventions?.edges), 'no interventions.edges in the response');
    check(data.interventions.edges.length === 50, `expected 50 edges, got ${data.interventions.edges.length}`);
  },
};

export const SCENARIOS: readonly Scenario[] = [customersList, dispatchBoard, interventionsList];
