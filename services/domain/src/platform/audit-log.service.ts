import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { pageSize } from '../shared/pagination';
import { Validator } from '../shared/errors';
import { AuditEntry } from './audit-entry.entity';

export interface AuditLogFilter {
  /** The user or API key that made the change. */
  actorId?: string | null;
  tableName?: string | null;
  rowId?: string | null;
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
  /** Keyset cursor: entries older than this id. */
  before?: string | null;
  first?: number | null;
}

/** Latest changes first, filtered; the next page starts `before` the last id shown. */
export async function searchAuditLog(em: EntityManager, filter: AuditLogFilter): Promise<AuditEntry[]> {
  new Validator()
    .check(!filter.before || /^\d{1,19}$/.test(filter.before), 'before', 'curseur invalide')
    .check(!filter.from || !filter.to || filter.from < filter.to, 'to', 'doit suivre la date de début', 'OUT_OF_RANGE')
    .throwIfInvalid();
  const where: FilterQuery<AuditEntry> = {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.tableName ? { tableName: filter.tableName } : {}),
    ...(filter.rowId ? { rowId: filter.rowId } : {}),
    ...(filter.from || filter.to
      ? { at: { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) } }
      : {}),
    ...(filter.before ? { id: { $lt: filter.before } } : {}),
  };
  return em.find(AuditEntry, where, { orderBy: { id: 'desc' }, limit: pageSize(filter.first ?? 50) });
}
