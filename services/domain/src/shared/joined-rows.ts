import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';

/**
 * Reading several entities with one joined SQL statement (a list page with its customers, sites
 * and technicians) and handing them back as the entities `em.find` would have loaded: same
 * properties, same conversions, merged into the request's identity map.
 */

interface Columns {
  /** Eager property names and their columns, in the entity's order. */
  properties: string[];
  columns: string[];
  primary: string[];
}
const columnsByMeta = new WeakMap<object, Columns>();

/** What `em.find` reads of an entity by default, worked out once per entity (rows are mapped by the thousand). */
function columnsOf<T extends object>(em: EntityManager, entity: EntityName<T>): Columns {
  const meta = em.getMetadata().find(entity);
  // eslint-disable-next-line no-restricted-syntax -- a wiring defect (an entity missing from the ORM), not something a user can cause
  if (!meta) throw new Error('unknown entity');
  let known = columnsByMeta.get(meta);
  if (!known) {
    const eager = meta.props.filter((p) => p.kind === 'scalar' && !p.lazy && p.persist !== false && !p.formula);
    known = {
      properties: eager.map((p) => p.name),
      columns: eager.flatMap((p) => p.fieldNames),
      primary: meta.props.filter((p) => p.primary).map((p) => p.fieldNames[0]!),
    };
    columnsByMeta.set(meta, known);
  }
  return known;
}

/** The persisted scalar properties `em.find` loads by default (lazy ones, such as a signature, left out). */
export function eagerProperties<T extends object>(em: EntityManager, entity: EntityName<T>): string[] {
  return columnsOf(em, entity).properties;
}

/** `alias."col" as "alias__col"`, for every eager column of the entity. */
export function prefixedColumns<T extends object>(em: EntityManager, entity: EntityName<T>, alias: string): string {
  return columnsOf(em, entity)
    .columns.map((column) => `${alias}."${column}" as "${alias}__${column}"`)
    .join(', ');
}

/**
 * The entity a joined row carries under `alias__…` columns, as loaded by `em.find` (null when its
 * primary key is null: an outer join found none). `seen` maps each primary key once when the
 * same entity comes back on many rows (the customer of every intervention of a page).
 */
export function mapPrefixed<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  row: Record<string, unknown>,
  alias: string,
  seen?: Map<string, T>,
): T | null {
  const { columns, primary } = columnsOf(em, entity);
  const key = primary.map((column) => row[`${alias}__${column}`]);
  if (key.some((value) => value == null)) return null;
  const id = key.join('|');
  const known = seen?.get(id);
  if (known) return known;
  const raw: Record<string, unknown> = {};
  for (const column of columns) raw[column] = row[`${alias}__${column}`];
  const mapped = em.map(entity, raw as never) as T;
  seen?.set(id, mapped);
  return mapped;
}

/** The tenant the request's unit of work is bound to (the `tenant` filter's parameter), for raw SQL. */
export function scopeTenantId(em: EntityManager): string {
  const tenantId = (em.getFilterParams('tenant') as { tenantId?: string } | undefined)?.tenantId;
  // eslint-disable-next-line no-restricted-syntax -- raw reads only run in a tenant scope; anything else is a wiring defect
  if (!tenantId) throw new Error('no tenant scope');
  return tenantId;
}
