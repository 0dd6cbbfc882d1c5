/**
 * Merges the trusted documents of every front-end package (`frontends/<package>/src/gql/persisted-
 * documents.json`, written by `pnpm codegen`) into `schema/trusted-documents.json`, the list the
 * gateway accepts by id (docs/api.md, trusted documents). Part of `pnpm codegen`; `codegen:check`
 * fails when the committed file differs from what this writes.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, 'schema/trusted-documents.json');

const packages = (await readdir(path.join(root, 'frontends'), { withFileTypes: true })).filter((entry) => entry.isDirectory());
const merged = new Map<string, string>();
for (const { name } of packages) {
  const file = path.join(root, 'frontends', name, 'src/gql/persisted-documents.json');
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) continue;
  for (const [id, document] of Object.entries(JSON.parse(text) as Record<string, string>)) {
    // Same id, same text (the id is the text's SHA-256): two packages may share an operation.
    merged.set(id, document);
  }
}
const sorted = Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : 1)));
const content = `${JSON.stringify(sorted, null, 2)}\n`;
if ((await readFile(target, 'utf8').catch(() => null)) !== content) await writeFile(target, content);
console.log(`schema/trusted-documents.json: ${merged.size} documents`);
