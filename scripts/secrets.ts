import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface StackSecrets {
  sessionSecret: string;
  internalSecret: string;
}

/** Secrets from the environment, or generated once into the data folder so sessions survive restarts. */
export function loadSecrets(dataDir: string): StackSecrets {
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<StackSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as StackSecrets;
  const secrets = {
    sessionSecret: process.env.SESSION_SECRET ?? stored.sessionSecret ?? randomBytes(32).toString('base64url'),
    internalSecret: process.env.INTERNAL_IDENTITY_SECRET ?? stored.internalSecret ?? randomBytes(32).toString('base64url'),
  };
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
