import { useQuery } from '@apollo/client/react';
import { AuditLogDocument } from '../../gql/graphql';
import { auditPeriod } from './audit-entry';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actorId: string;
  tableName: string;
  rowId: string;
  /** Inclusive days, YYYY-MM-DD, or empty. */
  fromDay: string;
  toDay: string;
}

/** One page of the log (one more entry asked for, to know whether an older page exists). */
export function useAuditLog(filters: AuditFilters, before: string | null) {
  const { data, loading, error, refetch } = useQuery(AuditLogDocument, {
    fetchPolicy: 'cache-and-network',
    variables: {
      first: AUDIT_PAGE_SIZE + 1,
      before,
      actorId: filters.actorId || null,
      tableName: filters.tableName || null,
      rowId: filters.rowId.trim() || null,
      ...auditPeriod(filters.fromDay, filters.toDay),
    },
  });
  const entries = data?.auditLog ?? [];
  return {
    entries: entries.slice(0, AUDIT_PAGE_SIZE),
    hasOlder: entries.length > AUDIT_PAGE_SIZE,
    loading: loading && !data,
    error,
    retry: () => void refetch(),
  };
}
