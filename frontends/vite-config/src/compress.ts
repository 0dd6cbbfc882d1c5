import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const compressible = /\.(js|mjs|css|html|svg|json|map|txt)$/;
/** Below this size a compressed copy saves less than the extra header costs. */
const MIN_SIZE = 1024;

/**
 * Both copies are at least as new as the file: an earlier build into the same folder wrote them
 * (the shell's sign-in page is built into the federated shell's dist/, after it).
 */
function compressedAlready(file: string): boolean {
  const written = statSync(file).mtimeMs;
  return ['.br', '.gz'].every((extension) => (statSync(`${file}${extension}`, { throwIfNoEntry: false })?.mtimeMs ?? -1) >= written);
}

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy next to every text file of the build, so the
 * servers (frontends/shell/server/serve.ts, nginx `gzip_static`) send them without compressing on
 * each request. Runs once the whole output is written, remoteEntry.js included.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'relais:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !compressible.test(entry.name)) continue;
        const file = join(entry.parentPath, entry.name);
        if (compressedAlready(file)) continue;
        const content = readFileSync(file);
        if (content.length < MIN_SIZE) continue;
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
          }),
        );
      }
    },
  };
}
