import { spawn } from 'node:child_process';
import path from 'node:path';
import { nodeFlagsOf, type ServiceName } from '../scripts/build-services';

/**
 * Runs one benchmark step in a child process of its own, started with the repository's tsx and the Node flags of the
 * service that does that work in production (its heap limit above all), so the step's peak RSS is its own. The child
 * reads its options as JSON from `envName` and sends its figures back over IPC before exiting with 0.
 * BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the step there.
 */
export function runStepChild<T>(service: ServiceName, script: string, envName: string, options: unknown, label: string): Promise<T> {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : [];
  const child = spawn(process.execPath, [...nodeFlagsOf(service), ...profile, '--import', 'tsx', path.join(import.meta.dirname, script)], {
    env: { ...process.env, [envName]: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<T>((resolve, reject) => {
    let figures: T | null = null;
    child.on('message', (message) => {
      figures = message as T;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (figures !== null && code === 0) resolve(figures);
      else reject(new Error(`the ${label} child process ended with ${signal ?? `code ${code}`} before reporting`));
    });
  });
}
