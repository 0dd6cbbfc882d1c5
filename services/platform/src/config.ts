/** Checked at start-up by runSubgraphProcess (see `requiredEnv` in index.ts). */
export function sessionSecret(): string {
  return process.env.SESSION_SECRET as string;
}
