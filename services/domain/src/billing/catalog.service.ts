import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { CatalogItem } from './catalog-item.entity';
import { containsPattern } from '../shared/search';

export function searchCatalog(em: EntityManager, args: { kind?: string | null; search?: string | null }): Promise<CatalogItem[]> {
  const where: FilterQuery<CatalogItem>[] = [{ active: true }];
  if (args.kind) where.push({ kind: args.kind as CatalogItem['kind'] });
  const search = args.search?.trim();
  if (search) {
    const like = containsPattern(search);
    where.push({ $or: [{ code: { $ilike: like } }, { label: { $ilike: like } }] });
  }
  return em.find(CatalogItem, { $and: where }, { orderBy: { label: 'asc' }, limit: 100 });
}

export const catalogItemsByIds = (em: EntityManager, ids: readonly string[]) => em.find(CatalogItem, { id: { $in: [...ids] } });
