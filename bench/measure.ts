/** Load measurement: autocannon against one HTTP target, with the SQL statements the run cost. */
import autocannon from 'autocannon';
import { machineBusyMs, postgresCpuMs, postgresCpuSince, processCpuMs } from './proc-stats';

export interface SqlMetrics {
  requests: number;
  sqlQueries: number;
}

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Reads cumulative {requests, sqlQueries} of the process that runs the SQL (a subgraph's or the baseline's /metrics). */
  metricsUrl?: string;
  /** Processes whose CPU time per request is reported (name -> pid), e.g. the gateway and the subgraph it calls. */
  cpuPids?: Record<string, number>;
}

export interface LoadSettings {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before the measurement, not recorded. */
  warmup: number;
}

export interface Measurement {
  requests: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Statements per request served by the metrics process over the measured run; null without metricsUrl. */
  sqlPerRequest: number | null;
  /**
   * CPU time (user + system, /proc) each process of `cpuPids` spent per request over the measured run: unlike
   * req/s and latencies, moved little by other work on the machine (about 1.5× at a load of 35 on 2 CPUs).
   */
  cpuMsPerRequest: Record<string, number>;
  /**
   * CPU ms per request of every PostgreSQL process, and of the whole machine (the load generator, this bench and
   * anything else running included): with 2 CPUs, 2,000 ms of CPU a second is all there is.
   */
  postgresCpuMsPerRequest: number;
  machineCpuMsPerRequest: number;
  durationSeconds: number;
}

export async function readMetrics(metricsUrl: string): Promise<SqlMetrics> {
  const response = await fetch(metricsUrl);
  if (!response.ok) throw new Error(`${metricsUrl} answered ${response.status}`);
  return (await response.json()) as SqlMetrics;
}

/** One POST outside the load, returning status and parsed body, to check the target answers correctly. */
export async function probe(target: LoadTarget): Promise<{ status: number; body: unknown }> {
  const response = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // leave the text for the error message
  }
  return { status: response.status, body };
}

function run(target: LoadTarget, connections: number, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: target.url,
    method: 'POST',
    headers: target.headers,
    body: target.body,
    connections,
    duration,
    timeout: 30,
  });
}

export async function measure(target: LoadTarget, settings: LoadSettings): Promise<Measurement> {
  if (settings.warmup > 0) await run(target, settings.connections, settings.warmup);
  const before = target.metricsUrl ? await readMetrics(target.metricsUrl) : null;
  const pids = Object.entries(target.cpuPids ?? {});
  const cpuBefore = pids.map(([, pid]) => processCpuMs(pid));
  const [postgresBefore, machineBefore] = [postgresCpuMs(), machineBusyMs()];
  const result = await run(target, settings.connections, settings.duration);
  const [postgresAfter, machineAfter] = [postgresCpuMs(), machineBusyMs()];
  const cpuAfter = pids.map(([, pid]) => processCpuMs(pid));
  const after = target.metricsUrl ? await readMetrics(target.metricsUrl) : null;
  const cpuMsPerRequest: Record<string, number> = {};
  pids.forEach(([name], i) => {
    const [start, end] = [cpuBefore[i], cpuAfter[i]];
    if (start != null && end != null && result.requests.total > 0) cpuMsPerRequest[name] = (end - start) / result.requests.total;
  });
  const served = before && after ? after.requests - before.requests : 0;
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    latencyMs: {
      mean: result.latency.mean,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    sqlPerRequest: before && after && served > 0 ? (after.sqlQueries - before.sqlQueries) / served : null,
    cpuMsPerRequest,
    postgresCpuMsPerRequest: postgresCpuSince(postgresBefore, postgresAfter) / Math.max(1, result.requests.total),
    machineCpuMsPerRequest: (machineAfter - machineBefore) / Math.max(1, result.requests.total),
    durationSeconds: result.duration,
  };
}
