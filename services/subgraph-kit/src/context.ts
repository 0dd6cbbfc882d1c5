import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Errors, type Identity, type Orm } from '@relais/domain';
import type { Logger } from 'pino';
import { hasPermission, type Permission } from './permissions';

export interface RequestContext {
  requestId: string;
  identity: Identity | null;
  /** The caller's address and browser as the gateway saw them (recorded with a customer's decision); null when not given. */
  client: { ip: string | null; userAgent: string | null };
  /** The tenant unit of work for this request; absent for anonymous calls (login). */
  scope: EntityManager | null;
  orm: Orm;
  log: Logger;
  loaders: Map<string, DataLoader<string, unknown>>;
  /** Work to do once the request's transaction has committed (e.g. enqueue the job it created). */
  afterCommit: (() => Promise<void>)[];
  /** A signing key for one purpose, derived from the internal secret (HMAC-SHA256). */
  deriveKey: (purpose: string) => Uint8Array;
}

export function em(ctx: RequestContext): EntityManager {
  if (!ctx.scope) throw Errors.unauthenticated();
  return ctx.scope;
}

export function identityOf(ctx: RequestContext): Identity {
  if (!ctx.identity) throw Errors.unauthenticated();
  return ctx.identity;
}

export function tenantIdOf(ctx: RequestContext): string {
  return identityOf(ctx).tenantId;
}

export function requirePermission(ctx: RequestContext, permission: Permission): void {
  const identity = identityOf(ctx);
  if (!hasPermission(identity, permission)) throw Errors.forbidden(`Permission requise : ${permission}`, { permission });
}

/** For actions two roles may take (a payment recorded by the billing clerk or the accountant). */
export function requireAnyPermission(ctx: RequestContext, permissions: readonly Permission[]): void {
  const identity = identityOf(ctx);
  if (!permissions.some((p) => hasPermission(identity, p)))
    throw Errors.forbidden(`Permission requise : ${permissions.join(' ou ')}`, { permissions });
}

/**
 * A per-request DataLoader, created on first use: `batch` receives every key asked for during one
 * tick and returns rows; `keyOf` tells which key a row answers. One SQL statement per batch.
 */
export function loaderFor<V>(
  ctx: RequestContext,
  name: string,
  batch: (em: EntityManager, keys: readonly string[]) => Promise<V[]>,
  keyOf: (row: V) => string,
): DataLoader<string, V | null> {
  let loader = ctx.loaders.get(name) as DataLoader<string, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(async (keys) => {
      const rows = await batch(em(ctx), keys);
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    });
    ctx.loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** Like `loaderFor`, for one-to-many lookups: each key gets the list of rows that belong to it. */
export function groupLoaderFor<V>(
  ctx: RequestContext,
  name: string,
  batch: (em: EntityManager, keys: readonly string[]) => Promise<V[]>,
  keyOf: (row: V) => string,
): DataLoader<string, V[]> {
  return multiGroupLoaderFor(ctx, name, batch, (row) => [keyOf(row)]);
}

/** Like `groupLoaderFor`, where a row may belong to several keys (a record linking two of them). */
export function multiGroupLoaderFor<V>(
  ctx: RequestContext,
  name: string,
  batch: (em: EntityManager, keys: readonly string[]) => Promise<V[]>,
  keysOf: (row: V) => string[],
): DataLoader<string, V[]> {
  let loader = ctx.loaders.get(name) as DataLoader<string, V[]> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V[]>(async (keys) => {
      const rows = await batch(em(ctx), keys);
      const groups = new Map<string, V[]>();
      for (const row of rows) for (const key of new Set(keysOf(row))) groups.set(key, [...(groups.get(key) ?? []), row]);
      return keys.map((key) => groups.get(key) ?? []);
    });
    ctx.loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}
