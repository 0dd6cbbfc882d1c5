import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { corsOriginsFromEnv } from './cors';
import { startGateway } from './gateway';
import { rateLimitsFromEnv } from './rate-limits';
import { loadTrustedDocuments, trustedDocumentsModeFromEnv } from './trusted-documents';
import { loginLimitsFromEnv, portalLinkLimitsFromEnv } from './login-guard';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is required`);
    process.exit(78);
  }
  return value;
}

const supergraphPath = process.env.SUPERGRAPH_PATH ?? path.resolve(import.meta.dirname, '../../../schema/supergraph.graphql');
const subgraphUrls = Object.fromEntries(
  ['platform', 'maintenance', 'billing', 'finance'].flatMap((name) => {
    const url = process.env[`${name.toUpperCase()}_URL`];
    return url ? [[name, url]] : [];
  }),
);
// The back-office's operations, registered by `pnpm codegen` (docs/api.md, trusted documents).
const trustedDocumentsPath =
  process.env.TRUSTED_DOCUMENTS_PATH ?? path.resolve(import.meta.dirname, '../../../schema/trusted-documents.json');
const gateway = await startGateway({
  port: Number(process.env.GATEWAY_PORT ?? 4000),
  host: process.env.GATEWAY_HOST ?? '127.0.0.1',
  supergraphSdl: await readFile(supergraphPath, 'utf8'),
  subgraphUrls,
  databaseUrl: required('APP_DATABASE_URL'),
  sessionSecret: required('SESSION_SECRET'),
  internalSecret: required('INTERNAL_IDENTITY_SECRET'),
  corsOrigins: corsOriginsFromEnv(process.env),
  maxBodyBytes: process.env.MAX_BODY_BYTES ? Number(process.env.MAX_BODY_BYTES) : undefined,
  maxUploadBytes: process.env.MAX_UPLOAD_BODY_BYTES ? Number(process.env.MAX_UPLOAD_BODY_BYTES) : undefined,
  rateLimits: rateLimitsFromEnv(process.env),
  trustedDocuments: { mode: trustedDocumentsModeFromEnv(process.env), documents: await loadTrustedDocuments(trustedDocumentsPath) },
  loginLimits: loginLimitsFromEnv(process.env),
  portalLinkLimits: portalLinkLimitsFromEnv(process.env),
});
const stop = () => {
  gateway.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
