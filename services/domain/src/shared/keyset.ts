import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { eagerProperties, plainPrefixed, type PlainRow } from './joined-rows';
import { decodeCursor, encodeCursor, pageSize, type CursorValueKind, type Page, type PageArgs } from './pagination';

function cursorValue(value: unknown): string | number {
  return value instanceof Date ? value.toISOString() : (value as string | number);
}

/** What the sort field's value in a cursor must be, from the entity's mapping (a timestamp, a business date, a number, text). */
function sortValueKind<T extends object>(em: EntityManager, entity: EntityName<T>, field: string): CursorValueKind {
  const property = em.getMetadata().find(entity)?.properties[field as never] as
    { runtimeType?: string; columnTypes?: string[] } | undefined;
  if (property?.runtimeType === 'Date') return 'timestamp';
  if (property?.columnTypes?.[0] === 'date') return 'date';
  if (property?.runtimeType === 'number') return 'number';
  return 'text';
}

/**
 * One page of a list ordered by (sortField, id), read with a keyset condition rather than an
 * offset: one statement (page and count) whatever the page number. Rows whose sort field is null
 * are left out, so sort only on a nullable field when filtering on it makes sense.
 */
export function keysetPage<T extends { id: string }, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  sortField: K,
  args: PageArgs,
  direction: 'asc' | 'desc' = 'asc',
): Promise<Page<T>> {
  return pageOf(
    em,
    entity,
    where,
    sortField,
    args,
    direction,
    ({ __total_count: _, ...row }) => em.map(entity, row as never) as T,
    (n) => n[sortField],
  );
}

/** `keysetPage` as plain rows rather than entities, for lists only shown (see `PlainRow`). */
export function plainKeysetPage<T extends { id: string }, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  sortField: K,
  args: PageArgs,
  direction: 'asc' | 'desc' = 'asc',
): Promise<Page<PlainRow<T>>> {
  // The plain row reads the entity's columns only: the count beside them is left alone.
  return pageOf(
    em,
    entity,
    where,
    sortField,
    args,
    direction,
    (row) => plainPrefixed(em, entity, row, null)!,
    (n) => (n as T)[sortField],
  );
}

async function pageOf<T extends { id: string }, N extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  sortField: keyof T & string,
  args: PageArgs,
  direction: 'asc' | 'desc',
  toNode: (row: Record<string, unknown>) => N,
  sortValue: (node: N) => unknown,
): Promise<Page<N>> {
  const first = pageSize(args.first);
  const op = direction === 'asc' ? '$gt' : '$lt';
  const listed = { $and: [where, { [sortField]: { $ne: null } }] } as FilterQuery<T>;
  let pageWhere = listed;
  if (args.after) {
    const [value, id] = decodeCursor(args.after, [sortValueKind(em, entity, sortField), 'uuid']);
    pageWhere = {
      $and: [listed, { $or: [{ [sortField]: { [op]: value } }, { [sortField]: value, id: { [op]: id } }] }],
    } as FilterQuery<T>;
  }
  // The page and the count in one statement: the count is a scalar subquery beside each row.
  const page = em
    .createQueryBuilder(entity, 'e')
    .select(eagerProperties(em, entity) as never)
    .where(pageWhere as never)
    .orderBy({ [sortField]: direction, id: direction } as never)
    .limit(first + 1);
  const count = em
    .createQueryBuilder(entity, 'c')
    .count()
    .where(listed as never);
  await Promise.all([page.applyFilters(), count.applyFilters()]);
  page.addSelect(count.as('__total_count') as never);
  const raw = (await page.execute('all', false)) as unknown as (Record<string, unknown> & { __total_count: string })[];
  const rows = raw.map((row) => toNode(row));
  // An empty page carries no count: nothing is listed, or (after a cursor) the count is asked alone.
  const totalCount = raw.length ? Number(raw[0]!.__total_count) : args.after ? await em.count(entity, listed) : 0;
  const nodes = rows.slice(0, first);
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor([cursorValue(sortValue(n)), n.id])),
    hasNextPage: rows.length > first,
    hasPreviousPage: Boolean(args.after),
    totalCount,
  };
}
