import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A statement PostgreSQL parses and plans once per connection (its plan is for any values: see
 * `plan_cache_mode` in session-begin.driver.ts). MikroORM writes a statement's values into its text,
 * so PostgreSQL parses and plans every statement anew; for the large hand-written reads of the billing
 * path, planning cost about as much as running (docs/benchmarks.md, "seventh pass"). A prepared
 * statement's values are bound (`$1`, `$2`…, written `?` here as in `em.execute`), and sent as pg
 * sends them: text, numbers, booleans, null.
 *
 * Its answer must not name columns by `*`: a prepared statement whose result columns change (a
 * migration adding one) fails until its connection closes.
 */
export interface PreparedStatement {
  /** The text with `$n` placeholders, as sent. */
  readonly text: string;
}

/** Text → name on every connection (the same text, the same name). */
const names = new Map<string, string>();

/** A statement written with `?` placeholders (none other: no `?` operator), prepared on each connection on its first use. */
export function prepared(sql: string): PreparedStatement {
  let count = 0;
  const text = sql.replace(/\?/g, () => `$${++count}`);
  if (!names.has(text)) names.set(text, `relais_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`);
  return { text };
}

/** The name `text` is prepared under, when it is a prepared statement's. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}

export type BoundValue = string | number | boolean | null;

/** Runs a prepared statement in `em`'s transaction and tenant scope, as `em.execute` runs any other. */
export function executePrepared<T extends object>(
  em: EntityManager,
  statement: PreparedStatement,
  values: readonly BoundValue[],
): Promise<T[]> {
  return em.execute<T[]>(statement.text, [...values]);
}
