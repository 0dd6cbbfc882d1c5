/** Run settings, from the environment so a quick check and a long run use the same command. */
export interface BenchSettings {
  /** Seconds measured per target (BENCH_DURATION). */
  duration: number;
  /** Seconds of unmeasured load before each measurement (BENCH_WARMUP). */
  warmup: number;
  /** Concurrent HTTP connections (BENCH_CONNECTIONS). */
  connections: number;
  /** Customers generated for the demo tenant (BENCH_CUSTOMERS). */
  customers: number;
  /** Only the scenarios whose id is listed (BENCH_SCENARIOS, comma-separated); all when empty. */
  scenarios: string[];
  /** CLOSED interventions converted and issued per target of the billing scenario (BENCH_INVOICES). */
  invoices: number;
  /** Concurrent conversions in the billing scenario (BENCH_BILLING_CONCURRENCY). */
  billingConcurrency: number;
  /** Invoice documents rendered per mode (BENCH_RENDERS). */
  renders: number;
  /** Contracts (one per customer) billed by the contract billing run (BENCH_CONTRACTS). */
  contracts: number;
  /** Open overdue invoices of the collections tenant (BENCH_OPEN_INVOICES). */
  openInvoices: number;
  /** Movements of the statement the collections scenario imports (BENCH_MOVEMENTS). */
  movements: number;
  /** Invoices of the dashboard tenant, over two years (BENCH_DASHBOARD_INVOICES). */
  dashboardInvoices: number;
  /** Journal lines of the FEC tenant's fiscal year (BENCH_FEC_LINES). */
  fecLines: number;
  /** Whether docs/benchmarks.md is rewritten (BENCH_WRITE_DOCS=false to skip). */
  writeDocs: boolean;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}

export function loadSettings(): BenchSettings {
  return {
    duration: positive('BENCH_DURATION', 15),
    warmup: positive('BENCH_WARMUP', 3),
    connections: Math.round(positive('BENCH_CONNECTIONS', 10)),
    customers: Math.round(positive('BENCH_CUSTOMERS', 10_000)),
    invoices: Math.round(positive('BENCH_INVOICES', 1_000)),
    billingConcurrency: Math.round(positive('BENCH_BILLING_CONCURRENCY', 8)),
    renders: Math.round(positive('BENCH_RENDERS', 100)),
    contracts: Math.round(positive('BENCH_CONTRACTS', 10_000)),
    openInvoices: Math.round(positive('BENCH_OPEN_INVOICES', 50_000)),
    movements: Math.round(positive('BENCH_MOVEMENTS', 10_000)),
    dashboardInvoices: Math.round(positive('BENCH_DASHBOARD_INVOICES', 100_000)),
    fecLines: Math.round(positive('BENCH_FEC_LINES', 1_000_000)),
    scenarios: (process.env.BENCH_SCENARIOS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    writeDocs: process.env.BENCH_WRITE_DOCS !== 'false',
  };
}
