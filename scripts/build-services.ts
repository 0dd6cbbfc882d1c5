/**
 * Builds each service (the four subgraphs and the gateway) into one ES module,
 * `services/<name>/dist/main.mjs`, for `pnpm start`, the tests, the benchmarks and the image alike.
 *
 * Why: a service run through tsx compiles ~700 TypeScript modules at start-up and keeps what that
 * costs (the finance subgraph idled at ~250 MB RSS under tsx against ~200 MB bundled, both with
 * the flags below; docs/architecture.md). Our own code (the service and the `@relais/*` workspace
 * packages) is bundled; npm packages stay external, imported by the absolute path pnpm installed
 * them at, so each is the very file Node would load for the package that imports it. For the same
 * reason `import.meta.url`/`dirname`/`filename` keep the values of the source file they are written
 * in (files read beside the source, packages resolved from it). A bundle is therefore a build of
 * this checkout, made in place: `dist/` is never committed or copied elsewhere.
 *
 * Concurrent builds (tests started by several processes) are safe: each file is written beside
 * its final name and renamed over it.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

export const SERVICE_NAMES = ['platform', 'maintenance', 'billing', 'finance', 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The built entry of a service, to run with `node` (see `SERVICE_NODE_FLAGS`). */
export const serviceBundle = (name: ServiceName): string => path.join(root, 'services', name, 'dist', 'main.mjs');

/**
 * The subgraphs also get `dist/render-worker.mjs`, the entry of their PDF render threads
 * (services/domain/src/billing/documents/render-pool.ts), whose path the build writes into the
 * bundle as `process.env.RENDER_WORKER`.
 */
const RENDER_WORKER_SOURCE = path.join(root, 'services', 'domain', 'src', 'billing', 'documents', 'render-worker.ts');

/**
 * Node's flags for a service process. The young generation is capped at V8's former default
 * (16 MB per semi-space): on a machine with a lot of memory, V8 sizes it at 64 MB per semi-space,
 * which a service's allocations soon touch whole and keep resident (~100 MB of RSS for nothing).
 * Source maps are written beside each bundle but not loaded: `--enable-source-maps` costs ~17 MB
 * per process; pass it through NODE_OPTIONS when stack traces should point into the TypeScript.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=16'];

/**
 * More flags for one service. V8, seeing a machine with memory to spare, lets garbage pile up to
 * several times a process's live set before a full collection, and keeps the pages once collected:
 * capped, it collects sooner (issue 13: every service at most 300 MB of RSS).
 * - The gateway (live set ~45 MB at start): after the hostile sweep's 1,300 requests (documents with
 *   100,000-character strings) it reached 450 MB of RSS uncapped. Its caches of parsed documents are
 *   bounded by size (services/gateway/src/document-cache.ts): GraphQL Yoga's own cache, 1,024
 *   documents whatever their size, is what once filled this heap in the whole suite.
 * - Maintenance (live set ~60 MB): 15 s of dispatch boards at 10 connections took it from 180 to
 *   400 MB of RSS with 40 MB live after a full collection; capped, 230 MB at the same throughput.
 *   Its largest work, the preventive generation, runs one contract per transaction.
 * - Billing: after the convert + issue and « À facturer » benchmarks, 490 MB of RSS uncapped, 270 MB
 *   capped, converting and issuing as fast. PDF rendering runs on worker threads, with heaps of their own.
 * - Finance: after the dashboard and FEC benchmarks (100,000 invoices, a 155 MB FEC streamed twice),
 *   478 MB of RSS uncapped. Its largest work, a bank statement of 10,000 movements matched against
 *   50,000 open invoices in one request, peaks near 190 MB of heap (run through tsx, ~50 MB more than
 *   the bundle): at 160 MB it ran out of memory, so its cap is 256 MB (the benchmarks run that import
 *   with these flags).
 */
export const SERVICE_EXTRA_NODE_FLAGS: Partial<Record<ServiceName, string[]>> = {
  gateway: ['--max-old-space-size=160'],
  maintenance: ['--max-old-space-size=160'],
  billing: ['--max-old-space-size=160'],
  finance: ['--max-old-space-size=256'],
};

/** All of a service's flags; the benchmarks also run the work a service does in production with them. */
export const nodeFlagsOf = (name: ServiceName): string[] => [...SERVICE_NODE_FLAGS, ...(SERVICE_EXTRA_NODE_FLAGS[name] ?? [])];

/** All of a built service's flags, told by its bundle's path. */
export function serviceNodeFlags(entry: string): string[] {
  const name = SERVICE_NAMES.find((service) => serviceBundle(service) === entry);
  return name ? nodeFlagsOf(name) : SERVICE_NODE_FLAGS;
}

/** npm packages stay outside the bundle, imported from where pnpm put them for their importer. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@relais/') || args.pluginData === 'resolving') return undefined;
      if (args.path.startsWith('node:')) return { external: true };
      const resolved = await builder.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return resolved.path.includes(`${path.sep}node_modules${path.sep}`) ? { path: resolved.path, external: true } : undefined;
    });
  },
};

/** `import.meta` of a source file keeps that file's values once bundled. */
const sourceImportMeta: Plugin = {
  name: 'source-import-meta',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: 'ts' };
    });
  },
};

async function buildService(name: ServiceName): Promise<void> {
  const outfile = serviceBundle(name);
  const entryPoints: Record<string, string> = { main: path.join(root, 'services', name, 'src', 'main.ts') };
  const define: Record<string, string> = {};
  if (name !== 'gateway') {
    entryPoints['render-worker'] = RENDER_WORKER_SOURCE;
    define['process.env.RENDER_WORKER'] = JSON.stringify(path.join(path.dirname(outfile), 'render-worker.mjs'));
  }
  const result = await build({
    entryPoints,
    outdir: path.dirname(outfile),
    outExtension: { '.js': '.mjs' },
    define,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    tsconfig: path.join(root, 'tsconfig.json'),
    sourcemap: 'linked',
    write: false,
    logLevel: 'silent',
    plugins: [externalPackages, sourceImportMeta],
  });
  await mkdir(path.dirname(outfile), { recursive: true });
  await Promise.all(
    result.outputFiles.map(async (file) => {
      const temporary = `${file.path}.${randomUUID()}.tmp`;
      await writeFile(temporary, file.contents);
      await rename(temporary, file.path);
    }),
  );
}

let building: Promise<void> | undefined;

/** Builds every service once per process (later calls wait for the same build). */
export function buildServices(): Promise<void> {
  building ??= Promise.all(SERVICE_NAMES.map(buildService)).then(() => undefined);
  return building;
}

if (import.meta.filename === process.argv[1]) {
  const started = Date.now();
  await buildServices();
  console.log(
    `services built in ${Date.now() - started} ms: ${SERVICE_NAMES.map((name) => path.relative(root, serviceBundle(name))).join(', ')}`,
  );
}
