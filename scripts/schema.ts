/**
 * Regenerates the committed SDL of every subgraph and the composed supergraph in schema/.
 * `--check` fails (exit 1) when the committed files are stale or composition fails.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@theguild/federation-composition';
import { buildFederatedSchema, type SubgraphDefinition } from '@relais/subgraph-kit';
import { platformSubgraph } from '@relais/platform-subgraph';
import { maintenanceSubgraph } from '@relais/maintenance-subgraph';
import { billingSubgraph } from '@relais/billing-subgraph';
import { financeSubgraph } from '@relais/finance-subgraph';
import { SUBGRAPHS } from './stack-config';

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const definitions: SubgraphDefinition[] = [platformSubgraph, maintenanceSubgraph, billingSubgraph, financeSubgraph];

const files = new Map<string, string>();
const services = [];
for (const definition of definitions) {
  const { sdl } = await buildFederatedSchema(definition);
  const port = SUBGRAPHS.find((s) => s.name === definition.name)!.defaultPort;
  files.set(`schema/${definition.name}.graphql`, `${sdl.trim()}\n`);
  services.push({ name: definition.name, typeDefs: parse(sdl), url: `http://127.0.0.1:${port}/graphql` });
}
const composed = composeServices(services);
if (composed.errors?.length || !composed.supergraphSdl) {
  for (const error of composed.errors ?? []) console.error(`composition error: ${error.message}`);
  process.exit(1);
}
files.set('schema/supergraph.graphql', `${composed.supergraphSdl.trim()}\n`);

let stale = 0;
for (const [file, content] of files) {
  const target = path.join(root, file);
  const current = await readFile(target, 'utf8').catch(() => null);
  if (current === content) continue;
  if (check) {
    console.error(`${file} is stale: run \`pnpm schema\` and commit the result`);
    stale += 1;
  } else {
    await writeFile(target, content);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
console.log(check ? 'schema/ is up to date' : 'schema/ regenerated');
