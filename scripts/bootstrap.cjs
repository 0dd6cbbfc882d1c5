#!/usr/bin/env node
// Entry point of `npm start` / `npm test` on a machine that may only have Node.js 20 and npm.
// It brings the pinned toolchain (Node 24 LTS and pnpm from the npm registry) into .tools/,
// installs the workspace from the frozen lockfile, then runs the requested pnpm script under Node 24.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const PNPM_VERSION = pkg.packageManager.replace(/^pnpm@/, '');
const NODE_VERSION = pkg.engines.node.replace(/^[^\d]*/, '');
const MIN_NODE = [22, 17];
const tools = path.join(root, '.tools');

function log(message) {
  process.stdout.write(`\x1b[36m[relais]\x1b[0m ${message}\n`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function nodeIsRecentEnough(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

function installedVersion(name) {
  const file = path.join(tools, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
}

function ensureTools() {
  const wanted = [`pnpm@${PNPM_VERSION}`];
  const needNode = !nodeIsRecentEnough(process.versions.node);
  if (needNode) wanted.push(`node@${NODE_VERSION}`);
  const missing = wanted.filter((spec) => {
    const [name, version] = spec.split('@');
    return installedVersion(name) !== version;
  });
  if (missing.length > 0) {
    log(`installing the toolchain into .tools/: ${missing.join(', ')} (once)`);
    const status = run('npm', ['install', '--prefix', tools, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...wanted]);
    if (status !== 0) process.exit(status);
  }
  const nodeBin = needNode ? path.join(tools, 'node_modules', 'node', 'bin', 'node') : process.execPath;
  // npm links the native pnpm executable (and node, when installed) into .tools/node_modules/.bin
  return { nodeBin, toolsBin: path.join(tools, 'node_modules', '.bin') };
}

function main() {
  const script = process.argv[2];
  const extra = process.argv.slice(3);
  if (!script) {
    console.error('usage: node scripts/bootstrap.cjs <pnpm script> [args...]');
    process.exit(64);
  }
  const { nodeBin, toolsBin } = ensureTools();
  const env = {
    ...process.env,
    PATH: [toolsBin, path.dirname(nodeBin), path.join(root, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter),
    RELAIS_BOOTSTRAPPED: '1',
  };
  const pnpm = (args) => run(path.join(toolsBin, 'pnpm'), args, { env });
  if (!process.env.RELAIS_SKIP_INSTALL) {
    log(`installing dependencies (pnpm ${PNPM_VERSION}, frozen lockfile, Node ${spawnSync(nodeBin, ['-v']).stdout.toString().trim()})`);
    const status = pnpm(['install', '--frozen-lockfile', '--reporter=append-only', '--loglevel=warn']);
    if (status !== 0) process.exit(status);
  }
  process.exit(pnpm(['run', '--silent', script, ...extra]));
}

main();
