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
  /** The row mapper of each column prefix (see `mapperFor`). */
  mappers: Map<string, (row: Record<string, unknown>) => Record<string, unknown>>;
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
      mappers: new Map(),
    };
    columnsByMeta.set(meta, known);
  }
  return known;
}

const toDate = (value: unknown) => (value == null ? value : new Date(value as string));

/**
 * `row => ({ property: row["prefix" + column], … })` for one entity and prefix, compiled once: an object
 * literal of a fixed shape, where a loop setting properties by computed name was the board's costliest
 * function (a store by computed key is a slow lookup each time, and so is every later read of such an
 * object). Property and column names come from the entity's mapping, never from a request.
 */
function mapperFor(known: Columns, prefix: string): (row: Record<string, unknown>) => Record<string, unknown> {
  let mapper = known.mappers.get(prefix);
  if (!mapper) {
    const fields = known.properties.map((property, i) => {
      const value = `row[${JSON.stringify(prefix + known.columns[i]!)}]`;
      return `${JSON.stringify(property)}: ${known.timestamps[i] ? `toDate(${value})` : value}`;
    });
    mapper = new Function('toDate', `return (row) => ({ ${fields.join(', ')} });`)(toDate) as (
      row: Record<string, unknown>,
    ) => Record<string, unknown>;
    known.mappers.set(prefix, mapper);
  }
  return mapper;
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
  const known = columnsOf(em, entity);
  const prefix = alias ? `${alias}__` : '';
  const keyParts = known.primary.map((column) => row[prefix + column]);
  if (keyParts.some((value) => value == null)) return null;
  const key = keyParts.length === 1 ? (keyParts[0] as string) : keyParts.join('|');
  const already = seen?.get(key);
  if (already) return already;
  const plain = mapperFor(known, prefix)(row) as PlainRow<T>;
  seen?.set(key, plain);
  return plain;
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
