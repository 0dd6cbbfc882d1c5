import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from './pagination';

/**
 * One page of a list ordered by (sortField, id), read with a keyset condition rather than an
 * offset: two statements (page + count) whatever the page number.
 */
export async function keysetPage<T extends { id: string }, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  sortField: K,
  args: PageArgs,
): Promise<Page<T>> {
  const first = pageSize(args.first);
  let pageWhere = where;
  if (args.after) {
    const [value, id] = decodeCursor(args.after, 2);
    pageWhere = {
      $and: [where, { $or: [{ [sortField]: { $gt: value } }, { [sortField]: value, id: { $gt: id } }] }],
    } as FilterQuery<T>;
  }
  const [rows, totalCount] = await Promise.all([
    em.find(entity, pageWhere, { orderBy: { [sortField]: 'asc', id: 'asc' } as never, limit: first + 1 }),
    em.count(entity, where),
  ]);
  const nodes = rows.slice(0, first);
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor([n[sortField] as string, n.id])),
    hasNextPage: rows.length > first,
    hasPreviousPage: Boolean(args.after),
    totalCount,
  };
}
