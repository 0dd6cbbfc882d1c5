/** The id `pnpm codegen` gives each generated document ("sha256:<hex>", see codegen.ts), if it has one. */
export function documentIdOf(query: unknown): string | null {
  const hash = (query as { __meta__?: { hash?: unknown } } | null)?.__meta__?.hash;
  return typeof hash === 'string' ? hash : null;
}
