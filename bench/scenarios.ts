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
    'maintenance subgraph alone (one statement reads the keyset page, the count and the sites as plain rows, in one tenant-scoped transaction).',
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
    'the queue of requests to schedule. Served by the maintenance subgraph; no hand-written baseline. ' +
    'Statements: `begin`, `set_config`, the jobs (scheduled in the window, the queue, and the other jobs of their technicians ' +
    'over the warnings’ span, each with its technicians’ ids), the technicians with their absences, one joined read of the ' +
    'jobs’ customers, sites, equipment and technicians, `commit` (16 before: one per loader, and five more for the warnings, ' +
    'now computed from what the board read). Profile (`--cpu-prof` on the maintenance bundle, board and list under load): ' +
    'MikroORM hydrating the rows (`em.map`, its property setters, change-set snapshots) took about a quarter of the busy CPU, ' +
    'garbage collection a fifth, the warnings’ time-zone offsets 4 %; the board and the lists now read plain rows, not entities ' +
    '(`dispatch-board.read.ts`, `intervention-list.read.ts`), and each job’s local clock is read once with one offset lookup.',
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
    'and the total count. Served by the maintenance subgraph with batched loaders; no hand-written baseline. ' +
    'Statements: `begin`, `set_config`, the page with its total (a scalar subquery beside each row, `plainKeysetPage`), one joined ' +
    'read of the customers, sites, equipment and technicians, `commit` (10 before: a count apart and one statement per loader); ' +
    'both read as plain rows, not entities.',
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

interface BillableData {
  billable: { estimatedGross: string; intervention: { id: string } }[];
}

export const billableWork: Scenario = {
  id: 'billable',
  title: 'Billing: « À facturer »',
  description:
    'The billing clerk’s « À facturer » page for the demo tenant: every closed intervention neither invoiced nor marked not billable, ' +
    'each priced as its conversion would price it (labour, travel, parts, contract rate cards and inclusions, price lists). Only the ' +
    'billing subgraph’s fields are asked (the page adds the intervention’s number, site and technicians from maintenance): the billing ' +
    'subgraph reads the pricing inputs of all waiting interventions at once, so its statements do not grow with their number: ' +
    '`begin`, `set_config`, the closed interventions, their invoice links and exclusions, their contracts, every other pricing ' +
    'input in one statement (`loadConversionInputs`), the customers’ price lists, `commit` (before: about 6 per waiting ' +
    'intervention, ~200 for the demo).',
  operationName: 'Billable',
  query: `query Billable {
    billable { closedAt estimatedNet estimatedVat estimatedGross customer { id } intervention { id } }
  }`,
  sqlSubgraphs: ['billing'],
  verify(raw) {
    const data = raw as BillableData;
    check(Array.isArray(data?.billable), 'no billable in the response');
    check(data.billable.length > 0, 'no waiting intervention in the demo tenant');
    for (const b of data.billable) check(Number(b.estimatedGross) >= 0, `intervention ${b.intervention.id} has no estimate`);
  },
};

export const SCENARIOS: readonly Scenario[] = [customersList, dispatchBoard, interventionsList, billableWork];
