/**
 * Starts the subgraphs and the gateway as separate processes on a prepared database, for
 * `pnpm start`, the API/browser tests and the benchmarks alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { buildServices, serviceBundle, serviceNodeFlags } from './build-services';
import { SUBGRAPHS, type SubgraphName } from './stack-config';

const root = path.resolve(import.meta.dirname, '..');

export interface StackOptions {
  appDatabaseUrl: string;
  sessionSecret: string;
  internalSecret: string;
  gatewayPort?: number;
  subgraphPorts?: Partial<Record<SubgraphName, number>>;
  logLevel?: string;
  /** More environment for the subgraph processes (e.g. SMTP_URL and MAIL_FROM for the mail worker). */
  subgraphEnv?: Record<string, string>;
  onOutput?: (service: string, line: string) => void;
}

export interface RunningStack {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** Process ids of the subgraphs and the gateway (to read their memory in /proc/<pid>/status). */
  pids: Record<SubgraphName | 'gateway', number>;
  stop(): Promise<void>;
}

/**
 * Ports handed out are taken below Linux's ephemeral range (32768–60999): a port the kernel chose
 * for `listen(0)` is also one it may give the next outgoing connection (the subgraphs open dozens
 * to PostgreSQL before the gateway starts), which then holds it when the service comes to listen.
 * Never the same port twice in a process.
 */
const PORT_RANGE = { from: 20_000, to: 32_000 };
const handedOut = new Set<number>();

function listenable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const port = PORT_RANGE.from + Math.floor(Math.random() * (PORT_RANGE.to - PORT_RANGE.from));
    if (handedOut.has(port) || !(await listenable(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port between ${PORT_RANGE.from} and ${PORT_RANGE.to}`);
}

/** Polls `url` until it answers 2xx; fails early if the process exits. */
export async function waitForHealth(url: string, child: ChildProcess, name: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} during start-up`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${name} did not become healthy within ${timeoutMs / 1000} s (${url})`);
}

/** Runs `entry`: a built service bundle as it is, a TypeScript file through tsx. */
export function startProcess(name: string, entry: string, env: NodeJS.ProcessEnv, onOutput?: StackOptions['onOutput']): ChildProcess {
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [...serviceNodeFlags(entry), entry];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onOutput?.(name, line);
    });
  }
  return child;
}

/** SIGTERM, then SIGKILL after 5 s. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const children: ChildProcess[] = [];
  const common = {
    APP_DATABASE_URL: options.appDatabaseUrl,
    SESSION_SECRET: options.sessionSecret,
    INTERNAL_IDENTITY_SECRET: options.internalSecret,
    LOG_LEVEL: options.logLevel ?? 'info',
  };
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
  };
  try {
    await buildServices();
    const subgraphUrls = {} as Record<SubgraphName, string>;
    const pids = {} as Record<SubgraphName | 'gateway', number>;
    const gatewayPort = options.gatewayPort ?? 4000;
    // Links mailed to customers (quote pages) are absolute: the gateway's public origin unless PUBLIC_URL says otherwise.
    const publicUrl = process.env.PUBLIC_URL || `http://127.0.0.1:${gatewayPort}`;
    await Promise.all(
      SUBGRAPHS.map(async ({ name, defaultPort }) => {
        const port = options.subgraphPorts?.[name] ?? defaultPort;
        const child = startProcess(
          name,
          serviceBundle(name),
          { ...common, PUBLIC_URL: publicUrl, ...options.subgraphEnv, [`${name.toUpperCase()}_PORT`]: String(port) },
          options.onOutput,
        );
        children.push(child);
        pids[name] = child.pid!;
        await waitForHealth(`http://127.0.0.1:${port}/health`, child, `subgraph ${name}`);
        subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`;
      }),
    );
    const gateway = startProcess(
      'gateway',
      serviceBundle('gateway'),
      {
        ...common,
        GATEWAY_PORT: String(gatewayPort),
        ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url])),
      },
      options.onOutput,
    );
    children.push(gateway);
    pids.gateway = gateway.pid!;
    await waitForHealth(`http://127.0.0.1:${gatewayPort}/health`, gateway, 'gateway');
    return { gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`, subgraphUrls, pids, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
