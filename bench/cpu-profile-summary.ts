/**
 * Where a process's CPU went, from a V8 `.cpuprofile` (`node --cpu-prof`): the functions and the
 * packages with the most self time (the sample's own frame) and inclusive time (anywhere on the
 * sample's stack, counted once per sample), as shares of the busy time (idle excluded).
 *
 *   pnpm exec tsx bench/cpu-profile-summary.ts <file.cpuprofile>… [--top 25]
 *
 * Packages are told from the script's path: `node_modules/.pnpm/…/node_modules/<package>/`, Node's own
 * modules (`node:…`), the service bundles (`services/<name>/dist`, our code), and V8's pseudo-frames
 * ((garbage collector), (program): native work outside JavaScript, e.g. socket writes and JSON).
 * Samples taken while Node loads modules (the process's start) are counted apart, as `startup`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const service = /\/services\/([^/]+)\//.exec(url);
  if (service) return `relais ${service[1]}`;
  return path.basename(url);
}

function frameKey(frame: CallFrame): string {
  const where = frame.url ? `${packageOf(frame.url, frame.functionName)} ${path.basename(frame.url)}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${where ? ` — ${where}` : ''}`;
}

export interface Summary {
  busyMs: number;
  idleMs: number;
  startupMs: number;
  selfByFunction: [string, number][];
  selfByPackage: [string, number][];
  inclusiveByFunction: [string, number][];
  inclusiveByPackage: [string, number][];
}

export function summarise(profile: CpuProfile): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  const selfFn = new Map<string, number>();
  const selfPkg = new Map<string, number>();
  const inclFn = new Map<string, number>();
  const inclPkg = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let startup = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id)!;
    if (leaf.callFrame.functionName === '(idle)') {
      idle += ms;
      return;
    }
    const stack: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
    if (stack.some((frame) => frame.url.startsWith('node:internal/modules/'))) {
      startup += ms;
      return;
    }
    busy += ms;
    add(selfFn, frameKey(leaf.callFrame), ms);
    add(selfPkg, packageOf(leaf.callFrame.url, leaf.callFrame.functionName), ms);
    const fns = new Set<string>();
    const pkgs = new Set<string>();
    for (const frame of stack) {
      if (frame.functionName === '(root)') continue;
      fns.add(frameKey(frame));
      pkgs.add(packageOf(frame.url, frame.functionName));
    }
    for (const f of fns) add(inclFn, f, ms);
    for (const p of pkgs) add(inclPkg, p, ms);
  });
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return {
    busyMs: busy,
    idleMs: idle,
    startupMs: startup,
    selfByFunction: sorted(selfFn),
    selfByPackage: sorted(selfPkg),
    inclusiveByFunction: sorted(inclFn),
    inclusiveByPackage: sorted(inclPkg),
  };
}

function print(file: string, summary: Summary, top: number): void {
  const pct = (ms: number) => `${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)} %`;
  const table = (title: string, rows: [string, number][]) => {
    console.log(`\n  ${title}`);
    for (const [key, ms] of rows.slice(0, top)) console.log(`  ${pct(ms)}  ${key}`);
  };
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`\n${file}: busy ${s(summary.busyMs)} (shares below), startup ${s(summary.startupMs)}, idle ${s(summary.idleMs)}`);
  table('self time by package', summary.selfByPackage);
  table('inclusive time by package', summary.inclusiveByPackage);
  table('self time by function', summary.selfByFunction);
  table('inclusive time by function', summary.inclusiveByFunction);
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
for (const file of args) print(file, summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile), top);
