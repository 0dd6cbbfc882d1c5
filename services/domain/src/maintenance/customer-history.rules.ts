/**
 * A customer's history as people read it, from the audit log (who, when, what): the changes to the
 * customer record, its contacts, its sites and their equipment. Technical columns (keys, versions,
 * timestamps, ordering) are left out; the other columns are named as the API names the fields
 * (`billing_postal_code` → `billingPostalCode`), their values as text.
 */

export const HISTORY_SUBJECTS = { customers: 'CUSTOMER', customer_contacts: 'CONTACT', sites: 'SITE', equipment: 'EQUIPMENT' } as const;
export type HistoryTable = keyof typeof HISTORY_SUBJECTS;
export type HistorySubject = (typeof HISTORY_SUBJECTS)[HistoryTable];
export type HistoryAction = 'CREATED' | 'UPDATED' | 'DELETED';

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface HistoryEntry {
  id: string;
  at: Date;
  /** The user's name, the API key's name, or "Système". */
  actorName: string;
  subject: HistorySubject;
  subjectId: string;
  /** The customer's, contact's, site's or equipment's name. */
  subjectLabel: string;
  action: HistoryAction;
  changes: FieldChange[];
}

/** One audit row as read from `audit_log`, with the names of the user or API key that acted. */
export interface AuditRow {
  id: string;
  at: Date;
  tableName: HistoryTable;
  rowId: string;
  action: 'insert' | 'update' | 'delete';
  changes: Record<string, unknown>;
  userName: string | null;
  apiKeyName: string | null;
}

const HIDDEN_COLUMNS = new Set(['tenant_id', 'id', 'version', 'created_at', 'updated_at', 'position']);
const ACTIONS = { insert: 'CREATED', update: 'UPDATED', delete: 'DELETED' } as const;

/** Keys (`customer_id`, `site_id`…) mean nothing to a reader; the label columns name the subject instead. */
const shown = (column: string) => !HIDDEN_COLUMNS.has(column) && !column.endsWith('_id');

export const fieldName = (column: string): string => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The name a row gives itself (`name`, or `full_name` for a contact), from a full row or an update's changes. */
export function labelOf(changes: Record<string, unknown>): string | null {
  for (const column of ['name', 'full_name']) {
    const value = changes[column];
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object' && 'to' in value && typeof value.to === 'string') return value.to;
  }
  return null;
}

function fieldChanges(row: AuditRow): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [column, value] of Object.entries(row.changes)) {
    if (!shown(column)) continue;
    if (row.action === 'update') {
      const { from, to } = (value ?? {}) as { from?: unknown; to?: unknown };
      changes.push({ field: fieldName(column), from: text(from), to: text(to) });
    } else {
      const current = text(value);
      // A creation lists what was filled in; a deletion, what was lost. `false` flags say nothing.
      if (current === null || value === false) continue;
      changes.push({
        field: fieldName(column),
        from: row.action === 'delete' ? current : null,
        to: row.action === 'insert' ? current : null,
      });
    }
  }
  return changes.sort((a, b) => a.field.localeCompare(b.field));
}

/**
 * The entries, newest first as given. `labels` names each row by id (the current names); a row no
 * longer there is named by its own audit rows.
 */
export function historyEntries(rows: readonly AuditRow[], labels: ReadonlyMap<string, string>): HistoryEntry[] {
  const known = new Map(labels);
  for (const row of [...rows].reverse()) {
    const label = labelOf(row.changes);
    if (label && !labels.has(row.rowId)) known.set(row.rowId, label);
  }
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actorName: row.userName ?? (row.apiKeyName ? `Clé API « ${row.apiKeyName} »` : 'Système'),
    subject: HISTORY_SUBJECTS[row.tableName],
    subjectId: row.rowId,
    subjectLabel: known.get(row.rowId) ?? '—',
    action: ACTIONS[row.action],
    changes: fieldChanges(row),
  }));
}
