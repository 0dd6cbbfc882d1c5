/**
 * The process memory section (issue 13's goal: every service ≤ 300 MB RSS after the benchmark and
 * after 1,000 hostile requests). Read last, on the stack the other scenarios of the run have loaded:
 * each service's resident memory after those loads, then after 1,000 hostile requests generated
 * from the supergraph (hostile-requests.ts, as the hostile sweep test sends them), with the peak
 * reached during them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, parse } from 'graphql';
import { probesFor, type Probe } from './hostile-requests';
import { processMemoryMiB, resetPeakRss } from './proc-stats';
import { fixed, type SectionResult } from './report';

export const MEMORY_SCENARIO_ID = 'memory';
export const MEMORY_GOAL_MIB = 300;
const HOSTILE_REQUESTS = 1000;
/** As many in flight as the hostile sweep test sends. */
const CONCURRENCY = 16;

export interface MemoryContext {
  gatewayUrl: string;
  /** A session of an administrator of the demo tenant: every field is open to it, so every probe goes as far as it can. */
  token: string;
  pids: Record<string, number>;
  /** The scenarios measured before in the same run (none: the services are only started). */
  previousScenarios: string[];
  log(message: string): void;
}

/** The first `count` probes, the list repeated when it is shorter (a repeated probe is sent again, as a client would). */
function hostileProbes(count: number): Probe[] {
  const sdl = readFileSync(path.resolve(import.meta.dirname, '../schema/supergraph.graphql'), 'utf8');
  const probes = probesFor(buildASTSchema(parse(sdl), { assumeValidSDL: true }));
  return Array.from({ length: count }, (_, i) => probes[i % probes.length]!);
}

async function send(gatewayUrl: string, probe: Probe, token: string): Promise<number> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(probe.anonymous ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query: probe.query, variables: probe.variables }),
  });
  await response.arrayBuffer();
  return response.status;
}

export async function measureProcessMemory(context: MemoryContext): Promise<SectionResult> {
  const services = Object.entries(context.pids);
  const afterLoads = new Map(services.map(([service, pid]) => [service, processMemoryMiB(pid)]));
  const peakReset = services.every(([, pid]) => resetPeakRss(pid));
  context.log(`${MEMORY_SCENARIO_ID}: sending ${HOSTILE_REQUESTS} hostile requests, ${CONCURRENCY} at a time`);
  const probes = hostileProbes(HOSTILE_REQUESTS);
  const statuses = new Map<number, number>();
  const started = performance.now();
  for (let i = 0; i < probes.length; i += CONCURRENCY) {
    const answered = await Promise.all(probes.slice(i, i + CONCURRENCY).map((probe) => send(context.gatewayUrl, probe, context.token)));
    for (const status of answered) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = services.map(([service, pid]) => {
    const before = afterLoads.get(service);
    const after = processMemoryMiB(pid);
    const highest = Math.max(before?.rss ?? 0, after?.rss ?? 0);
    return [
      service,
      fixed(before?.rss ?? null, 0),
      fixed(after?.rss ?? null, 0),
      peakReset ? fixed(after?.peak ?? null, 0) : '–',
      after ? (highest <= MEMORY_GOAL_MIB ? 'met' : 'missed') : 'not running',
    ];
  });
  const serverErrors = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  return {
    title: 'Process memory',
    description:
      `Resident memory (VmRSS, MiB) of each service, read from \`/proc\`: after the loads measured before it in the same run ` +
      `(${context.previousScenarios.length ? context.previousScenarios.join(', ') : 'none: the services had only started'}), then after ` +
      `${HOSTILE_REQUESTS} hostile requests through the gateway, ${CONCURRENCY} at a time (bench/hostile-requests.ts: each query and ` +
      'mutation of the supergraph with ids that are not UUIDs, NUL characters, 100,000-character strings, tampered cursors, huge ' +
      'numbers, unknown enum values, and without credentials), with the peak reached during them. Goal: every service at most ' +
      `${MEMORY_GOAL_MIB} MB at both moments.`,
    headings: ['service', 'after the loads', `after ${HOSTILE_REQUESTS} hostile requests`, 'peak during them', `≤ ${MEMORY_GOAL_MIB}`],
    rows,
    ratio: null,
    notes: [
      `${HOSTILE_REQUESTS} hostile requests in ${seconds.toFixed(1)} s; HTTP statuses: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status} × ${n}`)
        .join(', ')}${serverErrors ? ` (${serverErrors} server errors)` : ''}.`,
      ...(peakReset ? [] : ['peak not measured: /proc/<pid>/clear_refs refused the reset, VmHWM counts from the start.']),
    ],
  };
}
