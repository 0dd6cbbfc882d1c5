/**
 * The whole suite (`npm test`): the static checks (schema, codegen, types, lint, format), the
 * back-office's build, then every vitest project. The checks need no stack and no browser, so they run
 * beside the tests at the lowest CPU priority: they take the CPU the tests leave idle (a browser file
 * running alone leaves about a third of two CPUs unused) instead of a minute before the tests start.
 * Their output is shown after the tests', and the suite fails if either fails.
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

interface Outcome {
  code: number;
  output: string;
}

/** Runs `pnpm run <script>`, its output shown as it comes, or kept to be shown later. */
function pnpm(script: string, options: { keepOutput?: boolean; lowestPriority?: boolean } = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['run', script], { stdio: options.keepOutput ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    // Set before pnpm has started the checks' own processes, which inherit it.
    if (options.lowestPriority && child.pid !== undefined) setPriority(child.pid, 19);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const checks = pnpm('check', { keepOutput: true, lowestPriority: true }).catch((error: unknown): Outcome => ({
  code: 1,
  output: `${String(error)}\n`,
}));
const build = await pnpm('build:frontends');
const tests = build.code === 0 ? await pnpm('test:vitest') : build;
const checked = await checks;
process.stdout.write(`\n── checks (schema, codegen, types, lint, format) ──\n${checked.output}`);
process.stdout.write(`── checks ${checked.code === 0 ? 'passed' : `FAILED (exit ${checked.code})`} ──\n`);
process.exitCode = tests.code !== 0 ? tests.code : checked.code;
