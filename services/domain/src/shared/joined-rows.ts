import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';

/**
 * Reading several entities with one joined SQL statement (a list page with its customers, sites
 * and technicians) and handing them back with the properties and values `em.find` would have
 * loaded, as plain objects (see `PlainRow`).
 */

interface Columns {
  /** Eager property names and their columns, in the entity's order. */
  properties: string[];
  columns: string[];
  /** Whether each property is a timestamp (the driver hands it over as text). */
  timestamps: boolean[];
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
      timestamps: eager.map((p) => p.runtimeType === 'Date'),
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
 * An entity's persisted properties as a plain object: what a read shows (a list, the board), with
 * none of the ORM's bookkeeping (identity map, change-set snapshot), which costs more than the SQL
 * for a page of rows. Not an entity: nothing read this way can be changed and flushed.
 */
export type PlainRow<T> = { [K in keyof T as K extends string ? K : never]: T[K] };

/**
 * The entity a joined row carries under `alias__…` columns, as a plain object: its eager properties
 * under the same names and with the same values `em.find` gives (timestamps as Dates), without
 * materialising an entity. Null when its primary key is null (an outer join found none). Without an
 * alias, the row's columns are read as they are named. `seen` maps each primary key once when the
 * same entity comes back on many rows (the customer of every intervention of a page).
 */
export function plainPrefixed<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  row: Record<string, unknown>,
  alias: string | null,
  seen?: Map<string, PlainRow<T>>,
): PlainRow<T> | null {
  const { properties, columns, timestamps, primary } = columnsOf(em, entity);
  const prefix = alias ? `${alias}__` : '';
  const keyParts = primary.map((column) => row[prefix + column]);
  if (keyParts.some((value) => value == null)) return null;
  const key = keyParts.join('|');
  const known = seen?.get(key);
  if (known) return known;
  const plain: Record<string, unknown> = {};
  for (let i = 0; i < properties.length; i += 1) {
    const value = row[prefix + columns[i]!];
    plain[properties[i]!] = timestamps[i] && value != null ? new Date(value as string) : value;
  }
  seen?.set(key, plain as PlainRow<T>);
  return plain as PlainRow<T>;
}

/**
 * The entity a joined row carries under `alias__…` columns, as the row `em.find` would have read
 * (column names, driver values), for `em.map` to make the entity. Null when its primary key is null.
 */
export function prefixedRaw<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  row: Record<string, unknown>,
  alias: string,
): Record<string, unknown> | null {
  const { columns, primary } = columnsOf(em, entity);
  if (primary.some((column) => row[`${alias}__${column}`] == null)) return null;
  return Object.fromEntries(columns.map((column) => [column, row[`${alias}__${column}`]]));
}

/** The tenant the request's unit of work is bound to (the `tenant` filter's parameter), for raw SQL. */
export function scopeTenantId(em: EntityManager): string {
  const tenantId = (em.getFilterParams('tenant') as { tenantId?: string } | undefined)?.tenantId;
  // eslint-disable-next-line no-restricted-syntax -- raw reads only run in a tenant scope; anything else is a wiring defect
  if (!tenantId) throw new Error('no tenant scope');
  return tenantId;
}
